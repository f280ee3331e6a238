// Where a demo database goes: the connection string checked against the engine and made ready to
// use (the SQLite file's folder made, a server database name defaulted and checked), what is
// already there, and removing an old demo file. Shared by the Riverton and PermitFlow creators.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type odbc from 'odbc';
import { WorkbenchError } from '../../common/errors.ts';
import {
  type ConnectionParts,
  databaseOf,
  engineOf,
  formatConnectionString,
  getPart,
  parseConnectionString,
  withPart,
} from '../../node/bridge/connection-string.ts';
import { ENGINE_NAMES, unknownEngine } from './demo-connection.ts';
import type { DemoEngine } from './schema.ts';

/**
 * A demo's default connection string: the file <dataDir>/legacy/<sqliteFile> for SQLite, else the
 * database `database` on the local server as its installers set it up (trust or empty password).
 */
export function defaultDemoConnectionFor(
  engine: DemoEngine,
  dataDir: string,
  sqliteFile: string,
  database: string,
): string {
  switch (engine) {
    case 'sqlite':
      return formatConnectionString([
        ['Driver', 'SQLite3'],
        ['Database', join(resolve(dataDir), 'legacy', sqliteFile)],
      ]);
    case 'postgres':
      return `Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=5432;Uid=postgres;Database=${database}`;
    case 'mariadb':
      return `Driver={MariaDB Unicode};Server=127.0.0.1;Port=3306;User=root;Database=${database}`;
    default:
      throw unknownEngine(engine);
  }
}

/** A database name we are willing to put into CREATE DATABASE (quoted, but kept plain on purpose). */
const databaseNamePattern = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;

/**
 * Parses the connection string and checks it fits the engine. For SQLite, makes the file's folder;
 * for a server, names `defaultDatabase` when the string names none and refuses a name we would not
 * put into CREATE DATABASE. Throws plain invalid_input errors.
 */
export function prepareDemoConnection(
  engine: DemoEngine,
  connection: string,
  defaultDatabase: string,
): ConnectionParts {
  let parts: ConnectionParts;
  try {
    parts = parseConnectionString(connection);
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
      `The connection string is for ${ENGINE_NAMES[driverEngine]} (Driver=${getPart(parts, 'Driver')}), ` +
        `but the engine asked for is ${ENGINE_NAMES[engine]}.`,
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
    if (!databaseOf(parts)) parts = withPart(parts, 'Database', defaultDatabase);
    const name = databaseOf(parts)!;
    if (!databaseNamePattern.test(name)) {
      throw new WorkbenchError(
        'invalid_input',
        `"${name}" is not a database name the demo can create: use letters, digits and "_" (at most 63).`,
      );
    }
  }
  return parts;
}

/** Names of the tables of the database (or file); with `views`, of its views too. */
export async function listRelations(
  conn: odbc.Connection,
  engine: DemoEngine,
  views: boolean,
): Promise<string[]> {
  const sql =
    engine === 'sqlite'
      ? `SELECT name AS "N" FROM sqlite_master WHERE ${views ? `type IN ('table', 'view')` : `type = 'table'`}`
      : engine === 'postgres'
        ? `SELECT CAST(table_name AS VARCHAR(128)) AS "N" FROM information_schema.tables WHERE table_schema = current_schema()`
        : `SELECT table_name AS N FROM information_schema.tables WHERE table_schema = DATABASE()`;
  const rows = (await conn.query(sql)) as unknown as Record<string, unknown>[];
  return rows.map((r) => String(Object.values(r)[0] ?? ''));
}

/**
 * Deletes a previous demo's SQLite file with its journals (close its connection first): replacing
 * the file whole is quicker than dropping its tables, which would leave it at its old size.
 */
export function removeSqliteFile(parts: ConnectionParts): void {
  const file = resolve(databaseOf(parts)!);
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
