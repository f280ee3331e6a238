// For the migration tests (tests/unit/migrations/NNNN-name.test.ts, one per migrations/*.sql): a
// fresh cache file brought by the real migrator to the version just before one migration, so a
// test can put rows in as an older desk had them, apply that one migration, and look at the result.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect } from 'vitest';
import {
  type Migration,
  migrate,
  readMigrations,
  schemaVersion,
} from '../../../src-main/node/cache/migrate.ts';

export const migrationsDir = join(import.meta.dirname, '../../../migrations');
export const migrations: Migration[] = readMigrations(migrationsDir);

export interface CacheBefore {
  db: Database.Database;
  /** Applies the migration under test (only it) and checks the version it leaves. */
  apply(): void;
  /** Closes the cache and removes its folder. */
  dispose(): void;
}

/** A cache at the version before `name` (e.g. '0007_cash_drawer'), foreign keys on as a desk has them. */
export function cacheBefore(name: string): CacheBefore {
  const m = migrations.find((x) => x.name === name);
  if (!m) throw new Error(`no migration ${name} in migrations/`);
  const dir = mkdtempSync(join(tmpdir(), `wb-mig-${m.version}-`));
  const db = new Database(join(dir, 'cache.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.slice(0, m.version - 1));
  expect(schemaVersion(db)).toBe(m.version - 1);
  return {
    db,
    apply() {
      const applied = migrate(db, migrations.slice(0, m.version));
      expect(applied.map((a) => a.name)).toEqual([name]);
      expect(schemaVersion(db)).toBe(m.version);
    },
    dispose() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For a whole test file: a fresh cache before `name` for each test (made in beforeEach, disposed in
 * afterEach). The object returned stands for the current test's cache.
 */
export function eachCacheBefore(name: string): Omit<CacheBefore, 'dispose'> {
  let current: CacheBefore | undefined;
  beforeEach(() => {
    current = cacheBefore(name);
  });
  afterEach(() => current?.dispose());
  const now = (): CacheBefore => {
    if (!current) throw new Error(`no cache before ${name} outside a test`);
    return current;
  };
  return {
    get db() {
      return now().db;
    },
    apply: () => now().apply(),
  };
}

/** The column names of a table, in order. */
export const columns = (db: Database.Database, table: string): string[] =>
  (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);

/** The names of the schema objects of one type (table, index, trigger), sorted; SQLite's own left out. */
export const objects = (db: Database.Database, type: 'table' | 'index' | 'trigger'): string[] =>
  (
    db
      .prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all(type) as { name: string }[]
  ).map((r) => r.name);

/** The columns an index covers, in order. */
export const indexColumns = (db: Database.Database, index: string): string[] =>
  (db.pragma(`index_info(${index})`) as { name: string }[]).map((c) => c.name);

/** SQLite's query plan for a statement, one line per step. */
export const plan = (db: Database.Database, sql: string, ...params: unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((r) => r.detail)
    .join('\n');

/** An outbox entry as commands write it (0004 onward). */
export function queue(db: Database.Database, operationId: string, status = 'pending'): void {
  db.prepare(
    `INSERT INTO outbox (operation_id, desk_id, actor, created_at, command, payload_version, payload, base, status)
     VALUES (?, 'FRONT1', 'clerk1', '2026-11-20T10:00:00-06:00', 'renewLicence', 1,
             '{"licenceId":"RV-0000001","newExpiresOn":"2027-11-30"}',
             '[{"entity":"licence","id":"RV-0000001","version":"3"}]', ?)`,
  ).run(operationId, status);
}
