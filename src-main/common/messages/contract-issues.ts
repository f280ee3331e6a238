// The contract's refusal of one field (a zod issue) as a catalog message, so the UI and the CLI
// can say it in the person's language. The contract's own limits (model.ts) are known by their
// English sentence; anything else by the kind of issue, with zod's English kept as the detail.
import type { z } from 'zod';
import { type ErrorText, errorText } from './error-text.ts';

const bySentence: Record<string, ErrorText> = {
  'A licence number is needed.': errorText('field.licence_required', {}),
  'A licence number is at most 64 characters.': errorText('field.licence_too_long', { max: 64 }),
  'An amount is at most $1,000,000.00.': errorText('field.max_cents', {}),
  'An amount is a whole number of cents.': errorText('field.whole_cents', {}),
  'An amount is more than $0.00.': errorText('field.positive_cents', {}),
  'An amount is $0.00 or more.': errorText('field.counted_cents', {}),
  'from must be on or before to': errorText('field.from_before_to', {}),
};

const paymentMethodSentence = /^A payment method is one of (.+)\.$/;

export function issueText(issue: z.core.$ZodIssue): ErrorText {
  const known = bySentence[issue.message];
  if (known) return known;
  const methods = paymentMethodSentence.exec(issue.message);
  if (methods) return errorText('field.payment_method', { methods: methods[1]! });
  if (issue.code === 'too_small' && (typeof issue.minimum === 'number' || typeof issue.minimum === 'bigint'))
    return errorText('field.too_small', { minimum: Number(issue.minimum) });
  if (issue.code === 'too_big' && (typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint'))
    return errorText('field.too_big', { maximum: Number(issue.maximum) });
  if (issue.code === 'invalid_type') return errorText('field.invalid_type', { expected: issue.expected });
  return errorText('field.invalid', { detail: issue.message });
}
