// Every canonical table of a desk's cache, for comparing desks that synced the same legacy data on
// different engines: all rows in key order, without the per-desk refresh stamps.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { canonicalTables } from '../../../src-main/node/cache/canonical-tables.ts';

export type CanonicalSnapshot = Record<string, Record<string, unknown>[]>;

/** Every canonical table (licence_type, fee_schedule, business, licence, payment, inspection, code_value...). */
export function canonicalSnapshot(dir: string): CanonicalSnapshot {
  const db = new Database(join(dir, 'cache.sqlite'), { readonly: true });
  try {
    const out: CanonicalSnapshot = {};
    for (const { table } of Object.values(canonicalTables)) {
      out[table] = db
        .prepare(`SELECT * FROM ${table} ORDER BY 1`)
        .all()
        .map((r) => {
          const { refreshed_at, ...rest } = r as Record<string, unknown>;
          return rest;
        });
    }
    return out;
  } finally {
    db.close();
  }
}
