// What a renewal needs beyond the fee rules (requirements.yaml `renewal:`): today, passed
// inspections within some months of the renewal day. The counter's renewal, the fee quote and a
// batch's validation all get these problems from checkRenewal/checkRenewals (renewal-check.ts),
// as `renewal.requirement` with what was found, so the three refuse in the same words.
import type Database from 'better-sqlite3';
import { addMonths } from '../../common/licence-rules.ts';
import type { RenewalProblem } from '../../common/ops/fee-ops.ts';
import {
  loadRequirements,
  type RenewalRequirementDefinition,
  type RequirementsFile,
  renewalRequirementsFor,
} from '../applications/requirements.ts';
import type { Desk } from '../desk/open-desk.ts';

/** The desk's requirements file (re-read when it changes; none for a bridge without one). */
export function deskRenewalRequirements(desk: Desk): RequirementsFile {
  return loadRequirements(desk.bridge().dir).requirements;
}

export interface LicenceToCheck {
  id: string;
  licenceTypeCode: string | null;
}

interface InspectionRow {
  licence_id: string;
  inspected_on: string;
  kind: string | null;
  result: string;
}

/** How an inspection's canonical result reads in the English sentence. */
const resultWords: Record<string, string> = {
  pass: 'passed, but too long ago',
  fail: 'failed',
  reinspect: 'called for a reinspection',
  pending: 'has no result yet',
};

function problemFor(
  licenceId: string,
  item: RenewalRequirementDefinition,
  since: string,
  last: InspectionRow | undefined,
): RenewalProblem {
  const kind = item.inspectionKind ? `${item.inspectionKind} ` : '';
  const found = last
    ? `the last ${kind}inspection, on ${last.inspected_on}, ${resultWords[last.result] ?? `ended "${last.result}"`}`
    : `no ${kind}inspection of this licence is on record`;
  return {
    code: 'renewal.requirement',
    message:
      `Licence ${licenceId} needs a ${item.label.en.toLowerCase()} (${item.code}: a ${kind}inspection passed ` +
      `on or after ${since}, within ${item.withinMonths} months); ${found}. ` +
      'An inspector must record a passed inspection before it can be renewed.',
    detail: {
      requirement: item.code,
      labelEn: item.label.en,
      labelEs: item.label.es,
      inspectionKind: item.inspectionKind ?? null,
      withinMonths: item.withinMonths,
      since,
      lastInspectedOn: last?.inspected_on ?? null,
      lastResult: last?.result ?? null,
    },
  };
}

/**
 * The renewal requirements each licence misses for a renewal on `on` (YYYY-MM-DD), keyed by
 * licence id (licences missing nothing are absent). One query reads the inspections of every
 * licence whose type needs any (inspection_by_licence), however long the batch.
 */
export function renewalRequirementProblems(
  db: Database.Database,
  requirements: RequirementsFile,
  licences: readonly LicenceToCheck[],
  on: string,
): Map<string, RenewalProblem[]> {
  const problems = new Map<string, RenewalProblem[]>();
  const needing = licences.filter((l) => renewalRequirementsFor(requirements, l.licenceTypeCode).length > 0);
  if (needing.length === 0) return problems;
  const rows = db
    .prepare(
      // The history, and the schedule's done visits: a result recorded on this desk counts at once,
      // before the sync posts it to the history (a visit in both is counted twice, which is harmless).
      `SELECT licence_id, inspected_on, kind, result FROM (
         SELECT id, licence_id, inspected_on, kind, result FROM inspection
         UNION ALL
         SELECT id, licence_id, scheduled_on, kind, result FROM scheduled_inspection WHERE status = 'done'
       )
        WHERE licence_id IN (SELECT value FROM json_each(?)) AND inspected_on <= ?
        ORDER BY licence_id, inspected_on DESC, id DESC`,
    )
    .all(JSON.stringify([...new Set(needing.map((l) => l.id))]), on) as InspectionRow[];
  const byLicence = new Map<string, InspectionRow[]>();
  for (const r of rows) byLicence.set(r.licence_id, [...(byLicence.get(r.licence_id) ?? []), r]);
  for (const licence of needing) {
    const inspections = byLicence.get(licence.id) ?? [];
    const missing: RenewalProblem[] = [];
    for (const item of renewalRequirementsFor(requirements, licence.licenceTypeCode)) {
      const since = addMonths(on, -item.withinMonths);
      // Newest first: the first of the kind is what the message reports when none passed in time.
      const ofKind = inspections.filter((i) => !item.inspectionKind || i.kind === item.inspectionKind);
      if (ofKind.some((i) => i.result === 'pass' && i.inspected_on >= since)) continue;
      missing.push(problemFor(licence.id, item, since, ofKind[0]));
    }
    if (missing.length) problems.set(licence.id, missing);
  }
  return problems;
}
