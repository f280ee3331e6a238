// Posting a batch: the selected licences still pending are renewed through the counter's own
// renewLicence, a chunk at a time. A chunk is ONE cache transaction holding its renewals (each
// with its outbox and audit entries), the items marked posted with their operation ids, and the
// chunk's audit entry. A desk killed at any instant therefore leaves whole chunks: every item is
// either posted with its renewal or pending without one. Resuming picks the pending items inside
// the next chunk's own transaction, so a second poster (another window, the command line) can
// never renew an item the first one has posted.
import { isWorkbenchError, errorText, WorkbenchError } from '../../common/errors.ts';
import type { BatchProblem } from '../../common/ops/batch-ops.ts';
import { zonedIso } from '../../common/time.ts';
import { assertMayGive } from '../commands/may-give.ts';
import type { Desk } from '../desk/open-desk.ts';
import { audit } from '../security/audit.ts';
import { assertAllowed, loadPolicy } from '../security/policy.ts';
import { assertState, problemsFor } from './batch-runs.ts';
import { renewOne } from './batch-renewal-source.ts';
import { batchRow, countItems, type ItemRow } from './batch-store.ts';

export interface ChunkResult {
  /** Nothing is left to post (the batch is posted), or the batch was cancelled meanwhile. */
  done: boolean;
  posted: number;
  blocked: number;
}

/**
 * Starts posting, or resumes it: notices printed → posting. Checks once what would refuse every
 * renewal (role, bridge) so that a chunk never fails half-way for a reason common to all.
 */
export function startPosting(
  desk: Desk,
  actor: string,
  batchId: string,
  chunkSize: number | undefined,
  now = new Date(),
): { resumed: boolean; alreadyPosted: boolean } {
  const policy = loadPolicy(desk.paths.dataDir);
  assertAllowed(policy, actor, 'batch.post');
  assertMayGive(desk, actor, 'renewLicence');
  const db = desk.cache;
  const at = zonedIso(now, desk.timeZone);
  return db
    .transaction(() => {
      const row = batchRow(db, batchId);
      // Asked again after the last chunk landed (a run killed just after it): nothing to do.
      if (row.state === 'posted') return { resumed: true, alreadyPosted: true };
      if (row.state === 'validated') {
        throw new WorkbenchError('invalid_input', errorText('batch.notices_not_printed', { batchId }));
      }
      assertState(row, ['notices_printed', 'posting'], 'be posted');
      const resumed = row.state === 'posting';
      const size = chunkSize ?? row.chunk_size;
      db.prepare(
        `UPDATE renewal_batch SET state = 'posting', chunk_size = ?, posting_started_at = coalesce(posting_started_at, ?) WHERE id = ?`,
      ).run(size, at, batchId);
      const counts = countItems(db, batchId);
      audit(db, {
        at,
        actor,
        action: resumed ? 'batch.post.resume' : 'batch.post.start',
        subject: batchId,
        detail: {
          chunkSize: size,
          selected: counts.selected,
          posted: counts.posted,
          remaining: counts.remaining,
        },
      });
      return { resumed, alreadyPosted: false };
    })
    .immediate();
}

/** A pause between renewals inside a chunk, for fault tests that must kill a desk mid-chunk. */
const itemDelayMs = Number(process.env.WORKBENCH_BATCH_ITEM_DELAY_MS ?? 0);
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Posts the next chunk of the batch in one cache transaction. */
export function postNextChunk(desk: Desk, actor: string, batchId: string, now = new Date()): ChunkResult {
  const db = desk.cache;
  return db
    .transaction((): ChunkResult => {
      const row = batchRow(db, batchId);
      if (row.state !== 'posting') return { done: true, posted: 0, blocked: 0 };
      const items = db
        .prepare(
          `SELECT * FROM renewal_batch_item WHERE batch_id = ? AND selected = 1 AND state = 'pending'
           ORDER BY position LIMIT ?`,
        )
        .all(batchId, row.chunk_size) as ItemRow[];
      const at = zonedIso(now, desk.timeZone);
      if (items.length === 0) {
        db.prepare(
          `UPDATE renewal_batch SET state = 'posted', finished_at = ?, finished_by = ? WHERE id = ?`,
        ).run(at, actor, batchId);
        const counts = countItems(db, batchId);
        audit(db, {
          at,
          actor,
          action: 'batch.posted',
          subject: batchId,
          detail: { posted: counts.posted, blocked: counts.blocked },
        });
        return { done: true, posted: 0, blocked: 0 };
      }
      // Validated again now: a hold, a payment or a status may have changed since the review.
      const checks = problemsFor(
        desk,
        batchId,
        items.map((i) => i.licence_id),
        at.slice(0, 10),
      );
      const markPosted = db.prepare(
        `UPDATE renewal_batch_item SET state = 'posted', operation_id = ?, posted_at = ?, new_expires_on = ?
         WHERE batch_id = ? AND licence_id = ? AND state = 'pending'`,
      );
      const markBlocked = db.prepare(
        `UPDATE renewal_batch_item SET state = 'blocked', problems = ? WHERE batch_id = ? AND licence_id = ?`,
      );
      const operations: string[] = [];
      const blocked: string[] = [];
      for (const item of items) {
        if (itemDelayMs > 0) pause(itemDelayMs);
        let problems: BatchProblem[] = checks.get(item.licence_id)?.problems ?? [];
        if (problems.length === 0) {
          try {
            const { operationId, newExpiresOn } = renewOne(desk, actor, item.licence_id, now);
            if (markPosted.run(operationId, at, newExpiresOn, batchId, item.licence_id).changes !== 1) {
              throw new Error(`batch ${batchId}: item ${item.licence_id} was not pending any more`);
            }
            operations.push(operationId);
            continue;
          } catch (err) {
            // Refusals common to all (role, bridge) and unexpected failures undo the whole chunk.
            if (!isWorkbenchError(err) || err.code === 'forbidden' || err.code === 'not_configured')
              throw err;
            problems = [{ code: 'batch.refused', message: err.message, detail: { code: err.code } }];
          }
        }
        markBlocked.run(JSON.stringify(problems), batchId, item.licence_id);
        blocked.push(item.licence_id);
      }
      audit(db, {
        at,
        actor,
        action: 'batch.chunk',
        subject: batchId,
        detail: {
          from: items[0]!.position,
          to: items.at(-1)!.position,
          posted: operations.length,
          blocked,
          operationIds: operations,
        },
      });
      return { done: false, posted: operations.length, blocked: blocked.length };
    })
    .immediate();
}
