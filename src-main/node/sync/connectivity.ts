// Is the legacy database reachable? The monitor probes it (the bridge worker's ping: a health-
// checked or new connection) slowly while online and with a growing back-off while offline (2 s,
// 4 s, 8 s ... 60 s), so a desk notices the link coming back within a minute without hammering a
// server that is down. A push or refresh that fails or succeeds says so at once (reportFailure,
// reportSuccess): the status bar turns the moment the desk learns, not at the next probe.
import type { ConnectionState } from '../../common/sync-model.ts';
import { zonedIso } from '../../common/time.ts';
import type { Desk } from '../desk/open-desk.ts';
import { connectionWithSecret } from '../security/connection-secret.ts';
import { keytarCredentialStore } from '../security/credential-store.ts';

/** Time, injectable so tests need not wait. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface ConnectivityOptions {
  /** Resolves when the legacy database answers; rejects with the reason, worded for a person. */
  probe: () => Promise<void>;
  timeZone: string;
  /** Between probes while online (10 s: a clerk sees the link drop within seconds; one SELECT 1 on a kept connection). */
  onlineIntervalMs?: number;
  /** The first wait after a failure (2 s); doubled after each further failure, up to maxBackoffMs (60 s). */
  firstBackoffMs?: number;
  maxBackoffMs?: number;
  clock?: Clock;
}

type Listener = (now: ConnectionState, before: ConnectionState) => void;

export class ConnectivityMonitor {
  private current: ConnectionState = {
    state: 'unknown',
    since: null,
    lastCheckedAt: null,
    message: null,
    nextCheckAt: null,
  };
  private failures = 0;
  /**
   * The last failure was a push or refresh's: a probe that then succeeds (the server takes a
   * connection) does not reset the back-off, or a legacy database that accepts connections but
   * fails every read would be retried every few seconds.
   */
  private failedInJob = false;
  private timer: unknown = null;
  private probing: Promise<ConnectionState> | null = null;
  private running = false;
  private readonly listeners = new Set<Listener>();
  private readonly clock: Clock;
  private readonly onlineIntervalMs: number;
  private readonly firstBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly options: ConnectivityOptions;

  constructor(options: ConnectivityOptions) {
    this.options = options;
    this.clock = options.clock ?? systemClock;
    this.onlineIntervalMs = options.onlineIntervalMs ?? 10_000;
    this.firstBackoffMs = options.firstBackoffMs ?? 2_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 60_000;
  }

  /** Probes at once, then on schedule. */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.checkNow();
  }

  stop(): void {
    this.running = false;
    this.clearTimer();
  }

  state(): ConnectionState {
    return { ...this.current };
  }

  /** Called with the new and the previous state whenever online/offline/unknown changes. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Probes now (or joins the probe under way) and resolves with the state it leads to. */
  checkNow(): Promise<ConnectionState> {
    this.probing ??= this.options
      .probe()
      .then(
        () => this.succeeded(!this.failedInJob),
        (err: unknown) => this.failed(err instanceof Error ? err.message : String(err), false),
      )
      .then(() => this.state())
      .finally(() => {
        this.probing = null;
      });
    return this.probing;
  }

  /** The legacy database failed to answer something else (a push, a refresh): offline now. */
  reportFailure(message: string): void {
    this.failed(message, true);
  }

  /** The legacy database answered something else: online now. */
  reportSuccess(): void {
    this.succeeded(true);
  }

  private succeeded(resetBackoff: boolean): void {
    if (resetBackoff) {
      this.failures = 0;
      this.failedInJob = false;
    }
    this.set({ state: 'online', message: null });
    this.schedule(this.onlineIntervalMs, false);
  }

  private failed(message: string, inJob: boolean): void {
    this.failures++;
    this.failedInJob = inJob;
    const wait = Math.min(this.firstBackoffMs * 2 ** (this.failures - 1), this.maxBackoffMs);
    this.set({ state: 'offline', message });
    this.schedule(wait, true);
  }

  private set(next: { state: ConnectionState['state']; message: string | null }): void {
    const before = this.current;
    const at = this.iso(this.clock.now());
    this.current = {
      state: next.state,
      since: before.state === next.state ? before.since : at,
      lastCheckedAt: at,
      message: next.message,
      nextCheckAt: null,
    };
    if (before.state !== next.state) for (const l of this.listeners) l(this.state(), before);
  }

  /** The next probe; its time is shown while offline ("checking again at ..."). */
  private schedule(ms: number, shown: boolean): void {
    this.clearTimer();
    if (!this.running) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.checkNow();
    }, ms);
    if (shown) this.current = { ...this.current, nextCheckAt: this.iso(this.clock.now() + ms) };
  }

  private clearTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private iso(ms: number): string {
    return zonedIso(new Date(ms), this.options.timeZone);
  }
}

/** The desk's probe: the bridge worker checks (or opens) the connection its reads use. */
export function deskProbe(desk: Desk): () => Promise<void> {
  return async () => {
    const { definition, file } = desk.bridge();
    const connection = await connectionWithSecret(
      desk.configured(),
      definition.name,
      keytarCredentialStore(),
    );
    await desk.worker.ping({ bridgeFile: file, connection });
  };
}
