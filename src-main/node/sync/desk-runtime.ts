// What a long-running desk (workbench serve, the Electron shell) has that a one-shot command does
// not: a connectivity monitor and a sync loop. The contract's handlers read the link state and
// ask for a sync through this; without one (the command line) they push and pull directly.
import type { ConnectionState, PushSummary, SyncActivity } from '../../common/sync-model.ts';

export interface SyncNowResult {
  push: PushSummary;
  refreshed: boolean;
  /** Why the sync did not finish, in plain words (legacy unreachable ...). */
  message: string | null;
}

export interface DeskRuntime {
  connection(): ConnectionState;
  activity(): SyncActivity;
  /** Push waiting changes, then refresh what changed; waits for it. */
  syncNow(): Promise<SyncNowResult>;
  /** A command was taken: push soon if the legacy database is reachable (does not wait). */
  kick(): void;
}

export const unknownConnection: ConnectionState = {
  state: 'unknown',
  since: null,
  lastCheckedAt: null,
  message: null,
  nextCheckAt: null,
};
