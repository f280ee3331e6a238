// Certificate verification codes: ten random Crockford base32 symbols (50 bits: guessing one that
// exists is hopeless) and one check symbol (Luhn mod 32: any single mistyped symbol and any swap
// of two neighbours is caught before the desk even looks the code up). Printed in groups,
// "7KQ3-M9XT-2RD"; read back tolerant of case, spaces, dashes and the O/0, I/1, L/1 confusions.
import { randomInt } from 'node:crypto';

export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const N = CODE_ALPHABET.length; // 32
export const RANDOM_SYMBOLS = 10;
export const CODE_LENGTH = RANDOM_SYMBOLS + 1;

const valueOf = (symbol: string): number => CODE_ALPHABET.indexOf(symbol);

/** The Luhn mod N sum of symbols, the rightmost one doubled first (or not, when the check is included). */
function luhnSum(symbols: string, doubleFirst: boolean): number {
  let factor = doubleFirst ? 2 : 1;
  let sum = 0;
  for (let i = symbols.length - 1; i >= 0; i--) {
    let addend = factor * valueOf(symbols[i]!);
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
    factor = factor === 2 ? 1 : 2;
  }
  return sum;
}

export function checkSymbol(body: string): string {
  return CODE_ALPHABET[(N - (luhnSum(body, true) % N)) % N]!;
}

/** A new code, normalised (no dashes): ten random symbols and the check symbol. */
export function newVerificationCode(random: (n: number) => number = randomInt): string {
  let body = '';
  for (let i = 0; i < RANDOM_SYMBOLS; i++) body += CODE_ALPHABET[random(N)]!;
  return body + checkSymbol(body);
}

/** As printed and shown: 4-4-3 groups. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

export type ReadCode =
  | { ok: true; code: string }
  /** malformed: not eleven symbols of the alphabet; mistyped: the check symbol does not match. */
  | { ok: false; why: 'malformed' | 'mistyped'; code: string };

/** What a person typed, as a code: case, spaces, dashes and look-alike letters forgiven. */
export function readCode(typed: string): ReadCode {
  const code = typed
    .toUpperCase()
    .replace(/[\s\-_.–—]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== CODE_LENGTH || [...code].some((c) => valueOf(c) < 0))
    return { ok: false, why: 'malformed', code };
  if (luhnSum(code, false) % N !== 0) return { ok: false, why: 'mistyped', code };
  return { ok: true, code };
}
