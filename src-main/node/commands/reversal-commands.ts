// Voids and refunds: money given back on an earlier payment. A supervisor's action with a reason,
// checked here in the service (a clerk calling the API or the command line is refused the same
// way as in the UI). Nothing is deleted or changed: the reversal is a payment row of its own with
// a negative amount that points at the original, taken in the supervisor's open drawer session,
// and replayed to the legacy database like any command. A payment still provisional can be
// reversed offline: the payload names it `local:<operationId>` and replay puts in its legacy number.
import { randomUUID } from 'node:crypto';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import type { PaymentMethod } from '../../common/model.ts';
import type {
  RefundPaymentPayload,
  VoidPaymentPayload,
} from '../../common/command-defs/payment-reversals.ts';
import { zonedIso } from '../../common/time.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import type { Cache } from '../cache/open-cache.ts';
import type { Desk } from '../desk/open-desk.ts';
import { currentPaymentId, recordDrawerEntry, samePaymentIds } from '../drawer/entries.ts';
import { requireOpenSession } from '../drawer/sessions.ts';
import { audit } from '../security/audit.ts';
import { type CommandResult, loadLicence } from './licence-commands.ts';
import { assertMayGive } from './may-give.ts';
import { enqueue, nextProvisionalReceipt } from './outbox.ts';

export type ReversalKind = 'void' | 'refund';

export interface ReversalInput {
  paymentId: string;
  reason: string;
  /** Refund only: how much (a void gives back the whole payment). */
  amountCents?: number | undefined;
  /** Refund only: how the money goes back (default: the payment's method). */
  method?: PaymentMethod | undefined;
}

export type ReversalResult = CommandResult<VoidPaymentPayload | RefundPaymentPayload> & {
  reversalId: string;
};

interface PaymentRow {
  id: string;
  licence_id: string;
  amount_cents: number;
  method: PaymentMethod;
  reversal_of: string | null;
  reversal_kind: ReversalKind | null;
}

/** What has been given back on a payment already (legacy reversal rows and this desk's provisional ones). */
export function reversedSoFar(db: Cache, paymentId: string): { voided: boolean; refundedCents: number } {
  const ids = samePaymentIds(db, paymentId);
  const rows = db
    .prepare(`SELECT * FROM payment WHERE reversal_of IN (${ids.map(() => '?').join(', ')})`)
    .all(...ids) as PaymentRow[];
  let voided = false;
  let refundedCents = 0;
  for (const r of rows) {
    // A provisional reversal whose command was applied has its legacy row too: count that one only.
    const local = /^local:(.+)$/.exec(r.id)?.[1];
    if (local && currentPaymentId(db, local) !== r.id) continue;
    if (r.reversal_kind === 'void') voided = true;
    else refundedCents += Math.abs(r.amount_cents);
  }
  return { voided, refundedCents };
}

function findPayment(db: Cache, paymentId: string): PaymentRow {
  const wanted = paymentId.trim();
  for (const id of samePaymentIds(db, wanted)) {
    const row = db.prepare('SELECT * FROM payment WHERE id = ?').get(id) as PaymentRow | undefined;
    if (row) return row;
  }
  throw new WorkbenchError('not_found', errorText('payment.not_found', { paymentId }));
}

export function reversePayment(
  desk: Desk,
  actor: string,
  kind: ReversalKind,
  input: ReversalInput,
  now = new Date(),
): ReversalResult {
  const command = kind === 'void' ? 'voidPayment' : 'refundPayment';
  // The role first: a clerk learns it is not theirs to do, whatever else is wrong.
  assertMayGive(desk, actor, command);
  const reason = input.reason.trim();
  if (!reason) {
    throw new WorkbenchError('invalid_input', errorText('reversal.reason_required', { kind }), {
      reason: errorText('field.required', {}),
    });
  }
  const db = desk.cache;
  const deskId = desk.configured().deskId;
  return db
    .transaction((): ReversalResult => {
      const session = requireOpenSession(db, deskId, actor);
      const original = findPayment(db, input.paymentId);
      if (original.reversal_of !== null || original.amount_cents <= 0) {
        throw new WorkbenchError(
          'invalid_input',
          errorText('reversal.of_reversal', { paymentId: original.id }),
        );
      }
      // The payment as the legacy system will know it: its number once replayed, else local:<op>.
      const local = /^local:(.+)$/.exec(original.id)?.[1];
      const paymentId = local ? currentPaymentId(db, local) : original.id;
      const so = reversedSoFar(db, original.id);
      if (so.voided) {
        throw new WorkbenchError('invalid_input', errorText('reversal.already_void', { paymentId }));
      }
      const left = original.amount_cents - so.refundedCents;
      let amountCents = left;
      if (kind === 'void') {
        if (so.refundedCents > 0) {
          throw new WorkbenchError('invalid_input', errorText('reversal.partly_refunded', { paymentId }));
        }
      } else {
        amountCents = input.amountCents ?? left;
        if (!Number.isSafeInteger(amountCents) || amountCents <= 0 || amountCents > left) {
          throw new WorkbenchError(
            'invalid_input',
            errorText('reversal.refund_too_large', { paymentId, leftCents: left }),
            { amountCents: errorText('field.between', { min: 1, max: left }) },
          );
        }
      }
      const licence = rowToRecord('licence', loadLicence(desk, original.licence_id));
      const at = zonedIso(now, desk.timeZone);
      const operationId = randomUUID();
      const payload: VoidPaymentPayload = {
        v: 1,
        paymentId,
        licenceId: licence.id as string,
        amountCents,
        signedAmountCents: -amountCents,
        method: kind === 'void' ? original.method : (input.method ?? original.method),
        reason,
        reversedOn: at.slice(0, 10),
        reversedAt: at,
        receiptNo: nextProvisionalReceipt(db, deskId),
      };
      const reversalId = `local:${operationId}`;
      db.prepare(
        `INSERT INTO payment (id, licence_id, paid_on, amount_cents, method, receipt_no, reversal_of, reversal_kind, refreshed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        reversalId,
        payload.licenceId,
        payload.reversedOn,
        -amountCents,
        payload.method,
        payload.receiptNo,
        paymentId,
        kind,
        at,
      );
      enqueue(
        db,
        {
          deskId,
          actor,
          createdAt: at,
          command,
          payload,
          base: [{ entity: 'licence', id: payload.licenceId, record: licence }],
          changes: [{ entity: 'payment', id: reversalId }],
        },
        operationId,
      );
      recordDrawerEntry(db, {
        operationId,
        sessionId: session.id,
        kind,
        at,
        actor,
        licenceId: payload.licenceId,
        amountCents,
        method: payload.method,
        receiptNo: payload.receiptNo,
        reverses: paymentId,
        reason,
      });
      audit(db, {
        at,
        actor,
        action: kind === 'void' ? 'payment.void' : 'payment.refund',
        subject: payload.licenceId,
        detail: {
          operationId,
          paymentId,
          amountCents,
          method: payload.method,
          reason,
          receiptNo: payload.receiptNo,
          drawerSession: session.id,
        },
      });
      return { operationId, payload, reversalId };
    })
    .immediate();
}
