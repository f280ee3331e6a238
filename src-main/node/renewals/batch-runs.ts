// A batch run's steps before posting: build the list from the queue's filters, select and
// deselect, validate, mark the notices printed, cancel. Each step is one cache transaction with
// its audit entry; none of them changes a licence (only posting does, through renewLicence).
import { randomUUID } from 'node:crypto';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import type { BatchCriteria, BatchProblem, BatchState } from '../../common/ops/batch-ops.ts';
import { zonedIso } from '../../common/time.ts';
import type { Desk } from '../desk/open-desk.ts';
import { audit } from '../security/audit.ts';
import { assertAllowed, loadPolicy } from '../security/policy.ts';
import { checkLicences, queueLicenceIds } from './batch-renewal-source.ts';
import { type BatchRow, batchRow, countItems } from './batch-store.ts';

const editable: readonly BatchState[] = ['draft', 'validated', 'notices_printed'];

export function assertState(row: BatchRow, allowed: readonly BatchState[], doing: string): void {
  if (!allowed.includes(row.state)) {
    throw new WorkbenchError(
      'invalid_input',
      errorText('batch.wrong_state', { batchId: row.id, state: row.state, doing }),
    );
  }
}

export const todayAt = (desk: Desk, now: Date): string => zonedIso(now, desk.timeZone).slice(0, 10);

/** A batch number a person can read out: the day, then 8 random hex digits. */
function newBatchId(today: string): string {
  return `B-${today.replaceAll('-', '')}-${randomUUID().slice(0, 8)}`;
}

export function createBatch(
  desk: Desk,
  actor: string,
  criteria: BatchCriteria,
  chunkSize: number,
  now = new Date(),
): string {
  assertAllowed(loadPolicy(desk.paths.dataDir), actor, 'batch.prepare');
  const db = desk.cache;
  const at = zonedIso(now, desk.timeZone);
  const today = at.slice(0, 10);
  return db
    .transaction(() => {
      const ids = queueLicenceIds(desk, criteria, today);
      if (ids.length === 0) {
        throw new WorkbenchError('invalid_input', errorText('batch.nothing_matches', {}));
      }
      const id = newBatchId(today);
      db.prepare(
        `INSERT INTO renewal_batch (id, created_by, created_at, criteria, chunk_size) VALUES (?, ?, ?, ?, ?)`,
      ).run(id, actor, at, JSON.stringify(criteria), chunkSize);
      const licence = db.prepare('SELECT business_id, expires_on FROM licence WHERE id = ?');
      const insert = db.prepare(
        `INSERT INTO renewal_batch_item (batch_id, position, licence_id, business_id, current_expires_on)
         VALUES (?, ?, ?, ?, ?)`,
      );
      ids.forEach((licenceId, i) => {
        const l = licence.get(licenceId) as { business_id: string; expires_on: string | null };
        insert.run(id, i + 1, licenceId, l.business_id, l.expires_on);
      });
      audit(db, {
        at,
        actor,
        action: 'batch.create',
        subject: id,
        detail: { criteria, items: ids.length, chunkSize },
      });
      return id;
    })
    .immediate();
}

/** The state a selection change leaves: validated only while every selected item passed validation. */
function stateAfterSelection(desk: Desk, batchId: string): BatchState {
  const c = countItems(desk.cache, batchId);
  return c.selected > 0 && c.invalid === 0 && c.unvalidated === 0 ? 'validated' : 'draft';
}

export function setSelected(
  desk: Desk,
  actor: string,
  batchId: string,
  selected: boolean,
  licenceIds: readonly string[] | undefined,
  now = new Date(),
): void {
  assertAllowed(loadPolicy(desk.paths.dataDir), actor, 'batch.prepare');
  const db = desk.cache;
  db.transaction(() => {
    const row = batchRow(db, batchId);
    assertState(row, editable, 'be changed');
    let changed = 0;
    if (licenceIds === undefined) {
      changed = db
        .prepare('UPDATE renewal_batch_item SET selected = ? WHERE batch_id = ? AND selected <> ?')
        .run(selected ? 1 : 0, batchId, selected ? 1 : 0).changes;
    } else {
      const one = db.prepare(
        'UPDATE renewal_batch_item SET selected = ? WHERE batch_id = ? AND licence_id = ? AND selected <> ?',
      );
      const exists = db.prepare('SELECT 1 FROM renewal_batch_item WHERE batch_id = ? AND licence_id = ?');
      for (const id of licenceIds) {
        const licenceId = id.trim().toUpperCase();
        if (!exists.get(batchId, licenceId)) {
          throw new WorkbenchError(
            'invalid_input',
            errorText('batch.licence_not_in_batch', { licenceId, batchId }),
          );
        }
        changed += one.run(selected ? 1 : 0, batchId, licenceId, selected ? 1 : 0).changes;
      }
    }
    if (changed === 0) return;
    const state = stateAfterSelection(desk, batchId);
    db.prepare('UPDATE renewal_batch SET state = ? WHERE id = ?').run(state, batchId);
    audit(db, {
      at: zonedIso(now, desk.timeZone),
      actor,
      action: 'batch.select',
      subject: batchId,
      detail: { selected, licences: changed, state },
    });
  }).immediate();
}

/**
 * Problems of each licence for a renewal on `on`: the renewal check's (holds, balances, window,
 * status), missing requirements, and a licence waiting in another open batch (posting both would
 * renew it twice).
 */
export function problemsFor(
  desk: Desk,
  batchId: string,
  licenceIds: readonly string[],
  on: string,
): Map<string, { problems: BatchProblem[]; check: ReturnType<typeof checkLicences>[number] }> {
  const otherBatch = desk.cache.prepare(
    `SELECT b.id FROM renewal_batch_item i JOIN renewal_batch b ON b.id = i.batch_id
     WHERE i.licence_id = ? AND i.batch_id <> ? AND i.selected = 1 AND i.state = 'pending'
       AND b.state NOT IN ('posted', 'cancelled') LIMIT 1`,
  );
  const result = new Map();
  for (const check of checkLicences(desk, licenceIds, on)) {
    // The renewal check already lists missing renewal requirements (renewal.requirement).
    const problems = [...check.problems];
    const other = otherBatch.get(check.licenceId, batchId) as { id: string } | undefined;
    if (other) {
      problems.push({
        code: 'batch.inOtherBatch',
        message: `Licence ${check.licenceId} is also in batch ${other.id}, not posted yet: deselect it in one of them.`,
        detail: { batchId: other.id },
      });
    }
    result.set(check.licenceId, { problems, check });
  }
  return result;
}

export function validateBatch(desk: Desk, actor: string, batchId: string, now = new Date()): void {
  assertAllowed(loadPolicy(desk.paths.dataDir), actor, 'batch.prepare');
  const db = desk.cache;
  const at = zonedIso(now, desk.timeZone);
  const on = at.slice(0, 10);
  db.transaction(() => {
    const row = batchRow(db, batchId);
    assertState(row, editable, 'be validated');
    const ids = (
      db
        .prepare('SELECT licence_id FROM renewal_batch_item WHERE batch_id = ? ORDER BY position')
        .all(batchId) as Array<{
        licence_id: string;
      }>
    ).map((r) => r.licence_id);
    const update = db.prepare(
      `UPDATE renewal_batch_item SET problems = ?, quote_total_cents = ?, quote_lines = ?, new_expires_on = ?,
         current_expires_on = (SELECT expires_on FROM licence WHERE id = licence_id)
       WHERE batch_id = ? AND licence_id = ?`,
    );
    for (const [licenceId, { problems, check }] of problemsFor(desk, batchId, ids, on)) {
      update.run(
        JSON.stringify(problems),
        check.quote?.totalCents ?? null,
        check.quote ? JSON.stringify(check.quote.lines) : null,
        check.newExpiresOn,
        batchId,
        licenceId,
      );
    }
    const counts = countItems(db, batchId);
    const state: BatchState = counts.selected > 0 && counts.invalid === 0 ? 'validated' : 'draft';
    db.prepare('UPDATE renewal_batch SET state = ?, validated_on = ?, validated_at = ? WHERE id = ?').run(
      state,
      on,
      at,
      batchId,
    );
    audit(db, {
      at,
      actor,
      action: 'batch.validate',
      subject: batchId,
      detail: { on, selected: counts.selected, valid: counts.valid, invalid: counts.invalid, state },
    });
  }).immediate();
}

/** The notices of a validated batch were produced: the next step is posting. */
export function markNoticesPrinted(
  desk: Desk,
  actor: string,
  batchId: string,
  format: 'pdf' | 'csv',
  notices: number,
  now = new Date(),
): void {
  const db = desk.cache;
  const at = zonedIso(now, desk.timeZone);
  db.transaction(() => {
    const row = batchRow(db, batchId);
    if (row.state === 'validated') {
      db.prepare(
        `UPDATE renewal_batch SET state = 'notices_printed', notices_printed_at = ? WHERE id = ?`,
      ).run(at, batchId);
    }
    audit(db, { at, actor, action: 'batch.notices', subject: batchId, detail: { format, notices } });
  }).immediate();
}

export function cancelBatch(
  desk: Desk,
  actor: string,
  batchId: string,
  reason: string,
  now = new Date(),
): void {
  assertAllowed(loadPolicy(desk.paths.dataDir), actor, 'batch.prepare');
  const db = desk.cache;
  const at = zonedIso(now, desk.timeZone);
  db.transaction(() => {
    const row = batchRow(db, batchId);
    assertState(row, [...editable, 'posting'], 'be cancelled');
    db.prepare(
      `UPDATE renewal_batch SET state = 'cancelled', finished_at = ?, finished_by = ?, cancel_reason = ? WHERE id = ?`,
    ).run(at, actor, reason, batchId);
    const counts = countItems(db, batchId);
    // Renewals already posted stay: they are commands like any other, on their way to the legacy system.
    audit(db, {
      at,
      actor,
      action: 'batch.cancel',
      subject: batchId,
      detail: { reason, from: row.state, posted: counts.posted, notPosted: counts.remaining },
    });
  }).immediate();
}
