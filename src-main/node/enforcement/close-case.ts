// Closing a case as corrected (the re-inspection found the place put right) or dismissed
// (command-defs/close-case.ts): the case closed on the desk at once, the outbox entry with the
// case as the officer saw it, the audit entry with the note, in ONE cache transaction.
import { type caseClosings, CloseCasePayload } from '../../common/command-defs/close-case.ts';
import { todayIn, zonedIso } from '../../common/time.ts';
import type { Cache } from '../cache/open-cache.ts';
import type { CommandResult } from '../commands/licence-commands.ts';
import type { Desk } from '../desk/open-desk.ts';
import { caseStepEffects } from './case-records.ts';
import { recordCaseStep } from './case-step.ts';

const close = (db: Cache, caseId: string, p: Record<string, unknown>): void => {
  db.prepare('UPDATE enforcement_case SET status = ?, closed_on = ? WHERE id = ?').run(
    String(p.outcome),
    String(p.closedOn),
    caseId,
  );
};

export function closeCase(
  desk: Desk,
  actor: string,
  request: { caseId: string; outcome?: (typeof caseClosings)[number]; note?: string },
  now = new Date(),
): CommandResult<CloseCasePayload> {
  return recordCaseStep(desk, actor, request.caseId, {
    command: 'closeCase',
    schema: CloseCasePayload,
    payload: (kase) => ({
      v: 1,
      caseId: kase.id,
      outcome: request.outcome ?? 'corrected',
      note: request.note ?? '',
      closedOn: todayIn(desk.timeZone, now),
      closedAt: zonedIso(now, desk.timeZone),
    }),
    at: (p) => p.closedAt,
    apply: close,
    detail: (p) => ({ outcome: p.outcome, note: p.note, closedOn: p.closedOn }),
  });
}

export const closeCaseEffects = caseStepEffects(close);
