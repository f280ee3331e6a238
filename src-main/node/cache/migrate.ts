// Numbered SQL migrations of the desk cache (migrations/NNNN_name.sql). Each runs in its own
// transaction together with the bump of PRAGMA user_version, so a crash leaves the cache at a
// whole version. A cache written by a newer workbench is refused, never downgraded.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { WorkbenchError } from '../../common/errors.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: Number(f.slice(0, 4)),
      name: f.replace(/\.sql$/, ''),
      sql: readFileSync(join(dir, f), 'utf8'),
    }));
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migrations must be numbered 0001, 0002, ... without gaps; found ${m.name}`);
  });
  return migrations;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies the migrations the cache lacks; returns the ones applied. */
export function migrate(db: Database.Database, migrations: Migration[]): Migration[] {
  const current = schemaVersion(db);
  const latest = migrations.length;
  if (current > latest) {
    throw new WorkbenchError(
      'cache_unavailable',
      `This desk's cache was written by a newer version of Civic Workbench (cache version ${current}, this version knows ${latest}). ` +
        'Update the workbench on this desk; the cache was left untouched.',
    );
  }
  const applied: Migration[] = [];
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    applied.push(m);
  }
  return applied;
}
