// The payment form's values (what the clerk typed) and how they become the payments.record input:
// every field is checked by the contract's own schema for it; the form adds only what the
// counter needs (the cash tendered covers the amount, a check or card has its reference).
import { z } from 'zod';
import { operations } from '../../src-main/common/contract.ts';
import { changeDue } from '../../src-main/common/drawer-totals.ts';
import type { PaymentMethod } from '../../src-main/common/model.ts';
import { tenderedShortMessage } from './field-errors.ts';
import { optionalTypedAmount, typedAmount } from './money-field.ts';

const record = operations['payments.record'].input.shape;

export type PaymentFormValues = {
  amount: string;
  method: PaymentMethod;
  tendered: string;
  reference: string;
};
export const emptyPayment: PaymentFormValues = { amount: '', method: 'cash', tendered: '', reference: '' };

const tendered = optionalTypedAmount(record.tenderedCents.unwrap());
/** The reference a method needs (the contract says how long it may be; the counter needs it). */
const references = { check: record.checkNumber.unwrap(), card: record.cardReference.unwrap() };

/** A field checked on its own schema; its issues are kept, under that field's name. */
function checkField<S extends z.ZodType>(
  ctx: z.RefinementCtx,
  field: string,
  schema: S,
  value: unknown,
): { ok: true; data: z.output<S> } | { ok: false } {
  const checked = schema.safeParse(value);
  if (checked.success) return { ok: true, data: checked.data };
  for (const issue of checked.error.issues) ctx.addIssue({ ...issue, path: [field] } as z.core.$ZodRawIssue);
  return { ok: false };
}

/** The values as the payments.record input without the licence (the screen knows it). */
export const paymentFormSchema = z
  .object({
    amount: typedAmount(record.amountCents, 'required'),
    method: record.method,
    tendered: z.string(),
    reference: z.string(),
  })
  .transform((values, ctx) => {
    const { amount: amountCents, method } = values;
    if (method === 'cash') {
      const given = checkField(ctx, 'tendered', tendered, values.tendered);
      if (!given.ok) return z.NEVER;
      if (given.data === undefined) return { amountCents, method };
      if (changeDue(amountCents, given.data) === null) {
        ctx.addIssue({ code: 'custom', message: tenderedShortMessage, path: ['tendered'] });
        return z.NEVER;
      }
      return { amountCents, method, tenderedCents: given.data };
    }
    if (method === 'check' || method === 'card') {
      const reference = checkField(ctx, 'reference', references[method], values.reference);
      if (!reference.ok) return z.NEVER;
      return method === 'check'
        ? { amountCents, method, checkNumber: reference.data }
        : { amountCents, method, cardReference: reference.data };
    }
    return { amountCents, method };
  });
