// The bridge worker's connections, kept open between reads and keyed by connection string, each
// checked (SELECT 1) before it is used again. node-odbc's own pool is not used: it hands out a
// connection whose server restarted or whose network dropped, and never recovers by itself.
// A connection whose check fails, or whose read failed, is closed and a new one is opened.
//
// Nothing here can interrupt a driver call that hangs on a dead network: psqlODBC's SQLCancel
// itself blocks the calling thread then (measured: it opens a cancel connection synchronously on
// the JS thread). A check that does not answer in time is given up instead, and counted in
// `abandoned`, so the worker can ask its host to replace it.
import odbc from 'odbc';
import type { DialectName } from './dialects.ts';

export interface Lease {
  connection: odbc.Connection;
  key: string;
  /** True when it came from the cache (and passed its check), false when opened for this lease. */
  reused: boolean;
}

export interface ConnectionCacheSettings {
  connectTimeoutSec: number;
  healthCheckTimeoutMs: number;
  idleTimeoutMs: number;
}

interface Idle {
  connection: odbc.Connection;
  timer: NodeJS.Timeout;
}

/** What proves a connection still works, per engine: the cheapest statement that needs the server. */
export function healthCheckSql(dialect: DialectName | undefined): string {
  return dialect === 'db2i' ? 'SELECT 1 FROM SYSIBM.SYSDUMMY1' : 'SELECT 1';
}

/** A driver call that did not return within its deadline (it still runs on a thread). */
export class DriverHangError extends Error {}

const TIMED_OUT = Symbol('timed out');

function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

const closeQuietly = (connection: odbc.Connection) => void connection.close().catch(() => {});

export class ConnectionCache {
  /** Driver calls given up on because they never returned. */
  abandoned = 0;
  private readonly idle = new Map<string, Idle[]>();
  private readonly settings: () => ConnectionCacheSettings;
  private readonly maxIdlePerKey: number;

  constructor(settings: () => ConnectionCacheSettings, maxIdlePerKey = 2) {
    this.settings = settings;
    this.maxIdlePerKey = maxIdlePerKey;
  }

  /**
   * A working connection for `connectionString`: a cached one that passes its check, else a new
   * one. Throws the driver's error when no connection can be opened, DriverHangError when the
   * driver does not even answer within its login timeout.
   */
  async acquire(connectionString: string, dialect: DialectName | undefined): Promise<Lease> {
    const cached = this.idle.get(connectionString);
    while (cached && cached.length > 0) {
      const entry = cached.pop()!;
      clearTimeout(entry.timer);
      if (await this.check(entry.connection, dialect))
        return { connection: entry.connection, key: connectionString, reused: true };
    }
    return { connection: await this.open(connectionString), key: connectionString, reused: false };
  }

  /** Back into the cache after a clean use; closed when `healthy` is false (or the cache is full). */
  release(lease: Lease, healthy: boolean): void {
    const list = this.idle.get(lease.key) ?? [];
    if (!healthy || list.length >= this.maxIdlePerKey) {
      closeQuietly(lease.connection);
      return;
    }
    const entry: Idle = {
      connection: lease.connection,
      timer: setTimeout(() => {
        const at = list.indexOf(entry);
        if (at >= 0) list.splice(at, 1);
        closeQuietly(entry.connection);
      }, this.settings().idleTimeoutMs),
    };
    entry.timer.unref();
    list.push(entry);
    this.idle.set(lease.key, list);
  }

  /** Connections currently cached (for diagnostics). */
  get size(): number {
    let n = 0;
    for (const list of this.idle.values()) n += list.length;
    return n;
  }

  closeAll(): void {
    for (const list of this.idle.values()) {
      for (const entry of list.splice(0)) {
        clearTimeout(entry.timer);
        closeQuietly(entry.connection);
      }
    }
  }

  private async open(connectionString: string): Promise<odbc.Connection> {
    const { connectTimeoutSec } = this.settings();
    const connecting = odbc.connect({
      connectionString,
      loginTimeout: connectTimeoutSec,
      connectionTimeout: connectTimeoutSec,
    });
    // The driver's login timeout should end it; a driver that ignores it gets a little longer.
    const result = await within(connecting, connectTimeoutSec * 1000 + 2_000);
    if (result !== TIMED_OUT) return result;
    this.abandoned++;
    connecting.then(closeQuietly, () => {});
    throw new DriverHangError(`the driver did not answer within ${connectTimeoutSec} seconds`);
  }

  /** True when the connection answers its check in time; a failed one is closed, a hung one left. */
  private async check(connection: odbc.Connection, dialect: DialectName | undefined): Promise<boolean> {
    const checking = connection.query(healthCheckSql(dialect)).then(
      () => true,
      () => false,
    );
    const result = await within(checking, this.settings().healthCheckTimeoutMs);
    if (result === TIMED_OUT) {
      this.abandoned++; // closing it would hang as well
      return false;
    }
    if (!result) closeQuietly(connection);
    return result;
  }
}
