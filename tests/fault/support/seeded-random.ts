// A small seeded random source (mulberry32) for fault trials: the seed is printed, so a failing run
// can be played again with the same choices (WB_CRASH_SEED=...). The timing of a kill against a
// running process can never be replayed exactly; the sequence of commands and delays can.

export interface SeededRandom {
  readonly seed: number;
  /** A number in [0, 1). */
  next(): number;
  /** A whole number in [min, max]. */
  int(min: number, max: number): number;
  /** A number in [min, max). */
  between(min: number, max: number): number;
  /** One of `items`, each with the given weight. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T;
  pick<T>(items: readonly T[]): T;
}

/** The seed from `envVar` when set (to replay a run), else a fresh one. */
export function seedFrom(envVar: string): number {
  const given = process.env[envVar];
  if (given !== undefined && given !== '') {
    const n = Number(given);
    if (!Number.isSafeInteger(n) || n < 0)
      throw new Error(`${envVar} must be a whole number, not "${given}"`);
    return n >>> 0;
  }
  return Math.floor(Math.random() * 2 ** 32) >>> 0;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed,
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
      const total = items.reduce((n, [, w]) => n + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return items[items.length - 1]![0];
    },
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}
