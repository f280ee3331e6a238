// Verification codes: eleven Crockford base32 symbols (ten random, one Luhn mod 32 check), printed
// 4-4-3, read back whatever the case, spacing, dashes and O/0, I/1, L/1 confusions; a single
// mistyped symbol or a swap of two neighbours is caught by the check symbol.
import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  checkSymbol,
  formatCode,
  newVerificationCode,
  readCode,
} from '../../src-main/node/certificates/verification-code.ts';

describe('certificate verification codes', () => {
  it('are eleven symbols of the Crockford alphabet, grouped 4-4-3, and differ every time', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = newVerificationCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{11}$/);
      expect(readCode(code)).toEqual({ ok: true, code });
      codes.add(code);
    }
    expect(codes.size).toBe(2000);
    expect(formatCode('7KQ3M9XT2RD')).toBe('7KQ3-M9XT-2RD');
  });

  it('end in the Luhn mod 32 check symbol of the ten before it', () => {
    // A fixed draw: every symbol "1" (value 1). From the right: 2,1,2,1,... -> 5*2 + 5*1 = 15; (32 - 15) % 32 = 17 = 'H'.
    expect(checkSymbol('1111111111')).toBe('H');
    expect(newVerificationCode(() => 1)).toBe('1111111111H');
    expect(checkSymbol('0000000000')).toBe('0');
  });

  it('are read tolerant of case, spaces, dashes and look-alike letters', () => {
    const code = newVerificationCode((n) => [0, 1, 5, 31, 18][Math.floor(Math.random() * 5)]! % n);
    const printed = formatCode(code);
    const sloppy = [
      printed.toLowerCase(),
      printed.replace(/-/g, ' '),
      ` ${printed.replace(/-/g, '')} `,
      printed.replace(/0/g, 'O').replace(/1/g, 'I'),
      printed.replace(/1/g, 'l').toLowerCase(),
      printed.replace(/-/g, '—'),
    ];
    for (const typed of sloppy) expect(readCode(typed), typed).toEqual({ ok: true, code });
  });

  it('catch every single mistyped symbol and every swap of two different neighbours', () => {
    for (let trial = 0; trial < 50; trial++) {
      const code = newVerificationCode();
      for (let i = 0; i < code.length; i++) {
        for (const other of CODE_ALPHABET) {
          if (other === code[i]) continue;
          const typo = code.slice(0, i) + other + code.slice(i + 1);
          expect(readCode(typo).ok, `${code} -> ${typo}`).toBe(false);
        }
      }
      for (let i = 0; i + 1 < code.length; i++) {
        if (code[i] === code[i + 1]) continue;
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        // Luhn mod N misses only the swap of the two symbols whose values are 0 and N-1... (0 and Z).
        const missable = new Set([code[i], code[i + 1]]);
        if (missable.has('0') && missable.has('Z')) continue;
        expect(readCode(swapped).ok, `${code} -> ${swapped}`).toBe(false);
      }
    }
  });

  it('say whether a non-code is malformed or mistyped', () => {
    expect(readCode('')).toMatchObject({ ok: false, why: 'malformed' });
    expect(readCode('7KQ3-M9XT')).toMatchObject({ ok: false, why: 'malformed' });
    expect(readCode('7KQ3-M9XT-2RU')).toMatchObject({ ok: false, why: 'malformed' }); // U is never used
    const code = newVerificationCode();
    const wrongCheck = code.slice(0, 10) + CODE_ALPHABET[(CODE_ALPHABET.indexOf(code[10]!) + 1) % 32];
    expect(readCode(wrongCheck)).toEqual({ ok: false, why: 'mistyped', code: wrongCheck });
  });
});
