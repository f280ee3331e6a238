// How the command line reads values typed after an option, in one place. Number() is not used on
// its own: it takes "0x10" (16), "1e3" (1000), "007" (7), " 5 " and "" (0), so a typo became an
// amount. A whole number of cents is digits only, without a leading zero; the contract (model.ts
// MAX_CENTS) decides the upper limit, so the command line shows the UI's own message for it.
import { InvalidArgumentError } from 'commander';
import {
  countedCentsMessage,
  maxCentsMessage,
  positiveCentsMessage,
  wholeCentsMessage,
} from '../../common/model.ts';

const wholeCents = /^[1-9][0-9]*$/;
// Past this many digits Number() loses digits; any such amount is past the limit anyway.
const mostDigits = 15;

/**
 * The option's value as integer cents; `min` 0 lets "0" through (a float or a count), 1 does not.
 * A refusal says the contract's own sentence (the one the UI shows), after the option's name.
 */
export function parseCents(option: string, value: string, min: 0 | 1): number {
  if (value === '0' || /^-[0-9]+$/.test(value)) {
    if (value === '0' && min === 0) return 0;
    throw new InvalidArgumentError(`${option}: ${min === 0 ? countedCentsMessage : positiveCentsMessage}`);
  }
  if (!wholeCents.test(value)) {
    throw new InvalidArgumentError(
      `${option}: ${wholeCentsMessage} Type digits only, without a leading zero (2500 for $25.00), not "${value}".`,
    );
  }
  if (value.length > mostDigits) throw new InvalidArgumentError(`${option}: ${maxCentsMessage}`);
  return Number(value);
}

/** A commander option parser for cents (more than 0 by default). */
export const centsOption =
  (option: string, min: 0 | 1 = 1) =>
  (value: string): number =>
    parseCents(option, value, min);
