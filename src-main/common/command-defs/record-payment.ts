// Take a payment on a licence (node/commands/payment-commands.ts).
import { z } from 'zod';
import { IsoDate, IsoTimestamp, PaymentMethod, PositiveMoney } from '../model.ts';
import { defineCommand, dollars, given, unchanged } from './define-command.ts';

export const RecordPaymentPayload = z.object({
  v: z.literal(1),
  licenceId: z.string().min(1),
  /** Held to the input limit too: a conflict's edited amount is parsed here before it is sent again. */
  amountCents: PositiveMoney,
  method: PaymentMethod,
  paidOn: IsoDate,
  paidAt: IsoTimestamp,
  /** The desk's provisional receipt number until the legacy system gives its own. */
  receiptNo: z.string().min(1),
});
export type RecordPaymentPayload = z.infer<typeof RecordPaymentPayload>;

export const recordPayment = defineCommand({
  name: 'recordPayment',
  version: 1,
  payload: RecordPaymentPayload,
  label: { en: 'Payment', es: 'Pago' },
  sends: { en: 'payments', es: 'pagos' },
  actions: {
    'payment.record': {
      roles: ['clerk', 'supervisor', 'admin'],
      words: { en: 'take payments', es: 'cobrar pagos' },
    },
  },
  legacyFields: ['licenceId', 'amountCents', 'method', 'paidOn', 'paidAt', 'receiptNo'],
  basedOn: 'licence',
  creates: 'payment',
  // Money taken is recorded whatever else happened to the licence meanwhile: a payment depends
  // only on the licence still being there.
  watch: [],
  editable: ['licenceId', 'amountCents', 'method'],
  conflictRows: (p, seen) => [
    ...unchanged(seen, 'status', 'expiresOn'),
    ...given(p, 'amountCents', 'method', 'paidOn'),
  ],
  describe: (p) =>
    `the payment of ${dollars(p.amountCents)} (${String(p.method)}, receipt ${String(p.receiptNo)}) for licence ${String(p.licenceId)}`,
  auditAction: () => 'payment.record',
});
