// What a test that renews must pick: licences whose type's renewal requirements
// (bridges/riverton/requirements.yaml `renewal:`, e.g. a food licence's passed health inspection
// within 12 months) are met, answered by the desk's own check on the desk's cache.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { todayIn } from '../../src-main/common/time.ts';
import { loadRequirements } from '../../src-main/node/applications/requirements.ts';
import { loadBridge } from '../../src-main/node/bridge/load-bridge.ts';
import { renewalRequirementProblems } from '../../src-main/node/renewals/renewal-requirements.ts';

const riverton = join(import.meta.dirname, '../../bridges/riverton');

/** Riverton's "today": the day in the city's time zone (bridge.yaml time_zone), as the desk reckons it. */
export const rivertonToday = () => todayIn(loadBridge(join(riverton, 'bridge.yaml')).definition.time_zone);

/** The ids among `ids` (in their order) that miss no renewal requirement on `on`. */
export function meetingRenewalRequirements(
  db: Database.Database,
  ids: readonly string[],
  on = rivertonToday(),
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
