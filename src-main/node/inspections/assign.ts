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
import { giveCommand } from '../commands/give-command.ts';
import type { Cache } from '../cache/open-cache.ts';
import type { Desk } from '../desk/open-desk.ts';

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
  // Two reads, each by the (status, day) index: what is open up to the day, and what was done on it.
  const open = db
    .prepare(
      `SELECT inspector, sum(scheduled_on = ?) AS open, sum(scheduled_on < ?) AS overdue
         FROM scheduled_inspection WHERE status = 'scheduled' AND scheduled_on <= ? GROUP BY inspector`,
    )
    .all(on, on, on) as Array<{ inspector: string | null; open: number; overdue: number }>;
  const done = db
    .prepare(
      `SELECT inspector, count(*) AS done FROM scheduled_inspection
        WHERE status = 'done' AND scheduled_on = ? GROUP BY inspector`,
    )
    .all(on) as Array<{ inspector: string | null; done: number }>;
  const byInspector = new Map<string | null, InspectorLoad>();
  const of = (inspector: string | null) => {
    let load = byInspector.get(inspector);
    if (!load) byInspector.set(inspector, (load = { inspector, open: 0, overdue: 0, done: 0 }));
    return load;
  };
  for (const r of open) Object.assign(of(r.inspector), { open: r.open, overdue: r.overdue });
  for (const r of done) of(r.inspector).done = r.done;
  return [...byInspector.values()].sort(
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
      const operationId = giveCommand(desk, actor, {
        command: 'assignInspection',
        at: assignedAt,
        payload,
        base: [{ entity: 'scheduledInspection', id: inspectionId, record: visit }],
        changes: [{ entity: 'scheduledInspection', id: inspectionId }],
        subject: visit.licenceId ?? inspectionId,
        detail: { inspectionId, from: payload.fromInspector, to: payload.toInspector },
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
