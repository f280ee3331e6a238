// The host side of the discovery worker: forks it (the same way the bridge worker is forked),
// sends one request at a time and turns a worker that dies or goes silent into a plain error.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WorkbenchError } from '../../common/errors.ts';
import type { DialectName } from '../../node/bridge/dialects.ts';
import type { DiscoveryHostMessage, DiscoveryWorkerMessage } from './discovery-protocol.ts';
import type { DiscoveryOptions, OverlapCheck, OverlapResult, TableProfile } from './profile-types.ts';

export interface DiscoveryClientOptions {
  workerPath?: string;
  /** A request that hears nothing from the worker for this long is abandoned and the worker killed. */
  stallTimeoutMs?: number;
}

export interface ProfileEvents {
  onCatalog?: (tables: Array<{ name: string; columns: number }>) => void;
  onProgress?: (table: string, column: number, columns: number) => void;
  onTable?: (profile: TableProfile) => void;
}

type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never;

export class DiscoveryClient {
  private child: ChildProcess | null = null;
  private nextId = 1;
  private readonly workerPath: string;
  private readonly stallTimeoutMs: number;

  constructor(options: DiscoveryClientOptions = {}) {
    this.workerPath = options.workerPath ?? fileURLToPath(new URL('./discovery-worker.ts', import.meta.url));
    this.stallTimeoutMs = options.stallTimeoutMs ?? 600_000;
  }

  /** Reads the catalog and profiles every table, one after the other. */
  async profile(
    request: {
      connection: string;
      dialect: DialectName;
      schema?: string;
      tables?: string[];
      options: DiscoveryOptions;
    },
    events: ProfileEvents = {},
  ): Promise<TableProfile[]> {
    const tables: TableProfile[] = [];
    await this.request({ t: 'profile', ...request }, (m) => {
      if (m.t === 'catalog') events.onCatalog?.(m.tables);
      else if (m.t === 'progress') events.onProgress?.(m.table, m.column, m.columns);
      else if (m.t === 'table') {
        tables.push(m.profile);
        events.onTable?.(m.profile);
      }
    });
    return tables;
  }

  /** Checks foreign-key candidates against the data. */
  async overlaps(request: {
    connection: string;
    dialect: DialectName;
    checks: Array<OverlapCheck & { text: boolean }>;
  }): Promise<OverlapResult[]> {
    let results: OverlapResult[] = [];
    await this.request({ t: 'overlap', ...request }, (m) => {
      if (m.t === 'overlaps') results = m.results;
    });
    return results;
  }

  close(): void {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null) child.kill();
  }

  private request(
    message: Distribute<DiscoveryHostMessage>,
    onMessage: (m: DiscoveryWorkerMessage) => void,
  ): Promise<void> {
    const child = this.ensureChild();
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = (err?: Error) => {
        clearTimeout(timer);
        child.off('message', listener);
        child.off('exit', onExit);
        if (err) reject(err);
        else resolve();
      };
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          finish(
            new WorkbenchError(
              'legacy_unavailable',
              `The legacy database did not answer for ${Math.round(this.stallTimeoutMs / 1000)} seconds, so discovery was stopped.`,
            ),
          );
          child.kill('SIGKILL'); // a hung driver call cannot be interrupted from here
        }, this.stallTimeoutMs);
      };
      const listener = (m: DiscoveryWorkerMessage) => {
        if (m.t === 'ready' || m.id !== id) return;
        arm();
        if (m.t === 'done') finish();
        else if (m.t === 'error') finish(new WorkbenchError(m.error.code, m.error.message));
        else onMessage(m);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
        finish(
          new WorkbenchError(
            'legacy_unavailable',
            `The connection to the legacy database stopped unexpectedly (discovery worker ended with ${signal ?? `code ${code}`}). Try again; if it keeps happening, profile fewer tables at a time (--table).`,
          ),
        );
      child.on('message', listener);
      child.on('exit', onExit);
      arm();
      child.send({ ...message, id } as DiscoveryHostMessage);
    });
  }

  private ensureChild(): ChildProcess {
    if (this.child && this.child.exitCode === null && this.child.connected) return this.child;
    const child = fork(this.workerPath, [], {
      execArgv: ['--disable-warning=ExperimentalWarning'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('error', () => {}); // reported through 'exit'
    child.on('exit', () => {
      if (this.child === child) this.child = null;
    });
    this.child = child;
    return child;
  }
}
