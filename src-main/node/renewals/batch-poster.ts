// Posting a batch for a long-running desk (serve, Electron): the chunks run one after the other
// on the desk's own process, yielding between chunks so the UI's polls of batches.get are
// answered while it goes on. One run per batch at a time; a run that stopped on an error (or a
// desk that was closed mid-way) is resumed by asking to post again.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Desk } from '../desk/open-desk.ts';
import { postNextChunk, startPosting } from './batch-posting.ts';
import type { RunInfo } from './batch-store.ts';

interface Run {
  running: boolean;
  lastError: string | null;
}

const runsByDesk = new WeakMap<Desk, Map<string, Run>>();

function runsOf(desk: Desk): Map<string, Run> {
  let runs = runsByDesk.get(desk);
  if (!runs) {
    runs = new Map();
    runsByDesk.set(desk, runs);
  }
  return runs;
}

export function runInfo(desk: Desk, batchId: string): RunInfo {
  const run = runsOf(desk).get(batchId);
  return { running: run?.running ?? false, lastError: run?.lastError ?? null };
}

/**
 * Starts (or resumes) posting and returns once the batch is marked posting; the chunks follow in
 * the background. Refusals (role, state, bridge) are thrown here, before anything is posted.
 */
export function postInBackground(
  desk: Desk,
  actor: string,
  batchId: string,
  chunkSize: number | undefined,
  onFinished?: () => void,
): void {
  const runs = runsOf(desk);
  if (runs.get(batchId)?.running) return;
  if (startPosting(desk, actor, batchId, chunkSize).alreadyPosted) return;
  const run: Run = { running: true, lastError: null };
  runs.set(batchId, run);
  void (async () => {
    try {
      for (;;) {
        await nextTurn();
        if (!desk.cache.open) return;
        if (postNextChunk(desk, actor, batchId).done) return;
      }
    } catch (err) {
      run.lastError = (err as Error).message;
    } finally {
      run.running = false;
      onFinished?.();
    }
  })();
}
