// Assigning (or reassigning) an open case to an officer (command-defs/assign-case.ts): the case
// under its new officer, the outbox entry with the case as the supervisor saw it, the audit entry
// with both officers, in ONE cache transaction.
import { AssignCasePayload } from '../../common/command-defs/assign-case.ts';
import { zonedIso } from '../../common/time.ts';
import type { Cache } from '../cache/open-cache.ts';
import type { CommandResult } from '../commands/licence-commands.ts';
import type { Desk } from '../desk/open-desk.ts';
import { caseStepEffects } from './case-records.ts';
import { recordCaseStep } from './case-step.ts';

const assign = (db: Cache, caseId: string, p: Record<string, unknown>): void => {
  db.prepare('UPDATE enforcement_case SET officer = ? WHERE id = ?').run(String(p.officer), caseId);
};

export function assignCase(
  desk: Desk,
  actor: string,
  request: { caseId: string; officer: string },
  now = new Date(),
): CommandResult<AssignCasePayload> {
  return recordCaseStep(desk, actor, request.caseId, {
    command: 'assignCase',
    schema: AssignCasePayload,
    payload: (kase) => ({
      v: 1,
      caseId: kase.id,
      officer: request.officer,
      fromOfficer: kase.officer,
      assignedAt: zonedIso(now, desk.timeZone),
    }),
    at: (p) => p.assignedAt,
    apply: assign,
    detail: (p) => ({ from: p.fromOfficer, to: p.officer }),
  });
}

export const assignCaseEffects = caseStepEffects(assign);
