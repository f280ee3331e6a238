// Record a payment: one cache transaction holding its local effect, its outbox entry (with the
// licence as the clerk saw it) and its audit entry, so the counter works the same whether the
// legacy database is up or not. Replay takes it from there.
import { randomUUID } from 'node:crypto';
import type { RecordPaymentPayload } from '../../common/command-defs/record-payment.ts';
import { changeDue } from '../../common/drawer-totals.ts';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import { MAX_CENTS, type PaymentMethod } from '../../common/model.ts';
import { zonedIso } from '../../common/time.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import type { Desk } from '../desk/open-desk.ts';
import { audit } from '../security/audit.ts';
import { type CommandResult, loadLicence } from './licence-commands.ts';
import { assertMayGive } from './may-give.ts';
import { recordDrawerEntry } from '../drawer/entries.ts';
import { requireOpenSession } from '../drawer/sessions.ts';
import { enqueue, nextProvisionalReceipt } from './outbox.ts';

export interface PaymentInput {
  licenceId: string;
  amountCents: number;
  method: PaymentMethod;
  /** Cash: what was handed over (default: the exact amount). */
  tenderedCents?: number | undefined;
  checkNumber?: string | undefined;
  cardReference?: string | undefined;
}

interface Tender {
  tenderedCents: number | null;
  changeCents: number | null;
  checkNumber: string | null;
  cardReference: string | null;
}

/** How the money was handed over, checked before anything is written. */
function tenderOf(input: PaymentInput): Tender {
  const none: Tender = { tenderedCents: null, changeCents: null, checkNumber: null, cardReference: null };
  if (input.method === 'cash') {
    const tendered = input.tenderedCents ?? input.amountCents;
    const change = Number.isSafeInteger(tendered) ? changeDue(input.amountCents, tendered) : null;
    if (change === null) {
      throw new WorkbenchError(
        'invalid_input',
        errorText('payment.tendered_short', { tenderedCents: tendered, amountCents: input.amountCents }),
        { tenderedCents: errorText('field.at_least_amount', {}) },
      );
    }
    return { ...none, tenderedCents: tendered, changeCents: change };
  }
  if (input.method === 'check') return { ...none, checkNumber: input.checkNumber?.trim() || null };
  if (input.method === 'card') return { ...none, cardReference: input.cardReference?.trim() || null };
  return none;
}

export function recordPayment(
  desk: Desk,
  actor: string,
  input: PaymentInput,
  now = new Date(),
): CommandResult<RecordPaymentPayload> & { paymentId: string; changeCents: number | null } {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    throw new WorkbenchError('invalid_input', errorText('payment.amount_not_positive', {}), {
      amountCents: errorText('field.more_than_zero', {}),
    });
  }
  // The contract's limit, here too: a caller that skips the dispatcher must not queue what replay cannot send.
  if (input.amountCents > MAX_CENTS || (input.tenderedCents ?? 0) > MAX_CENTS) {
    const field = input.amountCents > MAX_CENTS ? 'amountCents' : 'tenderedCents';
    throw new WorkbenchError('invalid_input', errorText('payment.amount_too_large', {}), {
      [field]: errorText('field.max_cents', {}),
    });
  }
  const db = desk.cache;
  const deskId = desk.configured().deskId;
  assertMayGive(desk, actor, 'recordPayment');
  const tender = tenderOf(input);
  return db
    .transaction(() => {
      const session = requireOpenSession(db, deskId, actor);
      const licence = rowToRecord('licence', loadLicence(desk, input.licenceId));
      const paidAt = zonedIso(now, desk.timeZone);
      const operationId = randomUUID();
      const payload: RecordPaymentPayload = {
        v: 1,
        licenceId: licence.id as string,
        amountCents: input.amountCents,
        method: input.method,
        paidOn: paidAt.slice(0, 10),
        paidAt,
        receiptNo: nextProvisionalReceipt(db, deskId),
      };
      // Until replay brings the legacy payment number, the payment lives under its operation id.
      const paymentId = `local:${operationId}`;
      db.prepare(
        `INSERT INTO payment (id, licence_id, paid_on, amount_cents, method, receipt_no, refreshed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        paymentId,
        payload.licenceId,
        payload.paidOn,
        payload.amountCents,
        payload.method,
        payload.receiptNo,
        paidAt,
      );
      enqueue(
        db,
        {
          deskId,
          actor,
          createdAt: paidAt,
          command: 'recordPayment',
          payload,
          base: [{ entity: 'licence', id: payload.licenceId, record: licence }],
          changes: [{ entity: 'payment', id: paymentId }],
        },
        operationId,
      );
      recordDrawerEntry(db, {
        operationId,
        sessionId: session.id,
        kind: 'payment',
        at: paidAt,
        actor,
        licenceId: payload.licenceId,
        amountCents: payload.amountCents,
        method: payload.method,
        receiptNo: payload.receiptNo,
        ...tender,
      });
      audit(db, {
        at: paidAt,
        actor,
        action: 'payment.record',
        subject: payload.licenceId,
        detail: {
          operationId,
          amountCents: payload.amountCents,
          method: payload.method,
          receiptNo: payload.receiptNo,
          drawerSession: session.id,
          ...tender,
        },
      });
      return { operationId, payload, paymentId, changeCents: tender.changeCents };
    })
    .immediate();
}
