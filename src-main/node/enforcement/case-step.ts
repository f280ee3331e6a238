// One step on an open case (assign, close, cite), the way every command is taken: the person may
// give it here (role and bridge), then ONE cache transaction with the change on the cached case,
// the outbox entry with the case as the person saw it (replay compares its status, officer and
// fine with the legacy row: a case changed on another desk is a conflict), and the audit entry.
import type { z } from 'zod';
import { errorText, invalidFields } from '../../common/errors.ts';
import type { EnforcementCase } from '../../common/model.ts';
import type { Cache } from '../cache/open-cache.ts';
import type { CommandResult } from '../commands/licence-commands.ts';
import { assertMayGive } from '../commands/may-give.ts';
import { giveCommand } from '../commands/give-command.ts';
import type { Desk } from '../desk/open-desk.ts';
import { assertOpen, loadCase } from './case-records.ts';

export interface CaseStep<S extends z.ZodType> {
  command: 'assignCase' | 'closeCase' | 'citeCase';
  schema: S;
  payload(kase: EnforcementCase): unknown;
  /** The payload's own time stamp (the outbox entry's and the audit entry's time). */
  at(payload: z.infer<S>): string;
  apply(db: Cache, caseId: string, payload: z.infer<S>): void;
  detail(payload: z.infer<S>): Record<string, unknown>;
}

export function recordCaseStep<S extends z.ZodType>(
  desk: Desk,
  actor: string,
  caseId: string,
  step: CaseStep<S>,
): CommandResult<z.infer<S>> {
  const db = desk.cache;
  assertMayGive(desk, actor, step.command);
  return db
    .transaction(() => {
      const kase = loadCase(db, caseId);
      assertOpen(kase);
      const parsed = step.schema.safeParse(step.payload(kase));
      if (!parsed.success)
        throw invalidFields(
          step.command === 'citeCase'
            ? errorText('case.cite_invalid', { caseId: kase.id })
            : errorText('case.invalid', {}),
          parsed.error,
        );
      const payload = parsed.data as z.infer<S>;
      const at = step.at(payload);
      step.apply(db, kase.id, payload);
      const operationId = giveCommand(desk, actor, {
        command: step.command,
        at,
        payload: payload as never,
        base: [{ entity: 'enforcementCase', id: kase.id, record: kase }],
        changes: [{ entity: 'enforcementCase', id: kase.id }],
        subject: kase.id,
        detail: step.detail(payload),
      });
      return { operationId, payload };
    })
    .immediate();
}
