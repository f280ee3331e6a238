// A desk under test: a test-owned desk directory over a demo Riverton created on one engine
// (SQLite, or a test-owned database on the local PostgreSQL or MariaDB server), synced once; the
// desk's own policy file; the desk opened in-process with its handlers called through the contract
// as the UI calls them; reads of the legacy database (in the engine's dialect) and of the cache.
// `deskUnderTest` registers the beforeAll that builds it and the afterAll that takes it all away.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll } from 'vitest';
import type { Handlers, OpInput, OperationName } from '../../../src-main/common/contract.ts';
import { operations } from '../../../src-main/common/contract.ts';
import { dialectTable, expandIdentifiers } from '../../../src-main/node/bridge/dialects.ts';
import { type Desk, openDesk } from '../../../src-main/node/desk/open-desk.ts';
import { createHandlers } from '../../../src-main/node/handlers/handlers.ts';
import { connectionFor, dropDatabase, queryLegacy, uniqueDatabaseName } from './legacy-databases.ts';
import { newDeskDir, workbenchOk } from './workbench-cli.ts';

export const engines = ['sqlite', 'postgres', 'mariadb'] as const;
export type Engine = (typeof engines)[number];

/** The OS account the tests run as: the desk's actor. */
export const me = userInfo().username;

/** The desk's own policy file, giving this account `role`. */
export const writePolicy = (dir: string, role: string) =>
  writeFileSync(join(dir, 'policy.yaml'), `version: 1\naccounts:\n  ${JSON.stringify(me)}: ${role}\n`);

export interface DemoCity {
  engine?: Engine;
  /** `--size`: licences in the demo city. */
  size: number;
  seed: number;
  /** Names the test-owned server database (`wbt_<label>_...`). */
  label: string;
}

/**
 * `workbench demo create` on the engine, then `workbench sync`. Returns the name of the test-owned
 * server database (undefined on SQLite), for dropDatabase.
 */
export function createDemoCity(dir: string, { engine = 'sqlite', size, seed, label }: DemoCity) {
  const args = ['demo', 'create', '--engine', engine, '--size', String(size), '--seed', String(seed)];
  let database: string | undefined;
  if (engine !== 'sqlite') {
    database = uniqueDatabaseName(label);
    args.push('--connection', connectionFor(engine, database));
  }
  workbenchOk(dir, args);
  workbenchOk(dir, ['sync']);
  return database;
}

/** The legacy connection string the desk's desk.json holds. */
export const deskConnection = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'desk.json'), 'utf8')) as { connection: string }).connection;

/**
 * Points the desk at a legacy database that is not there (another file on SQLite, port 1 on a
 * server) by rewriting its desk.json; returns what puts desk.json back as it was.
 */
export function pointDeskAway(dir: string, engine: Engine, connection: string): () => void {
  const away =
    engine === 'sqlite'
      ? connection.replace(/Database=[^;]+/, 'Database=/nonexistent/dir/legacy.db')
      : /Port=\d+/.test(connection)
        ? connection.replace(/Port=\d+/, 'Port=1')
        : `${connection};Port=1`;
  const deskFile = join(dir, 'desk.json');
  const saved = readFileSync(deskFile, 'utf8');
  writeFileSync(
    deskFile,
    saved.replace(JSON.stringify(connection).slice(1, -1), JSON.stringify(away).slice(1, -1)),
  );
  return () => writeFileSync(deskFile, saved);
}

/** Runs `fn` on the desk's cache opened read-only (the desk itself need not be open in-process). */
export function withCache<T>(dir: string, fn: (db: Database.Database) => T): T {
  const db = new Database(join(dir, 'cache.sqlite'), { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Takes away the desks a test made: each directory, and its server database where it has one. */
export async function removeDesks(desks: Partial<Record<Engine, { dir: string; database?: string }>>) {
  for (const [engine, d] of Object.entries(desks) as Array<[Engine, { dir: string; database?: string }]>) {
    if (d.database && engine !== 'sqlite') await dropDatabase(engine, d.database).catch(() => {});
    rmSync(d.dir, { recursive: true, force: true });
  }
}

/** Calls a handler as the UI's transport does: the input parsed by the operation's contract schema. */
export const callThrough =
  (handlers: () => Handlers) =>
  <K extends OperationName>(name: K, input: OpInput<K>) =>
    handlers()[name](operations[name].input.parse(input) as never) as ReturnType<Handlers[K]>;

export interface DeskUnderTestOptions extends Omit<DemoCity, 'label'> {
  /** Written to the desk's policy file after the first sync. */
  role?: string;
  /** Open the desk in-process, with handlers acting as `me` (closed afterwards). */
  open?: boolean;
  hookTimeoutMs?: number;
}

export interface DeskUnderTest {
  readonly dir: string;
  readonly engine: Engine;
  /** The legacy database's ODBC connection string, from desk.json (after beforeAll). */
  readonly connection: string;
  /** The desk opened in-process (with `open`). */
  readonly desk: Desk;
  readonly handlers: Handlers;
  call: ReturnType<typeof callThrough>;
  /** A query on the legacy database, {IDENTIFIERS} written in the engine's dialect. */
  legacy<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** Rows from the cache: through the open desk, or read-only from cache.sqlite. */
  cached<T = Record<string, unknown>>(sql: string, ...args: unknown[]): T[];
  policyAs(role: string): void;
  /** pointDeskAway for this desk: returns what brings the legacy database back. */
  legacyAway(): () => void;
  /**
   * Makes an applied outbox entry look as if its answer had been lost (in doubt, pending again):
   * the next push must settle it by re-reading, never by sending it twice.
   */
  loseAnswer(operationId: string): void;
  /** Closes the in-process desk and opens it again (after desk.json changed). */
  reopen(): void;
}

/**
 * Registers the beforeAll that builds the desk and the afterAll that removes it and its database.
 * `name` (with the engine) names the desk directory and the server database.
 */
export function deskUnderTest(name: string, options: DeskUnderTestOptions): DeskUnderTest {
  const { engine = 'sqlite', role, open = false, hookTimeoutMs = 240_000 } = options;
  const label = `${name}-${engine}`;
  const dir = newDeskDir(label);
  let database: string | undefined;
  let connection = '';
  let desk: Desk | undefined;
  let handlers: Handlers | undefined;
  const openHere = () => {
    desk = openDesk({ dataDir: dir });
    handlers = createHandlers(desk, undefined, () => me);
  };
  const t: DeskUnderTest = {
    dir,
    engine,
    get connection() {
      return connection;
    },
    get desk() {
      if (!desk) throw new Error('the desk under test is not open in-process');
      return desk;
    },
    get handlers() {
      if (!handlers) throw new Error('the desk under test is not open in-process');
      return handlers;
    },
    call: callThrough(() => t.handlers),
    legacy: <T>(sql: string) => queryLegacy<T>(connection, expandIdentifiers(sql, dialectTable[engine])),
    cached: <T>(sql: string, ...args: unknown[]) =>
      desk
        ? (desk.cache.prepare(sql).all(...args) as T[])
        : withCache(dir, (db) => db.prepare(sql).all(...args) as T[]),
    policyAs: (r: string) => writePolicy(dir, r),
    legacyAway: () => pointDeskAway(dir, engine, connection),
    loseAnswer(operationId) {
      const lose = (db: Database.Database) =>
        db
          .prepare(
            `UPDATE outbox SET status = 'pending', in_doubt = 1, settled_at = NULL, legacy_result = NULL WHERE operation_id = ?`,
          )
          .run(operationId);
      if (desk) lose(desk.cache);
      else {
        const db = new Database(join(dir, 'cache.sqlite'));
        try {
          lose(db);
        } finally {
          db.close();
        }
      }
    },
    reopen() {
      desk?.close();
      openHere();
    },
  };
  beforeAll(() => {
    database = createDemoCity(dir, { ...options, engine, label: label.replaceAll('-', '_') });
    connection = deskConnection(dir);
    if (role) writePolicy(dir, role);
    if (open) openHere();
  }, hookTimeoutMs);
  afterAll(async () => {
    desk?.close();
    if (database && engine !== 'sqlite') await dropDatabase(engine, database).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });
  return t;
}

/** Sets each checklist item of an application to its state, in order. */
export async function completeChecklist(
  call: DeskUnderTest['call'],
  applicationId: string,
  states: ReadonlyArray<readonly [code: string, state: OpInput<'applications.updateRequirement'>['state']]>,
): Promise<void> {
  for (const [code, state] of states)
    await call('applications.updateRequirement', { applicationId, code, state });
}

/** A kennel licence's checklist (KENL is not in requirements.yaml: the default list), all met. */
export const kennelChecklistMet = [
  ['APPFORM', 'received'],
  ['PHOTOID', 'received'],
  ['ZONING', 'approved'],
] as const;
