// Opens a desk's cache: one SQLite file in WAL mode with synchronous=FULL (a committed command
// survives a power cut), a busy timeout for the rare second reader, an integrity check at start,
// and the migrations. Refuses a damaged file or one written by a newer version.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { WorkbenchError } from '../../common/errors.ts';
import { migrate, readMigrations } from './migrate.ts';

export type Cache = Database.Database;

export interface OpenCacheOptions {
  migrationsDir: string;
  readonly?: boolean;
}

export function openCache(file: string, options: OpenCacheOptions): Cache {
  mkdirSync(dirname(file), { recursive: true });
  let db: Cache;
  try {
    db = new Database(file, { fileMustExist: false });
  } catch (err) {
    throw new WorkbenchError(
      'cache_unavailable',
      `The desk's cache at ${file} could not be opened: ${(err as Error).message}. ` +
        'Changes not yet in the legacy database are in this file: do not delete it.',
    );
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new WorkbenchError(
        'cache_unavailable',
        `The desk's cache at ${file} is damaged (${String(check)}). Changes not yet in the legacy database are in this file: ` +
          `do not delete it. Move it aside, run "workbench outbox salvage <the moved file>" to bring them into a new cache, then "workbench sync" ` +
          'to send them and refill the cache from the legacy database.',
      );
    }
    migrate(db, readMigrations(options.migrationsDir));
    return db;
  } catch (err) {
    db.close();
    if (err instanceof WorkbenchError) throw err;
    throw new WorkbenchError(
      'cache_unavailable',
      `The desk's cache at ${file} could not be prepared: ${(err as Error).message}. ` +
        'Changes not yet in the legacy database are in this file: do not delete it. If it stays so, move it aside and run ' +
        '"workbench outbox salvage <the moved file>" to bring them into a new cache.',
    );
  }
}
