// The pure parts of the desktop shell: its flags, and the window's webPreferences, which must
// keep every setting of the Electron security checklist.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFlag } from '../../src-main/electron/args.ts';
import { shellLayout } from '../../src-main/electron/layout.ts';
import { secureWebPreferences } from '../../src-main/electron/web-preferences.ts';

describe('--data-dir', () => {
  it('reads both spellings, the last one winning', () => {
    expect(dataDirFlag(['/usr/bin/electron', '.', '--data-dir', '/srv/desk-2'])).toBe('/srv/desk-2');
    expect(dataDirFlag(['workbench', '--data-dir=/srv/desk 3'])).toBe('/srv/desk 3');
    expect(dataDirFlag(['workbench', '--data-dir=/a', '--data-dir', '/b'])).toBe('/b');
  });
  it('is absent when not given, empty, or followed by another flag', () => {
    expect(dataDirFlag(['/usr/bin/electron', '.'])).toBeUndefined();
    expect(dataDirFlag(['workbench', '--data-dir'])).toBeUndefined();
    expect(dataDirFlag(['workbench', '--data-dir='])).toBeUndefined();
    expect(dataDirFlag(['workbench', '--data-dir', '--inspect'])).toBeUndefined();
    expect(dataDirFlag(['workbench', '--', '--data-dir', '/x'])).toBeUndefined();
    expect(dataDirFlag(['workbench', '--data-directory=/x'])).toBeUndefined();
  });
});

describe('webPreferences', () => {
  it('follows the Electron security checklist', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs', false);
    expect(prefs).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });
  it('allows DevTools only when asked (the shell asks when not packaged)', () => {
    expect(secureWebPreferences('/p.cjs', true).devTools).toBe(true);
  });
});

describe('the built layout', () => {
  it('finds the app root two levels above the bundled main, in a checkout and in app.asar', () => {
    expect(shellLayout('/work/main/out/main')).toEqual({
      appRoot: '/work/main',
      workerPath: '/work/main/out/main/bridge-worker.js',
      preloadPath: '/work/main/out/preload/index.cjs',
      rendererDir: '/work/main/out/renderer',
    });
    const packaged = join('/opt/Civic Workbench/resources/app.asar', 'out', 'main');
    expect(shellLayout(packaged).appRoot).toBe('/opt/Civic Workbench/resources/app.asar');
  });
});
