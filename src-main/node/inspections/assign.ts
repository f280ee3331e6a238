// The supervisor's side of the schedule: each inspector's workload for a day (from the desk's
// cache, so it works with the link cut), and assigning or reassigning an open visit
// (command-defs/assign-inspection.ts) in ONE cache transaction with the visit under its new
// inspector at once, the outbox entry with the visit as the supervisor saw it, and the audit entry.
import { AssignInspectionPayload } from '../../common/command-defs/assign-inspection.ts';
import { errorText, invalidFields, WorkbenchError } from '../../common/errors.ts';
import type { ScheduledInspection } from '../../common/model.ts';
import { zonedIso } from '../../common/time.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import { entityWriter } from '../cache/store.ts';
import { type CommandEffects, scheduledInspectionBase } from '../commands/effect-parts.ts';
import type { CommandResult } from '../commands/licence-commands.ts';
import { assertMayGive } from '../commands/may-give.ts';
import { enqueue } from '../commands/outbox.ts';
import type { Cache } from '../cache/open-cache.ts';
import type { Desk } from '../desk/open-desk.ts';
import { audit } from '../security/audit.ts';

export interface InspectorLoad {
  /** The inspector's legacy id; null for the visits no one has yet. */
  inspector: string | null;
  /** Open visits on the day. */
  open: number;
  /** Open visits from before the day, not done. */
  overdue: number;
  /** Visits of the day already done. */
  done: number;
}

/** Every inspector with visits on the day or overdue ones, the busiest first; the unassigned last. */
export function inspectorWorkload(db: Cache, on: string): InspectorLoad[] {
  const rows = db
    .prepare(
      `SELECT inspector,
              sum(status = 'scheduled' AND scheduled_on = ?) AS open,
              sum(status = 'scheduled' AND scheduled_on < ?) AS overdue,
              sum(status = 'done' AND scheduled_on = ?) AS done
         FROM scheduled_inspection
        WHERE scheduled_on = ? OR (status = 'scheduled' AND scheduled_on < ?)
        GROUP BY inspector`,
    )
    .all(on, on, on, on, on) as Array<{
    inspector: string | null;
    open: number;
    overdue: number;
    done: number;
  }>;
  return rows
    .map((r) => ({ inspector: r.inspector, open: r.open, overdue: r.overdue, done: r.done }))
    .sort(
      (a, b) =>
        Number(a.inspector === null) - Number(b.inspector === null) ||
        b.open + b.overdue - (a.open + a.overdue) ||
        String(a.inspector).localeCompare(String(b.inspector)),
    );
}

function setInspector(db: Cache, inspectionId: string, inspector: string): void {
  db.prepare('UPDATE scheduled_inspection SET inspector = ? WHERE id = ?').run(inspector, inspectionId);
}

export function assignInspection(
  desk: Desk,
  actor: string,
  request: { inspectionId: string; toInspector: string },
  now = new Date(),
): CommandResult<AssignInspectionPayload> {
  const db = desk.cache;
  assertMayGive(desk, actor, 'assignInspection');
  return db
    .transaction(() => {
      const inspectionId = request.inspectionId.trim();
      const row = db.prepare('SELECT * FROM scheduled_inspection WHERE id = ?').get(inspectionId) as
        Record<string, unknown> | undefined;
      if (!row) throw new WorkbenchError('not_found', errorText('inspection.not_found', { inspectionId }));
      const visit = rowToRecord('scheduledInspection', row) as ScheduledInspection;
      if (visit.status !== 'scheduled')
        throw new WorkbenchError('invalid_input', errorText('assign.not_open', { inspectionId }));
      const assignedAt = zonedIso(now, desk.timeZone);
      const parsed = AssignInspectionPayload.safeParse({
        v: 1,
        inspectionId,
        fromInspector: visit.inspector,
        toInspector: request.toInspector,
        assignedAt,
      });
      if (!parsed.success) throw invalidFields(errorText('assign.invalid', { inspectionId }), parsed.error);
      const payload = parsed.data;
      if (payload.toInspector === visit.inspector)
        throw new WorkbenchError(
          'invalid_input',
          errorText('assign.same_inspector', { inspectionId, inspector: payload.toInspector }),
        );
      setInspector(db, inspectionId, payload.toInspector);
      const operationId = enqueue(db, {
        deskId: desk.configured().deskId,
        actor,
        createdAt: assignedAt,
        command: 'assignInspection',
        payload,
        base: [{ entity: 'scheduledInspection', id: inspectionId, record: visit }],
        changes: [{ entity: 'scheduledInspection', id: inspectionId }],
      });
      audit(db, {
        at: assignedAt,
        actor,
        action: 'inspection.assign',
        subject: visit.licenceId ?? inspectionId,
        detail: { operationId, inspectionId, from: payload.fromInspector, to: payload.toInspector },
      });
      return { operationId, payload };
    })
    .immediate();
}

/** Its cache effects for conflicts (node/commands/command-effects.ts). */
export const assignInspectionEffects: CommandEffects = {
  base: (db, _operationId, payload, current) => scheduledInspectionBase(db, payload, current),
  // Discarded: the visit shows the legacy inspector again.
  undo: (db, current, now) => {
    if (current) entityWriter(db, 'scheduledInspection').upsert([current], now);
  },
  redo: (db, _operationId, payload, base, now) => {
    if (base[0]?.record) entityWriter(db, 'scheduledInspection').upsert([base[0].record], now);
    const inspectionId = String(payload.inspectionId);
    setInspector(db, inspectionId, String(payload.toInspector));
    return [{ entity: 'scheduledInspection', id: inspectionId }];
  },
};
