// Replay: the desk's outbox, in order, into the legacy database (see README.md in this folder).
// Each entry is marked "in doubt" (and that is on disk) before it is sent, and settled in one cache
// transaction when the answer comes: applied (with the legacy system's numbers and rows), or
// parked as a conflict for a person. An entry whose answer never came is settled by re-reading at
// the next push, never sent again blind.
import { isCommandName, payloadProblem } from '../../common/commands.ts';
import type { LegacyCommandName } from '../../common/legacy-commands.ts';
import { type PushSummary, idlePush } from '../../common/sync-model.ts';
import { zonedIso } from '../../common/time.ts';
import { ApplyFailure } from '../bridge/worker-client.ts';
import type { ApplyOutcome } from '../bridge/worker-protocol.ts';
import type { Cache } from '../cache/open-cache.ts';
import { canonicalTables, keyField } from '../cache/canonical-tables.ts';
import { entityWriter } from '../cache/store.ts';
import { type OutboxEntry, toEntry } from '../commands/outbox.ts';
import type { Desk } from '../desk/open-desk.ts';
import { audit } from '../security/audit.ts';
import { connectionWithSecret } from '../security/connection-secret.ts';
import { keytarCredentialStore } from '../security/credential-store.ts';
import { adoptLegacyId, resolveProvisionalRefs } from './provisional-refs.ts';
import { updateSearchIndex } from './refresh-search.ts';
import { type OtherSenderWait, withPushLease } from './push-lease.ts';
import { recordsOf } from './change-records.ts';
import { followedState, withdrawFollower } from './follow-ups.ts';

export interface PushProgress {
  done: number;
  total: number;
}

/**
 * Sends every waiting outbox entry to the legacy database, in order. Never throws for the legacy
 * database being away: the push stops there, the entries keep waiting, and `stoppedBy` says why.
 */
export async function pushOutbox(
  desk: Desk,
  actor: string,
  onProgress?: (p: PushProgress) => void,
  /** How long to wait for another process on this computer that is pushing this desk. */
  waitForOther?: OtherSenderWait,
): Promise<PushSummary> {
  return withPushLease(desk.cache, () => push(desk, actor, onProgress), waitForOther);
}

async function push(desk: Desk, actor: string, onProgress?: (p: PushProgress) => void): Promise<PushSummary> {
  const db = desk.cache;
  const summary: PushSummary = idlePush();
  const waiting = () =>
    (db.prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`).get() as { n: number }).n;
  const total = waiting();
  if (total === 0) return summary;
  const { definition, file } = desk.bridge();
  const connection = await connectionWithSecret(desk.configured(), definition.name, keytarCredentialStore());
  const next = db.prepare(`SELECT * FROM outbox WHERE status = 'pending' AND seq > ? ORDER BY seq LIMIT 1`);
  // Records whose earlier change the legacy database refused: later changes to them wait behind it
  // until a person settles it; changes to other records go on.
  const held = heldRecords(db);
  let after = 0;
  let done = 0;
  onProgress?.({ done, total });
  for (;;) {
    const row = next.get(after) as Record<string, unknown> | undefined;
    if (!row) break;
    const entry = toEntry(row);
    after = entry.seq;
    const touched = recordsOf(entry);
    if (touched.some((r) => held.has(r))) {
      summary.held++;
      onProgress?.({ done: ++done, total });
      continue;
    }
    // A consequence of another change (a re-inspection of a failed result) goes only after it.
    const followed = followedState(db, entry);
    if (followed === 'discarded') {
      // Discarded by a version that did not withdraw what followed it: withdrawn now.
      withdrawFollower(db, entry, {
        actor,
        at: zonedIso(new Date(), desk.timeZone),
        reason: 'withdrawn: the change it follows was discarded',
        withConflict: null,
      });
      onProgress?.({ done: ++done, total });
      continue;
    }
    if (followed === 'waiting') {
      summary.held++;
      onProgress?.({ done: ++done, total });
      continue;
    }
    if (!isCommandName(entry.command)) {
      // Queued by a newer version of the workbench: this one cannot even show it; an update can.
      summary.stoppedBy = `Waiting: change ${entry.operationId} is a "${String(entry.command)}", which this version of the workbench does not know. Update the workbench on this desk.`;
      break;
    }
    const problem = payloadProblem(entry.command, entry.payloadVersion, entry.payload);
    if (problem) {
      // Never sent as it is: parked for a person, and later changes to its records wait behind it.
      settle(desk, actor, entry, {
        kind: 'conflict',
        conflict: 'invalid',
        current: [],
        changed: [],
        message: problem,
      });
      summary.conflicts++;
      for (const r of touched) held.add(r);
      onProgress?.({ done: ++done, total });
      continue;
    }
    const refs = resolveProvisionalRefs(db, definition.commands, entry);
    if (refs.kind === 'wait') {
      summary.stoppedBy = `Waiting: ${refs.why}.`;
      break;
    }
    if (refs.kind === 'missing') {
      // It refers to a record the legacy system does not have and will not get as things are.
      settle(desk, actor, entry, {
        kind: 'conflict',
        conflict: 'gone',
        current: entry.base.map((b) => ({ entity: b.entity, id: b.id, record: null })),
        changed: [],
      });
      summary.conflicts++;
      onProgress?.({ done: ++done, total });
      continue;
    }
    markSent(db, entry);
    let outcome: ApplyOutcome;
    try {
      outcome = await desk.worker.apply({
        bridgeFile: file,
        connection,
        operation: {
          operationId: entry.operationId,
          deskId: entry.deskId,
          actor: entry.actor,
          command: entry.command as LegacyCommandName,
          payload: refs.payload,
          base: refs.base,
          inDoubt: entry.inDoubt,
          claimed: claimedBy(db, entry, definition.commands?.[entry.command]?.applied_check?.into),
        },
      });
    } catch (err) {
      if (!(err instanceof ApplyFailure)) throw err;
      noteFailure(db, entry, err);
      summary.stoppedBy = err.message;
      break;
    }
    settle(desk, actor, entry, outcome);
    if (outcome.kind === 'conflict' && outcome.conflict === 'refused') {
      summary.refused++;
      for (const r of touched) held.add(r);
    }
    if (outcome.kind === 'conflict') summary.conflicts++;
    else if (outcome.kind === 'applied') summary.applied++;
    else summary.alreadyApplied++;
    onProgress?.({ done: ++done, total });
  }
  summary.remaining = waiting();
  return summary;
}

/** The records of refused (or invalid) changes still open (a person has not edited or discarded them yet). */
function heldRecords(db: Cache): Set<string> {
  const rows = db
    .prepare(
      `SELECT o.operation_id, o.payload, o.base FROM conflict c JOIN outbox o ON o.operation_id = c.operation_id
       WHERE c.status = 'open' AND c.kind IN ('refused', 'invalid')`,
    )
    .all() as Array<{ operation_id: string; payload: string; base: string }>;
  const held = new Set<string>();
  for (const r of rows) {
    const entry = {
      operationId: r.operation_id,
      payload: JSON.parse(r.payload) as OutboxEntry['payload'],
      base: JSON.parse(r.base) as OutboxEntry['base'],
    };
    for (const key of recordsOf(entry)) held.add(key);
  }
  return held;
}

/** Written (and fsynced) before the entry leaves the desk: a crash from here on leaves it in doubt. */
function markSent(db: Cache, entry: OutboxEntry): void {
  db.prepare(`UPDATE outbox SET in_doubt = 1, attempts = attempts + 1 WHERE operation_id = ?`).run(
    entry.operationId,
  );
}

/**
 * A failed send: if the legacy transaction certainly did not commit, the entry is as doubtful as it
 * was before this attempt (an earlier attempt may still have committed); otherwise it is in doubt.
 */
function noteFailure(db: Cache, entry: OutboxEntry, err: ApplyFailure): void {
  const inDoubt = err.committed === 'unknown' || entry.inDoubt ? 1 : 0;
  db.prepare(`UPDATE outbox SET in_doubt = ?, last_error = ? WHERE operation_id = ?`).run(
    inDoubt,
    err.message,
    entry.operationId,
  );
}

/** Legacy numbers that settled operations of this desk already own (see applied_check `into`). */
function claimedBy(db: Cache, entry: OutboxEntry, into: string | undefined): string[] {
  if (!entry.inDoubt || !into) return [];
  const rows = db
    .prepare(
      `SELECT json_extract(legacy_result, ?) AS v FROM outbox
       WHERE status = 'applied' AND command = ? AND legacy_result IS NOT NULL`,
    )
    .all(`$.${into}`, entry.command) as Array<{ v: unknown }>;
  return rows.filter((r) => r.v !== null && r.v !== undefined).map((r) => String(r.v));
}

/** The answer, written in one cache transaction: the outbox, the cached rows, the audit log. */
function settle(desk: Desk, actor: string, entry: OutboxEntry, outcome: ApplyOutcome): void {
  const db = desk.cache;
  const now = zonedIso(new Date(), desk.timeZone);
  const licenceId = String(entry.payload.licenceId ?? '');
  db.transaction(() => {
    if (outcome.kind === 'conflict') {
      db.prepare(
        `UPDATE outbox SET status = 'conflict', in_doubt = 0, settled_at = ?, last_error = NULL WHERE operation_id = ?`,
      ).run(now, entry.operationId);
      db.prepare(
        `INSERT INTO conflict (operation_id, detected_at, kind, seen, mine, current, legacy_message)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        entry.operationId,
        now,
        outcome.conflict,
        JSON.stringify(entry.base),
        JSON.stringify(entry.payload),
        JSON.stringify(outcome.current),
        outcome.message ?? null,
      );
      audit(db, {
        at: now,
        actor,
        action: 'replay.conflict',
        subject: licenceId,
        detail: {
          operationId: entry.operationId,
          command: entry.command,
          kind: outcome.conflict,
          changed: outcome.changed,
          ...(outcome.message ? { legacyMessage: outcome.message } : {}),
        },
      });
      return;
    }
    db.prepare(
      `UPDATE outbox SET status = 'applied', in_doubt = 0, settled_at = ?, last_error = NULL, legacy_result = ? WHERE operation_id = ?`,
    ).run(now, JSON.stringify(outcome.result), entry.operationId);
    db.prepare('DELETE FROM pending_change WHERE operation_id = ?').run(entry.operationId);
    // A record the command created: the legacy system's own (its number, its receipt) replaces the
    // provisional one, and cached rows that pointed at the provisional id follow.
    const mapping = desk.bridge().definition.commands?.[entry.command as LegacyCommandName];
    // (The records re-read for the entry's base are not the one it made, even of the same entity.)
    const read = new Set(entry.base.map((b) => `${b.entity}:${b.id}`));
    const made = mapping?.result_key
      ? outcome.records.filter(
          (r) =>
            r.entity === mapping.entity && !read.has(`${r.entity}:${String(r.record[keyField(r.entity)])}`),
        )
      : [];
    if (made.length === 1 && mapping) {
      const legacyId = String(made[0]!.record[keyField(mapping.entity)]);
      adoptLegacyId(db, canonicalTables[mapping.entity].table, entry.operationId, legacyId, now);
    }
    for (const { entity, record } of outcome.records) entityWriter(db, entity).upsert([record], now);
    reindexForSearch(db, outcome.records);
    audit(db, {
      at: now,
      actor,
      action: outcome.kind === 'applied' ? 'replay.applied' : 'replay.already_applied',
      subject: licenceId,
      detail: {
        operationId: entry.operationId,
        command: entry.command,
        via: outcome.via,
        result: outcome.result,
        provisionalReceipt: entry.payload.receiptNo ?? undefined,
      },
    });
  }).immediate();
}

/** Licences and businesses the legacy system sent back are searchable at once (a new licence under its city number). */
function reindexForSearch(
  db: Cache,
  records: ReadonlyArray<{ entity: string; record: Record<string, unknown> }>,
): void {
  const rowidOf = db.prepare('SELECT rowid FROM licence WHERE id = ?').pluck();
  const licenceRowids = records
    .filter((r) => r.entity === 'licence')
    .map((r) => rowidOf.get(String(r.record.id)) as number | undefined)
    .filter((r): r is number => r !== undefined);
  const businessIds = records.filter((r) => r.entity === 'business').map((r) => String(r.record.id));
  if (licenceRowids.length || businessIds.length) updateSearchIndex(db, { licenceRowids, businessIds });
}
