// The host side of the bridge worker: starts the child process, streams reads from it under
// credits, and turns a worker that dies or goes silent into a clear typed error. The next call
// starts a fresh worker, so the desk keeps working from its cache through any driver failure.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WorkbenchError } from '../../common/errors.ts';
import type { DataIssue } from './read-plan.ts';
import type { HostMessage, ReadRequest, WorkerMessage } from './worker-protocol.ts';

export interface WorkerClientOptions {
  /** The worker's entry: worker.ts under Node 24, the bundled bridge-worker.js under Electron. */
  workerPath?: string;
  /** A read that hears nothing from the worker for this long is abandoned and the worker killed. */
  stallTimeoutMs?: number;
}

export interface ReadResult {
  rows: number;
  rejected: number;
}

type BatchHandler = (records: Record<string, unknown>[], issues: DataIssue[]) => void | Promise<void>;
type TotalHandler = (total: number) => void;

interface Pending {
  onBatch: BatchHandler;
  onTotal: TotalHandler | undefined;
  resolve: (r: ReadResult) => void;
  reject: (e: Error) => void;
  chain: Promise<void>;
  timer: NodeJS.Timeout | undefined;
}

export class BridgeWorkerClient {
  private child: ChildProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly workerPath: string;
  private readonly stallTimeoutMs: number;

  constructor(options: WorkerClientOptions = {}) {
    this.workerPath = options.workerPath ?? fileURLToPath(new URL('./worker.ts', import.meta.url));
    this.stallTimeoutMs = options.stallTimeoutMs ?? 120_000;
  }

  read(
    request: Omit<ReadRequest, 't' | 'id'>,
    onBatch: BatchHandler,
    onTotal?: TotalHandler,
  ): Promise<ReadResult> {
    const child = this.ensureChild();
    const id = this.nextId++;
    return new Promise<ReadResult>((resolve, reject) => {
      const p: Pending = { onBatch, onTotal, resolve, reject, chain: Promise.resolve(), timer: undefined };
      this.pending.set(id, p);
      this.arm(id, p);
      this.post(child, { t: 'read', id, ...request });
    });
  }

  /** Stops the worker; reads in progress end with an error. */
  close(): void {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null) child.kill();
    this.failAll('The bridge worker was stopped.');
  }

  private ensureChild(): ChildProcess {
    if (this.child && this.child.exitCode === null && this.child.connected) return this.child;
    const child = fork(this.workerPath, [], {
      execArgv: ['--disable-warning=ExperimentalWarning'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (m: WorkerMessage) => this.onMessage(child, m));
    child.on('exit', (code, signal) => {
      if (this.child === child) this.child = null;
      this.failAll(
        `The connection to the legacy database stopped unexpectedly (bridge worker ended with ${signal ?? `code ${code}`}). ` +
          'The desk keeps working from its cache; try again, and call IT if it keeps happening.',
      );
    });
    child.on('error', () => {}); // reported through 'exit'
    this.child = child;
    return child;
  }

  private onMessage(child: ChildProcess, m: WorkerMessage): void {
    if (m.t === 'ready') return;
    const p = this.pending.get(m.id);
    if (!p) return;
    this.arm(m.id, p);
    if (m.t === 'total') {
      p.onTotal?.(m.total);
    } else if (m.t === 'batch') {
      p.chain = p.chain.then(async () => {
        await p.onBatch(m.records, m.issues);
        this.post(child, { t: 'credit', id: m.id, n: 1 });
      });
      p.chain.catch((err) => {
        this.post(child, { t: 'cancel', id: m.id });
        this.settle(m.id, () => p.reject(err));
      });
    } else if (m.t === 'done') {
      p.chain.then(
        () => this.settle(m.id, () => p.resolve({ rows: m.rows, rejected: m.rejected })),
        () => {},
      );
    } else {
      p.chain.then(
        () => this.settle(m.id, () => p.reject(new WorkbenchError(m.error.code, m.error.message))),
        () => {},
      );
    }
  }

  private arm(id: number, p: Pending): void {
    clearTimeout(p.timer);
    p.timer = setTimeout(() => {
      const child = this.child;
      this.settle(id, () =>
        p.reject(
          new WorkbenchError(
            'legacy_unavailable',
            `The legacy database did not answer for ${Math.round(this.stallTimeoutMs / 1000)} seconds, so the request was stopped. The desk keeps working from its cache.`,
          ),
        ),
      );
      child?.kill('SIGKILL'); // a hung driver call cannot be interrupted from here
    }, this.stallTimeoutMs);
    p.timer.unref();
  }

  private settle(id: number, action: () => void): void {
    const p = this.pending.get(id);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(id);
    action();
  }

  private failAll(message: string): void {
    for (const [id, p] of this.pending)
      this.settle(id, () => p.reject(new WorkbenchError('legacy_unavailable', message)));
  }

  private post(child: ChildProcess, m: HostMessage): void {
    if (child.connected) child.send(m);
  }
}
