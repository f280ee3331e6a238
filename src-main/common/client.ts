// Builds the typed Api over any transport (Electron IPC or loopback HTTP). A failed call
// rejects with a WorkbenchError carrying the typed code, so the UI can show the right words.
import { type Api, type CallResult, type OperationName, operationNames } from './contract.ts';
import { WorkbenchError } from './errors.ts';

export type Transport = (operation: OperationName, input: unknown) => Promise<CallResult>;

export function createClient(transport: Transport): Api {
  const api = {} as Record<OperationName, (input: unknown) => Promise<unknown>>;
  for (const name of operationNames) {
    api[name] = async (input) => {
      const result = await transport(name, input);
      if (result.ok) return result.value;
      throw WorkbenchError.fromShape(result.error);
    };
  }
  return api as unknown as Api;
}
