// The decision behind every IPC call: may this sender use the contract? Pure (plain values in,
// a verdict out) so it is tested in plain Node; ipc-server.ts gathers the facts from Electron.
import { isAppUrl } from './app-url.ts';

export type SenderVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * @param frameUrl the URL of the frame that sent the message (`event.senderFrame.url`); null or
 *   undefined when Electron no longer has the frame (it navigated away or was destroyed).
 * @param isOurMainFrame the frame is the top frame of the workbench window's own webContents.
 */
export function judgeSender(frameUrl: string | null | undefined, isOurMainFrame: boolean): SenderVerdict {
  if (frameUrl === null || frameUrl === undefined) {
    return { allowed: false, reason: 'the sending frame is gone (navigated or destroyed)' };
  }
  if (!isOurMainFrame)
    return { allowed: false, reason: 'the sender is not the main frame of the workbench window' };
  if (!isAppUrl(frameUrl)) return { allowed: false, reason: 'the sending page is not on app://workbench' };
  return { allowed: true };
}
