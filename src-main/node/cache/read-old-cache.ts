// Reads what can still be read from an old cache file (damaged, emptied in part, or set aside) for
// `workbench outbox salvage`. The file itself is never written: a COPY (with its -wal, when one lies
// beside it, so committed changes still in the log are seen) is opened in a temporary folder.
// Three tries, each only when the one before failed:
//   1. plain queries on the copy (tolerating a damaged schema entry);
//   2. SQLite's own recovery (`sqlite3 FILE .recover`, the sqlite3 command-line shell, installed by
//      scripts/setup.sh), which rebuilds every row it can still find into a fresh database (the
//      shell of Debian 12, 3.40.1, stops with "SQL logic error" on this cache's schema, so this
//      helps only with a newer shell);
//   3. row by row by seq, each read on its own, keeping the ones that can be read.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

type Row = Record<string, unknown>;

export interface OldCache {
  /** How the rows were read: 'direct', 'recover' (sqlite3 .recover) or 'row-by-row'. */
  how: 'direct' | 'recover' | 'row-by-row';
  /** Outbox rows in seq order. */
  outbox: Row[];
  /** Any other table's rows matching `where` (empty when the table cannot be read). */
  rows(table: string, where?: string, params?: unknown[]): Row[];
  /** What could not be read, in plain words. */
  problems: string[];
  close(): void;
}

export function readOldCache(file: string): OldCache {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  const dir = mkdtempSync(join(tmpdir(), 'workbench-salvage-'));
  const copy = join(dir, 'old.sqlite');
  copyFileSync(file, copy);
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
  const problems: string[] = [];
  const handles: Database.Database[] = [];
  const open = (f: string) => {
    const db = new Database(f, { fileMustExist: true });
    handles.push(db);
    // A copy of our own, never written: let SQLite read past a damaged schema entry (better-sqlite3
    // runs in defensive mode, where writable_schema is ignored) instead of refusing every query.
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    return db;
  };
  const done = (how: OldCache['how'], db: Database.Database | null, outbox: Row[]): OldCache => ({
    how,
    outbox,
    problems,
    rows(table, where = '1', params = []) {
      if (!db) return [];
      try {
        return db.prepare(`SELECT * FROM ${table} WHERE ${where}`).all(...params) as Row[];
      } catch (err) {
        problems.push(`${table}: ${(err as Error).message}`);
        return [];
      }
    },
    close() {
      for (const h of handles) h.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });

  let db: Database.Database | null = null;
  try {
    db = open(copy);
    return done('direct', db, db.prepare('SELECT * FROM outbox ORDER BY seq').all() as Row[]);
  } catch (err) {
    problems.push(`read as it is: ${(err as Error).message}`);
  }

  const recovered = recoverWithSqliteShell(copy, join(dir, 'recovered.sqlite'), problems);
  if (recovered) {
    try {
      const r = open(recovered);
      return done('recover', r, r.prepare('SELECT * FROM outbox ORDER BY seq').all() as Row[]);
    } catch (err) {
      problems.push(`read after recovery: ${(err as Error).message}`);
    }
  }

  return done('row-by-row', db, db ? rowByRow(db, problems) : []);
}

/** sqlite3's .recover into a fresh file; null when the shell is not installed or it failed. */
function recoverWithSqliteShell(copy: string, into: string, problems: string[]): string | null {
  const dump = spawnSync('sqlite3', [copy, '.recover'], { maxBuffer: 1 << 30, encoding: 'utf8' });
  if (dump.error || dump.status !== 0) {
    problems.push(
      `sqlite3 .recover: ${dump.error ? `the sqlite3 shell could not run (${dump.error.message}); install the sqlite3 package` : dump.stderr.trim()}`,
    );
    return null;
  }
  const load = spawnSync('sqlite3', [into], { input: dump.stdout, maxBuffer: 1 << 30, encoding: 'utf8' });
  if (load.status !== 0) {
    problems.push(`loading what sqlite3 .recover found: ${load.stderr.trim()}`);
    if (!existsSync(into)) return null;
  }
  return into;
}

/** Each seq on its own, so one unreadable page costs only the rows on it. */
function rowByRow(db: Database.Database, problems: string[]): Row[] {
  let one: Database.Statement;
  try {
    one = db.prepare('SELECT * FROM outbox WHERE seq = ?');
  } catch (err) {
    problems.push(`the outbox table cannot be found: ${(err as Error).message}`);
    return [];
  }
  let highest = 0;
  try {
    highest =
      (db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'outbox'`).pluck().get() as number) ?? 0;
  } catch (err) {
    problems.push(`the outbox's last seq: ${(err as Error).message}`);
  }
  const rows: Row[] = [];
  let unreadable = 0;
  // Past the last known seq, keep looking a while: the counter itself may be on a lost page.
  for (let seq = 1; seq <= Math.max(highest, 1) + 1000; seq++) {
    try {
      const row = one.get(seq) as Row | undefined;
      if (row) rows.push(row);
    } catch {
      unreadable++;
    }
  }
  if (unreadable) problems.push(`${unreadable} outbox seq${unreadable === 1 ? '' : 's'} could not be read`);
  return rows;
}
