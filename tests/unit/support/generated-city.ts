// For the demo city and PermitFlow generator tests: a generated city's batches with the rows of the
// tables a test looks at gathered under a name, and a digest of every row of every table.
import { createHash } from 'node:crypto';
import { expect } from 'vitest';

export interface Batch {
  table: string;
  rows: readonly unknown[];
}

/** The batches as generated, and each named table's rows, in the order generated. */
export type GeneratedCity<B, R> = { batches: B[] } & { [K in keyof R]: R[K][] };

/** Gathers `batches` into a city; `tables` names each table a field holds the rows of. */
export function gatherCity<B extends Batch, R>(
  batches: Iterable<B>,
  tables: { [K in keyof R]: string },
): GeneratedCity<B, R> {
  const all = [...batches];
  const rows: Record<string, unknown[]> = {};
  for (const [key, table] of Object.entries<string>(tables))
    rows[key] = all.filter((b) => b.table === table).flatMap((b) => [...b.rows]);
  return { batches: all, ...rows } as GeneratedCity<B, R>;
}

/** Digest of every row of every table, in table order (the batches interleave tables). */
export function digestOf(batches: readonly Batch[], tables: readonly string[]): string {
  const h = createHash('sha256');
  for (const table of tables) {
    for (const b of batches)
      if (b.table === table) for (const r of b.rows) h.update(`${table}${JSON.stringify(r)}\n`);
  }
  return h.digest('hex');
}

type MakeCity<C> = (size: number, seed: number, batchSize?: number) => C;

/** Three cities of size 1500 and seed 7 (the third in batches of 37), checked to hold the same rows. */
export function sameSeedCities<C extends { batches: Batch[] }>(
  make: MakeCity<C>,
  dataTables: readonly string[],
): [C, C, C] {
  const [a, b, c] = [make(1500, 7), make(1500, 7), make(1500, 7, 37)];
  expect(digestOf(b.batches, dataTables)).toBe(digestOf(a.batches, dataTables));
  expect(digestOf(c.batches, dataTables)).toBe(digestOf(a.batches, dataTables));
  return [a, b, c];
}

/** Cities of seeds 7 and 8, checked to hold other rows but the same code tables. */
export function otherSeedCities<C extends { batches: Batch[] }>(
  make: MakeCity<C>,
  dataTables: readonly string[],
  codeTables: readonly string[],
): [C, C] {
  const [a, b] = [make(1500, 7), make(1500, 8)];
  expect(digestOf(b.batches, dataTables)).not.toBe(digestOf(a.batches, dataTables));
  const codes = (x: C) => x.batches.filter((batch) => codeTables.includes(batch.table));
  expect(codes(b)).toEqual(codes(a));
  return [a, b];
}
