// The contract over Electron IPC: one channel, every call checked for its sender, then the
// shared dispatcher (the same table the loopback host uses) validates input and output.
import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron';
import { type CallResult, isOperationName } from '../common/contract.ts';
import type { Dispatch } from '../common/dispatch.ts';
import { logger } from '../node/log/logger.ts';
import { judgeSender } from './sender-guard.ts';

/** The only IPC channel. The preload (src-main/preload/index.ts) names it too. */
export const CALL_CHANNEL = 'workbench:call';

export interface IpcServerOptions {
  dispatch: Dispatch;
  /** The workbench window, or null while there is none. */
  window: () => BrowserWindow | null;
  onInternalError: (err: unknown) => void;
}

const unauthorized: CallResult = {
  ok: false,
  error: {
    code: 'unauthorized',
    message: 'This page is not allowed to use the workbench. Restart the workbench.',
  },
};

/** Whether the message came from the top frame of the workbench window's own webContents. */
function fromOurMainFrame(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  if (!win || win.isDestroyed()) return false;
  const contents = win.webContents;
  if (event.sender.id !== contents.id) return false;
  const frame = event.senderFrame;
  if (!frame || frame.detached || frame.parent !== null) return false;
  // Distinct WebFrameMain objects may stand for the same frame: compare identities, not objects.
  const main = contents.mainFrame;
  return frame.processId === main.processId && frame.routingId === main.routingId;
}

/** Registers the handler; returns a function that removes it. */
export function registerIpcServer(options: IpcServerOptions): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, operation: unknown, input: unknown): Promise<CallResult> => {
    const verdict = judgeSender(event.senderFrame?.url, fromOurMainFrame(event, options.window()));
    if (!verdict.allowed) {
      logger('ipc').warn(`refused an IPC call to ${String(operation)}: ${verdict.reason}`);
      return unauthorized;
    }
    if (!isOperationName(operation)) {
      return { ok: false, error: { code: 'invalid_input', message: 'There is no such operation.' } };
    }
    try {
      return await options.dispatch(operation, input);
    } catch (err) {
      options.onInternalError(err);
      return {
        ok: false,
        error: {
          code: 'internal',
          message: 'Something went wrong on this desk. Please try again; if it keeps happening, call IT.',
        },
      };
    }
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}
