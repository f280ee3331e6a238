// The sandboxed preload: exposes exactly the contract as `window.workbench`, one async function
// per operation, each answering a CallResult. Nothing else crosses: not ipcRenderer, not events,
// not a generic send. Bundled as CommonJS (a sandboxed preload can require only electron), so
// everything it imports besides electron must be bundled into it.
import { contextBridge, ipcRenderer } from 'electron';
import { type CallResult, type OperationName, operationNames } from '../common/contract.ts';

/** Must equal CALL_CHANNEL in src-main/electron/ipc-server.ts (a unit test holds them together). */
const CALL_CHANNEL = 'workbench:call';

async function call(operation: OperationName, input: unknown): Promise<CallResult> {
  try {
    return (await ipcRenderer.invoke(CALL_CHANNEL, operation, input)) as CallResult;
  } catch {
    // Only when the main process has no handler or failed outside the dispatcher.
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'The workbench did not answer. Restart it; if it keeps happening, call IT.',
      },
    };
  }
}

const api: Record<string, (input: unknown) => Promise<CallResult>> = {};
for (const name of operationNames) api[name] = (input: unknown) => call(name, input);

contextBridge.exposeInMainWorld('workbench', Object.freeze(api));
