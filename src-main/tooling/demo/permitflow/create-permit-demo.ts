// Creates Lakeside's PermitFlow database through ODBC on SQLite, PostgreSQL or MariaDB, the way
// createDemoCity creates Riverton's: makes the database if needed (PostgreSQL and MariaDB) or the
// file (SQLite), refuses to touch PermitFlow-named tables that the generator did not make (no
// PermitFlowDemo marker), (re)creates the tables, loads the generated rows with multi-row INSERTs
// of literals inside transactions, then adds the indexes and foreign keys.
import type odbc from 'odbc';
import { WorkbenchError } from '../../../common/errors.ts';
import { formatConnectionString } from '../../../node/bridge/connection-string.ts';
import {
  connect,
  creationFailure,
  ENGINE_NAMES,
  ensureServerDatabase,
  placeOf,
  unknownEngine,
} from '../demo-connection.ts';
import {
  defaultDemoConnectionFor,
  listRelations,
  prepareDemoConnection,
  removeSqliteFile,
} from '../demo-target.ts';
import type { CreateDemoOptions, CreateDemoResult } from '../create-demo-city.ts';
import type { DemoEngine } from '../schema.ts';
import { countPermitDemo, DEFAULT_BATCH_SIZE, generatePermitDemo } from './generator.ts';
import { checkDemoParams } from '../generator.ts';
import { type LoadBatch, loadRows } from '../odbc-loader.ts';
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

/** Where messages look for the server host: PermitFlow's never read Servername (Riverton's do). */
const HOST_KEYS = ['Server', 'Host'];

export function defaultPermitDemoConnection(engine: DemoEngine, dataDir: string): string {
  return defaultDemoConnectionFor(engine, dataDir, 'permitflow.sqlite', DEFAULT_PERMIT_DEMO_DATABASE);
}

// ---- what is already there -------------------------------------------------------------------

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
  if (!(engine in ENGINE_NAMES)) throw unknownEngine(engine);
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

  const parts = prepareDemoConnection(
    engine,
    opts.connection ?? defaultPermitDemoConnection(engine, opts.dataDir),
    DEFAULT_PERMIT_DEMO_DATABASE,
  );
  const connection = formatConnectionString(parts);
  const place = placeOf(engine, parts, HOST_KEYS);
  if (engine !== 'sqlite') await ensureServerDatabase(engine, parts, connection, HOST_KEYS);

  let conn = await connect(engine, connection, HOST_KEYS);
  const extra: odbc.Connection[] = [];
  const counts: Record<string, number> = {};
  let stage = 'checking the existing tables';
  try {
    const existing = await listRelations(conn, engine, true);
    const { marker, onlyOurs } = assertSafeToReplace(existing, place);
    if (engine === 'sqlite' && marker && onlyOurs) {
      // A previous demo file: replace it whole (dropping tables would leave the file at its old size).
      await conn.close();
      removeSqliteFile(parts);
      conn = await connect(engine, connection, HOST_KEYS);
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
    if (engine !== 'sqlite') extra.push(await connect(engine, connection, HOST_KEYS));
    await loadRows([conn, ...extra], insertBatches(engine, size, seed), totals, counts, opts.onProgress);

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
    throw creationFailure(caught, 'the PermitFlow demo', place, stage, connection);
  } finally {
    for (const c of [conn, ...extra]) await c.close().catch(() => {});
  }
  return { connection, engine, counts, seconds: (performance.now() - started) / 1000 };
}

/** The generated rows as INSERT batches; lazy, so each is generated while the previous ones load. */
function* insertBatches(engine: DemoEngine, size: number, seed: number): Iterable<LoadBatch<PfDataTable>> {
  for (const batch of generatePermitDemo({ size, seed, batchSize: DEFAULT_BATCH_SIZE })) {
    yield {
      table: batch.table,
      rows: batch.rows.length,
      sql: insertSql(engine, batch.table, batch.rows as never),
    };
  }
}
