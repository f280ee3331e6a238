// Messages between the host (desk process) and the bridge worker (the child process that owns
// every ODBC call). Batches flow under credits the host grants, so a slow cache write slows the
// worker's fetching instead of piling rows up in memory.
import type { LegacyCommandName } from '../../common/legacy-commands.ts';
import type { EntityName } from '../../common/model.ts';
import type { DataIssue } from './read-plan.ts';

/** The worker's timeouts and connection cache, sent by the host once, right after it starts. */
export interface WorkerSettings {
  /** Seconds the driver may take to log in (SQL_ATTR_LOGIN_TIMEOUT and CONNECTION_TIMEOUT). */
  connectTimeoutSec: number;
  /**
   * Seconds one statement may run (SQL_ATTR_QUERY_TIMEOUT; psqlODBC turns it into a server-side
   * statement_timeout). 0: no limit. A hung network is not covered: the host's stall timeout is.
   */
  statementTimeoutSec: number;
  /** How long the check of a cached connection (SELECT 1) may take before it is given up. */
  healthCheckTimeoutMs: number;
  /** A cached connection unused this long is closed. */
  idleTimeoutMs: number;
}

export const defaultWorkerSettings: WorkerSettings = {
  connectTimeoutSec: 15,
  statementTimeoutSec: 60,
  healthCheckTimeoutMs: 5_000,
  idleTimeoutMs: 5 * 60_000,
};

export interface ReadRequest {
  t: 'read';
  id: number;
  bridgeFile: string;
  connection: string;
  entity: EntityName;
  /** Read at most this many rows (for checks and previews). */
  limit?: number;
  /**
   * What each batch carries (incremental refresh, src-main/node/sync/refresh.ts):
   * - 'records' (the default): canonical records;
   * - 'keys': `{ id }`, the canonical key of every row, to notice rows deleted in the legacy;
   * - 'mark': one `{ value, kind }` (ChangeMark), the largest value of the `changes` column, or none;
   * - 'chunks': `{ last, hash, rows }` (RowChunk) per chunk of rows in key order (row_hash), with
   *   `chunkSize` rows a chunk on average.
   */
  select?: 'records' | 'keys' | 'mark' | 'chunks';
  /** records: only the rows changed since this high-water mark of the `changes` column. */
  since?: { value: string; kind: 'number' | 'text' | 'time' };
  /** records: only the rows in these legacy key ranges (after: exclusive, through: inclusive; null: open). */
  ranges?: Array<{
    after: Array<string | number | bigint | boolean | null> | null;
    through: Array<string | number | bigint | boolean | null> | null;
  }>;
  chunkSize?: number;
}

/** Is the legacy database reachable? Checks (or opens) the connection reads of this bridge use. */
export interface PingRequest {
  t: 'ping';
  id: number;
  bridgeFile: string;
  connection: string;
}

/** One outbox entry to apply in one legacy transaction (see src-main/node/sync/README.md). */
export interface ApplyRequest {
  t: 'apply';
  id: number;
  bridgeFile: string;
  connection: string;
  operation: ApplyOperation;
}

export interface ApplyOperation {
  operationId: string;
  deskId: string;
  actor: string;
  command: LegacyCommandName;
  payload: Record<string, unknown>;
  /** The records the command read, as the person saw them. */
  base: Array<{ entity: EntityName; id: string; record: Record<string, unknown> }>;
  /** Sent before without a definite answer: settle by re-reading before anything else. */
  inDoubt: boolean;
  /** Values of the applied_check's `into` already claimed by settled operations of this desk. */
  claimed: string[];
}

/** What became of an applied operation; records are the legacy rows re-read after it. */
export type ApplyOutcome =
  | {
      kind: 'applied' | 'already_applied';
      /** How an already applied operation was recognised. */
      via: 'commit' | 'journal' | 'check';
      result: Record<string, string | number | null>;
      records: Array<{ entity: EntityName; record: Record<string, unknown> }>;
    }
  | {
      kind: 'conflict';
      /** invalid: the desk's own check before sending (sync/replay.ts), never the worker's answer. */
      conflict: 'changed' | 'gone' | 'in_doubt' | 'refused' | 'invalid';
      /** The base records as the legacy database holds them now (null: gone). */
      current: Array<{ entity: EntityName; id: string; record: Record<string, unknown> | null }>;
      changed: string[];
      /** refused: the legacy database's words (the driver's message), for the person who decides. */
      message?: string;
    };

/** Creates the operation journal table, or says whether it is there. */
export interface JournalRequest {
  t: 'journal';
  id: number;
  bridgeFile: string;
  connection: string;
  action: 'install' | 'status';
}

export type HostMessage =
  | { t: 'configure'; settings: WorkerSettings }
  | ReadRequest
  | PingRequest
  | ApplyRequest
  | JournalRequest
  | { t: 'credit'; id: number; n: number }
  | { t: 'cancel'; id: number };

export type WorkerErrorCode = 'legacy_unavailable' | 'not_configured' | 'internal';

export type WorkerMessage =
  | { t: 'ready'; pid: number }
  /** The request has its connection (health-checked or new): the connect phase is over. */
  | { t: 'connected'; id: number; reused: boolean }
  | { t: 'total'; id: number; total: number }
  | { t: 'batch'; id: number; records: Record<string, unknown>[]; issues: DataIssue[] }
  | { t: 'done'; id: number; rows: number; rejected: number }
  | { t: 'pong'; id: number; ms: number; reused: boolean }
  | { t: 'applied'; id: number; outcome: ApplyOutcome }
  | { t: 'journal'; id: number; installed: boolean; created: boolean; table: string }
  | {
      t: 'error';
      id: number;
      error: { code: WorkerErrorCode; message: string };
      /**
       * For apply: 'none' when the legacy transaction certainly did not commit (it failed before
       * COMMIT was sent); 'unknown' when it may have (the COMMIT or its answer was lost).
       */
      committed?: 'none' | 'unknown';
    }
  /**
   * The worker gave up on a driver call that never returned (it still holds a thread): the host
   * sends new requests to a fresh worker and ends this one once its requests have settled.
   */
  | { t: 'retire'; reason: string };
