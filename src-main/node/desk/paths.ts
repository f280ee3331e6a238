// Where a desk keeps its files. Several desks can run side by side on one machine, each with its
// own data directory (--data-dir or WORKBENCH_HOME).
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function defaultDataDir(): string {
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Civic Workbench');
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Civic Workbench');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'civic-workbench');
}

export function resolveDataDir(flag?: string): string {
  return resolve(flag ?? process.env.WORKBENCH_HOME ?? defaultDataDir());
}

export interface DeskPaths {
  dataDir: string;
  config: string;
  cache: string;
  legacyDir: string;
  /** The diagnostics log (JSON lines) of the desktop app and `workbench serve` on this desk. */
  log: string;
}

export function deskPaths(dataDir: string): DeskPaths {
  return {
    dataDir,
    config: join(dataDir, 'desk.json'),
    cache: join(dataDir, 'cache.sqlite'),
    legacyDir: join(dataDir, 'legacy'),
    log: join(dataDir, 'logs', 'workbench.log'),
  };
}

/** The checkout (or installed app) root that holds bridges/ and migrations/. */
export const projectRoot = (): string =>
  process.env.WORKBENCH_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
