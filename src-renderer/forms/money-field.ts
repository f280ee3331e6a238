// A form's money field: the text the clerk typed, read into cents by the one syntax of typed
// dollars (money-input.ts), then held to the contract's own schema for that field (Money,
// PositiveMoney or CountedMoney in model.ts, as the operation's input uses it), so the limits and
// messages are the contract's and the form only says what an empty field means.
import { z } from 'zod';
import { amountEmptyMessage } from './field-errors.ts';
import { typedCents } from './money-input.ts';

type CentsSchema = z.ZodType<number, number>;

/** A typed amount the operation needs: empty is refused ('required') or read as $0.00 ('zero'). */
export function typedAmount<S extends CentsSchema>(schema: S, whenEmpty: 'required' | 'zero') {
  return z
    .string()
    .transform((typed, ctx) => {
      const cents = typedCents(typed);
      if (cents !== undefined) return cents;
      if (whenEmpty === 'zero') return 0;
      ctx.addIssue({ code: 'custom', message: amountEmptyMessage });
      return z.NEVER;
    })
    .pipe(schema);
}

/** A typed amount the operation may go without: empty leaves it out. */
export function optionalTypedAmount<S extends CentsSchema>(schema: S) {
  return z
    .string()
    .transform((typed) => typedCents(typed))
    .pipe(schema.optional());
}
