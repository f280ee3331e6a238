// Creates Riverton's legacy database through ODBC on SQLite, PostgreSQL or MariaDB: makes the
// database if needed (PostgreSQL and MariaDB) or the file (SQLite), refuses to touch Riverton-named
// tables that the generator did not make, (re)creates the tables and loads the generated rows with
// multi-row INSERTs of literals inside transactions, then adds the indexes.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import odbc from 'odbc';
import { WorkbenchError } from '../../common/errors.ts';
import {
  type ConnectionParts,
  databaseOf,
  engineOf,
  formatConnectionString,
  getPart,
  parseConnectionString,
  withPart,
} from '../bridge/connection-string.ts';
import { driverMessage, redactSecrets, sqlState } from '../bridge/odbc-errors.ts';
import { checkDemoParams, countDemoCity, DEFAULT_BATCH_SIZE, generateDemoCity } from './generator.ts';
import {
  createIndexSql,
  createTableSql,
  DATA_TABLES,
  type DemoEngine,
  dropTableSql,
  INDEXES,
  insertSql,
  type RvdemoRow,
  TABLE_NAMES,
  type TableName,
} from './schema.ts';
import { GENERATOR_VERSION } from './word-lists.ts';

export type { DemoEngine } from './schema.ts';

export interface CreateDemoOptions {
  engine: DemoEngine;
  /** DSN-less ODBC connection string; default: defaultDemoConnection(engine, dataDir). */
  connection?: string;
  /** The desk's data directory; the default SQLite file is <dataDir>/legacy/riverton.sqlite. */
  dataDir: string;
  /** Number of licences; default 2000. */
  size?: number;
  /** Random seed; default 1. The same (size, seed) gives the same rows on every engine. */
  seed?: number;
  /** Called after each batch: rows of `table` loaded so far out of its exact total. */
  onProgress?: (p: { table: string; rows: number; total: number }) => void;
}

export interface CreateDemoResult {
  /** The connection string to the demo database (what a desk should use; never with a password added). */
  connection: string;
  engine: DemoEngine;
  /** Rows loaded per table, RVDEMO included. */
  counts: Record<string, number>;
  seconds: number;
}

export const DEFAULT_DEMO_SIZE = 2000;
export const DEFAULT_DEMO_SEED = 1;
export const DEFAULT_DEMO_DATABASE = 'riverton';

/** Rows loaded between commits: few enough to keep transactions small, many enough to keep fsyncs rare. */
const COMMIT_EVERY_ROWS = 20_000;

const engineNames: Record<DemoEngine, string> = {
  sqlite: 'SQLite',
  postgres: 'PostgreSQL',
  mariadb: 'MariaDB',
};

export function defaultDemoConnection(engine: DemoEngine, dataDir: string): string {
  switch (engine) {
    case 'sqlite':
      return formatConnectionString([
        ['Driver', 'SQLite3'],
        ['Database', join(resolve(dataDir), 'legacy', 'riverton.sqlite')],
      ]);
    case 'postgres':
      return `Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=5432;Uid=postgres;Database=${DEFAULT_DEMO_DATABASE}`;
    case 'mariadb':
      return `Driver={MariaDB Unicode};Server=127.0.0.1;Port=3306;User=root;Database=${DEFAULT_DEMO_DATABASE}`;
    default:
      throw new WorkbenchError(
        'invalid_input',
        `Unknown engine "${String(engine)}": use sqlite, postgres or mariadb.`,
      );
  }
}

// ---- connecting, with plain errors -----------------------------------------------------------

/**
 * A driver message as one plain sentence without its final full stop; libpq's own "Is the server
 * running on that host...?" is dropped, as the message we wrap it in asks that already.
 */
const oneLine = (message: string) =>
  message
    .replace(/\s*Is the server running on that host[^?]*\?/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.\s]+$/, '');

/** Where a connection string points, for messages: 'PostgreSQL at 127.0.0.1:5432' or 'the SQLite file /x'. */
function placeOf(engine: DemoEngine, parts: ConnectionParts): string {
  if (engine === 'sqlite') return `the SQLite file ${databaseOf(parts) ?? '(none given)'}`;
  const host =
    getPart(parts, 'Server') ?? getPart(parts, 'Host') ?? getPart(parts, 'Servername') ?? 'localhost';
  const port = getPart(parts, 'Port') ?? (engine === 'postgres' ? '5432' : '3306');
  return `${engineNames[engine]} at ${host}:${port}`;
}

function connectError(
  engine: DemoEngine,
  parts: ConnectionParts,
  connection: string,
  err: unknown,
): WorkbenchError {
  const message = oneLine(redactSecrets(driverMessage(err), connection));
  const place = placeOf(engine, parts);
  const state = sqlState(err);
  if (state === 'IM002' || /data source name not found|can't open lib|file not found/i.test(message)) {
    const driver = getPart(parts, 'Driver') ?? '(none)';
    return new WorkbenchError(
      'legacy_unavailable',
      `The ODBC driver "${driver}" for ${engineNames[engine]} is not installed or not registered with unixODBC ` +
        `(${message}). Install it, or check the Driver name with "odbcinst -q -d".`,
    );
  }
  if (
    /password authentication failed|access denied|no pg_hba\.conf entry|role .* does not exist/i.test(message)
  ) {
    return new WorkbenchError(
      'legacy_unavailable',
      `${place} refused the login: ${message}. Check the user name and password.`,
    );
  }
  if (engine === 'sqlite') {
    return new WorkbenchError('legacy_unavailable', `Could not open ${place}: ${message}.`);
  }
  return new WorkbenchError(
    'legacy_unavailable',
    `Could not reach ${place}: ${message}. Is the server running?`,
  );
}

async function connect(engine: DemoEngine, connection: string): Promise<odbc.Connection> {
  const parts = parseConnectionString(connection);
  try {
    return await odbc.connect({
      connectionString: connection,
      loginTimeout: 15,
      connectionTimeout: 60,
    });
  } catch (err) {
    throw connectError(engine, parts, connection, err);
  }
}

/** A database name we are willing to put into CREATE DATABASE (quoted, but kept plain on purpose). */
const databaseNamePattern = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;

/** Creates the server database of the connection string when it does not exist yet. */
async function ensureServerDatabase(
  engine: 'postgres' | 'mariadb',
  parts: ConnectionParts,
  connection: string,
) {
  const database = databaseOf(parts)!;
  const server =
    engine === 'postgres'
      ? withPart(withPart(parts, 'DB', undefined), 'Database', 'postgres')
      : withPart(withPart(parts, 'DB', undefined), 'Database', undefined);
  const conn = await connect(engine, formatConnectionString(server));
  try {
    if (engine === 'postgres') {
      const found = await conn.query(`SELECT 1 AS "X" FROM pg_database WHERE datname = '${database}'`);
      if (found.length === 0) {
        try {
          await conn.query(`CREATE DATABASE "${database}"`);
        } catch (err) {
          if (sqlState(err) !== '42P04') throw err; // created meanwhile by someone else: fine
        }
      }
    } else {
      await conn.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4`);
    }
  } catch (err) {
    throw new WorkbenchError(
      'legacy_unavailable',
      `Could not create the database "${database}" on ${placeOf(engine, parts)}: ` +
        `${oneLine(redactSecrets(driverMessage(err), connection))}.`,
    );
  } finally {
    await conn.close().catch(() => {});
  }
}

// ---- what is already there -------------------------------------------------------------------

async function listTables(conn: odbc.Connection, engine: DemoEngine): Promise<string[]> {
  const sql =
    engine === 'sqlite'
      ? `SELECT name AS "N" FROM sqlite_master WHERE type = 'table'`
      : engine === 'postgres'
        ? `SELECT CAST(table_name AS VARCHAR(128)) AS "N" FROM information_schema.tables WHERE table_schema = current_schema()`
        : `SELECT table_name AS N FROM information_schema.tables WHERE table_schema = DATABASE()`;
  const rows = (await conn.query(sql)) as unknown as Record<string, unknown>[];
  return rows.map((r) => String(Object.values(r)[0] ?? ''));
}

/** Refuses when Riverton-named tables exist without the RVDEMO marker: that looks like a real database. */
function assertSafeToReplace(existing: string[], place: string): { marker: boolean; onlyOurs: boolean } {
  const upper = new Set(existing.map((t) => t.toUpperCase()));
  const ours = new Set<string>(TABLE_NAMES);
  const theirs = DATA_TABLES.filter((t) => upper.has(t));
  const marker = upper.has('RVDEMO');
  if (theirs.length > 0 && !marker) {
    throw new WorkbenchError(
      'invalid_input',
      `${place} already has Riverton tables (${theirs.join(', ')}) that the demo generator did not create ` +
        '(there is no RVDEMO table). It looks like a real database, so nothing was changed. ' +
        'Create the demo city in another database or file.',
    );
  }
  const onlyOurs = existing.every((t) => ours.has(t.toUpperCase()) || t.startsWith('sqlite_'));
  return { marker, onlyOurs };
}

// ---- the load --------------------------------------------------------------------------------

const creationStamp = (now: Date) => now.toISOString().replace(/\D/g, '').slice(0, 14);

export async function createDemoCity(opts: CreateDemoOptions): Promise<CreateDemoResult> {
  const started = performance.now();
  const engine = opts.engine;
  if (!(engine in engineNames)) {
    throw new WorkbenchError(
      'invalid_input',
      `Unknown engine "${String(engine)}": use sqlite, postgres or mariadb.`,
    );
  }
  const size = opts.size ?? DEFAULT_DEMO_SIZE;
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  try {
    checkDemoParams(size, seed);
  } catch (err) {
    throw new WorkbenchError('invalid_input', `Cannot create the demo city: ${(err as Error).message}.`);
  }

  let parts: ConnectionParts;
  try {
    parts = parseConnectionString(opts.connection ?? defaultDemoConnection(engine, opts.dataDir));
  } catch (err) {
    throw new WorkbenchError(
      'invalid_input',
      `The connection string cannot be read: ${(err as Error).message}.`,
    );
  }
  const driverEngine = engineOf(parts);
  if (driverEngine && driverEngine !== engine) {
    throw new WorkbenchError(
      'invalid_input',
      `The connection string is for ${engineNames[driverEngine]} (Driver=${getPart(parts, 'Driver')}), ` +
        `but the engine asked for is ${engineNames[engine]}.`,
    );
  }

  if (engine === 'sqlite') {
    const file = databaseOf(parts);
    if (!file)
      throw new WorkbenchError('invalid_input', 'The SQLite connection string names no file (Database=...).');
    const folder = dirname(resolve(file));
    try {
      mkdirSync(folder, { recursive: true });
    } catch (err) {
      throw new WorkbenchError(
        'invalid_input',
        `Could not make the folder ${folder} for the SQLite file: ${(err as Error).message}.`,
      );
    }
  } else {
    const database = databaseOf(parts);
    if (!database) parts = withPart(parts, 'Database', DEFAULT_DEMO_DATABASE);
    const name = databaseOf(parts)!;
    if (!databaseNamePattern.test(name)) {
      throw new WorkbenchError(
        'invalid_input',
        `"${name}" is not a database name the demo can create: use letters, digits and "_" (at most 63).`,
      );
    }
  }
  const connection = formatConnectionString(parts);
  const place = placeOf(engine, parts);
  if (engine !== 'sqlite') await ensureServerDatabase(engine, parts, connection);

  let conn = await connect(engine, connection);
  const extra: odbc.Connection[] = [];
  const counts: Record<string, number> = {};
  let stage = 'checking the existing tables';
  try {
    const existing = await listTables(conn, engine);
    const { marker, onlyOurs } = assertSafeToReplace(existing, place);
    if (engine === 'sqlite' && marker && onlyOurs) {
      // A previous demo file: replace it whole (dropping tables would leave the file at its old size).
      await conn.close();
      const file = resolve(databaseOf(parts)!);
      for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      conn = await connect(engine, connection);
    }

    stage = 'creating the tables';
    for (const table of [...TABLE_NAMES].reverse()) await conn.query(dropTableSql(engine, table));
    // The marker goes in first: a load that stops halfway still leaves tables we may replace.
    await conn.query(createTableSql(engine, 'RVDEMO'));
    const markerRow: RvdemoRow = {
      GENVER: GENERATOR_VERSION,
      SEED: seed,
      SIZE: size,
      CREATED: creationStamp(new Date()),
    };
    await conn.query(insertSql(engine, 'RVDEMO', [markerRow]));
    counts.RVDEMO = 1;
    for (const table of DATA_TABLES) await conn.query(createTableSql(engine, table));

    const totals = countDemoCity(size, seed);
    for (const table of DATA_TABLES) counts[table] = 0;
    stage = 'loading the rows';
    // A server engine loads over two connections (its work per INSERT is the bottleneck); SQLite
    // has one writer.
    if (engine !== 'sqlite') extra.push(await connect(engine, connection));
    await loadRows([conn, ...extra], engine, size, seed, totals, counts, opts.onProgress);

    stage = 'creating the indexes';
    for (const index of INDEXES) await conn.query(createIndexSql(engine, index));
  } catch (caught) {
    if (caught instanceof WorkbenchError) throw caught;
    let err = caught;
    if (err instanceof LoadFailure) {
      stage = `loading ${err.table}`;
      err = err.reason;
    }
    throw new WorkbenchError(
      'legacy_unavailable',
      `Creating the demo city in ${place} failed while ${stage}: ` +
        `${oneLine(redactSecrets(driverMessage(err), connection))}.`,
    );
  } finally {
    for (const c of [conn, ...extra]) await c.close().catch(() => {});
  }
  return {
    connection,
    engine,
    counts,
    seconds: (performance.now() - started) / 1000,
  };
}

/** A failure while loading one table's batch (so the message can say which). */
class LoadFailure extends Error {
  readonly table: TableName;
  readonly reason: unknown;
  constructor(table: TableName, reason: unknown) {
    super(`loading ${table} failed`);
    this.table = table;
    this.reason = reason;
  }
}

/** One connection loading batches: at most one INSERT in flight, a commit every COMMIT_EVERY_ROWS. */
class Loader {
  private readonly conn: odbc.Connection;
  private inFlight: { promise: Promise<unknown>; table: TableName; rows: number } | null = null;
  private inTransaction = false;
  private sinceCommit = 0;

  constructor(conn: odbc.Connection) {
    this.conn = conn;
  }

  /** Waits for the INSERT in flight, if any; returns what it loaded. */
  async settle(): Promise<{ table: TableName; rows: number } | null> {
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
  async send(table: TableName, rows: number, sql: string): Promise<void> {
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
      throw new LoadFailure(table, err);
    }
    const promise = this.conn.query(sql);
    promise.catch(() => {}); // awaited in settle(); no unhandled rejection meanwhile
    this.inFlight = { promise, table, rows };
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
 * Streams the generated batches into the database over the given connections, round robin. While
 * the drivers run INSERTs (node-odbc runs them off the main thread), the next batch is generated
 * and its SQL built. Progress is reported per table as batches complete, in the order sent.
 */
async function loadRows(
  connections: odbc.Connection[],
  engine: DemoEngine,
  size: number,
  seed: number,
  totals: Record<string, number>,
  counts: Record<string, number>,
  onProgress: CreateDemoOptions['onProgress'],
): Promise<void> {
  const loaders = connections.map((c) => new Loader(c));
  const report = (done: { table: TableName; rows: number } | null) => {
    if (!done) return;
    counts[done.table] = (counts[done.table] ?? 0) + done.rows;
    onProgress?.({ table: done.table, rows: counts[done.table]!, total: totals[done.table]! });
  };
  let next = 0;
  try {
    for (const batch of generateDemoCity({ size, seed, batchSize: DEFAULT_BATCH_SIZE })) {
      const sql = insertSql(engine, batch.table, batch.rows);
      const loader = loaders[next++ % loaders.length]!;
      report(await loader.settle());
      await loader.send(batch.table, batch.rows.length, sql);
    }
    for (let i = 0; i < loaders.length; i++) report(await loaders[(next + i) % loaders.length]!.settle());
    for (const loader of loaders) await loader.commit();
  } catch (err) {
    for (const loader of loaders) await loader.abandon();
    throw err;
  }
}
