// What an incremental refresh keeps between runs, per dataset (migration 0006): the high-water
// mark of the entity's `changes` column, the fingerprint of the mapping it was taken under, when
// every row was last read, and (row_hash) the hash of each chunk of rows.
import { createHash } from 'node:crypto';
import type { EntityName } from '../../common/model.ts';
import type { EntityMapping } from '../bridge/bridge-schema.ts';
import type { ChangeMark } from '../bridge/read-plan.ts';
import { canonicalTables } from '../cache/canonical-tables.ts';
import type { Cache } from '../cache/open-cache.ts';

export interface DatasetState {
  mark: ChangeMark | null;
  plan: string | null;
  lastFullAt: string | null;
}

/** Marks and chunk hashes are void when the mapping, the connection or the time zone change. */
export function fingerprint(mapping: EntityMapping, connection: string, timeZone: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ mapping, connection, timeZone }))
    .digest('hex')
    .slice(0, 16);
}

export function readDatasetState(db: Cache, dataset: string): DatasetState | null {
  const row = db
    .prepare('SELECT mark, mark_kind, plan, last_full_at FROM sync_state WHERE dataset = ?')
    .get(dataset) as
    | {
        mark: string | null;
        mark_kind: ChangeMark['kind'] | null;
        plan: string | null;
        last_full_at: string | null;
      }
    | undefined;
  if (!row) return null;
  return {
    mark: row.mark !== null && row.mark_kind !== null ? { value: row.mark, kind: row.mark_kind } : null,
    plan: row.plan,
    lastFullAt: row.last_full_at,
  };
}

/** Records a completed refresh of the dataset (the caller's transaction, when there is one). */
export function saveDatasetState(
  db: Cache,
  dataset: EntityName,
  s: {
    mark: ChangeMark | null;
    plan: string;
    mode: 'full' | 'changed' | 'chunks';
    completedAt: string;
    rejected: number;
  },
): void {
  const rows = db.prepare(`SELECT count(*) FROM ${canonicalTables[dataset].table}`).pluck().get() as number;
  db.prepare(
    `UPDATE sync_state SET last_completed_at = ?, rows = ?, rejected = ?, last_error = NULL,
       mark = ?, mark_kind = ?, plan = ?, last_mode = ?,
       last_full_at = CASE WHEN ? = 'full' THEN ? ELSE last_full_at END
     WHERE dataset = ?`,
  ).run(
    s.completedAt,
    rows,
    s.rejected,
    s.mark?.value ?? null,
    s.mark?.kind ?? null,
    s.plan,
    s.mode,
    s.mode,
    s.completedAt,
    dataset,
  );
}

export function readChunkHashes(db: Cache, dataset: string): Map<string, string> {
  const rows = db
    .prepare('SELECT last_key, hash FROM refresh_chunk WHERE dataset = ?')
    .all(dataset) as Array<{
    last_key: string;
    hash: string;
  }>;
  return new Map(rows.map((r) => [r.last_key, r.hash]));
}

/** Replaces the dataset's chunk hashes with those of the pass just completed. */
export function saveChunkHashes(
  db: Cache,
  dataset: string,
  chunks: Array<{ id: string; hash: string; rows: number }>,
): void {
  db.prepare('DELETE FROM refresh_chunk WHERE dataset = ?').run(dataset);
  const add = db.prepare('INSERT INTO refresh_chunk (dataset, last_key, hash, rows) VALUES (?, ?, ?, ?)');
  for (const c of chunks) add.run(dataset, c.id, c.hash, c.rows);
}

/**
 * The mark moved back by `minutes` (the last_modified overlap: clock skew between the legacy
 * programs, and transactions that commit after a later stamp). Understands the shapes legacy
 * systems write time stamps in: YYYYMMDDHHMMSS, YYYYMMDD, and YYYY-MM-DD[ T]HH:MM[:SS[.fff]];
 * the result keeps the shape. A number or an unknown shape is returned unchanged.
 */
export function markMinusMinutes(mark: ChangeMark, minutes: number): ChangeMark {
  if (mark.kind === 'number' || minutes === 0) return mark;
  const v = mark.value;
  let m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(v);
  if (m)
    return { ...mark, value: format(shift(m, minutes), (p) => `${p.y}${p.mo}${p.d}${p.h}${p.mi}${p.s}`) };
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) return { ...mark, value: format(shift(m, minutes), (p) => `${p.y}${p.mo}${p.d}`) };
  m = /^(\d{4})-(\d{2})-(\d{2})([ T])(\d{2}):(\d{2})(?::(\d{2}))?/.exec(v);
  if (m) {
    const sep = m[4]!;
    const t = shift([m[0], m[1], m[2], m[3], m[5], m[6], m[7] ?? '00'], minutes);
    return { ...mark, value: format(t, (p) => `${p.y}-${p.mo}-${p.d}${sep}${p.h}:${p.mi}:${p.s}`) };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) return { ...mark, value: format(shift(m, minutes), (p) => `${p.y}-${p.mo}-${p.d}`) };
  return mark;
}

/** Wall-clock arithmetic (the legacy's local time, without its zone): fine for minutes of overlap. */
function shift(parts: ArrayLike<string | undefined>, minutes: number): Date {
  const n = (i: number) => Number(parts[i] ?? 0);
  return new Date(Date.UTC(n(1), n(2) - 1, n(3), n(4), n(5), n(6)) - minutes * 60_000);
}

function format(
  d: Date,
  shape: (p: { y: string; mo: string; d: string; h: string; mi: string; s: string }) => string,
): string {
  const two = (x: number) => String(x).padStart(2, '0');
  return shape({
    y: String(d.getUTCFullYear()).padStart(4, '0'),
    mo: two(d.getUTCMonth() + 1),
    d: two(d.getUTCDate()),
    h: two(d.getUTCHours()),
    mi: two(d.getUTCMinutes()),
    s: two(d.getUTCSeconds()),
  });
}
