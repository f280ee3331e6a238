// The pieces every command's cache effects are made of (command-effects.ts, and the services that
// keep their command's effects beside them, e.g. businesses/correct-contact.ts): the interface,
// and the base records a change applied again stands on.
import { errorText, WorkbenchError } from '../../common/errors.ts';
import type { ErrorText } from '../../common/messages/error-text.ts';
import type { EntityName } from '../../common/model.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import type { Cache } from '../cache/open-cache.ts';
import { followProvisional } from '../sync/provisional-refs.ts';
import type { BaseVersion } from './outbox.ts';

type Rec = Record<string, unknown>;
export type Changes = Array<{ entity: EntityName; id: string }>;

export interface CommandEffects {
  /**
   * What the change, applied again, is based on: the legacy values in the conflict (`current`) or
   * the cached record. Throws (invalid_input) when that record is not on the desk any more.
   */
  base(db: Cache, operationId: string, payload: Rec, current: Rec | null): BaseVersion[];
  /** Checks and completes the payload applied again, before it is validated and queued. */
  prepare?(db: Cache, operationId: string, next: Rec): void;
  /** Discarded: the cached records show the legacy values again (the provisional record goes: conflicts.ts). */
  undo?(db: Cache, current: Rec | null, now: string, payload: Rec): void;
  /** Applied again, under a new operation (its provisional record already renamed to it). */
  redo(db: Cache, newOperationId: string, payload: Rec, base: BaseVersion[], now: string): Changes;
}

export const notThere = (text: ErrorText, field: string) =>
  new WorkbenchError('invalid_input', text, { [field]: 'not found' });

/** The licence the change is about: the conflict's legacy values, or the cached row. */
export function licenceBase(db: Cache, payload: Rec, current: Rec | null): BaseVersion[] {
  const licenceId = String(payload.licenceId);
  const licence =
    current && licenceId === String(current.id ?? licenceId)
      ? current
      : (() => {
          const row = db.prepare('SELECT * FROM licence WHERE id = ?').get(licenceId) as Rec | undefined;
          return row ? rowToRecord('licence', row) : null;
        })();
  if (!licence) {
    throw notThere(errorText('conflict.licence_gone', { licenceId }), 'licenceId');
  }
  return [{ entity: 'licence', id: licenceId, record: licence }];
}

/**
 * The business the change is about: the conflict's legacy values when it has them (the cached row
 * may still show this desk's own change), else the cached row (a provisional one followed to where
 * it lives now).
 */
export function businessBase(db: Cache, payload: Rec, current: Rec | null = null): BaseVersion[] {
  if (current && String(current.id) === String(payload.businessId))
    return [{ entity: 'business', id: String(payload.businessId), record: current }];
  const businessId = followProvisional(db, String(payload.businessId));
  const row = db.prepare('SELECT * FROM business WHERE id = ?').get(businessId) as Rec | undefined;
  if (!row)
    throw notThere(
      errorText('conflict.business_not_on_desk', { businessId: String(payload.businessId) }),
      'businessId',
    );
  return [{ entity: 'business', id: String(payload.businessId), record: rowToRecord('business', row) }];
}

/** The scheduled inspection the result is recorded on: the conflict's legacy values, or the cached row. */
export function scheduledInspectionBase(db: Cache, payload: Rec, current: Rec | null): BaseVersion[] {
  const inspectionId = String(payload.inspectionId);
  if (current && String(current.id) === inspectionId)
    return [{ entity: 'scheduledInspection', id: inspectionId, record: current }];
  const row = db.prepare('SELECT * FROM scheduled_inspection WHERE id = ?').get(inspectionId) as
    Rec | undefined;
  if (!row) throw notThere(errorText('inspection.not_found', { inspectionId }), 'inspectionId');
  return [
    { entity: 'scheduledInspection', id: inspectionId, record: rowToRecord('scheduledInspection', row) },
  ];
}
