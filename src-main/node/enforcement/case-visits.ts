// A case's inspections: the visits to its place (its licence, or its bare address) scheduled on
// or after the day it opened, the first visit, the re-inspection a failed result queued, and any
// later one. Riverton's INSSCH has no column for a case, so the link is the place and the dates,
// as the notice of violation finds its re-inspection; a visit for a case is scheduled through the
// inspector's own scheduling (inspections/schedule.ts), with an audit entry naming the case.
import { errorText, WorkbenchError } from '../../common/errors.ts';
import type { EnforcementCase, ScheduledInspection, Violation } from '../../common/model.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import type { Cache } from '../cache/open-cache.ts';
import type { Desk } from '../desk/open-desk.ts';
import { type ScheduledVisit, scheduleInspection } from '../inspections/schedule.ts';
import { audit } from '../security/audit.ts';
import { assertOpen, loadCase } from './case-records.ts';

type Rec = Record<string, unknown>;

/** The visits to the case's place since it opened, in order, with the violations found at them. */
export function caseVisits(
  db: Cache,
  kase: EnforcementCase,
): { visits: ScheduledInspection[]; violations: Violation[] } {
  const rows = db
    .prepare(
      `SELECT * FROM scheduled_inspection
        WHERE (CASE WHEN ? IS NOT NULL THEN licence_id = ? ELSE licence_id IS NULL AND address = ? COLLATE NOCASE END)
          AND scheduled_on >= COALESCE(?, '0000-00-00')
        ORDER BY scheduled_on, id`,
    )
    .all(kase.licenceId, kase.licenceId, kase.address, kase.openedOn) as Rec[];
  const visits = rows.map((r) => rowToRecord('scheduledInspection', r) as ScheduledInspection);
  const violations = (
    db
      .prepare(
        `SELECT * FROM violation WHERE inspection_id IN (SELECT value FROM json_each(?)) ORDER BY inspection_id, id`,
      )
      .all(JSON.stringify(visits.map((v) => v.id))) as Rec[]
  ).map((r) => rowToRecord('violation', r) as Violation);
  return { visits, violations };
}

export interface CaseVisitRequest {
  caseId: string;
  kind: string;
  on: string;
  /** Default: the case's officer. */
  inspector?: string | null;
}

/** Schedules a visit to an open case's place, in one cache transaction with its audit entry. */
export function scheduleCaseVisit(
  desk: Desk,
  actor: string,
  request: CaseVisitRequest,
  now = new Date(),
): ScheduledVisit & { caseId: string } {
  const db = desk.cache;
  return db
    .transaction(() => {
      const kase = loadCase(db, request.caseId);
      assertOpen(kase);
      if (!kase.licenceId && !kase.address)
        throw new WorkbenchError('invalid_input', errorText('case.invalid', {}), { caseId: 'no place' });
      const visit = scheduleInspection(
        desk,
        actor,
        {
          ...(kase.licenceId ? { licenceId: kase.licenceId } : { address: kase.address }),
          kind: request.kind,
          on: request.on,
          inspector: request.inspector || kase.officer,
        },
        now,
      );
      audit(db, {
        at: visit.payload.scheduledAt,
        actor,
        action: 'case.visit',
        subject: kase.id,
        detail: {
          operationId: visit.operationId,
          inspectionId: visit.inspectionId,
          kind: visit.payload.kind,
          on: visit.payload.scheduledOn,
        },
      });
      return { ...visit, caseId: kase.id };
    })
    .immediate();
}
