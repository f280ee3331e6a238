// One sync for a desk without a running sync loop (the command line, `sync.now` without a
// runtime): push what waits, then pull what changed. A push that cannot reach the legacy database
// still lets nothing be lost: the changes keep waiting, and the refresh is skipped.
import { WorkbenchError } from '../../common/errors.ts';
import type { Desk } from '../desk/open-desk.ts';
import type { SyncNowResult } from './desk-runtime.ts';
import { refreshChanged } from './refresh.ts';
import { pushOutbox } from './replay.ts';

export async function syncOnce(desk: Desk, actor: string): Promise<SyncNowResult> {
  let push;
  try {
    push = await pushOutbox(desk, actor);
  } catch (err) {
    if (err instanceof WorkbenchError && err.code === 'legacy_unavailable') {
      const remaining = (
        desk.cache.prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`).get() as { n: number }
      ).n;
      return {
        push: { applied: 0, alreadyApplied: 0, conflicts: 0, remaining, stoppedBy: err.message },
        refreshed: false,
        message: err.message,
      };
    }
    throw err;
  }
  if (push.stoppedBy) return { push, refreshed: false, message: push.stoppedBy };
  await refreshChanged(desk, actor);
  return { push, refreshed: true, message: null };
}
