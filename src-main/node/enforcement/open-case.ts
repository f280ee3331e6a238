// Opening a case on complaints about one place (command-defs/open-case.ts): ONE cache transaction
// holds the case under local:<operationId> (the business and licence of the place, when it has
// them; the deadline 30 days on unless given), its complaints put on it, the outbox entry with the
// complaints as the officer saw them, and the audit entry. A complaint taken offline is on the
// desk under its own provisional id: replay sends it first and binds its number.
import { OpenCasePayload } from '../../common/command-defs/open-case.ts';
import { errorText, invalidFields, WorkbenchError } from '../../common/errors.ts';
import { addDays } from '../../common/licence-rules.ts';
import type { Complaint } from '../../common/model.ts';
import { todayIn, zonedIso } from '../../common/time.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import type { Cache } from '../cache/open-cache.ts';
import { entityWriter } from '../cache/store.ts';
import { type CommandEffects, notThere } from '../commands/effect-parts.ts';
import { assertMayGive } from '../commands/may-give.ts';
import type { Desk } from '../desk/open-desk.ts';
import { followProvisional, provisionalId } from '../sync/provisional-refs.ts';
import { loadComplaint, placeKey } from './case-records.ts';
import { queueNewRecord } from './new-record.ts';

/** Days a new case gives the place to correct, unless the officer gives a deadline. */
export const CASE_DEADLINE_DAYS = 30;

export interface OpenCaseRequest {
  complaintIds: readonly string[];
  officer?: string | null;
  correctBy?: string | null;
}

export interface OpenedCase {
  operationId: string;
  /** local:<operationId> until the legacy system numbers it. */
  caseId: string;
  payload: OpenCasePayload;
}

export function openCase(desk: Desk, actor: string, request: OpenCaseRequest, now = new Date()): OpenedCase {
  const db = desk.cache;
  assertMayGive(desk, actor, 'openCase');
  return db
    .transaction(() => {
      const complaints = request.complaintIds.map((id) => loadComplaint(db, id));
      const first = complaints[0];
      for (const c of complaints) {
        if (c.caseId || c.status !== 'new')
          throw new WorkbenchError(
            'invalid_input',
            errorText('case.complaint_taken', { complaintId: c.id, caseId: c.caseId ?? c.status }),
          );
        if (first && placeKey(c.address ?? '') !== placeKey(first.address ?? ''))
          throw new WorkbenchError(
            'invalid_input',
            errorText('case.other_place', { complaintId: c.id, address: c.address ?? '' }),
          );
      }
      const licenceId = complaints.find((c) => c.licenceId)?.licenceId ?? null;
      const businessId = licenceId
        ? ((db.prepare('SELECT business_id FROM licence WHERE id = ?').pluck().get(licenceId) as
            string | undefined) ?? null)
        : null;
      const openedOn = todayIn(desk.timeZone, now);
      const openedAt = zonedIso(now, desk.timeZone);
      const parsed = OpenCasePayload.safeParse({
        v: 1,
        complaints: complaints.map((c) => ({ complaintId: c.id })),
        address: first?.address ?? '',
        businessId,
        licenceId,
        officer: request.officer?.trim() || null,
        correctBy: request.correctBy || addDays(openedOn, CASE_DEADLINE_DAYS),
        openedOn,
        openedAt,
      });
      if (!parsed.success) throw invalidFields(errorText('case.invalid', {}), parsed.error);
      const payload = parsed.data;
      const { operationId, id: caseId } = queueNewRecord(desk, actor, {
        command: 'openCase',
        payload,
        at: openedAt,
        base: complaints.map((c) => ({ entity: 'complaint' as const, id: c.id, record: c })),
        write: (id) => {
          writeOpenCase(db, id, payload);
          return [
            { entity: 'enforcementCase', id },
            ...complaints.map((c) => ({ entity: 'complaint' as const, id: c.id })),
          ];
        },
        detail: {
          complaints: complaints.map((c) => c.id),
          address: payload.address,
          businessId,
          licenceId,
          officer: payload.officer,
          correctBy: payload.correctBy,
        },
      });
      return { operationId, caseId, payload };
    })
    .immediate();
}

/** The case on the desk, and its complaints put on it. */
function writeOpenCase(db: Cache, caseId: string, p: OpenCasePayload): void {
  entityWriter(db, 'enforcementCase').upsert(
    [
      {
        id: caseId,
        openedOn: p.openedOn,
        address: p.address,
        businessId: p.businessId,
        licenceId: p.licenceId,
        officer: p.officer,
        status: 'open',
        correctBy: p.correctBy,
        fineCents: 0,
        closedOn: null,
        finePaidOn: null,
        legacyUpdatedAt: null,
      },
    ],
    p.openedAt,
  );
  const onCase = db.prepare(`UPDATE complaint SET status = 'on_case', case_id = ? WHERE id = ?`);
  for (const c of p.complaints) onCase.run(caseId, followProvisional(db, c.complaintId));
}

/** The complaints the case was opened on: the conflict's legacy values for the first, else the cached rows. */
function complaintsBase(db: Cache, payload: OpenCasePayload, current: Record<string, unknown> | null) {
  return payload.complaints.map(({ complaintId }) => {
    if (current && String(current.id) === complaintId)
      return { entity: 'complaint' as const, id: complaintId, record: current };
    const row = db.prepare('SELECT * FROM complaint WHERE id = ?').get(followProvisional(db, complaintId)) as
      Record<string, unknown> | undefined;
    if (!row) throw notThere(errorText('complaint.not_found', { complaintId }), 'complaints');
    return { entity: 'complaint' as const, id: complaintId, record: rowToRecord('complaint', row) };
  });
}

/**
 * Its effects: discarded, the provisional case goes (conflicts.ts) and its complaints are new
 * again as the legacy system has them; applied again, the case is opened anew on them.
 */
export const openCaseEffects: CommandEffects = {
  base: (db, _operationId, payload, current) => complaintsBase(db, OpenCasePayload.parse(payload), current),
  undo: (db, current, now, payload) => {
    const p = OpenCasePayload.parse(payload);
    const back = db.prepare(`UPDATE complaint SET status = 'new', case_id = NULL WHERE id = ?`);
    for (const c of p.complaints) back.run(followProvisional(db, c.complaintId));
    if (current) entityWriter(db, 'complaint').upsert([current as Complaint], now);
  },
  redo: (db, newOperationId, payload) => {
    const caseId = provisionalId(newOperationId);
    const p = OpenCasePayload.parse(payload);
    writeOpenCase(db, caseId, p);
    return [
      { entity: 'enforcementCase', id: caseId },
      ...p.complaints.map((c) => ({ entity: 'complaint' as const, id: c.complaintId })),
    ];
  },
};
