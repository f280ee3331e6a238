// Chooses how the UI reaches the desk, once, at boot:
//  - in the Electron window the preload exposes `window.workbench` (one function per operation);
//  - in browser mode (`workbench serve`) calls go to the loopback host as POST api/<operation>,
//    with the per-launch token the host injected into index.html.
// Either way the result is a CallResult, which createClient turns into values or WorkbenchErrors.
import type { Transport } from '../src-main/common/client.ts';
import { CallResult, type OperationName } from '../src-main/common/contract.ts';

type PreloadBridge = Partial<Record<OperationName, (input: unknown) => Promise<unknown>>>;

declare global {
  interface Window {
    workbench?: PreloadBridge;
  }
}

/** The desk could not be reached at all (host stopped, network error, not a workbench answer). */
export class TransportError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TransportError';
  }
}

export type TransportKind = 'electron' | 'http';

function checkResult(operation: OperationName, value: unknown): CallResult {
  const parsed = CallResult.safeParse(value);
  if (!parsed.success) throw new TransportError(`The answer to ${operation} was not a workbench result.`);
  return parsed.data;
}

export function electronTransport(bridge: PreloadBridge): Transport {
  return async (operation, input) => {
    const call = bridge[operation];
    if (typeof call !== 'function') throw new TransportError(`The desk does not offer ${operation}.`);
    return checkResult(operation, await call(input));
  };
}

/** The token the host put in <meta name="workbench-token">, else the ?token= of the page's URL. */
export function readToken(doc: Document, location: Location): string {
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="workbench-token"]')?.content?.trim();
  if (meta) return meta;
  return new URLSearchParams(location.search).get('token') ?? '';
}

export function httpTransport(
  token: string,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): Transport {
  return async (operation, input) => {
    let response: Response;
    try {
      // Relative URL: the page may be served under a path prefix.
      response = await fetchImpl(`api/${operation}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-workbench-token': token },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
    } catch (err) {
      throw new TransportError('The workbench host did not answer.', { cause: err });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (err) {
      throw new TransportError(`The workbench host answered ${response.status} without a result.`, {
        cause: err,
      });
    }
    return checkResult(operation, body);
  };
}

export function chooseTransport(win: Window = window): { kind: TransportKind; transport: Transport } {
  if (win.workbench && typeof win.workbench === 'object') {
    return { kind: 'electron', transport: electronTransport(win.workbench) };
  }
  return { kind: 'http', transport: httpTransport(readToken(win.document, win.location)) };
}
