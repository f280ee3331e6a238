// The sync loop of a long-running desk (workbench serve, the Electron shell): it owns the
// connectivity monitor; pushes the outbox when changes wait and the legacy database answers
// (soon after each command, and at once when the link comes back), then pulls what changed; and
// refreshes on a schedule and on demand. One job at a time: a push or refresh never overlaps
// another, on this desk's cache or on the legacy database. A job that cannot reach the legacy
// database turns the monitor offline at once; nothing is lost, the changes keep waiting.
import { WorkbenchError } from '../../common/errors.ts';
import {
  type ConnectionState,
  type PushSummary,
  type SyncActivity,
  idlePush,
} from '../../common/sync-model.ts';
import { zonedIso } from '../../common/time.ts';
import type { Desk } from '../desk/open-desk.ts';
import { logger } from '../log/logger.ts';
import { type Clock, ConnectivityMonitor, deskProbe, systemClock } from './connectivity.ts';
import type { DeskRuntime, SyncNowResult } from './desk-runtime.ts';
import { refreshChanged } from './refresh.ts';
import { isPushBusy } from './push-lease.ts';
import { pushOutbox } from './replay.ts';

export interface SyncEngineOptions {
  /** Who the loop's pushes and refreshes are audited as (the person running the desk). */
  actor: string;
  /** Between scheduled refreshes (15 minutes). */
  refreshEveryMs?: number;
  /** Between probes while online (10 s); while offline the monitor backs off from firstBackoffMs. */
  probeIntervalMs?: number;
  firstBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long after a command the push starts, so a burst of commands goes in one push (250 ms). */
  kickDelayMs?: number;
  clock?: Clock;
  /** The legacy side, replaceable in unit tests only. */
  probe?: () => Promise<void>;
  push?: (desk: Desk, actor: string) => Promise<PushSummary>;
  refresh?: (desk: Desk, actor: string) => Promise<unknown>;
  /** Where a failure of a background job is told (console.error). */
  log?: (message: string) => void;
}

export class SyncEngine implements DeskRuntime {
  readonly monitor: ConnectivityMonitor;
  private busy: SyncActivity['busy'] = 'idle';
  private lastPushAt: string | null = null;
  private lastPushError: string | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  /** A push queued behind the running job and not started yet: later kicks join it. */
  private queuedPush: Promise<unknown> | null = null;
  private kickTimer: unknown = null;
  private refreshTimer: unknown = null;
  private running = false;
  private readonly clock: Clock;
  private readonly desk: Desk;
  private readonly options: SyncEngineOptions;
  private readonly unsubscribe: () => void;

  constructor(desk: Desk, options: SyncEngineOptions) {
    this.desk = desk;
    this.options = options;
    this.clock = options.clock ?? systemClock;
    this.monitor = new ConnectivityMonitor({
      probe: options.probe ?? deskProbe(desk),
      timeZone: desk.timeZone,
      clock: this.clock,
      ...(options.probeIntervalMs ? { onlineIntervalMs: options.probeIntervalMs } : {}),
      ...(options.firstBackoffMs ? { firstBackoffMs: options.firstBackoffMs } : {}),
      ...(options.maxBackoffMs ? { maxBackoffMs: options.maxBackoffMs } : {}),
    });
    // The link is back (or found at start): what waits goes at once, then what changed meanwhile.
    this.unsubscribe = this.monitor.onChange((now) => {
      if (now.state === 'online' && this.running) void this.background(() => this.cycle(true));
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.monitor.start();
    this.scheduleRefresh();
  }

  /** Stops probing and scheduling, and waits for the job under way. */
  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe();
    this.monitor.stop();
    for (const t of [this.kickTimer, this.refreshTimer]) if (t !== null) this.clock.clearTimeout(t);
    this.kickTimer = this.refreshTimer = null;
    await this.chain;
  }

  connection(): ConnectionState {
    return this.monitor.state();
  }

  activity(): SyncActivity {
    return { busy: this.busy, lastPushAt: this.lastPushAt, lastPushError: this.lastPushError };
  }

  /** Push what waits, then refresh what changed; after the job under way, if any. */
  syncNow(): Promise<SyncNowResult> {
    return this.exclusive(() => this.cycle(true));
  }

  /** A command was taken: push soon, unless the legacy database is known to be away. */
  kick(): void {
    if (!this.running || this.kickTimer !== null) return;
    this.kickTimer = this.clock.setTimeout(() => {
      this.kickTimer = null;
      if (this.monitor.state().state === 'offline' || this.queuedPush) return;
      const push = this.background(async () => {
        this.queuedPush = null;
        return this.cycle(false);
      });
      this.queuedPush = push;
    }, this.options.kickDelayMs ?? 250);
  }

  private scheduleRefresh(): void {
    if (!this.running) return;
    this.refreshTimer = this.clock.setTimeout(
      () => {
        this.refreshTimer = null;
        // Offline: the refresh comes with the push when the link is back.
        if (this.monitor.state().state !== 'offline') void this.background(() => this.cycle(true));
        this.scheduleRefresh();
      },
      this.options.refreshEveryMs ?? 15 * 60_000,
    );
  }

  /** Runs jobs one after another, never two at once. */
  private exclusive<T>(job: () => Promise<T>): Promise<T> {
    const run = this.chain.then(job, job);
    this.chain = run.catch(() => {});
    return run;
  }

  /** A job nobody waits for: its failure is logged, never thrown. */
  private background(job: () => Promise<SyncNowResult>): Promise<unknown> {
    return this.exclusive(job).catch((err: unknown) => {
      (this.options.log ?? ((m: string) => logger('sync').error(m)))(
        `sync: ${err instanceof Error ? err.message : String(err)}`,
      );
    });
  }

  /** One push (when changes wait) and, if asked, one refresh. */
  private async cycle(refresh: boolean): Promise<SyncNowResult> {
    const waiting = this.waiting();
    let push: PushSummary = idlePush(waiting);
    if (waiting > 0) {
      this.busy = 'pushing';
      try {
        push = await (this.options.push ?? pushOutbox)(this.desk, this.options.actor);
        this.lastPushAt = this.now();
        this.lastPushError = push.stoppedBy;
      } catch (err) {
        this.lastPushError = err instanceof Error ? err.message : String(err);
        if (!unavailable(err)) throw err;
        // Another process (a `workbench sync` run by IT) is sending this desk's changes: the link
        // is not at fault, so the desk does not turn offline; the next cycle tries again.
        if (!isPushBusy(err)) this.monitor.reportFailure(this.lastPushError);
        const message = this.lastPushError;
        return {
          push: { ...push, remaining: this.waiting(), stoppedBy: message },
          refreshed: false,
          message,
        };
      } finally {
        this.busy = 'idle';
      }
      if (push.stoppedBy) {
        this.monitor.reportFailure(push.stoppedBy);
        return { push, refreshed: false, message: push.stoppedBy };
      }
      this.monitor.reportSuccess();
    }
    if (!refresh) return { push, refreshed: false, message: null };
    this.busy = 'refreshing';
    try {
      await (this.options.refresh ?? refreshChanged)(this.desk, this.options.actor);
      this.monitor.reportSuccess();
      return { push, refreshed: true, message: null };
    } catch (err) {
      if (!unavailable(err)) throw err;
      const message = (err as Error).message;
      this.monitor.reportFailure(message);
      return { push, refreshed: false, message };
    } finally {
      this.busy = 'idle';
    }
  }

  private waiting(): number {
    return this.desk.cache
      .prepare(`SELECT count(*) FROM outbox WHERE status = 'pending'`)
      .pluck()
      .get() as number;
  }

  private now(): string {
    return zonedIso(new Date(this.clock.now()), this.desk.timeZone);
  }
}

const unavailable = (err: unknown) => err instanceof WorkbenchError && err.code === 'legacy_unavailable';
