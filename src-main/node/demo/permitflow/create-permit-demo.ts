// Creates Lakeside's PermitFlow database through ODBC on SQLite, PostgreSQL or MariaDB, the way
// createDemoCity creates Riverton's: makes the database if needed (PostgreSQL and MariaDB) or the
// file (SQLite), refuses to touch PermitFlow-named tables that the generator did not make (no
// PermitFlowDemo marker), (re)creates the tables, loads the generated rows with multi-row INSERTs
// of literals inside transactions, then adds the indexes and foreign keys.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import odbc from 'odbc';
import { WorkbenchError } from '../../../common/errors.ts';
import {
  type ConnectionParts,
  databaseOf,
  engineOf,
  formatConnectionString,
  getPart,
  parseConnectionString,
  withPart,
} from '../../bridge/connection-string.ts';
import { driverMessage, redactSecrets, sqlState } from '../../bridge/odbc-errors.ts';
import type { CreateDemoOptions, CreateDemoResult } from '../create-demo-city.ts';
import type { DemoEngine } from '../schema.ts';
import { countPermitDemo, DEFAULT_BATCH_SIZE, generatePermitDemo } from './generator.ts';
import { checkDemoParams } from '../generator.ts';
import {
  addForeignKeysSql,
  createIndexSql,
  createTableSql,
  dropTableSql,
  insertSql,
  orphanCountSql,
  PF_DATA_TABLES,
  PF_FOREIGN_KEYS,
  PF_INDEXES,
  PF_TABLE_NAMES,
  type PfDataTable,
  type PermitFlowDemoRow,
  resetIdentitySql,
} from './schema.ts';
import { PF_GENERATOR_VERSION } from './word-lists.ts';

/** The same options as createDemoCity; the default SQLite file is <dataDir>/legacy/permitflow.sqlite. */
export type CreatePermitDemoOptions = CreateDemoOptions;
export type CreatePermitDemoResult = CreateDemoResult;

export const DEFAULT_PERMIT_DEMO_SIZE = 2000;
export const DEFAULT_PERMIT_DEMO_SEED = 1;
export const DEFAULT_PERMIT_DEMO_DATABASE = 'permitflow';
/** The bridge that reads this database (bridges/permitflow/bridge.yaml). */
export const PERMIT_DEMO_BRIDGE = 'permitflow';
export const MARKER_TABLE = 'PermitFlowDemo';

const COMMIT_EVERY_ROWS = 20_000;

const engineNames: Record<DemoEngine, string> = {
  sqlite: 'SQLite',
  postgres: 'PostgreSQL',
  mariadb: 'MariaDB',
};

const unknownEngine = (engine: unknown) =>
  new WorkbenchError('invalid_input', `Unknown engine "${String(engine)}": use sqlite, postgres or mariadb.`);

export function defaultPermitDemoConnection(engine: DemoEngine, dataDir: string): string {
  switch (engine) {
    case 'sqlite':
      return formatConnectionString([
        ['Driver', 'SQLite3'],
        ['Database', join(resolve(dataDir), 'legacy', 'permitflow.sqlite')],
      ]);
    case 'postgres':
      return `Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=5432;Uid=postgres;Database=${DEFAULT_PERMIT_DEMO_DATABASE}`;
    case 'mariadb':
      return `Driver={MariaDB Unicode};Server=127.0.0.1;Port=3306;User=root;Database=${DEFAULT_PERMIT_DEMO_DATABASE}`;
    default:
      throw unknownEngine(engine);
  }
}

// ---- connecting, with plain errors -----------------------------------------------------------

const oneLine = (message: string) =>
  message
    .replace(/\s*Is the server running on that host[^?]*\?/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.\s]+$/, '');

function placeOf(engine: DemoEngine, parts: ConnectionParts): string {
  if (engine === 'sqlite') return `the SQLite file ${databaseOf(parts) ?? '(none given)'}`;
  const host = getPart(parts, 'Server') ?? getPart(parts, 'Host') ?? 'localhost';
  const port = getPart(parts, 'Port') ?? (engine === 'postgres' ? '5432' : '3306');
  return `${engineNames[engine]} at ${host}:${port}`;
}

async function connect(engine: DemoEngine, connection: string): Promise<odbc.Connection> {
  const parts = parseConnectionString(connection);
  try {
    return await odbc.connect({ connectionString: connection, loginTimeout: 15, connectionTimeout: 60 });
  } catch (err) {
    const message = oneLine(redactSecrets(driverMessage(err), connection));
    const place = placeOf(engine, parts);
    if (
      sqlState(err) === 'IM002' ||
      /data source name not found|can't open lib|file not found/i.test(message)
    ) {
      throw new WorkbenchError(
        'legacy_unavailable',
        `The ODBC driver "${getPart(parts, 'Driver') ?? '(none)'}" for ${engineNames[engine]} is not installed ` +
          `or not registered with unixODBC (${message}). Install it, or check the Driver name with "odbcinst -q -d".`,
      );
    }
    if (
      /password authentication failed|access denied|no pg_hba\.conf entry|role .* does not exist/i.test(
        message,
      )
    ) {
      throw new WorkbenchError(
        'legacy_unavailable',
        `${place} refused the login: ${message}. Check the user name and password.`,
      );
    }
    if (engine === 'sqlite')
      throw new WorkbenchError('legacy_unavailable', `Could not open ${place}: ${message}.`);
    throw new WorkbenchError(
      'legacy_unavailable',
      `Could not reach ${place}: ${message}. Is the server running?`,
    );
  }
}

const databaseNamePattern = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;

async function ensureServerDatabase(
  engine: 'postgres' | 'mariadb',
  parts: ConnectionParts,
  connection: string,
) {
  const database = databaseOf(parts)!;
  const server = withPart(
    withPart(parts, 'DB', undefined),
    'Database',
    engine === 'postgres' ? 'postgres' : undefined,
  );
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

/** Tables and views of the database (or file). */
async function listRelations(conn: odbc.Connection, engine: DemoEngine): Promise<string[]> {
  const sql =
    engine === 'sqlite'
      ? `SELECT name AS "N" FROM sqlite_master WHERE type IN ('table', 'view')`
      : engine === 'postgres'
        ? `SELECT CAST(table_name AS VARCHAR(128)) AS "N" FROM information_schema.tables WHERE table_schema = current_schema()`
        : `SELECT table_name AS N FROM information_schema.tables WHERE table_schema = DATABASE()`;
  const rows = (await conn.query(sql)) as unknown as Record<string, unknown>[];
  return rows.map((r) => String(Object.values(r)[0] ?? ''));
}

/**
 * Refuses when PermitFlow-named tables exist without the PermitFlowDemo marker: that looks like a
 * real PermitFlow installation (or another application's Businesses table). Names are compared
 * without regard to case (MariaDB on Windows keeps them in lower case).
 */
function assertSafeToReplace(existing: string[], place: string): { marker: boolean; onlyOurs: boolean } {
  const lower = new Set(existing.map((t) => t.toLowerCase()));
  const theirs = PF_DATA_TABLES.filter((t) => lower.has(t.toLowerCase()));
  const marker = lower.has(MARKER_TABLE.toLowerCase());
  if (theirs.length > 0 && !marker) {
    throw new WorkbenchError(
      'invalid_input',
      `${place} already has tables named like PermitFlow's (${theirs.join(', ')}) that the demo generator did not ` +
        `create (there is no ${MARKER_TABLE} table). It looks like a real database, so nothing was changed. ` +
        'Create the PermitFlow demo in another database or file.',
    );
  }
  const ours = new Set<string>(PF_TABLE_NAMES.map((t) => t.toLowerCase()));
  const onlyOurs = existing.every((t) => ours.has(t.toLowerCase()) || t.startsWith('sqlite_'));
  return { marker, onlyOurs };
}

// ---- the load --------------------------------------------------------------------------------

const nowDatetime = (now: Date) => now.toISOString().replace('T', ' ').replace('Z', '');

export async function createPermitDemo(opts: CreatePermitDemoOptions): Promise<CreatePermitDemoResult> {
  const started = performance.now();
  const engine = opts.engine;
  if (!(engine in engineNames)) throw unknownEngine(engine);
  const size = opts.size ?? DEFAULT_PERMIT_DEMO_SIZE;
  const seed = opts.seed ?? DEFAULT_PERMIT_DEMO_SEED;
  try {
    checkDemoParams(size, seed);
  } catch (err) {
    throw new WorkbenchError(
      'invalid_input',
      `Cannot create the PermitFlow demo: ${(err as Error).message.replace('licences', 'permits')}.`,
    );
  }

  let parts: ConnectionParts;
  try {
    parts = parseConnectionString(opts.connection ?? defaultPermitDemoConnection(engine, opts.dataDir));
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
    try {
      mkdirSync(dirname(resolve(file)), { recursive: true });
    } catch (err) {
      throw new WorkbenchError(
        'invalid_input',
        `Could not make the folder ${dirname(resolve(file))} for the SQLite file: ${(err as Error).message}.`,
      );
    }
  } else {
    if (!databaseOf(parts)) parts = withPart(parts, 'Database', DEFAULT_PERMIT_DEMO_DATABASE);
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
    const existing = await listRelations(conn, engine);
    const { marker, onlyOurs } = assertSafeToReplace(existing, place);
    if (engine === 'sqlite' && marker && onlyOurs) {
      // A previous demo file: replace it whole (dropping tables would leave the file at its old size).
      await conn.close();
      const file = resolve(databaseOf(parts)!);
      for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      conn = await connect(engine, connection);
    }

    stage = 'creating the tables';
    for (const table of [...PF_TABLE_NAMES].reverse()) await conn.query(dropTableSql(engine, table));
    // The marker goes in first: a load that stops halfway still leaves tables we may replace.
    await conn.query(createTableSql(engine, MARKER_TABLE));
    const markerRow: PermitFlowDemoRow = {
      DemoId: 1,
      GeneratorVersion: PF_GENERATOR_VERSION,
      Seed: seed,
      Size: size,
      CreatedAt: nowDatetime(new Date()),
    };
    await conn.query(insertSql(engine, MARKER_TABLE, [markerRow]));
    counts[MARKER_TABLE] = 1;
    for (const table of PF_DATA_TABLES) await conn.query(createTableSql(engine, table));

    const totals = countPermitDemo(size, seed);
    for (const table of PF_DATA_TABLES) counts[table] = 0;
    stage = 'loading the rows';
    // A server engine loads over two connections (its work per INSERT is the bottleneck); SQLite has one writer.
    if (engine !== 'sqlite') extra.push(await connect(engine, connection));
    await loadRows([conn, ...extra], engine, size, seed, totals, counts, opts.onProgress);

    stage = 'creating the indexes';
    for (const index of PF_INDEXES) await conn.query(createIndexSql(engine, index));
    stage = 'checking the references';
    // Every reference must find its row (SQLite too, which cannot add the keys afterwards).
    for (const fk of PF_FOREIGN_KEYS) {
      const [found] = (await conn.query(orphanCountSql(engine, fk))) as unknown as Record<string, unknown>[];
      const orphans = Number(Object.values(found ?? {})[0] ?? 0);
      if (orphans > 0)
        throw new Error(`${orphans} rows of ${fk.table} name a ${fk.column} that ${fk.references} lacks`);
    }
    stage = 'adding the foreign keys';
    // Checked just above: MariaDB then adds them in place instead of copying each table.
    if (engine === 'mariadb') await conn.query('SET SESSION foreign_key_checks = 0');
    for (const sql of addForeignKeysSql(engine)) await conn.query(sql);
    if (engine === 'mariadb') await conn.query('SET SESSION foreign_key_checks = 1');
    for (const sql of resetIdentitySql(engine)) await conn.query(sql);
  } catch (caught) {
    if (caught instanceof WorkbenchError) throw caught;
    let err = caught;
    if (err instanceof LoadFailure) {
      stage = `loading ${err.table}`;
      err = err.reason;
    }
    throw new WorkbenchError(
      'legacy_unavailable',
      `Creating the PermitFlow demo in ${place} failed while ${stage}: ` +
        `${oneLine(redactSecrets(driverMessage(err), connection))}.`,
    );
  } finally {
    for (const c of [conn, ...extra]) await c.close().catch(() => {});
  }
  return { connection, engine, counts, seconds: (performance.now() - started) / 1000 };
}

class LoadFailure extends Error {
  readonly table: PfDataTable;
  readonly reason: unknown;
  constructor(table: PfDataTable, reason: unknown) {
    super(`loading ${table} failed`);
    this.table = table;
    this.reason = reason;
  }
}

/** One connection loading batches: at most one INSERT in flight, a commit every COMMIT_EVERY_ROWS. */
class Loader {
  private readonly conn: odbc.Connection;
  private inFlight: { promise: Promise<unknown>; table: PfDataTable; rows: number } | null = null;
  private inTransaction = false;
  private sinceCommit = 0;

  constructor(conn: odbc.Connection) {
    this.conn = conn;
  }

  async settle(): Promise<{ table: PfDataTable; rows: number } | null> {
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

  async send(table: PfDataTable, rows: number, sql: string): Promise<void> {
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

  async abandon(): Promise<void> {
    await this.inFlight?.promise.catch(() => {});
    this.inFlight = null;
    if (this.inTransaction) await this.conn.rollback().catch(() => {});
    this.inTransaction = false;
  }
}

/**
 * Streams the generated batches into the database over the given connections, round robin: while
 * the drivers run INSERTs (off the main thread), the next batch is generated and its SQL built.
 */
async function loadRows(
  connections: odbc.Connection[],
  engine: DemoEngine,
  size: number,
  seed: number,
  totals: Record<string, number>,
  counts: Record<string, number>,
  onProgress: CreatePermitDemoOptions['onProgress'],
): Promise<void> {
  const loaders = connections.map((c) => new Loader(c));
  const report = (done: { table: PfDataTable; rows: number } | null) => {
    if (!done) return;
    counts[done.table] = (counts[done.table] ?? 0) + done.rows;
    onProgress?.({ table: done.table, rows: counts[done.table]!, total: totals[done.table]! });
  };
  let next = 0;
  try {
    for (const batch of generatePermitDemo({ size, seed, batchSize: DEFAULT_BATCH_SIZE })) {
      const sql = insertSql(engine, batch.table, batch.rows as never);
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
