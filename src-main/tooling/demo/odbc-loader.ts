// Streams prepared INSERT batches into a demo database over one or more ODBC connections. Shared
// by the Riverton and PermitFlow creators: they differ only in the tables and rows they generate,
// not in how those rows reach the server.
import type odbc from 'odbc';

/** One multi-row INSERT ready to send: its table, how many rows it holds, and its SQL. */
export interface LoadBatch<T extends string> {
  table: T;
  rows: number;
  sql: string;
}

/** Called after each batch: rows of `table` loaded so far out of its exact total. */
export type LoadProgress = (p: { table: string; rows: number; total: number }) => void;

/** Rows loaded between commits: few enough to keep transactions small, many enough to keep fsyncs rare. */
const COMMIT_EVERY_ROWS = 20_000;

/** A failure while loading one table's batch (so the message can say which). */
export class LoadFailure extends Error {
  readonly table: string;
  readonly reason: unknown;
  constructor(table: string, reason: unknown) {
    super(`loading ${table} failed`);
    this.table = table;
    this.reason = reason;
  }
}

/** One connection loading batches: at most one INSERT in flight, a commit every COMMIT_EVERY_ROWS. */
class Loader<T extends string> {
  private readonly conn: odbc.Connection;
  private inFlight: { promise: Promise<unknown>; table: T; rows: number } | null = null;
  private inTransaction = false;
  private sinceCommit = 0;

  constructor(conn: odbc.Connection) {
    this.conn = conn;
  }

  /** Waits for the INSERT in flight, if any; returns what it loaded. */
  async settle(): Promise<{ table: T; rows: number } | null> {
    const done = this.inFlight;
    if (!done) return null;
    this.inFlight = null;
    try {
      await done.promise;
    } catch (err) {
      throw new LoadFailure(done.table, err);
    }
    this.sinceCommit += done.rows;
    return { table: done.table, rows: done.rows };
  }

  /** Starts an INSERT (call settle() first). */
  async send(batch: LoadBatch<T>): Promise<void> {
    try {
      if (this.inTransaction && this.sinceCommit >= COMMIT_EVERY_ROWS) {
        await this.conn.commit();
        this.inTransaction = false;
        this.sinceCommit = 0;
      }
      if (!this.inTransaction) {
        await this.conn.beginTransaction();
        this.inTransaction = true;
      }
    } catch (err) {
      throw new LoadFailure(batch.table, err);
    }
    const promise = this.conn.query(batch.sql);
    promise.catch(() => {}); // awaited in settle(); no unhandled rejection meanwhile
    this.inFlight = { promise, table: batch.table, rows: batch.rows };
  }

  async commit(): Promise<void> {
    if (this.inTransaction) await this.conn.commit();
    this.inTransaction = false;
  }

  /** After a failure: lets the INSERT in flight end, rolls back the open transaction. */
  async abandon(): Promise<void> {
    await this.inFlight?.promise.catch(() => {});
    this.inFlight = null;
    if (this.inTransaction) await this.conn.rollback().catch(() => {});
    this.inTransaction = false;
  }
}

/**
 * Streams the batches into the database over the given connections, round robin. The batches are
 * pulled lazily, so while the drivers run INSERTs (node-odbc runs them off the main thread) the
 * next batch is generated and its SQL built. Progress is reported per table as batches complete,
 * in the order sent; `counts` is updated as they do. On failure every connection's open
 * transaction is rolled back and the error (a LoadFailure for an INSERT) is thrown on.
 */
export async function loadRows<T extends string>(
  connections: odbc.Connection[],
  batches: Iterable<LoadBatch<T>>,
  totals: Record<string, number>,
  counts: Record<string, number>,
  onProgress: LoadProgress | undefined,
): Promise<void> {
  const loaders = connections.map((c) => new Loader<T>(c));
  const report = (done: { table: T; rows: number } | null) => {
    if (!done) return;
    counts[done.table] = (counts[done.table] ?? 0) + done.rows;
    onProgress?.({ table: done.table, rows: counts[done.table]!, total: totals[done.table]! });
  };
  let next = 0;
  try {
    for (const batch of batches) {
      const loader = loaders[next++ % loaders.length]!;
      report(await loader.settle());
      await loader.send(batch);
    }
    for (let i = 0; i < loaders.length; i++) report(await loaders[(next + i) % loaders.length]!.settle());
    for (const loader of loaders) await loader.commit();
  } catch (err) {
    for (const loader of loaders) await loader.abandon();
    throw err;
  }
}
