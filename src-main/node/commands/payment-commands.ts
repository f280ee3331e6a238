// Record a payment: one cache transaction holding its local effect, its outbox entry (with the
// licence as the clerk saw it) and its audit entry, so the counter works the same whether the
// legacy database is up or not. Replay takes it from there.
import { randomUUID } from 'node:crypto';
import type { RecordPaymentPayload } from '../../common/commands.ts';
import { WorkbenchError } from '../../common/errors.ts';
import type { PaymentMethod } from '../../common/model.ts';
import { zonedIso } from '../../common/time.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import type { Desk } from '../desk/open-desk.ts';
import { audit } from '../security/audit.ts';
import { assertAllowed, loadPolicy } from '../security/policy.ts';
import { assertBridgeTakes, type CommandResult, loadLicence } from './licence-commands.ts';
import { enqueue, nextProvisionalReceipt } from './outbox.ts';

export function recordPayment(
  desk: Desk,
  actor: string,
  input: { licenceId: string; amountCents: number; method: PaymentMethod },
  now = new Date(),
): CommandResult<RecordPaymentPayload> & { paymentId: string } {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    throw new WorkbenchError('invalid_input', 'The amount must be a positive number of cents.', {
      amountCents: 'must be more than 0',
    });
  }
  const db = desk.cache;
  const deskId = desk.configured().deskId;
  assertAllowed(loadPolicy(desk.paths.dataDir), actor, 'payment.record');
  assertBridgeTakes(desk, 'recordPayment', 'payments');
  return db
    .transaction(() => {
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
        },
      });
      return { operationId, payload, paymentId };
    })
    .immediate();
}
