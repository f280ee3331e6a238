// The handlers of inspectionOperations (src-main/common/ops/inspection-ops.ts).
import type { inspectionOperations } from '../../common/ops/inspection-ops.ts';
import { todayIn } from '../../common/time.ts';
import { assignInspection, inspectorWorkload } from '../inspections/assign.ts';
import { dayVisits, ordinanceTable, showVisit } from '../inspections/inspector-day.ts';
import { deskInspectionRulesOrNull } from '../inspections/desk-inspection-rules.ts';
import { recordInspectionResult } from '../inspections/record-result.ts';
import { scheduleInspection } from '../inspections/schedule.ts';
import type { HandlerContext, HandlersOf } from './handler-context.ts';

export function inspectionHandlers(ctx: HandlerContext): HandlersOf<typeof inspectionOperations> {
  const { desk } = ctx;
  const today = () => todayIn(desk.timeZone);
  return {
    async 'inspections.day'({ inspector, on }) {
      // The person's own visits by default: desk accounts are named as the legacy user ids.
      const who = (inspector ?? ctx.actor()).toUpperCase();
      const day = on ?? today();
      return { on: day, inspector: who, visits: dayVisits(desk.cache, who, day) };
    },
    async 'inspections.show'({ inspectionId }) {
      return showVisit(desk.cache, deskInspectionRulesOrNull(desk), inspectionId, today());
    },
    async 'inspections.kinds'() {
      const rules = deskInspectionRulesOrNull(desk);
      return {
        kinds: Object.entries(rules?.kinds ?? {}).map(([kind, rule]) => ({ kind, label: rule.label })),
      };
    },
    async 'inspections.ordinances'() {
      return { ordinances: ordinanceTable(desk.cache) };
    },
    async 'inspections.record'(input) {
      const recorded = recordInspectionResult(desk, ctx.actor(), input);
      ctx.runtime?.kick();
      return {
        operationId: recorded.operationId,
        inspectionId: recorded.payload.inspectionId,
        result: recorded.outcome.result,
        score: recorded.outcome.score,
        grade: recorded.outcome.grade,
        working: recorded.outcome.working,
        reinspectionDue: recorded.reinspectionDue,
        reinspection: recorded.reinspection,
      };
    },
    async 'inspections.workload'({ on }) {
      const day = on ?? today();
      return { on: day, inspectors: inspectorWorkload(desk.cache, day) };
    },
    async 'inspections.assign'(input) {
      const { operationId, payload } = assignInspection(desk, ctx.actor(), input);
      ctx.runtime?.kick();
      const { inspectionId, fromInspector, toInspector } = payload;
      return { operationId, inspectionId, fromInspector, toInspector };
    },
    async 'inspections.schedule'(input) {
      const visit = scheduleInspection(desk, ctx.actor(), input);
      ctx.runtime?.kick();
      return {
        operationId: visit.operationId,
        inspectionId: visit.inspectionId,
        scheduledOn: visit.payload.scheduledOn,
      };
    },
  };
}
