// Updates come from the city's own server (electron-updater, generic provider: the address is
// baked into the packaged app's app-update.yml by electron-builder's `publish` setting). A new
// version is downloaded in the background; before restarting into it, the leave guard asks when
// changes still wait for the legacy database. Declined, it installs the next time the app quits
// (and that quit asks too). Tested with a plain EventEmitter standing in for autoUpdater.
import { logger } from '../node/log/logger.ts';

/** What of electron-updater's autoUpdater this uses. */
export interface UpdaterLike {
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  checkForUpdates(): Promise<unknown> | unknown;
  quitAndInstall(): void;
  autoInstallOnAppQuit: boolean;
}

export interface UpdaterOptions {
  updater: UpdaterLike;
  /** The leave guard's question; true when the app may restart now. */
  confirmUpdate: () => Promise<boolean>;
  /** How often to look for a new version (4 hours). */
  checkEveryMs?: number;
  log?: (message: string) => void;
}

/** Starts looking for updates; returns a function that stops it. */
export function startUpdates(options: UpdaterOptions): () => void {
  const { updater } = options;
  const log = options.log ?? ((m: string) => logger('updater').info(m));
  updater.autoInstallOnAppQuit = true;
  let asking = false;
  updater.on('update-downloaded', (info) => {
    if (asking) return;
    asking = true;
    void options
      .confirmUpdate()
      .then((ok) => {
        if (ok) updater.quitAndInstall();
        else log(`update ${info.version} waits for the next time the workbench is closed`);
      })
      .finally(() => {
        asking = false;
      });
  });
  // An update server that cannot be reached is not the clerk's problem: logged for IT, nothing shown.
  updater.on('error', (err) => log(`update check failed: ${err.message}`));
  const check = () => {
    try {
      void Promise.resolve(updater.checkForUpdates()).catch((err: Error) =>
        log(`update check failed: ${err.message}`),
      );
    } catch (err) {
      log(`update check failed: ${(err as Error).message}`);
    }
  };
  check();
  const timer = setInterval(check, options.checkEveryMs ?? 4 * 60 * 60_000);
  timer.unref?.();
  return () => clearInterval(timer);
}
