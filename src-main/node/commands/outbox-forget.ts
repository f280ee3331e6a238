// `workbench outbox forget-missing --reason TEXT`: after a person has checked that the changes a
// damaged or rolled-back cache lost cannot be salvaged (or are not needed), the desk accepts the
// cache as it is. The audit entry names what was given up and why; then the outbox mark is reset to
// what the cache holds, so the desk starts again. The entries still waiting in a cache that went back
// may have been sent after its copy was made: they are marked in doubt (see markWaitingInDoubt).
import { errorText, WorkbenchError } from '../../common/errors.ts';
import { zonedIso } from '../../common/time.ts';
import { outboxMarkFile, outboxState, writeOutboxMark } from '../cache/outbox-mark.ts';
import { readMark, type Shortfall, shortfall } from '../desk/cache-guard.ts';
import type { Desk } from '../desk/open-desk.ts';
import { audit } from '../security/audit.ts';
import { markWaitingInDoubt } from './outbox.ts';

export function forgetMissing(desk: Desk, actor: string, reason: string, now = new Date()): Shortfall {
  const why = reason.trim();
  if (!why)
    throw new WorkbenchError('invalid_input', errorText('outbox.forget_reason_required', {}), {
      reason: errorText('field.required', {}),
    });
  const missing = shortfall(desk.cache, readMark(desk.paths.dataDir));
  if (!missing) throw new WorkbenchError('invalid_input', errorText('outbox.nothing_missing', {}));
  desk.cache
    .transaction(() => {
      const inDoubt = markWaitingInDoubt(desk.cache);
      audit(desk.cache, {
        at: zonedIso(now, desk.timeZone),
        actor,
        action: 'outbox.forget_missing',
        detail: {
          reason: why,
          missing: missing.missing,
          seqs: missing.seqs,
          sameCache: missing.sameCache,
          mark: missing.mark,
          cacheNow: missing.now,
          inDoubt,
        },
      });
    })
    .immediate();
  writeOutboxMark(outboxMarkFile(desk.paths.dataDir), outboxState(desk.cache), now);
  return missing;
}
