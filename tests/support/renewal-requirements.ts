// What a test that renews must pick: licences whose type's renewal requirements
// (bridges/riverton/requirements.yaml `renewal:`, e.g. a food licence's passed health inspection
// within 12 months) are met, answered by the desk's own check on the desk's cache.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadRequirements } from '../../src-main/node/applications/requirements.ts';
import { renewalRequirementProblems } from '../../src-main/node/renewals/renewal-requirements.ts';

const riverton = join(import.meta.dirname, '../../bridges/riverton');

/** Today in UTC: the city's day is the same or the one before, never a stricter window. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

/** The ids among `ids` (in their order) that miss no renewal requirement on `on`. */
export function meetingRenewalRequirements(
  db: Database.Database,
  ids: readonly string[],
  on = todayUtc(),
): string[] {
  const licences = db
    .prepare(
      `SELECT id, licence_type_code AS licenceTypeCode FROM licence WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as { id: string; licenceTypeCode: string | null }[];
  const missing = renewalRequirementProblems(db, loadRequirements(riverton).requirements, licences, on);
  return ids.filter((id) => !missing.has(id));
}

/** The same, reading the cache of the desk in `dataDir`. */
export function meetingRenewalRequirementsIn(dataDir: string, ids: readonly string[], on?: string): string[] {
  const db = new Database(join(dataDir, 'cache.sqlite'), { readonly: true });
  try {
    return meetingRenewalRequirements(db, ids, on);
  } finally {
    db.close();
  }
}
