// The host side of the bridge worker: starts the child process, streams reads from it under
// credits, and turns a worker that dies or goes silent into a clear typed error. The next call
// starts a fresh worker (after a short back-off when it keeps dying), so the desk keeps working
// from its cache through any driver failure.
//
// Timeouts, from the inside out:
// - the driver's own: login (connectTimeoutSec) and statement (statementTimeoutSec, where the
//   driver supports SQL_ATTR_QUERY_TIMEOUT); they end in an error and the worker lives on;
// - the worker's check of a cached connection (healthCheckTimeoutMs): a connection that does not
//   answer is given up and a new one opened;
// - here, the last resort for a driver call that hangs (a stalled network blocks a fetch for
//   good, and psqlODBC's cancel blocks too): a request that hears nothing from the worker for
//   stallTimeoutMs (or, before it has its connection, for the connect phase) is failed and the
//   worker killed with SIGKILL.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WorkbenchError } from '../../common/errors.ts';
import type { DataIssue } from './read-plan.ts';
import {
  type ApplyOutcome,
  type ApplyRequest,
  defaultWorkerSettings,
  type HostMessage,
  type JournalRequest,
  type PingRequest,
  type ReadRequest,
  type WorkerMessage,
  type WorkerSettings,
} from './worker-protocol.ts';

/**
 * An apply that failed. `committed` says whether the legacy transaction may have committed: 'none'
 * when it certainly did not, 'unknown' when the answer was lost (the entry is then in doubt).
 */
export class ApplyFailure extends WorkbenchError {
  readonly committed: 'none' | 'unknown';
  constructor(message: string, committed: 'none' | 'unknown') {
    super('legacy_unavailable', message);
    this.committed = committed;
  }
}

/** The worker ended by a crash signal of its own (a driver fault), not by the host or a kill. */
export class DriverCrash extends WorkbenchError {}
// SIGTRAP: a V8 fatal check in the native ODBC binding (seen here: node-odbc's AsyncWorker deleting a
// reference on completion, "Check failed: node->IsInUse()") ends the worker with a trap.
const CRASH_SIGNALS = new Set(['SIGSEGV', 'SIGBUS', 'SIGABRT', 'SIGILL', 'SIGFPE', 'SIGTRAP']);

export interface JournalStatus {
  installed: boolean;
  created: boolean;
  table: string;
}

export interface WorkerClientOptions {
  /** The worker's entry: worker.ts under Node 24, the bundled bridge-worker.js under Electron. */
  workerPath?: string;
  /** A read that hears nothing from the worker for this long is abandoned and the worker killed (120 s). */
  stallTimeoutMs?: number;
  /** Seconds the driver may take to log in (15). */
  connectTimeoutSec?: number;
  /** Seconds one statement may run, where the driver supports a query timeout (60; 0: no limit). */
  statementTimeoutSec?: number;
  /** How long the check of a cached connection may take before a new one is opened (5 s). */
  healthCheckTimeoutMs?: number;
  /** Cached connections unused this long are closed (5 min). */
  idleTimeoutMs?: number;
  /** The longest wait before starting the worker again when it keeps dying (5 s). */
  maxRestartDelayMs?: number;
}

export interface ReadResult {
  rows: number;
  rejected: number;
}

export interface PingResult {
  ok: true;
  /** How long the check took, connecting included. */
  ms: number;
  /** True when a cached connection answered, false when a new one had to be opened. */
  reused: boolean;
}

type Result = ReadResult | PingResult | ApplyOutcome | JournalStatus;
type BatchHandler = (records: Record<string, unknown>[], issues: DataIssue[]) => void | Promise<void>;
type TotalHandler = (total: number) => void;

interface Pending {
  child: ChildProcess;
  kind: 'read' | 'ping' | 'apply' | 'journal';
  onBatch: BatchHandler | undefined;
  onTotal: TotalHandler | undefined;
  resolve: (r: Result) => void;
  reject: (e: Error) => void;
  chain: Promise<void>;
  timer: NodeJS.Timeout | undefined;
  /** The worker has said something about this request: the connect phase is over. */
  heard: boolean;
  /** Batches being written by the caller: the worker waits for us, not we for it. */
  busy: number;
}

/** Why the host ended a worker; a worker that ends without one crashed. */
type Ending = 'stalled' | 'retired' | 'closed';

const KEEPS_WORKING = 'The desk keeps working from its cache.';

export class BridgeWorkerClient {
  private child: ChildProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly endings = new WeakMap<ChildProcess, Ending>();
  private readonly workerPath: string;
  private readonly stallTimeoutMs: number;
  private readonly connectPhaseMs: number;
  private readonly maxRestartDelayMs: number;
  private readonly settings: WorkerSettings;
  /** Workers that died one after the other without a request succeeding in between. */
  private crashes = 0;
  private restartAt = 0;

  constructor(options: WorkerClientOptions = {}) {
    this.workerPath = options.workerPath ?? fileURLToPath(new URL('./worker.ts', import.meta.url));
    this.stallTimeoutMs = options.stallTimeoutMs ?? 120_000;
    this.maxRestartDelayMs = options.maxRestartDelayMs ?? 5_000;
    this.settings = {
      connectTimeoutSec: options.connectTimeoutSec ?? defaultWorkerSettings.connectTimeoutSec,
      statementTimeoutSec: options.statementTimeoutSec ?? defaultWorkerSettings.statementTimeoutSec,
      healthCheckTimeoutMs: options.healthCheckTimeoutMs ?? defaultWorkerSettings.healthCheckTimeoutMs,
      idleTimeoutMs: options.idleTimeoutMs ?? defaultWorkerSettings.idleTimeoutMs,
    };
    // Up to two cached connections checked, then a login: the worker answers within that.
    this.connectPhaseMs =
      this.settings.connectTimeoutSec * 1000 + 2 * this.settings.healthCheckTimeoutMs + 5_000;
  }

  /** The running worker's process id, if one is running (for diagnostics). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /**
   * Reads an entity. A read is asked again once, on a fresh worker, when the driver crashed the
   * worker (SIGSEGV and the like) before any row arrived: psqlODBC has been seen to crash on first
   * contact after a server restart, and a read has no effect to repeat. Any other failure, or a
   * crash once rows were delivered, is the caller's clear error.
   */
  async read(
    request: Omit<ReadRequest, 't' | 'id'>,
    onBatch: BatchHandler,
    onTotal?: TotalHandler,
  ): Promise<ReadResult> {
    let delivered = false;
    const counted: BatchHandler = (records, issues) => {
      delivered = true;
      return onBatch(records, issues);
    };
    const once = async () => {
      const child = await this.ensureChild();
      return this.request<ReadResult>(
        child,
        'read',
        (id) => ({ t: 'read', id, ...request }),
        counted,
        onTotal,
      );
    };
    try {
      return await once();
    } catch (err) {
      if (!(err instanceof DriverCrash) || delivered) throw err;
      return once();
    }
  }

  /**
   * Checks that the legacy database answers on the connection reads use (a cached one that passes
   * its check, else a new one). Rejects with a typed error (legacy_unavailable) when it does not.
   */
  async ping(request: Omit<PingRequest, 't' | 'id'>): Promise<PingResult> {
    const child = await this.ensureChild();
    return this.request<PingResult>(child, 'ping', (id) => ({ t: 'ping', id, ...request }));
  }

  /**
   * Applies one outbox entry in one legacy transaction. Rejects with ApplyFailure; a worker that
   * dies or stalls mid-apply leaves the outcome unknown (committed: 'unknown').
   */
  async apply(request: Omit<ApplyRequest, 't' | 'id'>): Promise<ApplyOutcome> {
    const child = await this.ensureChild();
    try {
      return await this.request<ApplyOutcome>(child, 'apply', (id) => ({ t: 'apply', id, ...request }));
    } catch (err) {
      if (err instanceof ApplyFailure) throw err;
      throw new ApplyFailure((err as Error).message, 'unknown');
    }
  }

  /** Installs the operation journal table in the legacy database, or tells whether it is there. */
  async journal(request: Omit<JournalRequest, 't' | 'id'>): Promise<JournalStatus> {
    const child = await this.ensureChild();
    return this.request<JournalStatus>(child, 'journal', (id) => ({ t: 'journal', id, ...request }));
  }

  /** Stops the worker; reads in progress end with an error. */
  close(): void {
    const child = this.child;
    this.child = null;
    if (child) this.end(child, 'closed', 'SIGTERM');
  }

  private request<T extends Result>(
    child: ChildProcess,
    kind: Pending['kind'],
    message: (id: number) => HostMessage,
    onBatch?: BatchHandler,
    onTotal?: TotalHandler,
  ): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const p: Pending = {
        child,
        kind,
        onBatch,
        onTotal,
        resolve: resolve as (r: Result) => void,
        reject,
        chain: Promise.resolve(),
        timer: undefined,
        heard: false,
        busy: 0,
      };
      this.pending.set(id, p);
      if (child.exitCode !== null || child.signalCode !== null || !child.connected) {
        this.settle(id, () => reject(new WorkbenchError('legacy_unavailable', this.endedMessage(child))));
        return;
      }
      this.arm(id, p);
      this.post(child, message(id));
    });
  }

  private async ensureChild(): Promise<ChildProcess> {
    if (this.alive(this.child)) return this.child;
    const wait = this.restartAt - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (this.alive(this.child)) return this.child; // started by another call meanwhile
    const child = fork(this.workerPath, [], {
      execArgv: ['--disable-warning=ExperimentalWarning'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (m: WorkerMessage) => this.onMessage(child, m));
    child.on('exit', () => this.onExit(child));
    child.on('error', () => {}); // reported through 'exit'
    this.child = child;
    this.post(child, { t: 'configure', settings: this.settings });
    return child;
  }

  private alive(child: ChildProcess | null): child is ChildProcess {
    return child !== null && child.exitCode === null && child.signalCode === null && child.connected;
  }

  private onExit(child: ChildProcess): void {
    if (this.child === child) this.child = null;
    const ending = this.endings.get(child);
    if (ending === undefined || ending === 'stalled') {
      // Back off when it keeps dying: at once, then 0.25 s, 0.5 s, 1 s ... up to the maximum.
      this.crashes++;
      const delay = this.crashes <= 1 ? 0 : Math.min(250 * 2 ** (this.crashes - 2), this.maxRestartDelayMs);
      this.restartAt = Date.now() + delay;
    }
    const message = this.endedMessage(child);
    const crashed = ending === undefined && CRASH_SIGNALS.has(child.signalCode ?? '');
    for (const [id, p] of this.pending)
      if (p.child === child)
        this.settle(id, () =>
          p.reject(
            crashed
              ? new DriverCrash('legacy_unavailable', message)
              : new WorkbenchError('legacy_unavailable', message),
          ),
        );
  }

  private endedMessage(child: ChildProcess): string {
    switch (this.endings.get(child)) {
      case 'closed':
        return 'The bridge worker was stopped.';
      case 'stalled':
        return `The request was stopped because the legacy database stopped answering. ${KEEPS_WORKING} Try again.`;
      case 'retired':
        return `The connection to the legacy database was restarted after a driver call hung. ${KEEPS_WORKING} Try again.`;
      default:
        return (
          `The connection to the legacy database stopped unexpectedly (the bridge worker ended with ` +
          `${child.signalCode ?? `code ${child.exitCode}`}). ${KEEPS_WORKING} Try again, and call IT if it keeps happening.`
        );
    }
  }

  private onMessage(child: ChildProcess, m: WorkerMessage): void {
    if (m.t === 'ready') return;
    if (m.t === 'retire') {
      // New requests go to a fresh worker; this one ends once its own have settled.
      this.endings.set(child, 'retired');
      if (this.child === child) this.child = null;
      this.endIfIdle(child);
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    p.heard = true;
    this.arm(m.id, p);
    if (m.t === 'connected') return;
    if (m.t === 'total') {
      p.onTotal?.(m.total);
    } else if (m.t === 'batch') {
      p.chain = p.chain.then(async () => {
        p.busy++;
        clearTimeout(p.timer);
        try {
          await p.onBatch?.(m.records, m.issues);
        } finally {
          p.busy--;
        }
        this.post(child, { t: 'credit', id: m.id, n: 1 });
        if (this.pending.get(m.id) === p) this.arm(m.id, p);
      });
      p.chain.catch((err) => {
        this.post(child, { t: 'cancel', id: m.id });
        this.settle(m.id, () => p.reject(err));
      });
    } else if (m.t === 'done' || m.t === 'pong' || m.t === 'applied' || m.t === 'journal') {
      const result: Result =
        m.t === 'done'
          ? { rows: m.rows, rejected: m.rejected }
          : m.t === 'pong'
            ? { ok: true, ms: m.ms, reused: m.reused }
            : m.t === 'applied'
              ? m.outcome
              : { installed: m.installed, created: m.created, table: m.table };
      p.chain.then(
        () =>
          this.settle(m.id, () => {
            this.crashes = 0;
            p.resolve(result);
          }),
        () => {},
      );
    } else {
      const error =
        p.kind === 'apply'
          ? new ApplyFailure(m.error.message, m.committed ?? 'unknown')
          : new WorkbenchError(m.error.code, m.error.message);
      p.chain.then(
        () => this.settle(m.id, () => p.reject(error)),
        () => {},
      );
    }
  }

  /** (Re)starts the request's silence timer: the connect phase until the worker is heard, then the stall timeout. */
  private arm(id: number, p: Pending): void {
    clearTimeout(p.timer);
    if (p.busy > 0) return;
    const ms = p.heard ? this.stallTimeoutMs : this.connectPhaseMs;
    p.timer = setTimeout(() => {
      const n = Math.round(ms / 1000);
      const seconds = `${n} second${n === 1 ? '' : 's'}`;
      const what = p.heard
        ? `did not answer for ${seconds}`
        : `did not answer within ${seconds} of being asked to connect`;
      this.settle(id, () =>
        p.reject(
          new WorkbenchError(
            'legacy_unavailable',
            `The legacy database ${what}, so the ${p.kind === 'read' ? 'read' : p.kind === 'ping' ? 'connection check' : 'change being sent'} was stopped ` +
              `and the connection to it will be opened afresh. ${KEEPS_WORKING} ` +
              'Check the network connection to the legacy database, then try again.',
          ),
        ),
      );
      // A driver call hung on a dead network cannot be interrupted from here (nor, with
      // psqlODBC, from inside the worker): the worker goes, and the next request starts another.
      if (this.child === p.child) this.child = null;
      this.end(p.child, 'stalled', 'SIGKILL');
    }, ms);
    p.timer.unref();
  }

  private settle(id: number, action: () => void): void {
    const p = this.pending.get(id);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(id);
    action();
    if (this.endings.get(p.child) === 'retired') this.endIfIdle(p.child);
  }

  private endIfIdle(child: ChildProcess): void {
    for (const p of this.pending.values()) if (p.child === child) return;
    this.end(child, 'retired', 'SIGKILL');
  }

  private end(child: ChildProcess, ending: Ending, signal: NodeJS.Signals): void {
    if (!this.endings.has(child)) this.endings.set(child, ending);
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }

  private post(child: ChildProcess, m: HostMessage): void {
    if (child.connected) child.send(m);
  }
}
