// Where the built pieces sit relative to the bundled main (out/main/index.js), as
// electron.vite.config.ts lays them out. Pure, so the layout is tested without a build.
import { join } from 'node:path';

export interface ShellLayout {
  /** The app root holding bridges/ and migrations/: the checkout, or app.asar when packaged. */
  appRoot: string;
  /** The bridge worker bundled next to main (the `bridge-worker` entry). */
  workerPath: string;
  /** The sandboxed preload, bundled as CommonJS. */
  preloadPath: string;
  /** The built React UI served on app://workbench. */
  rendererDir: string;
}

export function shellLayout(mainDir: string): ShellLayout {
  return {
    appRoot: join(mainDir, '..', '..'),
    workerPath: join(mainDir, 'bridge-worker.js'),
    preloadPath: join(mainDir, '..', 'preload', 'index.cjs'),
    rendererDir: join(mainDir, '..', 'renderer'),
  };
}
