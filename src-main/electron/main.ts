// The desktop shell's composition root: which desk, the app:// scheme, the guards, the window,
// the IPC server, and a clean quit. Every piece lives in its own file; this one only wires them.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, dialog, session } from 'electron';
import type { Handlers } from '../common/contract.ts';
import { createDispatcher } from '../common/dispatch.ts';
import { isWorkbenchError } from '../common/errors.ts';
import { leaveLanguageOf } from '../common/quit-guard.ts';
import { type Desk, openDesk } from '../node/desk/open-desk.ts';
import { deskPaths, resolveDataDir } from '../node/desk/paths.ts';
import { configureLogging, logger } from '../node/log/logger.ts';
import { currentActor } from '../node/security/actor.ts';
import { createHandlers } from '../node/handlers/handlers.ts';
import { SyncEngine } from '../node/sync/sync-engine.ts';
import { registerAppScheme, serveAppProtocol } from './app-protocol.ts';
import { dataDirFlag } from './args.ts';
import { registerIpcServer } from './ipc-server.ts';
import { installLeaveGuard } from './leave-guard.ts';
import { shellLayout } from './layout.ts';
import { installContentsGuards, lockDownSession } from './security-guards.ts';
import { startUpdates } from './updater.ts';
import { createMainWindow } from './window.ts';

const layout = shellLayout(dirname(fileURLToPath(import.meta.url)));
// bridges/ and migrations/ sit at the app root; bundled into out/main, paths.ts would look three
// levels above the bundle, so tell it where the root is (an explicit WORKBENCH_ROOT still wins).
process.env.WORKBENCH_ROOT ??= layout.appRoot;
const dataDir = resolveDataDir(dataDirFlag(process.argv));
// Chromium's profile lives with the desk, so the single-instance lock below is per data
// directory: several desks can run side by side, but never two shells on one cache.
app.setPath('userData', join(dataDir, 'electron-profile'));
// Diagnostics go to the desk's log file (and stderr, seen when the shell runs from a terminal).
configureLogging({ file: deskPaths(dataDir).log, stderr: true });
const log = logger('shell');

app.enableSandbox();
registerAppScheme();
installContentsGuards(app);

let desk: Desk | null = null;
let mainWindow: BrowserWindow | null = null;
let stopIpc: (() => void) | null = null;
let handlers: Handlers | null = null;
/** The desk's sync loop: link checks, pushes after each command, refreshes (a connected desk only). */
let engine: SyncEngine | null = null;

/** Quitting, closing or updating with changes still waiting for the legacy database asks first. */
const leaveGuard = installLeaveGuard({
  app,
  async readActivity() {
    if (!handlers) return { pendingChanges: 0, pushing: false }; // no desk open: nothing waits
    const status = await handlers['desk.status']({});
    return { pendingChanges: status.pendingChanges, pushing: status.sync.busy === 'pushing' };
  },
  async readLanguage() {
    // The person may have picked a language in the app; <html lang> follows it. A hung renderer
    // must not hold up the question, hence the short deadline and the system locale after it.
    const lang = mainWindow
      ? await Promise.race([
          mainWindow.webContents.executeJavaScript('document.documentElement.lang') as Promise<unknown>,
          new Promise((resolve) => setTimeout(() => resolve(null), 500)),
        ]).catch(() => null)
      : null;
    return leaveLanguageOf(lang ?? app.getLocale());
  },
  async ask(prompt) {
    const options = { type: 'warning' as const, noLink: true, ...prompt };
    const answer = mainWindow
      ? await dialog.showMessageBox(mainWindow, options)
      : await dialog.showMessageBox(options);
    return answer.response;
  },
});

function start(): void {
  lockDownSession(session.defaultSession);
  serveAppProtocol(layout.rendererDir);
  desk = openDesk({ dataDir, workerPath: layout.workerPath });
  const onInternalError = (err: unknown) => log.error({ err }, 'internal error');
  engine = desk.config ? new SyncEngine(desk, { actor: currentActor() }) : null;
  handlers = createHandlers(desk, engine ?? undefined);
  const dispatch = createDispatcher(handlers, onInternalError);
  stopIpc = registerIpcServer({ dispatch, window: () => mainWindow, onInternalError });
  mainWindow = createMainWindow({ preloadPath: layout.preloadPath, devTools: !app.isPackaged });
  leaveGuard.guardWindow(mainWindow);
  engine?.start();
  // Only a packaged app knows its update server (app-update.yml); a developer's run has none.
  if (app.isPackaged) {
    void import('electron-updater').then(({ autoUpdater }) =>
      startUpdates({ updater: autoUpdater, confirmUpdate: () => leaveGuard.confirmUpdate() }),
    );
  }
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function fail(err: unknown): void {
  log.error({ err }, 'the workbench could not start');
  const detail = isWorkbenchError(err) ? err.message : 'Please try again; if it keeps happening, call IT.';
  dialog.showErrorBox('Civic Workbench could not start', `${detail}\n\nDesk data: ${dataDir}`);
  leaveGuard.leaveWithoutAsking();
  void engine?.stop();
  engine = null;
  closeDesk();
  app.exit(1);
}

function closeDesk(): void {
  stopIpc?.();
  stopIpc = null;
  handlers = null;
  desk?.close();
  desk = null;
}

if (!app.requestSingleInstanceLock()) {
  // Another shell already has this desk open; it is brought to the front (second-instance).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!engine) return closeDesk();
    // Let the job under way (a push, a refresh) end first, but not for long on a dead network:
    // an entry sent without an answer is settled by re-reading at the next start.
    event.preventDefault();
    const stopping = engine;
    engine = null;
    void Promise.race([stopping.stop(), new Promise((r) => setTimeout(r, 5_000))]).finally(() => {
      closeDesk();
      app.quit();
    });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      leaveGuard.leaveWithoutAsking(); // the system is ending us: nobody to ask, nothing lost
      app.quit();
    });
  app.whenReady().then(start).catch(fail);
}
