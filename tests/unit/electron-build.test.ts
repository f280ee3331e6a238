// The shell as electron-vite builds it, with the project's own electron.vite.config.ts: the main
// bundle finds its worker, preload and renderer where the build puts them, and the preload
// bundle runs under the sandbox's `require`, which knows only electron (and a few Node shims):
// anything else the preload imports (zod, through the contract) must be bundled into it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileFunction } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationNames } from '../../src-main/common/contract.ts';
import { shellLayout } from '../../src-main/electron/layout.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** What `require` offers a sandboxed preload (Electron docs, "Process Sandboxing"). */
const SANDBOX_MODULES = ['electron', 'events', 'timers', 'url'];

let out: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'wb-shell-build-'));
  const { resolveConfig } = await import('electron-vite');
  const { build } = await import('vite');
  process.env.NODE_ENV_ELECTRON_VITE = 'production';
  const resolved = await resolveConfig(
    { root: repo, build: { outDir: out }, logLevel: 'silent' },
    'build',
    'production',
  );
  for (const target of ['main', 'preload'] as const) {
    const config = resolved.config?.[target];
    if (!config) throw new Error(`electron.vite.config.ts has no ${target} config`);
    await build(config);
  }
}, 60_000);
afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('the built shell', () => {
  it('lays out worker, preload and renderer where main looks for them', () => {
    const layout = shellLayout(join(out, 'main'));
    expect(existsSync(join(out, 'main', 'index.js'))).toBe(true);
    expect(existsSync(layout.workerPath)).toBe(true);
    expect(existsSync(layout.preloadPath)).toBe(true);
    expect(layout.rendererDir).toBe(join(out, 'renderer'));
  });

  it('has a preload that needs nothing but electron, and exposes exactly the contract', async () => {
    const code = readFileSync(shellLayout(join(out, 'main')).preloadPath, 'utf8');
    const asked: string[] = [];
    const exposed: Record<string, unknown> = {};
    const calls: unknown[][] = [];
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => {
          exposed[key] = api;
        },
      },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          calls.push(args);
          return { ok: true, value: null };
        },
      },
    };
    const sandboxRequire = (id: string) => {
      asked.push(id);
      if (id === 'electron') return electron;
      throw new Error(
        `a sandboxed preload cannot require "${id}"; bundle it (electron.vite.config.ts: preload.build.externalizeDeps: false)`,
      );
    };
    const module = { exports: {} };
    const run = compileFunction(code, ['require', 'module', 'exports'], { filename: 'preload/index.cjs' });
    run(sandboxRequire, module, module.exports);
    expect(asked.filter((id) => !SANDBOX_MODULES.includes(id))).toEqual([]);
    expect(Object.keys(exposed)).toEqual(['workbench']);
    const api = exposed.workbench as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...operationNames].sort());
    await api['desk.status']!({});
    expect(calls).toEqual([['workbench:call', 'desk.status', {}]]);
  });

  it('keeps electron and the native modules out of the main bundle (resolved at run time)', () => {
    const main = readFileSync(join(out, 'main', 'index.js'), 'utf8');
    expect(main).toMatch(/from "electron"/);
    expect(main).toMatch(/from "better-sqlite3"/);
  });
});
