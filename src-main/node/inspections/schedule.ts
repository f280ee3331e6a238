// Scheduling an inspection visit on the desk (command-defs/schedule-inspection.ts): one cache
// transaction holding the new schedule row under local:<operationId>, the outbox entry and the
// audit entry. Replay gives the row its legacy number (the bridge's result_key) and the cache
// adopts it (sync/provisional-refs.ts). Used by a person scheduling a visit, and by a failed
// result, whose re-inspection is queued in the result's own transaction (record-result.ts).
import { randomUUID } from 'node:crypto';
import {
  type ScheduleInspectionPayload,
  ScheduleInspectionPayload as PayloadSchema,
} from '../../common/command-defs/schedule-inspection.ts';
import { errorText, invalidFields, WorkbenchError } from '../../common/errors.ts';
import { todayIn, zonedIso } from '../../common/time.ts';
import type { Cache } from '../cache/open-cache.ts';
import { entityWriter } from '../cache/store.ts';
import type { CommandEffects } from '../commands/effect-parts.ts';
import { assertMayGive } from '../commands/may-give.ts';
import { giveCommand } from '../commands/give-command.ts';
import type { Desk } from '../desk/open-desk.ts';
import { provisionalId } from '../sync/provisional-refs.ts';
import { kindRules } from './inspection-rules.ts';
import { deskInspectionRules } from './desk-inspection-rules.ts';

export interface VisitRequest {
  /** The licence to inspect; or, for a bare site, `address` (and its ward, if known). */
  licenceId?: string | null;
  address?: string | null;
  ward?: string | null;
  kind: string;
  /** YYYY-MM-DD, today or later. */
  on: string;
  /** The inspector's legacy id; default: unassigned. */
  inspector?: string | null;
}

export interface ScheduledVisit {
  operationId: string;
  /** local:<operationId> until the legacy system numbers it. */
  inspectionId: string;
  payload: ScheduleInspectionPayload;
}

/** A person schedules a visit (a supervisor's assignment, an inspector's own follow-up). */
export function scheduleInspection(
  desk: Desk,
  actor: string,
  request: VisitRequest,
  now = new Date(),
): ScheduledVisit {
  const db = desk.cache;
  assertMayGive(desk, actor, 'scheduleInspection');
  const kind = request.kind.trim().toUpperCase();
  if (!kindRules(deskInspectionRules(desk), kind))
    throw new WorkbenchError('invalid_input', errorText('inspection.kind_unknown', { kind }), {
      kind: 'unknown',
    });
  const today = todayIn(desk.timeZone, now);
  if (request.on < today)
    throw new WorkbenchError(
      'invalid_input',
      errorText('inspection.schedule_past', { on: request.on, today }),
      {
        on: 'past',
      },
    );
  return db
    .transaction(() => {
      const licenceId = request.licenceId?.trim().toUpperCase() || null;
      let ward = request.ward?.trim() || null;
      if (licenceId) {
        if (!db.prepare('SELECT 1 FROM licence WHERE id = ?').get(licenceId))
          throw new WorkbenchError('not_found', errorText('licence.not_found', { licenceId }), {
            licenceId: 'not found',
          });
        // The ward the licence's earlier visits were in: the route sheet orders by it.
        ward ??=
          (db
            .prepare(
              'SELECT ward FROM scheduled_inspection WHERE licence_id = ? AND ward IS NOT NULL ORDER BY scheduled_on DESC LIMIT 1',
            )
            .pluck()
            .get(licenceId) as string | undefined) ?? null;
      }
      return queueVisit(desk, actor, {
        v: 1,
        licenceId,
        address: licenceId ? null : (request.address?.trim() ?? null),
        ward,
        kind,
        scheduledOn: request.on,
        inspector: request.inspector?.trim().toUpperCase() || null,
        followsUp: null,
        scheduledAt: zonedIso(now, desk.timeZone),
      });
    })
    .immediate();
}

/**
 * The visit on the desk and in the outbox, inside the caller's transaction: the new row, open,
 * under local:<operationId>, its outbox entry and its audit entry. The payload is checked here.
 */
export function queueVisit(desk: Desk, actor: string, given: ScheduleInspectionPayload): ScheduledVisit {
  const db = desk.cache;
  const parsed = PayloadSchema.safeParse(given);
  if (!parsed.success) throw invalidFields(errorText('inspection.schedule_invalid', {}), parsed.error);
  const payload = parsed.data;
  const operationId = randomUUID();
  const inspectionId = provisionalId(operationId);
  writeVisit(db, inspectionId, payload);
  giveCommand(desk, actor, {
    command: 'scheduleInspection',
    at: payload.scheduledAt,
    payload,
    base: [],
    changes: [{ entity: 'scheduledInspection', id: inspectionId }],
    subject: payload.licenceId ?? inspectionId,
    detail: {
      inspectionId,
      kind: payload.kind,
      on: payload.scheduledOn,
      inspector: payload.inspector,
      followsUp: payload.followsUp,
    },
    operationId,
  });
  return { operationId, inspectionId, payload };
}

function writeVisit(db: Cache, inspectionId: string, p: ScheduleInspectionPayload): void {
  entityWriter(db, 'scheduledInspection').upsert(
    [
      {
        id: inspectionId,
        licenceId: p.licenceId,
        address: p.address,
        ward: p.ward,
        kind: p.kind,
        scheduledOn: p.scheduledOn,
        windowStart: null,
        windowEnd: null,
        inspector: p.inspector,
        status: 'scheduled',
        result: null,
        score: null,
        grade: null,
      },
    ],
    p.scheduledAt,
  );
}

/**
 * The command's effects for a conflict (command-effects.ts): discarded, the provisional row goes
 * (conflicts.ts drops what `creates` names); applied again, it shows the day and inspector as
 * edited.
 */
export const scheduleInspectionEffects: CommandEffects = {
  base: () => [],
  redo: (db, newOperationId, payload) => {
    const inspectionId = provisionalId(newOperationId);
    writeVisit(db, inspectionId, PayloadSchema.parse(payload));
    return [{ entity: 'scheduledInspection', id: inspectionId }];
  },
};
