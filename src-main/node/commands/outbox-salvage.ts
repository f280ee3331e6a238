// `workbench outbox salvage FILE`: brings the outbox entries an old cache file still holds (a
// damaged file, one set aside, a copy) back into this desk's cache, in their original order, each
// exactly once:
// - an operation id this cache already holds is skipped;
// - each entry comes back as the old file had it: one it says was applied stays applied (it is
//   history, never queued again), one in doubt stays in doubt (the next push settles it by
//   re-reading the legacy database, never by sending it blind), a pending one waits again (and if
//   it had in fact reached the legacy database, replay finds it there by its operation id:
//   the journal or the bridge's applied_check);
// - no old file can say whether a waiting entry was sent after it was copied, nor can a cache that
//   went back: the waiting entries brought back, and (when this cache was short of its outbox mark)
//   the ones already here, are marked in doubt, so the next push re-reads the legacy database
//   before sending any of them (markWaitingInDoubt);
// - with a waiting entry come what replay and the counter need from the cache: the rows it changed
//   locally (pending_change, e.g. the payment under local:<operation>), its conflict, its cash
//   drawer entry and session, and the desk's number counters (so no provisional receipt is given
//   twice).
// Everything goes in one transaction with its audit entry.
import { zonedIso } from '../../common/time.ts';
import { type OldCache, readOldCache } from '../cache/read-old-cache.ts';
import { canonicalTables, keyField } from '../cache/canonical-tables.ts';
import type { Cache } from '../cache/open-cache.ts';
import type { EntityName } from '../../common/model.ts';
import type { Desk } from '../desk/open-desk.ts';
import { audit } from '../security/audit.ts';
import { updateSearchIndex } from '../sync/refresh-search.ts';
import { readMark, shortfall } from '../desk/cache-guard.ts';
import { markWaitingInDoubt, restoreEntry } from './outbox.ts';

type Row = Record<string, unknown>;

export interface SalvagedEntry {
  operationId: string;
  oldSeq: number;
  seq: number;
  command: string;
  status: string;
  licenceId: string | null;
}

export interface SalvageResult {
  file: string;
  /** How the old file was read: directly, by sqlite3 .recover, or row by row. */
  readBy: OldCache['how'];
  /** Entries read from the old file. */
  found: number;
  broughtBack: SalvagedEntry[];
  /** Operation ids this cache already had. */
  alreadyHere: number;
  /** Other rows put back: local records, drawer sessions and entries, conflicts. */
  rowsRestored: number;
  /** Waiting entries the next push checks in the legacy database before sending. */
  inDoubt: string[];
  problems: string[];
}

const columnsOf = (db: Cache, table: string) =>
  db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];

/** Inserts a row from the old file (the columns both know); on a key already here: skip, or update. */
function putRow(db: Cache, table: string, row: Row, key: string[] | null): boolean {
  const cols = columnsOf(db, table).filter((c) => c in row);
  const values = cols.map((c) => row[c] as unknown);
  const update = key
    ? `ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${cols
        .filter((c) => !key.includes(c))
        .map((c) => `${c} = excluded.${c}`)
        .join(', ')}`
    : 'ON CONFLICT DO NOTHING';
  const info = db
    .prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ${update}`)
    .run(...values);
  return info.changes > 0;
}

export function salvageOutbox(desk: Desk, actor: string, file: string, now = new Date()): SalvageResult {
  const old = readOldCache(file);
  try {
    return bringBack(desk, actor, file, old, now);
  } finally {
    old.close();
  }
}

function bringBack(desk: Desk, actor: string, file: string, old: OldCache, now: Date): SalvageResult {
  const db = desk.cache;
  const result: SalvageResult = {
    file,
    readBy: old.how,
    found: old.outbox.length,
    broughtBack: [],
    alreadyHere: 0,
    rowsRestored: 0,
    inDoubt: [],
    problems: old.problems,
  };
  const wasShort = shortfall(db, readMark(desk.paths.dataDir)) !== null;
  const here = db.prepare('SELECT 1 FROM outbox WHERE operation_id = ?');
  const maxSeq = db.prepare('SELECT coalesce(max(seq), 0) FROM outbox').pluck();
  const at = zonedIso(now, desk.timeZone);
  db.transaction(() => {
    const restored: Row[] = [];
    for (const row of old.outbox) {
      const operationId = String(row.operation_id);
      if (here.get(operationId)) {
        result.alreadyHere++;
        continue;
      }
      const oldSeq = Number(row.seq);
      const seq = restoreEntry(db, row, oldSeq > (maxSeq.get() as number));
      restored.push(row);
      let licenceId: string | null = null;
      try {
        licenceId = (JSON.parse(String(row.payload)) as { licenceId?: string }).licenceId ?? null;
      } catch {
        result.problems.push(`operation ${operationId}: its payload is not readable JSON`);
      }
      result.broughtBack.push({
        operationId,
        oldSeq,
        seq,
        command: String(row.command),
        status: String(row.status),
        licenceId,
      });
    }
    result.rowsRestored = restoreTheirRows(db, old, restored, result.problems);
    result.inDoubt = markWaitingInDoubt(
      db,
      wasShort ? undefined : result.broughtBack.map((e) => e.operationId),
    );
    audit(db, {
      at,
      actor,
      action: 'outbox.salvage',
      subject: file,
      detail: {
        readBy: old.how,
        found: result.found,
        alreadyHere: result.alreadyHere,
        broughtBack: result.broughtBack,
        rowsRestored: result.rowsRestored,
        inDoubt: result.inDoubt,
        problems: result.problems,
      },
    });
  }).immediate();
  return result;
}

/** The rows the restored entries need from the old file; returns how many were put back. */
function restoreTheirRows(db: Cache, old: OldCache, entries: Row[], problems: string[]): number {
  if (entries.length === 0) return 0;
  let n = 0;
  const put = (table: string, row: Row, key: string[] | null) => {
    try {
      if (putRow(db, table, row, key)) n++;
    } catch (err) {
      problems.push(
        `${table} row ${JSON.stringify(row.id ?? row.operation_id ?? '')}: ${(err as Error).message}`,
      );
    }
  };
  const ids = entries.map((e) => String(e.operation_id));
  const inIds = `operation_id IN (${ids.map(() => '?').join(', ')})`;
  const waiting = new Set(entries.filter((e) => e.status === 'pending').map((e) => String(e.operation_id)));

  // Local records a waiting entry changed: the old file's version is the desk's latest one.
  const licenceRowids: number[] = [];
  const businessIds: string[] = [];
  for (const pc of old.rows('pending_change', inIds, ids)) {
    if (!waiting.has(String(pc.operation_id))) continue;
    const entity = String(pc.entity) as EntityName;
    const map = canonicalTables[entity];
    if (!map) {
      problems.push(`pending change of operation ${String(pc.operation_id)}: unknown record kind ${entity}`);
      continue;
    }
    const key = map.columns[keyField(entity)] ?? 'id';
    for (const record of old.rows(map.table, `${key} = ?`, [pc.record_id])) {
      put(map.table, record, [key]);
      if (entity === 'licence') {
        const rowid = db.prepare('SELECT rowid FROM licence WHERE id = ?').pluck().get(record.id) as
          number | undefined;
        if (rowid !== undefined) licenceRowids.push(rowid);
      }
      if (entity === 'business') businessIds.push(String(record.id));
    }
    put('pending_change', pc, null);
  }
  if (licenceRowids.length || businessIds.length) updateSearchIndex(db, { licenceRowids, businessIds });

  for (const c of old.rows('conflict', inIds, ids)) {
    const { id: _old, ...conflict } = c; // a new id here; the operation id keys it
    put('conflict', conflict, null);
  }
  for (const a of old.rows(
    'adopted_id',
    `local_id IN (${ids.map(() => '?').join(', ')})`,
    ids.map((i) => `local:${i}`),
  ))
    put('adopted_id', a, null);

  // The cash drawer is desk-local (the legacy system keeps only payments): its sessions and the
  // entries of the restored operations come back too. A session closed in the old file but open
  // here was closed after this cache's copy was made.
  const sessions = old.rows('drawer_session');
  for (const s of sessions) {
    const mine = db.prepare('SELECT closed_at FROM drawer_session WHERE id = ?').get(s.id) as
      { closed_at: string | null } | undefined;
    if (!mine) put('drawer_session', s, null);
    else if (mine.closed_at === null && s.closed_at !== null) put('drawer_session', s, ['id']);
  }
  for (const e of old.rows('drawer_entry', inIds, ids)) put('drawer_entry', e, null);

  // Number counters (receipt_seq, ...): never lower than the old file's, so no number comes twice.
  for (const m of old.rows('desk_meta', `key LIKE '%\\_seq' ESCAPE '\\'`)) {
    const mine = db.prepare('SELECT value FROM desk_meta WHERE key = ?').pluck().get(m.key) as
      string | undefined;
    if (mine === undefined || Number(mine) < Number(m.value)) put('desk_meta', m, ['key']);
  }
  return n;
}
