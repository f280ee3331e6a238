// The command line's one reader of cents (host/cli/values.ts): digits only, no leading zero, "0"
// only where zero is allowed; Number() alone took 0x10, 1e3, 007, " 5 " and "" as amounts.
import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  countedCentsMessage,
  maxCentsMessage,
  positiveCentsMessage,
  wholeCentsMessage,
} from '../../src-main/common/model.ts';
import { parseCents } from '../../src-main/host/cli/values.ts';

const refusal = (value: string, min: 0 | 1) => {
  try {
    parseCents('--amount', value, min);
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidArgumentError);
    return (err as Error).message;
  }
  throw new Error(`"${value}" was taken`);
};

describe('parseCents', () => {
  it('takes whole numbers of cents as typed', () => {
    expect(parseCents('--amount', '1', 1)).toBe(1);
    expect(parseCents('--amount', '2500', 1)).toBe(2500);
    expect(parseCents('--amount', '999999999999', 1)).toBe(999_999_999_999); // the contract refuses it, in its words
    expect(parseCents('--float', '0', 0)).toBe(0);
  });

  it.each([
    '0x10',
    '1e3',
    '007',
    '12.5',
    '12.50',
    '',
    ' 5',
    '5 ',
    '+5',
    '1,000',
    '$5',
    'Infinity',
    'NaN',
    '٣',
  ])('refuses %j as not a whole number of cents, naming the option', (value) => {
    const message = refusal(value, 1);
    expect(message).toContain('--amount: ');
    expect(message).toContain(wholeCentsMessage);
  });

  it('refuses a negative amount, and zero where it must be more than 0', () => {
    expect(refusal('-3', 1)).toBe(`--amount: ${positiveCentsMessage}`);
    expect(refusal('0', 1)).toBe(`--amount: ${positiveCentsMessage}`);
    expect(refusal('-3', 0)).toBe(`--amount: ${countedCentsMessage}`);
  });

  it('refuses more digits than a number holds with the limit', () => {
    expect(refusal('1234567890123456', 1)).toBe(`--amount: ${maxCentsMessage}`);
  });
});
