// The versioned outbox payloads of this domain's commands, and the payload fields a bridge's write
// statements may bind (spread into commands.ts and legacy-commands.ts).
import { z } from 'zod';
import { Cents, IsoDate, IsoTimestamp, PaymentMethod } from '../model.ts';

/**
 * A void or a refund of an earlier payment: a new, negative payment row in the legacy system that
 * points at the original, which is never changed or deleted. `paymentId` is the original's id: its
 * legacy number, or `local:<operationId>` while it is still provisional (replay puts the legacy
 * number in before sending, see sync/provisional-refs.ts).
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

export const drawerCommandPayloads = {
  voidPayment: VoidPaymentPayload,
  refundPayment: RefundPaymentPayload,
} as const;

const reversalFields = [
  'operationId',
  'actor',
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

export const drawerLegacyFields = {
  voidPayment: reversalFields,
  refundPayment: reversalFields,
} as const;
