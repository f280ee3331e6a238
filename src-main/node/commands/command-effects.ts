// The desk half of each command's definition (common/command-defs/): what its change does to the
// cached records, undone when a person discards its conflict and done again when a person applies
// it again. Typed per command name, so a new command without its effects does not compile.
// Used by sync/conflicts.ts inside the resolution's cache transaction; the interface and the base
// records are in effect-parts.ts.
import type { CommandName } from '../../common/commands.ts';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import { type LicenceStatusAction, statusTransition } from '../../common/licence-status.ts';
import type { LicenceStatus } from '../../common/model.ts';
import type { Cache } from '../cache/open-cache.ts';
import { entityWriter } from '../cache/store.ts';
import { followProvisional, provisionalId, provisionalOperation } from '../sync/provisional-refs.ts';
import { correctContactEffects } from '../businesses/correct-contact.ts';
import { assignInspectionEffects } from '../inspections/assign.ts';
import { inspectionResultEffects } from '../inspections/record-result.ts';
import { scheduleInspectionEffects } from '../inspections/schedule.ts';
import { transferLicenceEffects } from '../licence-status/transfer-licence.ts';
import { assignCaseEffects } from '../enforcement/assign-case.ts';
import { citeCaseEffects } from '../enforcement/cite-case.ts';
import { closeCaseEffects } from '../enforcement/close-case.ts';
import { openCaseEffects } from '../enforcement/open-case.ts';
import { takeComplaintEffects } from '../enforcement/take-complaint.ts';
import { businessBase, type CommandEffects, type Changes, licenceBase, notThere } from './effect-parts.ts';
import type { BaseVersion } from './outbox.ts';

type Rec = Record<string, unknown>;

/** The licence as the legacy database has it now, put back in the cache. */
const restoreLicence = (db: Cache, current: Rec | null, now: string) => {
  if (current) entityWriter(db, 'licence').upsert([current], now);
};

const licenceOf = (base: BaseVersion[]): Rec | null =>
  base[0]?.entity === 'licence' ? (base[0].record as Rec) : null;

/** A void or a refund: the original payment must still be there to give money back on. */
function reversalBase(kind: 'void' | 'refund') {
  return (db: Cache, operationId: string, payload: Rec, current: Rec | null): BaseVersion[] => {
    const paymentId = String(payload.paymentId);
    if (provisionalOperation(paymentId)) {
      const original = db.prepare('SELECT 1 FROM payment WHERE id = ?').get(followProvisional(db, paymentId));
      if (!original) throw notThere(errorText('conflict.payment_discarded', { paymentId }), 'paymentId');
    }
    if (!db.prepare('SELECT 1 FROM payment WHERE id = ?').get(provisionalId(operationId)))
      throw notThere(errorText('conflict.reversal_gone', { kind }), 'paymentId');
    return licenceBase(db, payload, current);
  };
}

/** A reversal row keeps its negative amount (an edited refund its new one) and what it reverses. */
function redoReversal(db: Cache, newOperationId: string, payload: Rec): Changes {
  const local = provisionalId(newOperationId);
  db.prepare('UPDATE payment SET amount_cents = ?, method = ? WHERE id = ?').run(
    -Number(payload.amountCents),
    payload.method,
    local,
  );
  return [{ entity: 'payment', id: local }];
}

/** An edited refund may give back at most what is left of the payment (this refund's old amount aside). */
function assertRefundable(db: Cache, operationId: string, next: Rec): void {
  next.signedAmountCents = -Number(next.amountCents);
  const paymentId = followProvisional(db, String(next.paymentId));
  const original = db.prepare('SELECT amount_cents FROM payment WHERE id = ?').pluck().get(paymentId) as
    number | undefined;
  if (original === undefined) return; // not cached: base() says why, or the legacy system checks
  const given = db
    .prepare(`SELECT coalesce(sum(-amount_cents), 0) FROM payment WHERE reversal_of IN (?, ?) AND id <> ?`)
    .pluck()
    .get(paymentId, String(next.paymentId), provisionalId(operationId)) as number;
  const left = original - given;
  const amount = Number(next.amountCents);
  if (!(Number.isSafeInteger(amount) && amount > 0 && amount <= left)) {
    throw new WorkbenchError(
      'invalid_input',
      errorText('conflict.refund_too_large', { paymentId: String(next.paymentId), left }),
      { amountCents: errorText('field.between', { min: 1, max: left }) },
    );
  }
}

export const commandEffects: Record<CommandName, CommandEffects> = {
  renewLicence: {
    base: (db, _op, payload, current) => licenceBase(db, payload, current),
    undo: restoreLicence,
    redo: (db, _op, payload, base, now) => {
      const licence = licenceOf(base);
      if (licence) entityWriter(db, 'licence').upsert([licence], now);
      db.prepare(`UPDATE licence SET expires_on = ?, status = 'active' WHERE id = ?`).run(
        payload.newExpiresOn,
        payload.licenceId,
      );
      return [{ entity: 'licence', id: String(payload.licenceId) }];
    },
  },
  changeLicenceStatus: {
    base: (db, _op, payload, current) => licenceBase(db, payload, current),
    undo: restoreLicence,
    redo: (db, _op, payload, base, now) => {
      const licence = licenceOf(base);
      if (licence) {
        // The move must still be possible from the status the legacy record has now.
        const move = statusTransition(licence.status as LicenceStatus, payload.action as LicenceStatusAction);
        if (!move.ok)
          throw new WorkbenchError(
            'invalid_input',
            errorText('conflict.move_impossible', { sentence: move.message }),
          );
        entityWriter(db, 'licence').upsert([licence], now);
      }
      db.prepare('UPDATE licence SET status = ? WHERE id = ?').run(payload.to, payload.licenceId);
      return [{ entity: 'licence', id: String(payload.licenceId) }];
    },
  },
  recordPayment: {
    base: (db, _op, payload, current) => licenceBase(db, payload, current),
    redo: (db, newOperationId, payload) => {
      const local = provisionalId(newOperationId);
      db.prepare('UPDATE payment SET licence_id = ?, amount_cents = ?, method = ? WHERE id = ?').run(
        payload.licenceId,
        payload.amountCents,
        payload.method,
        local,
      );
      return [{ entity: 'payment', id: local }];
    },
  },
  voidPayment: { base: reversalBase('void'), redo: redoReversal },
  refundPayment: { base: reversalBase('refund'), prepare: assertRefundable, redo: redoReversal },
  // A new business is based on nothing; a new licence on its business, which must still be on the
  // desk (its registration not discarded).
  registerBusiness: {
    base: () => [],
    redo: (_db, newOperationId) => [{ entity: 'business', id: provisionalId(newOperationId) }],
  },
  issueLicence: {
    base: (db, _op, payload) => businessBase(db, payload),
    redo: (_db, newOperationId) => [{ entity: 'licence', id: provisionalId(newOperationId) }],
  },
  correctBusinessContact: correctContactEffects,
  recordInspectionResult: inspectionResultEffects,
  scheduleInspection: scheduleInspectionEffects,
  transferLicence: transferLicenceEffects,
  assignInspection: assignInspectionEffects,
  takeComplaint: takeComplaintEffects,
  openCase: openCaseEffects,
  assignCase: assignCaseEffects,
  closeCase: closeCaseEffects,
  citeCase: citeCaseEffects,
};
