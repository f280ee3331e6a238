// Changes that are the consequence of another change on this desk (a command's definition says so
// with `follows`): a re-inspection queued with the failed result it follows. Sent on its own it
// could reach the legacy database while its result never does (parked as a conflict, then
// discarded): a visit booked for a failure that was never recorded. So replay sends it only once
// the change it follows is in the legacy database, holds it while that one waits on a person, and
// a person's discard of that one withdraws it too: its local record goes, and it is kept in the
// outbox as a conflict resolved by that discard, audited, so nothing vanishes unexplained.
import { type CommandName, definitionOf, isCommandName } from '../../common/commands.ts';
import type { Cache } from '../cache/open-cache.ts';
import { commandEffects } from '../commands/command-effects.ts';
import type { OutboxEntry } from '../commands/outbox.ts';
import { audit } from '../security/audit.ts';
import { dropProvisional } from './provisional-refs.ts';

type Entry = Pick<OutboxEntry, 'seq' | 'operationId' | 'command' | 'payload'>;

/**
 * free: it follows nothing on this desk, or that change is in the legacy database; waiting: that
 * change has not gone yet or waits on a person; discarded: a person discarded it.
 */
export type FollowedState = 'free' | 'waiting' | 'discarded';

/** The operations of the change `entry` follows, from the one queued before it to its latest replacement. */
function followedChain(db: Cache, entry: Entry): Array<{ operationId: string; status: string }> {
  const follows = isCommandName(entry.command) ? definitionOf(entry.command).follows?.(entry.payload) : null;
  if (!follows) return [];
  const first = db
    .prepare(
      `SELECT operation_id, status FROM outbox
       WHERE command = ? AND json_extract(payload, '$.' || ?) = ? AND seq < ? ORDER BY seq DESC LIMIT 1`,
    )
    .get(follows.command, follows.field, follows.value, entry.seq) as
    { operation_id: string; status: string } | undefined;
  const chain: Array<{ operationId: string; status: string }> = [];
  const byOperation = db.prepare('SELECT status FROM outbox WHERE operation_id = ?').pluck();
  const replacedBy = db.prepare(
    `SELECT new_operation_id FROM conflict WHERE operation_id = ? AND new_operation_id IS NOT NULL`,
  );
  let next: { operationId: string; status: string } | null = first
    ? { operationId: first.operation_id, status: first.status }
    : null;
  // "Apply again" and "edit" give the change a new operation: follow it to the one alive now.
  while (next && chain.length < 100) {
    chain.push(next);
    const replacement = replacedBy.get(next.operationId) as { new_operation_id: string } | undefined;
    next = replacement
      ? {
          operationId: replacement.new_operation_id,
          status: String(byOperation.get(replacement.new_operation_id)),
        }
      : null;
  }
  return chain;
}

export function followedState(db: Cache, entry: Entry): FollowedState {
  const chain = followedChain(db, entry);
  const last = chain.at(-1);
  if (!last || last.status === 'applied') return 'free';
  if (last.status !== 'conflict') return 'waiting';
  const conflict = db
    .prepare('SELECT status, resolution FROM conflict WHERE operation_id = ?')
    .get(last.operationId) as { status: string; resolution: string | null } | undefined;
  return conflict?.status === 'resolved' && conflict.resolution === 'discard' ? 'discarded' : 'waiting';
}

/** The waiting changes that follow `operationId` (directly, or a change that replaced it). */
export function followersOf(db: Cache, operationId: string): Entry[] {
  const pending = db
    .prepare(
      `SELECT seq, operation_id, command, payload FROM outbox WHERE status = 'pending' AND in_doubt = 0 ORDER BY seq`,
    )
    .all() as Array<{ seq: number; operation_id: string; command: string; payload: string }>;
  return pending
    .map((r) => ({
      seq: r.seq,
      operationId: r.operation_id,
      command: r.command as CommandName,
      payload: JSON.parse(r.payload) as Record<string, unknown>,
    }))
    .filter((e) => followedChain(db, e).some((c) => c.operationId === operationId));
}

/**
 * Withdraws a change whose reason to be went: kept in the outbox as a conflict resolved by discard
 * (who, when, why), its local record and pending marks gone, audited. Never one already sent.
 */
export function withdrawFollower(
  db: Cache,
  follower: Entry,
  withdrawal: { actor: string; at: string; reason: string; withConflict: number | null },
): void {
  const { actor, at, reason } = withdrawal;
  const row = db
    .prepare(`SELECT base FROM outbox WHERE operation_id = ? AND status = 'pending' AND in_doubt = 0`)
    .get(follower.operationId) as { base: string } | undefined;
  if (!row) return;
  db.prepare(
    `UPDATE outbox SET status = 'conflict', settled_at = ?, last_error = NULL WHERE operation_id = ?`,
  ).run(at, follower.operationId);
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO conflict (operation_id, detected_at, kind, seen, mine, current, status, resolution, resolved_by, resolved_at, reason)
       VALUES (?, ?, 'gone', ?, ?, '[]', 'resolved', 'discard', ?, ?, ?)`,
    )
    .run(follower.operationId, at, row.base, JSON.stringify(follower.payload), actor, at, reason);
  db.prepare('DELETE FROM pending_change WHERE operation_id = ?').run(follower.operationId);
  commandEffects[follower.command].undo?.(db, null, at, follower.payload);
  dropProvisional(db, follower.command, follower.operationId);
  audit(db, {
    at,
    actor,
    action: 'conflict.discard',
    subject: String(follower.payload.licenceId ?? follower.payload.address ?? ''),
    detail: {
      conflictId: Number(lastInsertRowid),
      operationId: follower.operationId,
      command: follower.command,
      reason,
      withdrawnWith: withdrawal.withConflict,
      discarded: follower.payload,
    },
  });
}
