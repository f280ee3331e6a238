// Citing a case with a fine (command-defs/cite-case.ts), a supervisor's approval: the case cited
// on the desk at once, with its fine unpaid, so the renewal check refuses the business's renewals
// before the sync (unpaid-fines.ts); the outbox entry with the case as the supervisor saw it; the
// audit entry with the fine; in ONE cache transaction.
import { CiteCasePayload } from '../../common/command-defs/cite-case.ts';
import { todayIn, zonedIso } from '../../common/time.ts';
import type { Cache } from '../cache/open-cache.ts';
import type { CommandResult } from '../commands/licence-commands.ts';
import type { Desk } from '../desk/open-desk.ts';
import { caseStepEffects } from './case-records.ts';
import { recordCaseStep } from './case-step.ts';

const cite = (db: Cache, caseId: string, p: Record<string, unknown>): void => {
  db.prepare(
    `UPDATE enforcement_case SET status = 'cited', fine_cents = ?, closed_on = ?, fine_paid_on = NULL WHERE id = ?`,
  ).run(Number(p.fineCents), String(p.citedOn), caseId);
};

export function citeCase(
  desk: Desk,
  actor: string,
  request: { caseId: string; fineCents: number },
  now = new Date(),
): CommandResult<CiteCasePayload> {
  return recordCaseStep(desk, actor, request.caseId, {
    command: 'citeCase',
    schema: CiteCasePayload,
    payload: (kase) => ({
      v: 1,
      caseId: kase.id,
      businessId: kase.businessId,
      fineCents: request.fineCents,
      citedOn: todayIn(desk.timeZone, now),
      citedAt: zonedIso(now, desk.timeZone),
    }),
    at: (p) => p.citedAt,
    apply: cite,
    detail: (p) => ({ fineCents: p.fineCents, businessId: p.businessId, citedOn: p.citedOn }),
  });
}

export const citeCaseEffects = caseStepEffects(cite);
