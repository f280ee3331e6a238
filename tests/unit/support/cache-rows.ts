// A real desk cache for the unit tests and benchmarks that need one: a fresh file with every
// migration applied in its own temp folder, and rows as the cache writers take them, the facts a
// test does not give unknown. No vitest here: the benchmarks run under plain node.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Cache, openCache } from '../../../src-main/node/cache/open-cache.ts';
import type { Business, Licence } from '../../../src-main/common/model.ts';
import { unknownBusinessFacts } from './business-facts.ts';

export const migrationsDir = join(import.meta.dirname, '../../../migrations');

/** A fresh cache in a temp folder named after `prefix` (e.g. 'wb-dup-'); dispose closes and removes it. */
export function freshCache(prefix: string): { db: Cache; dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const db = openCache(join(dir, 'cache.sqlite'), { migrationsDir });
  return {
    db,
    dir,
    dispose() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A business row with only its id and name known, and `extra` facts over it. */
export const businessRow = (id: string, name: string, extra: Partial<Business> = {}): Business => ({
  id,
  name,
  ...unknownBusinessFacts,
  openedOn: null,
  legacyUpdatedAt: null,
  ...extra,
});

/** A licence row: an active GENL licence of `businessId` unless `extra` says otherwise. */
export const licenceRow = (id: string, businessId: string, extra: Partial<Licence> = {}): Licence => ({
  id,
  businessId,
  licenceTypeCode: 'GENL',
  status: 'active',
  issuedOn: null,
  expiresOn: null,
  feeCents: null,
  legacyUpdatedAt: null,
  ...extra,
});

/** One active GENL licence for each business, numbered RV-0000001 onward in their order. */
export const oneLicenceEach = (businesses: readonly { id: string }[]): Licence[] =>
  businesses.map((b, i) => licenceRow(`RV-${String(i + 1).padStart(7, '0')}`, b.id));

/** Licence type rows from code to name, each with a 12-month term. */
export const licenceTypeRows = (names: Record<string, string>) =>
  Object.entries(names).map(([code, name]) => ({ code, name, termMonths: 12 }));
