// Messages between the host (desk process) and the bridge worker (the child process that owns
// every ODBC call). Batches flow under credits the host grants, so a slow cache write slows the
// worker's fetching instead of piling rows up in memory.
import type { EntityName } from '../../common/model.ts';
import type { DataIssue } from './read-plan.ts';

export interface ReadRequest {
  t: 'read';
  id: number;
  bridgeFile: string;
  connection: string;
  entity: EntityName;
  /** Read at most this many rows (for checks and previews). */
  limit?: number;
}

export type HostMessage = ReadRequest | { t: 'credit'; id: number; n: number } | { t: 'cancel'; id: number };

export type WorkerMessage =
  | { t: 'ready'; pid: number }
  | { t: 'total'; id: number; total: number }
  | { t: 'batch'; id: number; records: Record<string, unknown>[]; issues: DataIssue[] }
  | { t: 'done'; id: number; rows: number; rejected: number }
  | {
      t: 'error';
      id: number;
      error: { code: 'legacy_unavailable' | 'not_configured' | 'internal'; message: string };
    };
