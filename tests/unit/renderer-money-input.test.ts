// What a clerk types as an amount becomes exact integer cents (src-renderer/forms/money-input.ts).
import { describe, expect, it } from 'vitest';
import { centsToTyped, parseAmount } from '../../src-renderer/forms/money-input.ts';

describe('parseAmount', () => {
  it('reads dollars and cents exactly, where floating point would not', () => {
    expect(parseAmount('0.29')).toEqual({ ok: true, cents: 29 }); // 0.29 * 100 = 28.999999999999996
    expect(parseAmount('1.15')).toEqual({ ok: true, cents: 115 }); // 1.15 * 100 = 114.99999999999999
    expect(parseAmount('19.99')).toEqual({ ok: true, cents: 1999 });
    expect(parseAmount('125')).toEqual({ ok: true, cents: 12500 });
    expect(parseAmount('125.5')).toEqual({ ok: true, cents: 12550 });
    expect(parseAmount('.5')).toEqual({ ok: false, problem: 'format' });
    // A leading zero before other digits is a typo, as on the command line (host/cli/values.ts).
    expect(parseAmount('007.05')).toEqual({ ok: false, problem: 'format' });
    expect(parseAmount('0.05')).toEqual({ ok: true, cents: 5 });
  });

  it('accepts a dollar sign, spaces, thousands commas and a decimal comma', () => {
    expect(parseAmount(' $1,250.00 ')).toEqual({ ok: true, cents: 125000 });
    expect(parseAmount('$ 75')).toEqual({ ok: true, cents: 7500 });
    expect(parseAmount('12,500')).toEqual({ ok: true, cents: 1250000 });
    expect(parseAmount('12,50')).toEqual({ ok: true, cents: 1250 });
    expect(parseAmount('1234,5')).toEqual({ ok: true, cents: 123450 });
  });

  it('names the problem with anything else', () => {
    expect(parseAmount('')).toEqual({ ok: false, problem: 'empty' });
    expect(parseAmount('   ')).toEqual({ ok: false, problem: 'empty' });
    for (const typed of ['abc', '12.345', '-5', '1e3', '12.3.4', '1,23,456', '12..5', '0x10', '5$'])
      expect(parseAmount(typed), typed).toEqual({ ok: false, problem: 'format' });
    expect(parseAmount('0')).toEqual({ ok: false, problem: 'zero' });
    expect(parseAmount('0.00')).toEqual({ ok: false, problem: 'zero' });
  });

  it('refuses more than the contract allows, without losing digits on the way', () => {
    expect(parseAmount('1000000.00')).toEqual({ ok: true, cents: 100_000_000 });
    expect(parseAmount('1000000.01')).toEqual({ ok: false, problem: 'tooLarge' });
    expect(parseAmount('99999999999999999999')).toEqual({ ok: false, problem: 'tooLarge' });
  });

  it('turns cents back into what a clerk would type', () => {
    expect(centsToTyped(12345)).toBe('123.45');
    expect(centsToTyped(5)).toBe('0.05');
    expect(centsToTyped(100)).toBe('1.00');
    for (const cents of [1, 29, 115, 1999, 100_000_000])
      expect(parseAmount(centsToTyped(cents))).toEqual({ ok: true, cents });
  });
});
