// The workbench window: locked-down webPreferences, shown once painted, loading app://workbench.
import { BrowserWindow } from 'electron';
import { logger } from '../node/log/logger.ts';
import { APP_ENTRY_URL } from './app-url.ts';
import { secureWebPreferences } from './web-preferences.ts';

export interface MainWindowOptions {
  preloadPath: string;
  /** DevTools only when the app is not packaged. */
  devTools: boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Civic Workbench',
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(options.preloadPath, options.devTools),
  });
  win.once('ready-to-show', () => win.show());
  win
    .loadURL(APP_ENTRY_URL)
    .catch((err: unknown) => logger('window').error({ err }, 'could not load the workbench UI'));
  return win;
}
