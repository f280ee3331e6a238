// Give money back on an earlier payment: a void (all of it, the same day's mistake) or a refund
// (part or all). Each is a new, negative payment row in the legacy system that points at the
// original, which is never changed or deleted (node/commands/reversal-commands.ts).
import { z } from 'zod';
import { Cents, IsoDate, IsoTimestamp, PaymentMethod } from '../model.ts';
import { type ConflictRow, defineCommand, dollars, given } from './define-command.ts';

/**
 * `paymentId` is the original's id: its legacy number, or `local:<operationId>` while it is still
 * provisional (replay puts the legacy number in before sending, see sync/provisional-refs.ts).
 */
const ReversalFields = {
  v: z.literal(1),
  paymentId: z.string().min(1),
  licenceId: z.string().min(1),
  /** Positive: the money given back (a void gives back the whole payment). */
  amountCents: Cents.positive(),
  /** The same amount as the legacy row carries it: negative. */
  signedAmountCents: Cents.negative(),
  /** How the money is given back (a void: the original's method). */
  method: PaymentMethod,
  reason: z.string().min(1).max(500),
  reversedOn: IsoDate,
  reversedAt: IsoTimestamp,
  /** The desk's provisional receipt number of the reversal itself. */
  receiptNo: z.string().min(1),
};

export const VoidPaymentPayload = z.object(ReversalFields);
export type VoidPaymentPayload = z.infer<typeof VoidPaymentPayload>;
export const RefundPaymentPayload = z.object(ReversalFields);
export type RefundPaymentPayload = z.infer<typeof RefundPaymentPayload>;

const legacyFields = [
  'paymentId',
  'licenceId',
  'amountCents',
  'signedAmountCents',
  'method',
  'reason',
  'reversedOn',
  'reversedAt',
  'receiptNo',
] as const;

const rows = (p: Record<string, unknown>): ConflictRow[] =>
  given(p, 'paymentId', 'amountCents', 'method', 'reason');

// Money given back is recorded whatever happened to the licence meanwhile, like a payment.
export const voidPayment = defineCommand({
  name: 'voidPayment',
  version: 1,
  payload: VoidPaymentPayload,
  label: { en: 'Void of a payment', es: 'Anulación de un pago' },
  sends: { en: 'voids', es: 'anulaciones' },
  actions: {
    'payment.void': { roles: ['supervisor', 'admin'], words: { en: 'void payments', es: 'anular pagos' } },
  },
  legacyFields,
  basedOn: 'licence',
  creates: 'payment',
  watch: [],
  editable: ['reason'],
  conflictRows: rows,
  describe: (p) =>
    `the void of payment ${String(p.paymentId)} (${dollars(p.amountCents)}, ${String(p.method)}) on licence ${String(p.licenceId)}`,
  auditAction: () => 'payment.void',
});

// A refund is a void of part (or all) of a payment: the same in everything but its words, its role
// and the amount a person may edit.
export const refundPayment = defineCommand({
  ...voidPayment,
  name: 'refundPayment',
  payload: RefundPaymentPayload,
  label: { en: 'Refund of a payment', es: 'Reembolso de un pago' },
  sends: { en: 'refunds', es: 'reembolsos' },
  actions: {
    'payment.refund': {
      roles: ['supervisor', 'admin'],
      words: { en: 'refund payments', es: 'reembolsar pagos' },
    },
  },
  editable: ['amountCents', 'reason'],
  describe: (p) =>
    `the refund of ${dollars(p.amountCents)} (${String(p.method)}) on payment ${String(p.paymentId)} of licence ${String(p.licenceId)}`,
  auditAction: () => 'payment.refund',
});
