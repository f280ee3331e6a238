// Reads an amount a clerk typed in dollars and cents ("125", "125.5", "$1,250.00", "12,50") as
// integer cents, by string arithmetic: parseFloat would turn 0.29 into 28.999999999999996 cents.
// This file is only the syntax of typed dollars; what an amount may be (a whole number of cents,
// more than 0, at most MAX_CENTS) is the contract's rule (model.ts Money, PositiveMoney,
// CountedMoney), the same one the command line (host/cli/values.ts) and the services apply, so
// the limits and their messages are written once.

import { PositiveMoney } from '../../src-main/common/model.ts';
import { centsToDecimal } from '../format.ts';
import { amountProblemOf, type AmountProblem } from './field-errors.ts';

export type { AmountProblem } from './field-errors.ts';
export type ParsedAmount = { ok: true; cents: number } | { ok: false; problem: AmountProblem };

// Whole dollars, optionally grouped by thousands with commas; then a decimal point and 1-2 digits.
// No leading zero before other digits ("007"), as on the command line: a stray digit is a typo,
// not an amount. A lone "0" before the point ("0.29") is fine.
const withPoint = /^(0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.(\d{1,2}))?$/;
// A Spanish-style decimal comma ("12,50") when there is no point and the comma is not grouping.
const withComma = /^(0|[1-9]\d*),(\d{1,2})$/;

/**
 * The typed text as cents, without judging the amount: undefined when nothing was typed, NaN
 * when the text is not dollars and cents (the contract's Money refuses NaN with its "whole
 * number of cents" message). More than 9 digits of dollars is past any limit: it reads as the
 * largest exact number, so the contract's upper limit refuses it (Number() would lose digits).
 */
export function typedCents(typed: string): number | undefined {
  const compact = typed.replace(/\s+/g, '').replace(/^\$/, '').replace(/^US\$/i, '');
  if (compact === '') return undefined;
  const m = withPoint.exec(compact) ?? withComma.exec(compact);
  if (!m) return Number.NaN;
  const whole = m[1]!.replaceAll(',', '');
  const fraction = (m[2] ?? '').padEnd(2, '0');
  if (whole.length > 9) return Number.MAX_SAFE_INTEGER;
  return Number(whole) * 100 + Number(fraction);
}

/** A payment-like amount (more than 0, at most the contract's limit), for code outside a form. */
export function parseAmount(typed: string): ParsedAmount {
  const cents = typedCents(typed);
  if (cents === undefined) return { ok: false, problem: 'empty' };
  const checked = PositiveMoney.safeParse(cents);
  if (checked.success) return { ok: true, cents: checked.data };
  return { ok: false, problem: amountProblemOf(checked.error.issues) };
}

/** Cents back to what a clerk would type (for editing a proposal: 12345 -> "123.45"). */
export function centsToTyped(cents: number): string {
  return centsToDecimal(cents);
}
