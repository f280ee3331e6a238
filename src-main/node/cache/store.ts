// Writes canonical records into the cache: one upsert statement per entity (rowids stay stable,
// which the search index relies on), and the removal of rows a complete refresh did not see.
import type { EntityName } from '../../common/model.ts';
import { canonicalTables, keyField } from './canonical-tables.ts';
import type { Cache } from './open-cache.ts';

export interface EntityWriter {
  upsert(records: Record<string, unknown>[], refreshedAt: string): void;
  /** Removes rows not written by the refresh that started at `refreshedAt`; returns how many. */
  removeUnseen(refreshedAt: string): number;
}

export function entityWriter(db: Cache, entity: EntityName): EntityWriter {
  const { table, columns } = canonicalTables[entity];
  const fields = Object.keys(columns);
  const cols = [...fields.map((f) => columns[f]!), 'refreshed_at'];
  const key = columns[keyField(entity)]!;
  // A row with a change still waiting in the outbox keeps its local version: refresh never
  // overwrites or removes it.
  const pending = `EXISTS (SELECT 1 FROM pending_change p WHERE p.entity = '${entity}' AND p.record_id = ${table}.${key})`;
  const upsert = db.prepare(
    `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ` +
      `ON CONFLICT (${key}) DO UPDATE SET ${cols
        .filter((c) => c !== key)
        .map((c) => `${c} = excluded.${c}`)
        .join(', ')} WHERE NOT ${pending}`,
  );
  const remove = db.prepare(`DELETE FROM ${table} WHERE refreshed_at <> ? AND NOT ${pending}`);
  // Joins the caller's transaction when there is one (better-sqlite3 nests it as a savepoint).
  const write = db.transaction((records: Record<string, unknown>[], refreshedAt: string) => {
    for (const r of records) upsert.run(...fields.map((f) => toSql(r[f])), refreshedAt);
  });
  return {
    upsert: (records, refreshedAt) =>
      db.inTransaction ? write(records, refreshedAt) : write.immediate(records, refreshedAt),
    removeUnseen: (refreshedAt) => remove.run(refreshedAt).changes,
  };
}

const toSql = (v: unknown) => (v === undefined ? null : typeof v === 'boolean' ? Number(v) : v);
