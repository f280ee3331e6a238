// Reads an amount a clerk typed in dollars and cents ("125", "125.5", "$1,250.00", "12,50") as
// integer cents, by string arithmetic: parseFloat would turn 0.29 into 28.999999999999996 cents.

import { MAX_CENTS } from '../../src-main/common/model.ts';
import { centsToDecimal } from '../format.ts';

/** The most one payment may be: the contract's one limit (model.ts MAX_CENTS, 100,000,000 cents). */
export const MAX_PAYMENT_CENTS = MAX_CENTS;

export type AmountProblem = 'empty' | 'format' | 'zero' | 'tooLarge';
export type ParsedAmount = { ok: true; cents: number } | { ok: false; problem: AmountProblem };

// Whole dollars, optionally grouped by thousands with commas; then a decimal point and 1-2 digits.
const withPoint = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;
// A Spanish-style decimal comma ("12,50") when there is no point and the comma is not grouping.
const withComma = /^(\d+),(\d{1,2})$/;

export function parseAmount(typed: string): ParsedAmount {
  const compact = typed.replace(/\s+/g, '').replace(/^\$/, '').replace(/^US\$/i, '');
  if (compact === '') return { ok: false, problem: 'empty' };
  const m = withPoint.exec(compact) ?? withComma.exec(compact);
  if (!m) return { ok: false, problem: 'format' };
  const whole = m[1]!.replaceAll(',', '').replace(/^0+(?=\d)/, '');
  const fraction = (m[2] ?? '').padEnd(2, '0');
  // More than 9 digits of dollars is past any limit; checked before Number() could lose digits.
  if (whole.length > 9) return { ok: false, problem: 'tooLarge' };
  const cents = Number(whole) * 100 + Number(fraction);
  if (cents === 0) return { ok: false, problem: 'zero' };
  if (cents > MAX_PAYMENT_CENTS) return { ok: false, problem: 'tooLarge' };
  return { ok: true, cents };
}

/** Cents back to what a clerk would type (for editing a proposal: 12345 -> "123.45"). */
export function centsToTyped(cents: number): string {
  return centsToDecimal(cents);
}
