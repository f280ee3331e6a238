// The inspector's reads, from the desk's cache (so they work with the link cut): the day's visits
// and what is overdue, in route order (ward, then street, then house number), and one visit with
// its checklist by the city's rules, what was recorded, and the site's history.
import { errorText, WorkbenchError } from '../../common/errors.ts';
import type {
  ChecklistResult,
  Inspection,
  Ordinance,
  ScheduledInspection,
  Violation,
} from '../../common/model.ts';
import type { Visit } from '../../common/ops/inspection-ops.ts';
import type { PendingOperation } from '../../common/sync-model.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import type { Cache } from '../cache/open-cache.ts';
import { type InspectionRulesFile, kindRules } from './inspection-rules.ts';

type Row = Record<string, unknown>;

/**
 * The open violations found at a site on its other visits: the site is the licence or, for a visit
 * with no licence, the bare address. Two branches, so each is read by its own index (an OR of the
 * two scanned the whole schedule for every address-only visit).
 */
const siteViolations = (site: string, visitId: string) => `
  CASE WHEN ${site}.licence_id IS NOT NULL
    THEN (SELECT count(*) FROM scheduled_inspection o JOIN violation v ON v.inspection_id = o.id
           WHERE o.licence_id = ${site}.licence_id AND o.id <> ${visitId} AND +v.status = 'open')
    ELSE (SELECT count(*) FROM scheduled_inspection o JOIN violation v ON v.inspection_id = o.id
           WHERE o.licence_id IS NULL AND o.address = ${site}.address AND o.id <> ${visitId} AND +v.status = 'open')
  END`;

const visitSql = `
  SELECT s.*, b.name AS business_name, b.address_line AS business_address,
         ${siteViolations('s', 's.id')} AS open_violations,
         (SELECT count(*) FROM outbox w WHERE w.status = 'pending'
             AND (json_extract(w.payload, '$.inspectionId') = s.id OR 'local:' || w.operation_id = s.id))
           AS pending_changes
    FROM scheduled_inspection s
    LEFT JOIN licence l ON l.id = s.licence_id
    LEFT JOIN business b ON b.id = l.business_id`;

function toVisit(row: Row, on: string): Visit {
  const inspection = rowToRecord('scheduledInspection', row) as ScheduledInspection;
  return {
    inspection,
    overdue: inspection.status === 'scheduled' && inspection.scheduledOn < on,
    businessName: (row.business_name as string | null) ?? null,
    site: ((row.business_address as string | null) ?? inspection.address) || null,
    openViolations: Number(row.open_violations),
    pendingChanges: Number(row.pending_changes),
  };
}

/** "1204 N Main St" -> ["N MAIN ST", 1204]: a route walks a street, house by house. */
function streetAndNumber(site: string | null): [string, number] {
  const m = /^\s*(\d+)\s+(.*)$/.exec(site ?? '');
  return m ? [m[2]!.toUpperCase(), Number(m[1])] : [(site ?? '').toUpperCase(), 0];
}

/** The day's visits of one inspector, and their overdue ones, in route order. */
export function dayVisits(db: Cache, inspector: string, on: string): Visit[] {
  const rows = db
    .prepare(
      `${visitSql}
        WHERE s.inspector = ? AND (s.scheduled_on = ? OR (s.status = 'scheduled' AND s.scheduled_on < ?))`,
    )
    .all(inspector, on, on) as Row[];
  return rows
    .map((r) => toVisit(r, on))
    .sort((a, b) => {
      const [sa, na] = streetAndNumber(a.site);
      const [sb, nb] = streetAndNumber(b.site);
      return (
        (a.inspection.ward ?? '~').localeCompare(b.inspection.ward ?? '~') ||
        sa.localeCompare(sb) ||
        na - nb ||
        a.inspection.id.localeCompare(b.inspection.id)
      );
    });
}

/** One visit, with its checklist (the kind's items and what was recorded) and the site's history. */
export function showVisit(db: Cache, rules: InspectionRulesFile | null, inspectionId: string, on: string) {
  const row = db.prepare(`${visitSql} WHERE s.id = ?`).get(inspectionId) as Row | undefined;
  if (!row) throw new WorkbenchError('not_found', errorText('inspection.not_found', { inspectionId }));
  const visit = toVisit(row, on);
  const recorded = (
    db
      .prepare('SELECT * FROM checklist_result WHERE inspection_id = ? ORDER BY id')
      .all(inspectionId) as Row[]
  ).map((r) => rowToRecord('checklistResult', r) as ChecklistResult);
  const kind = rules ? kindRules(rules, visit.inspection.kind) : null;
  const checklist = (kind?.items ?? []).map((item) => ({
    code: item.code,
    words: item.words,
    weight: item.weight,
    critical: item.critical,
    ordinance: item.ordinance ?? null,
    recorded: recorded.find((r) => r.itemCode === item.code) ?? null,
  }));
  const violationsOf = (sql: string, ...args: unknown[]) =>
    (db.prepare(sql).all(...args) as Row[]).map((r) => rowToRecord('violation', r) as Violation);
  const { licenceId, address } = visit.inspection;
  return {
    visit,
    kindLabel: kind?.label ?? null,
    checklist,
    violations: violationsOf('SELECT * FROM violation WHERE inspection_id = ? ORDER BY id', inspectionId),
    previous: licenceId
      ? (
          db
            .prepare('SELECT * FROM inspection WHERE licence_id = ? ORDER BY inspected_on DESC, id DESC')
            .all(licenceId) as Row[]
        ).map((r) => rowToRecord('inspection', r) as Inspection)
      : [],
    pendingOperations: pendingOfVisit(db, inspectionId),
    openAtSite: licenceId
      ? violationsOf(
          `SELECT v.* FROM scheduled_inspection o JOIN violation v ON v.inspection_id = o.id
            WHERE o.licence_id = ? AND o.id <> ? AND +v.status = 'open' ORDER BY v.correct_by`,
          licenceId,
          inspectionId,
        )
      : violationsOf(
          `SELECT v.* FROM scheduled_inspection o JOIN violation v ON v.inspection_id = o.id
            WHERE o.licence_id IS NULL AND o.address = ? AND o.id <> ? AND +v.status = 'open' ORDER BY v.correct_by`,
          address,
          inspectionId,
        ),
  };
}

/**
 * The visit's outbox entries still waiting, or parked in an open conflict (for its pending mark):
 * its result, and for a visit scheduled on this desk (local:<operation>) the scheduling itself.
 */
function pendingOfVisit(db: Cache, inspectionId: string): PendingOperation[] {
  // Read as the contract names the fields (in_doubt is 0 or 1 in SQLite).
  const rows = db
    .prepare(
      `SELECT o.operation_id AS operationId, o.command, o.created_at AS createdAt, o.actor, o.status,
              o.in_doubt AS inDoubt
         FROM outbox o
        WHERE (json_extract(o.payload, '$.inspectionId') = ? OR 'local:' || o.operation_id = ?)
          AND (o.status = 'pending'
               OR (o.status = 'conflict' AND EXISTS (SELECT 1 FROM conflict c
                     WHERE c.operation_id = o.operation_id AND c.status = 'open')))
        ORDER BY o.seq`,
    )
    .all(inspectionId, inspectionId) as Array<Omit<PendingOperation, 'inDoubt'> & { inDoubt: number }>;
  return rows.map((r) => ({ ...r, inDoubt: r.inDoubt === 1 }));
}

/** The ordinance code table, whole (it is small), in section order: what a violation may cite. */
export function ordinanceTable(db: Cache): Ordinance[] {
  return (db.prepare('SELECT * FROM ordinance ORDER BY section').all() as Row[]).map(
    (r) => rowToRecord('ordinance', r) as Ordinance,
  );
}
