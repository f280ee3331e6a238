// The cached complaints and cases the enforcement services read and write: loading one (a
// provisional id followed to where it lives now), the base a change applied again stands on,
// and how an address is compared (spaces collapsed, any case).
import { errorText, WorkbenchError } from '../../common/errors.ts';
import type { Complaint, EnforcementCase } from '../../common/model.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import type { Cache } from '../cache/open-cache.ts';
import { entityWriter } from '../cache/store.ts';
import { type CommandEffects, notThere } from '../commands/effect-parts.ts';
import { followProvisional } from '../sync/provisional-refs.ts';

type Rec = Record<string, unknown>;

/** An address as the desk compares it: trimmed, single spaces, upper case. */
export const placeKey = (address: string): string => address.trim().replace(/\s+/g, ' ').toUpperCase();

/** An address as the desk keeps it: trimmed, single spaces (the bridge reads legacy ones so). */
export const cleanAddress = (address: string): string => address.trim().replace(/\s+/g, ' ');

export function loadComplaint(db: Cache, complaintId: string): Complaint {
  const id = followProvisional(db, complaintId.trim());
  const row = db.prepare('SELECT * FROM complaint WHERE id = ?').get(id) as Rec | undefined;
  if (!row)
    throw new WorkbenchError('not_found', errorText('complaint.not_found', { complaintId }), {
      complaintId: errorText('complaint.not_found', { complaintId }),
    });
  return rowToRecord('complaint', row) as Complaint;
}

export function loadCase(db: Cache, caseId: string): EnforcementCase {
  const id = followProvisional(db, caseId.trim());
  const row = db.prepare('SELECT * FROM enforcement_case WHERE id = ?').get(id) as Rec | undefined;
  if (!row)
    throw new WorkbenchError('not_found', errorText('case.not_found', { caseId }), {
      caseId: errorText('case.not_found', { caseId }),
    });
  return rowToRecord('enforcementCase', row) as EnforcementCase;
}

/** Refused (invalid_input) unless the case is still open. */
export function assertOpen(kase: EnforcementCase): void {
  if (kase.status !== 'open')
    throw new WorkbenchError(
      'invalid_input',
      errorText('case.not_open', { caseId: kase.id, status: kase.status }),
    );
}

/** Open cases at the place (the same address, or the same licence): the duplicate suggestion. */
export function openCasesAt(db: Cache, address: string, licenceId: string | null): EnforcementCase[] {
  const rows = db
    .prepare(
      `SELECT * FROM enforcement_case
        WHERE status = 'open' AND (address = ? COLLATE NOCASE OR (? IS NOT NULL AND licence_id = ?))
        ORDER BY opened_on, id`,
    )
    .all(cleanAddress(address), licenceId, licenceId) as Rec[];
  return rows.map((r) => rowToRecord('enforcementCase', r) as EnforcementCase);
}

/** The case a change is about: the conflict's legacy values when it has them, else the cached row. */
function caseBase(db: Cache, payload: Rec, current: Rec | null) {
  const caseId = String(payload.caseId);
  if (current && String(current.id) === caseId)
    return [{ entity: 'enforcementCase' as const, id: caseId, record: current }];
  const row = db.prepare('SELECT * FROM enforcement_case WHERE id = ?').get(followProvisional(db, caseId)) as
    Rec | undefined;
  if (!row) throw notThere(errorText('case.not_found', { caseId }), 'caseId');
  return [{ entity: 'enforcementCase' as const, id: caseId, record: rowToRecord('enforcementCase', row) }];
}

/**
 * The cache effects of a step on an existing case (assign, close, cite): discarded, the case is
 * the legacy one again; applied again, the step is put on the case as it is now.
 */
export function caseStepEffects(apply: (db: Cache, caseId: string, payload: Rec) => void): CommandEffects {
  return {
    base: (db, _operationId, payload, current) => caseBase(db, payload, current),
    undo: (db, current, now) => {
      if (current) writeCase(db, current, now);
    },
    redo: (db, _operationId, payload, base, now) => {
      if (base[0]?.record) writeCase(db, base[0].record, now);
      const caseId = followProvisional(db, String(payload.caseId));
      apply(db, caseId, payload);
      return [{ entity: 'enforcementCase', id: caseId }];
    },
  };
}

const writeCase = (db: Cache, record: Rec, now: string): void =>
  entityWriter(db, 'enforcementCase').upsert([record], now);
