// How every form shows a zod issue: the one table from an issue to the i18n key that says it in
// the person's language. The contract's sentences (model.ts) are English and also reach the
// command line; here each becomes a key (en/es in src-renderer/i18n), so no form writes its own
// message or its own limit.
import type { FieldError } from 'react-hook-form';
import {
  countedCentsMessage,
  MAX_CENTS,
  maxCentsMessage,
  positiveCentsMessage,
  wholeCentsMessage,
} from '../../src-main/common/model.ts';
import { ordinanceNeededMessage, unansweredMessage } from './inspection-form.ts';
import { scheduleMessages } from './schedule-visit-form.ts';

/** Raised by a form itself, not the contract: nothing was typed where an amount is needed. */
export const amountEmptyMessage = 'An amount is needed.';
/** Raised by the payment form: the cash handed over does not cover the amount. */
export const tenderedShortMessage = 'The cash tendered is less than the amount.';

export type AmountProblem = 'empty' | 'format' | 'zero' | 'negative' | 'tooLarge';

/** What is wrong with an amount, by the sentence of the schema that refused it. */
const amountProblems: Record<string, AmountProblem> = {
  [amountEmptyMessage]: 'empty',
  [wholeCentsMessage]: 'format',
  [positiveCentsMessage]: 'zero',
  [countedCentsMessage]: 'negative',
  [maxCentsMessage]: 'tooLarge',
};

const amountKeys: Record<AmountProblem, string> = {
  empty: 'counter.amountEmpty',
  format: 'counter.amountFormat',
  zero: 'counter.amountZero',
  negative: 'counter.amountNegative',
  tooLarge: 'counter.amountTooLarge',
};

/** Sentences the forms raise that are not about an amount. */
const otherKeys: Record<string, string> = {
  [tenderedShortMessage]: 'drawer.tenderedShort',
  [unansweredMessage]: 'inspections.form.unanswered',
  [ordinanceNeededMessage]: 'inspections.form.ordinanceNeeded',
  [scheduleMessages.licenceOrAddress]: 'inspections.schedule.licenceOrAddress',
  [scheduleMessages.kindNeeded]: 'inspections.schedule.kindNeeded',
  // model.ts IsoDate's own sentence (a day not typed in full).
  'expected a date as YYYY-MM-DD': 'inspections.schedule.dayNeeded',
};

/**
 * A text the contract requires (min 1) says so without words of its own; what the UI says
 * depends on the field, by its name in the form.
 */
const requiredKeys: Record<string, string> = {
  name: 'applications.nameRequired',
  licenceTypeCode: 'applications.typeRequired',
  paymentId: 'drawer.detailRequired',
  reference: 'drawer.detailRequired',
  reason: 'drawer.reasonRequired',
};

/** The problem of the first amount issue (the contract's Money schemas), for code outside a form. */
export function amountProblemOf(issues: readonly { message: string }[]): AmountProblem {
  return amountProblems[issues[0]?.message ?? ''] ?? 'format';
}

export type FieldErrorText = {
  key: string;
  /** Amounts the message names, in cents (formatted in the person's language when shown). */
  amounts?: Record<string, number>;
};

/** The key (and its amounts) for a field's first issue, as react-hook-form keeps it. */
export function fieldErrorText(field: string, error: Pick<FieldError, 'type' | 'message'>): FieldErrorText {
  const message = error.message ?? '';
  const problem = amountProblems[message];
  if (problem)
    return problem === 'tooLarge'
      ? { key: amountKeys[problem], amounts: { max: MAX_CENTS } }
      : { key: amountKeys[problem] };
  const other = otherKeys[message];
  if (other) return { key: other };
  const required = requiredKeys[field];
  if (required && (error.type === 'too_small' || error.type === 'invalid_type')) return { key: required };
  return { key: 'counter.valueInvalid' };
}
