// What every PostgreSQL benchmark here does around its measurements: a database of its own on the
// local server, desks configured for it, and at the end both removed (unless --keep asks to look
// at them afterwards); a failed run drops the database all the same.
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createDemoCity } from '../../src-main/tooling/demo/create-demo-city.ts';
import { newDeskId, writeDeskConfig } from '../../src-main/node/desk/desk-config.ts';
import { type Desk, openDesk } from '../../src-main/node/desk/open-desk.ts';
import { deskPaths } from '../../src-main/node/desk/paths.ts';
import { connectionFor, dropDatabase } from '../integration/support/legacy-databases.ts';

/** The run's numeric options (`--size 20000`, …, each with its default) and --keep. */
export function benchOptions<K extends string>(
  defaults: Record<K, string>,
): Record<K, number> & { keep: boolean } {
  const numeric = Object.fromEntries(
    Object.entries<string>(defaults).map(([name, d]) => [name, { type: 'string' as const, default: d }]),
  );
  const { values } = parseArgs({ options: { ...numeric, keep: { type: 'boolean', default: false } } });
  const given = values as Record<string, string | boolean | undefined>;
  const options = Object.fromEntries(Object.keys(defaults).map((name) => [name, Number(given[name])]));
  return { ...(options as Record<K, number>), keep: values.keep === true };
}

export interface BenchDatabase {
  database: string;
  connection: string;
}

/** A database name of this run (`label` and the process id) and its ODBC connection string. */
export function benchDatabase(label: string): BenchDatabase {
  const database = `${label}_${process.pid}`;
  return { database, connection: connectionFor('postgres', database) };
}

/** A desk in `dataDir` on the bench database through `bridge` (a shipped name or a bridge.yaml). */
export function openBenchDesk(dataDir: string, connection: string, bridge = 'riverton'): Desk {
  writeDeskConfig(deskPaths(dataDir).config, { version: 1, deskId: newDeskId(), bridge, connection });
  return openDesk({ dataDir });
}

/** Drops the database and removes `dirs`, or, with --keep, says where they are. */
export async function cleanUpBench(db: BenchDatabase, dirs: string[], keep: boolean): Promise<void> {
  if (keep) {
    console.log(`\nkept: database ${db.database}, ${dirs.join(', ')}`);
    return;
  }
  await dropDatabase('postgres', db.database);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

/** The run's bench database (benchDatabase(label)) and its options (benchOptions(defaults)). */
export function benchRun<K extends string>(label: string, defaults: Record<K, string>) {
  return { db: benchDatabase(label), ...benchOptions(defaults) };
}

/** Runs a benchmark's main; when it fails, prints why, drops the database and exits 1. */
export function runBench(main: () => Promise<void>, db: BenchDatabase): void {
  main().catch(async (err) => {
    console.error(err);
    await dropDatabase('postgres', db.database).catch(() => {});
    process.exit(1);
  });
}

/** Riverton's demo city of `size` licences in the bench database (seed 1, as every run), timed. */
export async function createBenchCity(db: BenchDatabase, dataDir: string, size: number): Promise<void> {
  const created = await createDemoCity({
    engine: 'postgres',
    connection: db.connection,
    dataDir,
    size,
    seed: 1,
  });
  const totalRows = Object.values(created.counts).reduce((a, b) => a + b, 0);
  console.log(`demo city created: ${totalRows} legacy rows in ${created.seconds.toFixed(1)} s`);
}
