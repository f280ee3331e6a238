// One sync for a desk without a running sync loop (the command line, `sync.now` without a
// runtime): push what waits, then pull what changed. When the legacy database cannot be reached
// nothing is lost: the changes keep waiting, the refresh is skipped, and the result says why.
import { WorkbenchError } from '../../common/errors.ts';
import { type PushSummary, idlePush } from '../../common/sync-model.ts';
import type { Desk } from '../desk/open-desk.ts';
import type { SyncNowResult } from './desk-runtime.ts';
import { type RefreshProgress, type RefreshResult, refreshAll, refreshChanged } from './refresh.ts';
import { OTHER_SENDER_WAIT_MS } from './push-lease.ts';
import { type PushProgress, pushOutbox } from './replay.ts';

export interface SyncOnceResult extends SyncNowResult {
  refresh: RefreshResult | null;
}

export async function syncOnce(
  desk: Desk,
  actor: string,
  options: {
    push?: (p: PushProgress) => void;
    refresh?: (p: RefreshProgress) => void;
    /** Read everything again rather than what changed. */
    full?: boolean;
    /** Only refresh; the waiting changes stay on the desk (IT, troubleshooting). */
    noPush?: boolean;
    /** Told once when another process on this computer is sending this desk's changes and the push waits for it. */
    waiting?: (pid: number) => void;
  } = {},
): Promise<SyncOnceResult> {
  let push: PushSummary;
  try {
    push = options.noPush
      ? idlePush(pendingCount(desk))
      : await pushOutbox(desk, actor, options.push, {
          ms: OTHER_SENDER_WAIT_MS,
          ...(options.waiting ? { onWait: options.waiting } : {}),
        });
  } catch (err) {
    if (!unavailable(err)) throw err;
    const remaining = pendingCount(desk);
    const message = (err as Error).message;
    return {
      push: { ...idlePush(remaining), stoppedBy: message },
      refreshed: false,
      refresh: null,
      message,
    };
  }
  if (push.stoppedBy) return { push, refreshed: false, refresh: null, message: push.stoppedBy };
  try {
    const refresh = await (options.full ? refreshAll : refreshChanged)(desk, actor, options.refresh);
    return { push, refreshed: true, refresh, message: null };
  } catch (err) {
    if (!unavailable(err)) throw err;
    return { push, refreshed: false, refresh: null, message: (err as Error).message };
  }
}

const unavailable = (err: unknown) => err instanceof WorkbenchError && err.code === 'legacy_unavailable';

const pendingCount = (desk: Desk) =>
  (desk.cache.prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`).get() as { n: number }).n;
