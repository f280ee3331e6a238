// Records made on the desk before the legacy system numbers them live under `local:<operationId>`
// (a payment taken offline, a business registered offline). A later command may refer to such a
// record (a void of that payment, a licence of that business): its payload then holds the same
// `local:<operationId>`. This module does the two halves of keeping those references true:
//
// - before an entry is sent, every `local:<operationId>` in its payload and base is replaced by the
//   legacy key the referred operation settled with (its bridge command's `result_key`, kept in
//   outbox.legacy_result), following a conflict's "apply again"/"edit" to the operation that
//   replaced it;
// - when an operation that created a record settles, the cache adopts the legacy id: the
//   provisional row goes (the legacy row came back with the answer) and cached rows pointing at
//   the provisional id point at the legacy one.
import { type CommandName, definitionOf } from '../../common/commands.ts';
import type { BridgeFile } from '../bridge/bridge-schema.ts';
import type { Cache } from '../cache/open-cache.ts';
import type { OutboxEntry } from '../commands/outbox.ts';

const PROVISIONAL = /^local:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export const provisionalId = (operationId: string): string => `local:${operationId}`;

/** The operation id inside a provisional id, or null for any other value. */
export function provisionalOperation(value: unknown): string | null {
  return typeof value === 'string' ? (PROVISIONAL.exec(value)?.[1] ?? null) : null;
}

export type RefResolution =
  | { kind: 'ready'; payload: Record<string, unknown>; base: OutboxEntry['base'] }
  /** The referred record will never reach the legacy database as it is (its command is a conflict, or was discarded). */
  | { kind: 'missing'; ref: string; why: string }
  /** The referred operation has not settled yet (it is still waiting, e.g. in doubt): the push must stop here. */
  | { kind: 'wait'; ref: string; why: string };

interface RefRow {
  operation_id: string;
  command: string;
  status: string;
  legacy_result: string | null;
}

/** Replaces every provisional id the entry refers to by the legacy key, or says why it cannot. */
export function resolveProvisionalRefs(
  db: Cache,
  commands: BridgeFile['commands'],
  entry: OutboxEntry,
): RefResolution {
  const byOperation = db.prepare(
    'SELECT operation_id, command, status, legacy_result FROM outbox WHERE operation_id = ?',
  );
  const replacedBy = db.prepare(
    `SELECT new_operation_id FROM conflict WHERE operation_id = ? AND new_operation_id IS NOT NULL`,
  );
  const resolved = new Map<string, unknown>();
  let problem: Exclude<RefResolution, { kind: 'ready' }> | null = null;

  const legacyKeyOf = (ref: string, operationId: string): unknown => {
    if (resolved.has(ref)) return resolved.get(ref);
    let id = operationId;
    // A conflict settled by "apply again" or "edit" lives on under a new operation: follow it.
    for (let hops = 0; hops < 100; hops++) {
      const row = byOperation.get(id) as RefRow | undefined;
      if (!row) {
        problem ??= { kind: 'missing', ref, why: `the change that made ${ref} is not in this desk's outbox` };
        return ref;
      }
      if (row.status === 'applied') {
        const result = row.legacy_result ? (JSON.parse(row.legacy_result) as Record<string, unknown>) : {};
        const key = commands?.[row.command as keyof NonNullable<typeof commands>]?.result_key;
        const values = Object.values(result);
        const value = key ? result[key] : values.length === 1 ? values[0] : undefined;
        if (value === undefined || value === null) {
          problem ??= {
            kind: 'missing',
            ref,
            why: `the legacy system did not report the number it gave to ${ref}`,
          };
          return ref;
        }
        resolved.set(ref, value);
        return value;
      }
      if (row.status === 'pending') {
        // Straight from the outbox's order it can only be an earlier entry still in doubt: wait. Reached
        // through a conflict's replacement, it comes after this entry: this one must be applied again later.
        problem ??=
          hops === 0
            ? {
                kind: 'wait',
                ref,
                why: `the change that makes ${ref} has not reached the legacy database yet`,
              }
            : {
                kind: 'missing',
                ref,
                why: `the change that makes ${ref} was given again and waits behind this one; apply this one again once it has gone`,
              };
        return ref;
      }
      const next = replacedBy.get(id) as { new_operation_id: string } | undefined;
      if (!next) {
        problem ??= {
          kind: 'missing',
          ref,
          why: `the change that makes ${ref} could not be applied (${row.status}); settle that first`,
        };
        return ref;
      }
      id = next.new_operation_id;
    }
    problem ??= { kind: 'missing', ref, why: `the chain of changes behind ${ref} does not end` };
    return ref;
  };

  const walk = (value: unknown): unknown => {
    const op = provisionalOperation(value);
    if (op) return legacyKeyOf(value as string, op);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    }
    return value;
  };

  const payload = walk(entry.payload) as Record<string, unknown>;
  const base = walk(entry.base) as OutboxEntry['base'];
  return problem ?? { kind: 'ready', payload, base };
}

/** Cached columns that hold the id of another record, by the table they point into. */
const referencesInto: Record<string, Array<{ table: string; column: string }>> = {
  business: [
    { table: 'licence', column: 'business_id' },
    // An application taken for a business registered offline (issuing its licence needs the business).
    { table: 'application', column: 'business_id' },
  ],
  licence: [
    { table: 'payment', column: 'licence_id' },
    { table: 'inspection', column: 'licence_id' },
    { table: 'application', column: 'licence_id' },
  ],
  // A void or refund of a payment still provisional points at it.
  payment: [{ table: 'payment', column: 'reversal_of' }],
  // A visit scheduled offline is not recorded before it is numbered (record-result.ts), so
  // nothing else points at it.
  scheduled_inspection: [],
  // Code enforcement: a complaint taken offline is put on a case by its id in the case's payload
  // (resolved before sending), so no cached column points at it; a case opened offline is named
  // by the complaints put on it.
  complaint: [],
  enforcement_case: [{ table: 'complaint', column: 'case_id' }],
};

/**
 * After the operation that created `local:<operationId>` in `table` settled with legacy id
 * `legacyId`: the provisional row goes, references and change marks follow the legacy id. Runs
 * inside the settle transaction; the legacy row itself is written by the caller.
 */
export function adoptLegacyId(
  db: Cache,
  table: string,
  operationId: string,
  legacyId: string,
  at: string,
): void {
  const local = provisionalId(operationId);
  if (local === legacyId) return;
  if (table === 'licence') {
    // The search document of the provisional licence goes with it (the legacy one is indexed by refresh).
    const row = db.prepare('SELECT rowid FROM licence WHERE id = ?').get(local) as
      { rowid: number } | undefined;
    if (row) db.prepare('DELETE FROM licence_search WHERE rowid = ?').run(row.rowid);
  }
  db.prepare(`DELETE FROM "${table}" WHERE id = ?`).run(local);
  db.prepare(
    'INSERT OR REPLACE INTO adopted_id (local_id, entity, legacy_id, adopted_at) VALUES (?, ?, ?, ?)',
  ).run(local, table, legacyId, at);
  for (const ref of referencesInto[table] ?? []) {
    db.prepare(`UPDATE "${ref.table}" SET "${ref.column}" = ? WHERE "${ref.column}" = ?`).run(
      legacyId,
      local,
    );
  }
  db.prepare('UPDATE pending_change SET record_id = ? WHERE record_id = ?').run(legacyId, local);
}

/**
 * A conflict applied again lives on under a new operation: its provisional record is renamed from
 * `local:<operationId>` to `local:<newOperationId>` (as the new operation will adopt it), and cached
 * rows and change marks pointing at it follow. Inside the resolution's transaction.
 */
export function renameProvisional(
  db: Cache,
  table: string,
  operationId: string,
  newOperationId: string,
): void {
  const from = provisionalId(operationId);
  const to = provisionalId(newOperationId);
  db.prepare(`UPDATE "${table}" SET id = ? WHERE id = ?`).run(to, from);
  for (const ref of referencesInto[table] ?? []) {
    db.prepare(`UPDATE "${ref.table}" SET "${ref.column}" = ? WHERE "${ref.column}" = ?`).run(to, from);
  }
  db.prepare('UPDATE pending_change SET record_id = ? WHERE record_id = ?').run(to, from);
}

/**
 * Where a provisional id lives now on this desk: followed through conflicts applied again (each
 * renamed the record to its new operation) and then to the legacy id it was adopted as.
 */
export function followProvisional(db: Cache, id: string): string {
  let op = provisionalOperation(id);
  const replacedBy = db.prepare(
    'SELECT new_operation_id FROM conflict WHERE operation_id = ? AND new_operation_id IS NOT NULL',
  );
  for (let hops = 0; op && hops < 100; hops++) {
    const next = replacedBy.pluck().get(op) as string | undefined;
    if (!next) break;
    op = next;
  }
  return currentIdOf(db, op ? provisionalId(op) : id);
}

/** The id a record has now: the legacy id a provisional one became, or the id as given. */
export function currentIdOf(db: Cache, id: string): string {
  if (!provisionalOperation(id)) return id;
  const row = db.prepare('SELECT legacy_id FROM adopted_id WHERE local_id = ?').get(id) as
    { legacy_id: string } | undefined;
  return row?.legacy_id ?? id;
}

/**
 * A licence number as typed or linked, as the cache keys it: licence numbers in any case are upper
 * case; a provisional id is kept as it is, or followed to the legacy number it became.
 */
export function licenceKey(db: Cache, typed: string): string {
  const id = currentIdOf(db, typed.trim());
  return provisionalOperation(id) ? id : id.toUpperCase();
}

/** How a provisional id reads on paper, as on screen: P- and the operation's first eight characters. */
export function shownIdOf(id: string): string {
  return provisionalOperation(id) ? `P-${id.slice(6, 14).toUpperCase()}` : id;
}

/** Discarded: the record the change made under local:<operationId>, if any, goes. */
export function dropProvisional(db: Cache, command: CommandName, operationId: string): void {
  const table = definitionOf(command).creates;
  if (!table) return;
  const local = provisionalId(operationId);
  if (table === 'licence') {
    const rowid = db.prepare('SELECT rowid FROM licence WHERE id = ?').pluck().get(local) as
      number | undefined;
    if (rowid !== undefined) db.prepare('DELETE FROM licence_search WHERE rowid = ?').run(rowid);
    // The application is open again: its licence was never made (a clerk may issue it again).
    db.prepare(
      `UPDATE application SET status = 'open', licence_id = NULL, issued_at = NULL, issued_by = NULL WHERE licence_id = ?`,
    ).run(local);
  }
  db.prepare(`DELETE FROM "${table}" WHERE id = ?`).run(local);
}
