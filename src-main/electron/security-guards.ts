// App-wide guards from the Electron security checklist, applied to every webContents the app
// ever creates (not only our window) and to the session: no navigation away from app://, no new
// windows (except the app's own printed documents), no webviews, no permissions, no network requests.
import type { App, Session } from 'electron';
import { logger } from '../node/log/logger.ts';
import { isAppBlobUrl, isAppUrl } from './app-url.ts';

/** A window for a printed document: no preload, no node, sandboxed; plugins for the PDF viewer. */
const printWindowOptions = {
  width: 900,
  height: 1000,
  autoHideMenuBar: true,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true,
    plugins: true,
    preload: undefined,
  },
} as const;

/** Call before the app is ready, so no webContents escapes the guards. */
export function installContentsGuards(app: App): void {
  app.on('web-contents-created', (_event, contents) => {
    const denyNavigation = (event: Electron.Event, url: string) => {
      if (!isAppUrl(url)) {
        event.preventDefault();
        logger('guards').warn(`blocked navigation to ${url}`);
      }
    };
    contents.on('will-navigate', (event) => denyNavigation(event, event.url));
    contents.on('will-frame-navigate', (event) => denyNavigation(event, event.url));
    contents.on('will-redirect', (event) => denyNavigation(event, event.url));
    contents.setWindowOpenHandler(({ url }) => {
      // The one exception: a document the app itself printed (a blob of its own origin) opens in
      // a sandboxed window without preload or IPC, where Chromium's PDF viewer prints it.
      if (isAppBlobUrl(url)) return { action: 'allow', overrideBrowserWindowOptions: printWindowOptions };
      logger('guards').warn(`blocked a new window for ${url}`);
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      logger('guards').warn('blocked a <webview>');
    });
  });
}

/** Call once the app is ready, for every session the app uses. */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // The UI talks to the desk only over IPC; it has no business on the network.
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, callback) => {
      logger('guards').warn(`blocked a network request to ${details.url}`);
      callback({ cancel: true });
    },
  );
}
