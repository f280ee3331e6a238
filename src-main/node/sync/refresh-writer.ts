// Writes what an incremental refresh read into the cache: only records that differ from the cached
// row (or are new), so a re-read of unchanged rows costs no page writes and the counts say what
// really changed; and the removal of rows the legacy database no longer has. As with
// cache/store.ts's entityWriter, a row with a change still waiting (pending_change) is never
// overwritten or removed: the outbox entry settles it.
import type { EntityName } from '../../common/model.ts';
import { canonicalTables, keyField } from '../cache/canonical-tables.ts';
import type { Cache } from '../cache/open-cache.ts';

export interface WriteCounts {
  added: number;
  updated: number;
  /** Read, but the cached row has a change waiting: left as it is. */
  kept: number;
}

export interface ChangeWriter {
  /** Writes the records that differ; returns the counts, and the keys and rowids written. Joins the caller's transaction. */
  write(
    records: Record<string, unknown>[],
    refreshedAt: string,
  ): WriteCounts & { ids: string[]; rowids: number[] };
  /**
   * Removes cached rows whose key `present` does not hold, except rows with a change waiting.
   * Returns the keys and rowids removed.
   */
  removeMissing(present: Set<string>): { ids: string[]; rowids: number[] };
}

export function changeWriter(db: Cache, entity: EntityName): ChangeWriter {
  const { table, columns } = canonicalTables[entity];
  const fields = Object.keys(columns);
  const key = columns[keyField(entity)]!;
  const cols = [...fields.map((f) => columns[f]!), 'refreshed_at'];
  const pending = `EXISTS (SELECT 1 FROM pending_change p WHERE p.entity = '${entity}' AND p.record_id = ${table}.${key})`;
  const valueCols = fields.map((f) => columns[f]!).filter((c) => c !== key);
  // refreshed_at is not compared: it says when a row was last written, not what it holds.
  const differs = valueCols.length ? valueCols.map((c) => `${c} IS NOT excluded.${c}`).join(' OR ') : '0';
  const upsert = db.prepare(
    `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ` +
      `ON CONFLICT (${key}) DO UPDATE SET ${cols
        .filter((c) => c !== key)
        .map((c) => `${c} = excluded.${c}`)
        .join(', ')} WHERE NOT ${pending} AND (${differs}) RETURNING rowid`,
  );
  const pendingIds = db.prepare(`SELECT record_id FROM pending_change WHERE entity = '${entity}'`).pluck();
  const lastRowid = db.prepare(`SELECT max(rowid) FROM ${table}`).pluck();
  const allKeys = db.prepare(`SELECT ${key} AS id, rowid FROM ${table}`);
  const remove = db.prepare(`DELETE FROM ${table} WHERE ${key} = ? AND NOT ${pending} RETURNING rowid`);

  const write = db.transaction((records: Record<string, unknown>[], refreshedAt: string) => {
    const counts = { added: 0, updated: 0, kept: 0, ids: [] as string[], rowids: [] as number[] };
    // One statement a record (this is the cost of re-reading unchanged rows): which rows have a
    // change waiting is asked once a batch, only to count them (the upsert's guard protects
    // them), and a new row is told by its rowid, past the largest before the batch.
    const waiting = new Set(pendingIds.all() as string[]);
    const newFrom = ((lastRowid.get() as number | null) ?? 0) + 1;
    for (const r of records) {
      const id = String(r[keyField(entity)]);
      if (waiting.has(id)) {
        counts.kept++;
        continue;
      }
      const written = upsert.get(...fields.map((f) => toSql(r[f])), refreshedAt) as
        { rowid: number } | undefined;
      if (!written) continue;
      counts.ids.push(id);
      counts.rowids.push(written.rowid);
      if (written.rowid >= newFrom) counts.added++;
      else counts.updated++;
    }
    return counts;
  });
  const removeAll = db.transaction((present: Set<string>) => {
    const gone = (allKeys.all() as Array<{ id: string; rowid: number }>).filter((r) => !present.has(r.id));
    const out = { ids: [] as string[], rowids: [] as number[] };
    for (const r of gone) {
      if (remove.get(r.id) === undefined) continue;
      out.ids.push(r.id);
      out.rowids.push(r.rowid);
    }
    return out;
  });
  return {
    write: (records, refreshedAt) =>
      db.inTransaction ? write(records, refreshedAt) : write.immediate(records, refreshedAt),
    removeMissing: (present) => (db.inTransaction ? removeAll(present) : removeAll.immediate(present)),
  };
}

const toSql = (v: unknown) => (v === undefined ? null : typeof v === 'boolean' ? Number(v) : v);
