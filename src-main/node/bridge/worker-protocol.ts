// Messages between the host (desk process) and the bridge worker (the child process that owns
// every ODBC call). Batches flow under credits the host grants, so a slow cache write slows the
// worker's fetching instead of piling rows up in memory.
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
}

/** Is the legacy database reachable? Checks (or opens) the connection reads of this bridge use. */
export interface PingRequest {
  t: 'ping';
  id: number;
  bridgeFile: string;
  connection: string;
}

export type HostMessage =
  | { t: 'configure'; settings: WorkerSettings }
  | ReadRequest
  | PingRequest
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
  | { t: 'error'; id: number; error: { code: WorkerErrorCode; message: string } }
  /**
   * The worker gave up on a driver call that never returned (it still holds a thread): the host
   * sends new requests to a fresh worker and ends this one once its requests have settled.
   */
  | { t: 'retire'; reason: string };
