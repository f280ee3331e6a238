// The desk's outbox: commands waiting to reach the legacy database, in the order they were given.
// Entries are written only inside the transaction of the command they record (see enqueue), and
// only here: this is the one INSERT INTO outbox, so the outbox mark (outbox-mark.ts) sees them all.
import { randomUUID } from 'node:crypto';
import type { CommandName } from '../../common/commands.ts';
import type { EntityName } from '../../common/model.ts';
import type { Cache } from '../cache/open-cache.ts';
import { outboxWritten } from '../cache/outbox-mark.ts';
import { nextDeskNumber } from './desk-numbers.ts';

export interface BaseVersion {
  entity: EntityName;
  id: string;
  /** The canonical record exactly as the person saw it when giving the command. */
  record: Record<string, unknown>;
}

export interface OutboxEntry {
  seq: number;
  operationId: string;
  deskId: string;
  actor: string;
  createdAt: string;
  command: CommandName;
  payloadVersion: number;
  payload: Record<string, unknown>;
  base: BaseVersion[];
  status: 'pending' | 'applied' | 'conflict' | 'failed';
  attempts: number;
  lastError: string | null;
  settledAt: string | null;
  /** Sent without a definite answer: the next push settles it by re-reading, never by resending. */
  inDoubt: boolean;
  /** What the legacy system gave back (its own numbers), once applied. */
  legacyResult: Record<string, unknown> | null;
}

export interface NewEntry {
  deskId: string;
  actor: string;
  createdAt: string;
  command: CommandName;
  payload: { v: number } & Record<string, unknown>;
  base: BaseVersion[];
  /** Cached rows the command changed locally: protected from refresh until it is settled. */
  changes: Array<{ entity: EntityName; id: string }>;
}

/** Records a command; the caller must be inside the command's cache transaction. */
export function enqueue(db: Cache, entry: NewEntry, operationId: string = randomUUID()): string {
  if (!db.inTransaction) throw new Error('enqueue must run inside the command transaction');
  db.prepare(
    `INSERT INTO outbox (operation_id, desk_id, actor, created_at, command, payload_version, payload, base)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    operationId,
    entry.deskId,
    entry.actor,
    entry.createdAt,
    entry.command,
    entry.payload.v,
    JSON.stringify(entry.payload),
    JSON.stringify(entry.base),
  );
  const mark = db.prepare('INSERT INTO pending_change (entity, record_id, operation_id) VALUES (?, ?, ?)');
  for (const c of entry.changes) mark.run(c.entity, c.id, operationId);
  // The outbox mark beside the cache follows once this transaction has committed (outbox-mark.ts).
  outboxWritten(db);
  return operationId;
}

/** A row of the outbox table as an entry. */
export function toEntry(r: Record<string, unknown>): OutboxEntry {
  return rowsToEntries([r])[0]!;
}

export function listOutbox(db: Cache, status?: OutboxEntry['status']): OutboxEntry[] {
  const rows = db
    .prepare(`SELECT * FROM outbox ${status ? 'WHERE status = ?' : ''} ORDER BY seq`)
    .all(...(status ? [status] : [])) as Record<string, unknown>[];
  return rowsToEntries(rows);
}

function rowsToEntries(rows: Record<string, unknown>[]): OutboxEntry[] {
  return rows.map((r) => ({
    seq: r.seq as number,
    operationId: r.operation_id as string,
    deskId: r.desk_id as string,
    actor: r.actor as string,
    createdAt: r.created_at as string,
    command: r.command as CommandName,
    payloadVersion: r.payload_version as number,
    payload: JSON.parse(r.payload as string),
    base: JSON.parse(r.base as string),
    status: r.status as OutboxEntry['status'],
    attempts: r.attempts as number,
    lastError: (r.last_error as string | null) ?? null,
    settledAt: (r.settled_at as string | null) ?? null,
    inDoubt: r.in_doubt === 1,
    legacyResult: r.legacy_result ? JSON.parse(r.legacy_result as string) : null,
  }));
}

/** The next provisional receipt number of this desk, e.g. P-FRONT1-000042 (desk-prefixed, so desks never clash). */
export function nextProvisionalReceipt(db: Cache, deskId: string): string {
  return nextDeskNumber(db, deskId, 'receipt', 'P');
}

/**
 * Puts back an outbox row read from an old cache file (`workbench outbox salvage`), as it was:
 * its status, attempts, in-doubt flag and legacy answer, so an entry that reached the legacy
 * database stays settled and one in doubt is settled by re-reading, never resent blind. Its seq is
 * kept when it still comes after every entry here (`keepSeq`), else it goes at the end. The caller
 * is inside a transaction; returns the seq it got.
 */
export function restoreEntry(db: Cache, row: Record<string, unknown>, keepSeq: boolean): number {
  if (!db.inTransaction) throw new Error('restoreEntry must run inside a transaction');
  const columns = (
    db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('outbox') as string[]
  ).filter((c) => c in row && (keepSeq || c !== 'seq'));
  const info = db
    .prepare(`INSERT INTO outbox (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
    .run(...columns.map((c) => row[c] as unknown));
  outboxWritten(db);
  return Number(info.lastInsertRowid);
}

/**
 * Marks every waiting entry of this cache in doubt: after the cache went back (an older copy, a
 * lost -wal) or was filled from an old file, nothing on the desk says whether a waiting entry was
 * sent after that copy was made. In doubt, the next push settles each by re-reading the legacy
 * database (the journal, or the bridge's applied_check) and applies it only if it is not there;
 * sent blind, it could be applied twice. Returns the operation ids marked. Inside a transaction.
 */
export function markWaitingInDoubt(db: Cache, only?: readonly string[]): string[] {
  const ids = db
    .prepare(`SELECT operation_id FROM outbox WHERE status = 'pending' AND in_doubt = 0 ORDER BY seq`)
    .pluck()
    .all() as string[];
  const chosen = only ? ids.filter((id) => only.includes(id)) : ids;
  const mark = db.prepare('UPDATE outbox SET in_doubt = 1 WHERE operation_id = ?');
  for (const id of chosen) mark.run(id);
  return chosen;
}
