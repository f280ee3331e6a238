// Recording an inspection's result on the desk: one cache transaction holding the local effect
// (the schedule row done with its result, score and grade; its checklist lines; the violations
// found), the outbox entry (with the schedule row as the inspector saw it) and the audit entry. The
// result is the city's rule applied to the checklist (grade.ts), never typed by hand. The renewal
// check sees a pass at once (renewal-requirements.ts reads done schedule rows too), before sync.
import {
  type RecordInspectionResultPayload,
  RecordInspectionResultPayload as PayloadSchema,
} from '../../common/command-defs/record-inspection-result.ts';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import { addDays } from '../../common/licence-rules.ts';
import type { ChecklistOutcome, ViolationSeverity } from '../../common/model.ts';
import { todayIn, zonedIso } from '../../common/time.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import type { Cache } from '../cache/open-cache.ts';
import { entityWriter } from '../cache/store.ts';
import { type Changes, type CommandEffects, scheduledInspectionBase } from '../commands/effect-parts.ts';
import type { CommandResult } from '../commands/licence-commands.ts';
import { assertMayGive } from '../commands/may-give.ts';
import { giveCommand } from '../commands/give-command.ts';
import type { Desk } from '../desk/open-desk.ts';
import { provisionalOperation } from '../sync/provisional-refs.ts';
import { computeResult, type InspectionOutcome } from './grade.ts';
import { deskInspectionRules } from './desk-inspection-rules.ts';
import { kindRules } from './inspection-rules.ts';
import { reinspectionDue } from './reinspection.ts';
import { queueVisit } from './schedule.ts';

export interface ChecklistAnswer {
  outcome: ChecklistOutcome;
  note?: string;
}

export interface ViolationFound {
  ordinanceSection: string;
  description?: string;
  /** Default: the ordinance's own severity. */
  severity?: ViolationSeverity;
  /** Default: the inspection day plus the ordinance's correction days. */
  correctBy?: string;
}

export interface InspectionResultInput {
  inspectionId: string;
  /** By item code: every item of the kind's checklist, answered once. */
  answers: Readonly<Record<string, ChecklistAnswer>>;
  violations?: readonly ViolationFound[];
}

export interface RecordedInspection extends CommandResult<RecordInspectionResultPayload> {
  outcome: InspectionOutcome;
  /** The last day of the re-inspection the rule calls for (a failure), else null. */
  reinspectionDue: string | null;
  /** The re-inspection visit queued with the result (on its due day), when the bridge takes visits. */
  reinspection: { inspectionId: string; operationId: string; scheduledOn: string } | null;
}

export function recordInspectionResult(
  desk: Desk,
  actor: string,
  input: InspectionResultInput,
  now = new Date(),
): RecordedInspection {
  const db = desk.cache;
  assertMayGive(desk, actor, 'recordInspectionResult');
  const rules = deskInspectionRules(desk);
  return db
    .transaction(() => {
      const row = db.prepare('SELECT * FROM scheduled_inspection WHERE id = ?').get(input.inspectionId) as
        Record<string, unknown> | undefined;
      if (!row)
        throw new WorkbenchError(
          'not_found',
          errorText('inspection.not_found', { inspectionId: input.inspectionId }),
        );
      const seen = rowToRecord('scheduledInspection', row);
      // A visit scheduled on this desk and not yet numbered by the legacy system: its lines would
      // be keyed by a number that does not exist yet.
      if (provisionalOperation(input.inspectionId))
        throw new WorkbenchError('invalid_input', errorText('inspection.not_synced', {}));
      if (seen.status !== 'scheduled')
        throw new WorkbenchError(
          'invalid_input',
          errorText('inspection.not_open', { inspectionId: input.inspectionId, status: String(seen.status) }),
        );
      const kind = kindRules(rules, String(seen.kind));
      if (!kind)
        throw new WorkbenchError(
          'invalid_input',
          errorText('inspection.kind_unknown', { kind: String(seen.kind) }),
        );
      const missing = kind.items.filter((i) => !input.answers[i.code]).map((i) => i.code);
      const unknown = Object.keys(input.answers).filter((c) => !kind.items.some((i) => i.code === c));
      if (missing.length || unknown.length)
        throw new WorkbenchError(
          'invalid_input',
          errorText('inspection.checklist_incomplete', {
            missing: missing.join(', '),
            unknown: unknown.join(', '),
          }),
        );
      const outcome = computeResult(
        kind,
        Object.fromEntries(kind.items.map((i) => [i.code, input.answers[i.code]!.outcome])),
      );
      const recordedAt = zonedIso(now, desk.timeZone);
      const inspectedOn = todayIn(desk.timeZone, now);
      const violations = (input.violations ?? []).map((v) => {
        const section = v.ordinanceSection.trim();
        const ordinance = db
          .prepare('SELECT default_severity, correction_days FROM ordinance WHERE section = ?')
          .get(section) as { default_severity: ViolationSeverity; correction_days: number } | undefined;
        if (!ordinance)
          throw new WorkbenchError('invalid_input', errorText('inspection.ordinance_unknown', { section }));
        return {
          ordinanceSection: section,
          severity: v.severity ?? ordinance.default_severity,
          description: (v.description ?? '').trim(),
          correctBy: v.correctBy ?? addDays(inspectedOn, ordinance.correction_days),
        };
      });
      const licenceId = (seen.licenceId as string | null) ?? null;
      // The inspector the schedule names; an unassigned visit is the person's own (legacy ids are 8 long).
      const inspector = String(seen.inspector ?? actor.toUpperCase().slice(0, 8));
      const payload = PayloadSchema.parse({
        v: 1,
        inspectionId: input.inspectionId,
        licenceId,
        kind: String(seen.kind),
        inspectedOn,
        inspector,
        result: outcome.result,
        score: outcome.score,
        grade: outcome.grade,
        recordedAt,
        items: kind.items.map((i) => ({
          itemCode: i.code,
          outcome: input.answers[i.code]!.outcome,
          note: (input.answers[i.code]!.note ?? '').trim(),
        })),
        violations,
        posting: licenceId ? [{ licenceId }] : [],
      } satisfies RecordInspectionResultPayload);
      const changes = writeLocally(db, payload, recordedAt);
      const operationId = giveCommand(desk, actor, {
        command: 'recordInspectionResult',
        at: recordedAt,
        payload,
        base: [{ entity: 'scheduledInspection', id: payload.inspectionId, record: seen }],
        changes,
        subject: payload.inspectionId,
        detail: {
          licenceId,
          kind: payload.kind,
          result: payload.result,
          score: payload.score,
          grade: payload.grade,
          failed: payload.items.filter((i) => i.outcome === 'fail').map((i) => i.itemCode),
          violations: payload.violations.map((v) => v.ordinanceSection),
        },
      });
      const due = reinspectionDue(kind.reinspection, inspectedOn, outcome.result);
      // The re-inspection the rule calls for, queued behind the result in this same transaction.
      const reinspection =
        due && desk.bridge().definition.commands?.scheduleInspection
          ? queueVisit(desk, actor, {
              v: 1,
              licenceId,
              address: licenceId ? null : ((seen.address as string | null) ?? null),
              ward: (seen.ward as string | null) ?? null,
              kind: payload.kind,
              scheduledOn: due,
              inspector: payload.inspector,
              followsUp: payload.inspectionId,
              scheduledAt: recordedAt,
            })
          : null;
      return {
        operationId,
        payload,
        outcome,
        reinspectionDue: due,
        reinspection: reinspection && {
          inspectionId: reinspection.inspectionId,
          operationId: reinspection.operationId,
          scheduledOn: reinspection.payload.scheduledOn,
        },
      };
    })
    .immediate();
}

/** The result in the cache as the legacy system will hold it (ids by position, as the bridge writes them). */
function writeLocally(db: Cache, p: RecordInspectionResultPayload, now: string): Changes {
  db.prepare(
    `UPDATE scheduled_inspection SET status = 'done', result = ?, score = ?, grade = ?, inspector = ? WHERE id = ?`,
  ).run(p.result, p.score, p.grade, p.inspector, p.inspectionId);
  const lineId = (n: number) => `${p.inspectionId}:${n}`;
  entityWriter(db, 'checklistResult').upsert(
    p.items.map((item, i) => ({
      id: lineId(i + 1),
      inspectionId: p.inspectionId,
      itemCode: item.itemCode,
      outcome: item.outcome,
      note: item.note || null,
    })),
    now,
  );
  entityWriter(db, 'violation').upsert(
    p.violations.map((v, i) => ({
      id: lineId(i + 1),
      inspectionId: p.inspectionId,
      ordinanceSection: v.ordinanceSection,
      severity: v.severity,
      description: v.description || null,
      correctBy: v.correctBy,
      status: 'open',
    })),
    now,
  );
  // Lines beyond this result's (another desk's longer checklist, applied again over it) go.
  dropLinesOf(db, p.inspectionId, { checklist_result: p.items.length, violation: p.violations.length });
  return [
    { entity: 'scheduledInspection' as const, id: p.inspectionId },
    ...p.items.map((_, i) => ({ entity: 'checklistResult' as const, id: lineId(i + 1) })),
    ...p.violations.map((_, i) => ({ entity: 'violation' as const, id: lineId(i + 1) })),
  ];
}

/** Removes an inspection's checklist lines and violations past the first `keep` of each table. */
function dropLinesOf(
  db: Cache,
  inspectionId: string,
  keep: Record<'checklist_result' | 'violation', number>,
): void {
  for (const [table, count] of Object.entries(keep)) {
    const kept = Array.from({ length: count }, (_, i) => `${inspectionId}:${i + 1}`);
    db.prepare(
      `DELETE FROM ${table} WHERE inspection_id = ? AND id NOT IN (SELECT value FROM json_each(?))`,
    ).run(inspectionId, JSON.stringify(kept));
  }
}

/**
 * The command's effects for a conflict (command-effects.ts): discarded, the schedule row shows the
 * legacy values again and this result's lines and violations go; applied again, the result is
 * written over the schedule row as the legacy system has it now.
 */
export const inspectionResultEffects: CommandEffects = {
  base: (db, _op, payload, current) => scheduledInspectionBase(db, payload, current),
  undo: (db, current, now, payload) => {
    dropLinesOf(db, String(payload.inspectionId), { checklist_result: 0, violation: 0 });
    if (current) entityWriter(db, 'scheduledInspection').upsert([current], now);
  },
  redo: (db, _op, payload, base, now) => {
    const current = base[0]?.record;
    if (current) entityWriter(db, 'scheduledInspection').upsert([current as Record<string, unknown>], now);
    return writeLocally(db, PayloadSchema.parse(payload), now);
  },
};
