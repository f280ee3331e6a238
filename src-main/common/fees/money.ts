// Money is integer cents; rates are basis points (1500 = 15%, 100 = 1%). The one rounding rule:
// a percentage of an amount is rounded half up to the cent (0.5 cent and more goes up), once,
// where the published rule computes it (each line of a quote is rounded on its own and the total
// is the sum of the lines, so what the screen shows always adds up).

/** `cents` × `basisPoints` / 10 000, rounded half up to the cent; exact for any size (BigInt). */
export function percentOf(cents: number, basisPoints: number): number {
  assertCents(cents, 'amount');
  assertWhole(basisPoints, 'rate');
  const product = BigInt(cents) * BigInt(basisPoints);
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const rounded = (abs + 5_000n) / 10_000n; // half up, away from zero for negatives
  return Number(negative ? -rounded : rounded);
}

export function assertCents(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be whole cents, got ${value}`);
}

function assertWhole(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number, got ${value}`);
}

/** $1,234.50 (and -$22.50): how every amount reads in labels; the UI formats by locale itself. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}$${dollars}.${String(abs % 100).padStart(2, '0')}`;
}

/** 1500 -> "15%", 125 -> "1.25%", 5 -> "0.05%". */
export function formatBasisPoints(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const rest = Math.abs(basisPoints % 100);
  if (rest === 0) return `${whole}%`;
  return `${basisPoints < 0 && whole === 0 ? '-' : ''}${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}
