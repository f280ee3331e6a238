// The drawer.close form: what was counted per method as typed, each checked by the contract's own
// schema for it.
import { z } from 'zod';
import { operations } from '../../src-main/common/contract.ts';
import { typedAmount } from './money-field.ts';

const close = operations['drawer.close'].input.shape;

/** What was counted per method; empty is $0.00 (no checks taken today). */
export const closeDrawerSchema = z.object({
  cash: typedAmount(close.cashCents, 'zero'),
  check: typedAmount(close.checkCents, 'zero'),
  card: typedAmount(close.cardCents, 'zero'),
});
