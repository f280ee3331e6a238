// The handlers of caseOperations (src-main/common/ops/case-ops.ts): code enforcement.
import type { caseOperations } from '../../common/ops/case-ops.ts';
import { todayIn } from '../../common/time.ts';
import { assignCase } from '../enforcement/assign-case.ts';
import { listCases, showCase } from '../enforcement/case-list.ts';
import { citeCase } from '../enforcement/cite-case.ts';
import { scheduleCaseVisit } from '../enforcement/case-visits.ts';
import { closeCase } from '../enforcement/close-case.ts';
import { openCase } from '../enforcement/open-case.ts';
import { takeComplaint } from '../enforcement/take-complaint.ts';
import type { HandlerContext, HandlersOf } from './handler-context.ts';

export function caseHandlers(ctx: HandlerContext): HandlersOf<typeof caseOperations> {
  const { desk } = ctx;
  const today = () => todayIn(desk.timeZone);
  const queued = <T>(result: T): T => {
    ctx.runtime?.kick();
    return result;
  };
  return {
    async 'cases.list'(filter) {
      return listCases(desk.cache, filter, today());
    },
    async 'cases.show'({ caseId }) {
      return showCase(desk.cache, caseId, today());
    },
    async 'cases.complaint'(input) {
      const taken = queued(takeComplaint(desk, ctx.actor(), input));
      return {
        operationId: taken.operationId,
        complaintId: taken.complaintId,
        address: taken.payload.address,
        openCases: taken.openCases,
      };
    },
    async 'cases.open'({ complaintIds, officer, correctBy }) {
      const opened = queued(openCase(desk, ctx.actor(), { complaintIds, officer, correctBy }));
      return { operationId: opened.operationId, caseId: opened.caseId, correctBy: opened.payload.correctBy };
    },
    async 'cases.visit'(input) {
      const visit = queued(scheduleCaseVisit(desk, ctx.actor(), input));
      return {
        operationId: visit.operationId,
        caseId: visit.caseId,
        inspectionId: visit.inspectionId,
        scheduledOn: visit.payload.scheduledOn,
      };
    },
    async 'cases.assign'(input) {
      const { operationId, payload } = queued(assignCase(desk, ctx.actor(), input));
      return { operationId, caseId: payload.caseId, officer: payload.officer };
    },
    async 'cases.close'(input) {
      const { operationId, payload } = queued(closeCase(desk, ctx.actor(), input));
      return { operationId, caseId: payload.caseId, outcome: payload.outcome };
    },
    async 'cases.cite'(input) {
      const { operationId, payload } = queued(citeCase(desk, ctx.actor(), input));
      return {
        operationId,
        caseId: payload.caseId,
        fineCents: payload.fineCents,
        businessId: payload.businessId,
      };
    },
  };
}
