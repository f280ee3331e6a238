// Creates Riverton's legacy database through ODBC on SQLite, PostgreSQL or MariaDB: makes the
// database if needed (PostgreSQL and MariaDB) or the file (SQLite), refuses to touch Riverton-named
// tables that the generator did not make, (re)creates the tables and loads the generated rows with
// multi-row INSERTs of literals inside transactions, then adds the indexes.
import type odbc from 'odbc';
import { WorkbenchError } from '../../common/errors.ts';
import { formatConnectionString } from '../../node/bridge/connection-string.ts';
import {
  connect,
  creationFailure,
  ENGINE_NAMES,
  ensureServerDatabase,
  placeOf,
  unknownEngine,
} from './demo-connection.ts';
import {
  defaultDemoConnectionFor,
  listRelations,
  prepareDemoConnection,
  removeSqliteFile,
} from './demo-target.ts';
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
import { scheduleDayOf } from './inspector-work.ts';
import { type LoadBatch, type LoadProgress, loadRows } from './odbc-loader.ts';
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
  /** The demo's today (YYYY-MM-DD) for the open inspection schedule; default: today in Riverton (America/Chicago). */
  today?: string;
  /** Called after each batch: rows of `table` loaded so far out of its exact total. */
  onProgress?: LoadProgress;
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

export function defaultDemoConnection(engine: DemoEngine, dataDir: string): string {
  return defaultDemoConnectionFor(engine, dataDir, 'riverton.sqlite', DEFAULT_DEMO_DATABASE);
}

// ---- what is already there -------------------------------------------------------------------

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

/** Today's date in Riverton, so the inspectors' day list of a new demo city has inspections on it. */
export const rivertonToday = (now: Date): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Chicago',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);

const creationStamp = (now: Date) => now.toISOString().replace(/\D/g, '').slice(0, 14);

export async function createDemoCity(opts: CreateDemoOptions): Promise<CreateDemoResult> {
  const started = performance.now();
  const engine = opts.engine;
  if (!(engine in ENGINE_NAMES)) throw unknownEngine(engine);
  const size = opts.size ?? DEFAULT_DEMO_SIZE;
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const today = opts.today ?? rivertonToday(new Date());
  try {
    checkDemoParams(size, seed);
    scheduleDayOf(today);
  } catch (err) {
    throw new WorkbenchError('invalid_input', `Cannot create the demo city: ${(err as Error).message}.`);
  }

  const parts = prepareDemoConnection(
    engine,
    opts.connection ?? defaultDemoConnection(engine, opts.dataDir),
    DEFAULT_DEMO_DATABASE,
  );
  const connection = formatConnectionString(parts);
  const place = placeOf(engine, parts);
  if (engine !== 'sqlite') await ensureServerDatabase(engine, parts, connection);

  let conn = await connect(engine, connection);
  const extra: odbc.Connection[] = [];
  const counts: Record<string, number> = {};
  let stage = 'checking the existing tables';
  try {
    const existing = await listRelations(conn, engine, false);
    const { marker, onlyOurs } = assertSafeToReplace(existing, place);
    if (engine === 'sqlite' && marker && onlyOurs) {
      // A previous demo file: replace it whole (dropping tables would leave the file at its old size).
      await conn.close();
      removeSqliteFile(parts);
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
    await loadRows(
      [conn, ...extra],
      insertBatches(engine, size, seed, today),
      totals,
      counts,
      opts.onProgress,
    );

    stage = 'creating the indexes';
    for (const index of INDEXES) await conn.query(createIndexSql(engine, index));
  } catch (caught) {
    throw creationFailure(caught, 'the demo city', place, stage, connection);
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

/** The generated rows as INSERT batches; lazy, so each is generated while the previous ones load. */
function* insertBatches(
  engine: DemoEngine,
  size: number,
  seed: number,
  today: string,
): Iterable<LoadBatch<TableName>> {
  for (const batch of generateDemoCity({ size, seed, today, batchSize: DEFAULT_BATCH_SIZE })) {
    yield { table: batch.table, rows: batch.rows.length, sql: insertSql(engine, batch.table, batch.rows) };
  }
}
