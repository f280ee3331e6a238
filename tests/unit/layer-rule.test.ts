// The layer rule (.dependency-cruiser.cjs) bites: a copy of the real src-main and src-renderer
// with one forbidden import planted fails `depcruise` and names the file and the rule; the real
// tree passes; and the config really resolves the relative `.ts` imports (a rule over imports it
// cannot resolve would pass whatever the code does).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const depcruiseBin = join(repo, 'node_modules', '.bin', 'depcruise');
const config = join(repo, '.dependency-cruiser.cjs');

interface Cruise {
  status: number | null;
  output: string;
}

function cruise(cwd: string, ...extra: string[]): Cruise {
  const r = spawnSync(
    process.execPath,
    [depcruiseBin, 'src-main', 'src-renderer', '--config', config, ...extra],
    {
      cwd,
      encoding: 'utf8',
      timeout: 60_000,
      // The JSON of the whole tree outgrew spawnSync's 1 MiB default (ENOBUFS).
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (r.error) throw r.error;
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** The "error <rule>: <from> → <to>" lines of depcruise's default (err) report. */
function violations(output: string): { rule: string; from: string; to: string }[] {
  const found: { rule: string; from: string; to: string }[] = [];
  for (const line of output.split('\n')) {
    const m = /^\s*error ([\w-]+): (\S+) →(.*)$/.exec(line);
    if (m) found.push({ rule: m[1]!, from: m[2]!, to: m[3]!.trim() });
  }
  return found;
}

describe('the layer rule', () => {
  let work: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'layer-rule-'));
    cpSync(join(repo, 'src-main'), join(work, 'src-main'), { recursive: true });
    cpSync(join(repo, 'src-renderer'), join(work, 'src-renderer'), { recursive: true });
    cpSync(join(repo, 'tsconfig.json'), join(work, 'tsconfig.json'));
    symlinkSync(join(repo, 'node_modules'), join(work, 'node_modules'), 'dir');
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Plants files (path → source) in the copy, cruises it, and removes them again. */
  function withPlanted(files: Record<string, string>): Cruise {
    for (const [path, source] of Object.entries(files)) {
      mkdirSync(dirname(join(work, path)), { recursive: true });
      writeFileSync(join(work, path), source);
    }
    try {
      return cruise(work);
    } finally {
      for (const path of Object.keys(files)) rmSync(join(work, path), { force: true });
    }
  }

  it('refuses electron outside src-main/electron and src-main/preload', () => {
    const r = withPlanted({
      'src-main/node/bad.ts': "import { app } from 'electron';\nexport const bad = app;\n",
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('electron-only-in-shell');
    expect(r.output).toContain('src-main/node/bad.ts');
    expect(violations(r.output)).toContainEqual(
      expect.objectContaining({ rule: 'electron-only-in-shell', from: 'src-main/node/bad.ts' }),
    );
  }, 30_000);

  it('refuses node: builtins in the renderer', () => {
    const r = withPlanted({
      'src-renderer/bad.ts': "import { readFileSync } from 'node:fs';\nexport const bad = readFileSync;\n",
    });
    expect(r.status).not.toBe(0);
    expect(violations(r.output)).toContainEqual({
      rule: 'renderer-no-node',
      from: 'src-renderer/bad.ts',
      to: 'fs',
    });
  }, 30_000);

  it('refuses every other crossing of the layers, type-only imports and cycles included', () => {
    const r = withPlanted({
      'src-main/common/bad-builtin.ts': "import { join } from 'node:path';\nexport const bad = join;\n",
      'src-main/common/bad-native.ts':
        "import Database from 'better-sqlite3';\nexport const bad = Database;\n",
      'src-main/common/bad-up.ts':
        "import type { Desk } from '../node/desk/open-desk.ts';\nexport type Bad = Desk;\n",
      'src-main/common/cycle-a.ts': "import { b } from './cycle-b.ts';\nexport const a = () => b();\n",
      'src-main/common/cycle-b.ts': "import { a } from './cycle-a.ts';\nexport const b = () => a();\n",
      'src-main/node/bad-up.ts':
        "import { APP_ORIGIN } from '../electron/app-url.ts';\nexport const bad = APP_ORIGIN;\n",
      'src-main/preload/bad.ts':
        "import { openDesk } from '../node/desk/open-desk.ts';\nexport const bad = openDesk;\n",
      'src-renderer/bad-layer.ts':
        "import { createHandlers } from '../src-main/node/handlers/handlers.ts';\nexport const bad = createHandlers;\n",
      'src-renderer/bad-package.ts': "import Database from 'better-sqlite3';\nexport const bad = Database;\n",
      'src-renderer/bad-getbuiltin.ts': "export const bad = process.getBuiltinModule('node:fs');\n",
      'src-main/host/bad.ts':
        "import { APP_ORIGIN } from '../electron/app-url.ts';\nexport const bad = APP_ORIGIN;\n",
      'src-main/electron/bad.ts':
        "import { startServer } from '../host/server.ts';\nexport const bad = startServer;\n",
      'src-main/node/bad-missing.ts': "import { gone } from './no-such-file.ts';\nexport const bad = gone;\n",
      'src-main/node/bad-tooling.ts':
        "import { discover } from '../tooling/discovery/discover.ts';\nexport const bad = discover;\n",
      'src-main/electron/bad-tooling.ts':
        "import { createDemoCity } from '../tooling/demo/create-demo-city.ts';\nexport const bad = createDemoCity;\n",
      'src-main/tooling/bad-up.ts':
        "import { startServer } from '../host/server.ts';\nexport const bad = startServer;\n",
    });
    expect(r.status).not.toBe(0);
    const found = violations(r.output).map((v) => `${v.rule} ${v.from}`);
    for (const expected of [
      'common-is-pure src-main/common/bad-builtin.ts',
      'common-no-native src-main/common/bad-native.ts',
      'common-stays-in-common src-main/common/bad-up.ts',
      'no-circular src-main/common/cycle-a.ts',
      'node-not-up src-main/node/bad-up.ts',
      'preload-only-electron-and-common src-main/preload/bad.ts',
      'renderer-only-common src-renderer/bad-layer.ts',
      'renderer-no-node-packages src-renderer/bad-package.ts',
      'renderer-no-node src-renderer/bad-getbuiltin.ts',
      'host-not-shell src-main/host/bad.ts',
      'shell-not-host src-main/electron/bad.ts',
      'not-to-unresolvable src-main/node/bad-missing.ts',
      'runtime-not-tooling src-main/node/bad-tooling.ts',
      'runtime-not-tooling src-main/electron/bad-tooling.ts',
      'tooling-not-up src-main/tooling/bad-up.ts',
    ]) {
      expect(found, r.output).toContain(expected);
    }
    // Only the planted files are at fault: the copy of the real tree itself is clean.
    const planted = /\/(bad[\w-]*|cycle-[ab])\.ts$/;
    expect(violations(r.output).filter((v) => !planted.test(v.from))).toEqual([]);
  }, 30_000);

  it('passes the real tree', () => {
    const r = cruise(repo);
    expect(r.output).toContain('no dependency violations found');
    expect(r.status).toBe(0);
  }, 30_000);

  it('resolves the relative .ts imports and electron, so the rules see real modules', () => {
    const r = cruise(repo, '--output-type', 'json');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.output.slice(r.output.indexOf('{'))) as {
      modules: {
        source: string;
        dependencies: { module: string; resolved: string; couldNotResolve: boolean }[];
      }[];
    };
    const deps = result.modules.flatMap((m) => m.dependencies.map((d) => ({ from: m.source, ...d })));
    const relative = deps.filter((d) => d.module.startsWith('.'));
    expect(relative.length).toBeGreaterThan(100);
    // Every relative import lands on a file of the tree: the config exempts none.
    const unresolved = relative.filter(
      (d) => d.couldNotResolve || !/^src-(main|renderer)\//.test(d.resolved),
    );
    expect(unresolved.map((d) => d.module)).toEqual([]);
    const depOf = (from: string, module: string) => deps.find((d) => d.from === from && d.module === module);
    expect(depOf('src-renderer/transport.ts', '../src-main/common/contract.ts')?.resolved).toBe(
      'src-main/common/contract.ts',
    );
    expect(depOf('src-main/preload/index.ts', 'electron')?.resolved).toBe('node_modules/electron/index.js');
  }, 30_000);
});
