// Replay: the desk's outbox, in order, into the legacy database (see README.md in this folder).
import type { PushSummary } from '../../common/sync-model.ts';
import type { Desk } from '../desk/open-desk.ts';

export interface PushProgress {
  done: number;
  total: number;
}

/**
 * Sends every waiting outbox entry to the legacy database, in order. Throws a WorkbenchError
 * (legacy_unavailable) only when nothing could be sent; a push cut off part-way returns what it
 * did with `stoppedBy` saying why.
 */
export async function pushOutbox(
  desk: Desk,
  actor: string,
  onProgress?: (p: PushProgress) => void,
): Promise<PushSummary> {
  void desk;
  void actor;
  void onProgress;
  throw new Error('replay is being built');
}
