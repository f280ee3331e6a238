// Connecting to a demo database with plain errors, and creating the server database first. Shared
// by the Riverton and PermitFlow creators, which both face people who just typed a connection
// string: a driver's raw diagnostics (and any password in them) must not reach them as is.
import odbc from 'odbc';
import { WorkbenchError } from '../../common/errors.ts';
import {
  type ConnectionParts,
  databaseOf,
  formatConnectionString,
  getPart,
  parseConnectionString,
  withPart,
} from '../../node/bridge/connection-string.ts';
import { driverMessage, redactSecrets, sqlState } from '../../node/bridge/odbc-errors.ts';
import { LoadFailure } from './odbc-loader.ts';
import type { DemoEngine } from './schema.ts';

export const ENGINE_NAMES: Record<DemoEngine, string> = {
  sqlite: 'SQLite',
  postgres: 'PostgreSQL',
  mariadb: 'MariaDB',
};

export const unknownEngine = (engine: unknown) =>
  new WorkbenchError('invalid_input', `Unknown engine "${String(engine)}": use sqlite, postgres or mariadb.`);

/**
 * The parts that may name the server host, in the order looked at. Riverton also reads
 * Servername; PermitFlow passes its own shorter list (its messages never did).
 */
export const SERVER_HOST_KEYS: readonly string[] = ['Server', 'Host', 'Servername'];

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

/** A driver error as one line with the connection string's secrets taken out. */
export const plainMessage = (err: unknown, connection: string) =>
  oneLine(redactSecrets(driverMessage(err), connection));

/** Where a connection string points, for messages: 'PostgreSQL at 127.0.0.1:5432' or 'the SQLite file /x'. */
export function placeOf(
  engine: DemoEngine,
  parts: ConnectionParts,
  hostKeys: readonly string[] = SERVER_HOST_KEYS,
): string {
  if (engine === 'sqlite') return `the SQLite file ${databaseOf(parts) ?? '(none given)'}`;
  const host = hostKeys.map((key) => getPart(parts, key)).find((v) => v !== undefined) ?? 'localhost';
  const port = getPart(parts, 'Port') ?? (engine === 'postgres' ? '5432' : '3306');
  return `${ENGINE_NAMES[engine]} at ${host}:${port}`;
}

function connectError(
  engine: DemoEngine,
  parts: ConnectionParts,
  connection: string,
  err: unknown,
  hostKeys: readonly string[],
): WorkbenchError {
  const message = plainMessage(err, connection);
  const place = placeOf(engine, parts, hostKeys);
  const state = sqlState(err);
  if (state === 'IM002' || /data source name not found|can't open lib|file not found/i.test(message)) {
    const driver = getPart(parts, 'Driver') ?? '(none)';
    return new WorkbenchError(
      'legacy_unavailable',
      `The ODBC driver "${driver}" for ${ENGINE_NAMES[engine]} is not installed or not registered with unixODBC ` +
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

export async function connect(
  engine: DemoEngine,
  connection: string,
  hostKeys: readonly string[] = SERVER_HOST_KEYS,
): Promise<odbc.Connection> {
  const parts = parseConnectionString(connection);
  try {
    return await odbc.connect({
      connectionString: connection,
      loginTimeout: 15,
      connectionTimeout: 60,
    });
  } catch (err) {
    throw connectError(engine, parts, connection, err, hostKeys);
  }
}

/** Creates the server database of the connection string when it does not exist yet. */
export async function ensureServerDatabase(
  engine: 'postgres' | 'mariadb',
  parts: ConnectionParts,
  connection: string,
  hostKeys: readonly string[] = SERVER_HOST_KEYS,
): Promise<void> {
  const database = databaseOf(parts)!;
  // PostgreSQL needs some database to connect to; MariaDB connects to none.
  const server = withPart(
    withPart(parts, 'DB', undefined),
    'Database',
    engine === 'postgres' ? 'postgres' : undefined,
  );
  const conn = await connect(engine, formatConnectionString(server), hostKeys);
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
      `Could not create the database "${database}" on ${placeOf(engine, parts, hostKeys)}: ` +
        `${plainMessage(err, connection)}.`,
    );
  } finally {
    await conn.close().catch(() => {});
  }
}

/**
 * The error a creator throws when its work on the database fails: a WorkbenchError passes as is;
 * anything else becomes "Creating <what> in <place> failed while <stage>: ...", naming the table
 * when an INSERT failed.
 */
export function creationFailure(
  caught: unknown,
  what: string,
  place: string,
  stage: string,
  connection: string,
): WorkbenchError {
  if (caught instanceof WorkbenchError) return caught;
  let err = caught;
  if (err instanceof LoadFailure) {
    stage = `loading ${err.table}`;
    err = err.reason;
  }
  return new WorkbenchError(
    'legacy_unavailable',
    `Creating ${what} in ${place} failed while ${stage}: ${plainMessage(err, connection)}.`,
  );
}
