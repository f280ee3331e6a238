// The void or refund form: its values as typed, and how they become the payments.void or
// payments.refund input, each field checked by that operation's own schema for it.
import { z } from 'zod';
import { operations } from '../../src-main/common/contract.ts';
import { optionalTypedAmount } from './money-field.ts';

const voidInput = operations['payments.void'].input.shape;
const refundInput = operations['payments.refund'].input.shape;

// The payment number as typed, without the spaces around it, then the contract's rule.
const paymentId = (schema: typeof voidInput.paymentId) => z.string().trim().pipe(schema);

/** A void (the whole payment) or a refund (all that is left unless an amount is typed). */
export const reversalSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('void'),
      paymentId: paymentId(voidInput.paymentId),
      amount: z.string(),
      reason: voidInput.reason,
    }),
    z.object({
      kind: z.literal('refund'),
      paymentId: paymentId(refundInput.paymentId),
      amount: optionalTypedAmount(refundInput.amountCents.unwrap()),
      reason: refundInput.reason,
    }),
  ])
  .transform((values) =>
    values.kind === 'void'
      ? { kind: values.kind, paymentId: values.paymentId, reason: values.reason }
      : {
          kind: values.kind,
          paymentId: values.paymentId,
          reason: values.reason,
          ...(values.amount !== undefined ? { amountCents: values.amount } : {}),
        },
  );
/** The values as typed: one shape whichever the kind (the schema tells the kinds apart). */
export type ReversalValues = { kind: 'void' | 'refund'; paymentId: string; amount: string; reason: string };
export type ReversalInput = z.output<typeof reversalSchema>;
export const emptyReversal: ReversalValues = { kind: 'void', paymentId: '', amount: '', reason: '' };
