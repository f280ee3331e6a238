// The discovery worker: a child process that reads the legacy database's catalog and profiles its
// tables through ODBC, so a driver that crashes or hangs takes this process down, never the
// `workbench` command. Started by discovery-client.ts; speaks discovery-protocol.ts.
import odbc from 'odbc';
import {
  databaseOf,
  formatConnectionString,
  getPart,
  parseConnectionString,
  withPart,
} from '../../node/bridge/connection-string.ts';
import { dialectTable } from '../../node/bridge/dialects.ts';
import { driverMessage, redactSecrets } from '../../node/bridge/odbc-errors.ts';
import { readCatalog } from './catalog.ts';
import type {
  DiscoveryHostMessage,
  DiscoveryWorkerMessage,
  OverlapRequest,
  ProfileRequest,
} from './discovery-protocol.ts';
import { checkOverlap, profileTable } from './profile.ts';

const send = (m: DiscoveryWorkerMessage) => process.send?.(m);

process.on('message', (m: DiscoveryHostMessage) => {
  const work = m.t === 'profile' ? profile(m) : overlap(m);
  work.catch((err: unknown) => fail(m, err));
});
process.on('disconnect', () => process.exit(0));

class LegacyError extends Error {}

function fail(req: DiscoveryHostMessage, err: unknown): void {
  const legacy = err instanceof LegacyError;
  send({
    t: 'error',
    id: req.id,
    error: {
      code: legacy ? 'legacy_unavailable' : 'internal',
      message: redactSecrets(
        legacy ? (err as Error).message : `Discovery failed: ${driverMessage(err)}`,
        req.connection,
      ),
    },
  });
}

async function connect(req: DiscoveryHostMessage): Promise<odbc.Connection> {
  let parts = parseConnectionString(req.connection);
  // The SQLite driver reads whole results into memory unless StepAPI is on.
  if (req.dialect === 'sqlite' && getPart(parts, 'StepAPI') === undefined)
    parts = withPart(parts, 'StepAPI', '1');
  // Looking at a database must not create one: the SQLite driver makes a missing file unless told.
  if (req.dialect === 'sqlite' && getPart(parts, 'NoCreat') === undefined)
    parts = withPart(parts, 'NoCreat', '1');
  try {
    return await odbc.connect({
      connectionString: formatConnectionString(parts),
      loginTimeout: 15,
      connectionTimeout: 15,
    });
  } catch (err) {
    const file = req.dialect === 'sqlite' ? databaseOf(parts) : undefined;
    throw new LegacyError(
      `Could not connect to the legacy database: ${driverMessage(err)}${file ? ` (is there a SQLite database at ${file}?)` : ''}`,
    );
  }
}

async function profile(req: ProfileRequest): Promise<void> {
  const connection = await connect(req);
  try {
    const dialect = dialectTable[req.dialect];
    let tables;
    try {
      tables = await readCatalog(connection, {
        dialect: req.dialect,
        database: databaseOf(parseConnectionString(req.connection)),
        schema: req.schema,
        tables: req.tables,
      });
    } catch (err) {
      throw new LegacyError(`The legacy database's catalog could not be read: ${driverMessage(err)}`);
    }
    send({
      t: 'catalog',
      id: req.id,
      tables: tables.map((t) => ({ name: t.qualified, columns: t.columns.length })),
    });
    for (const table of tables) {
      const result = await profileTable(connection, table, dialect, req.options, (column, columns) =>
        send({ t: 'progress', id: req.id, table: table.qualified, column, columns }),
      );
      send({ t: 'table', id: req.id, profile: result });
    }
    send({ t: 'done', id: req.id });
  } finally {
    await connection.close().catch(() => {});
  }
}

async function overlap(req: OverlapRequest): Promise<void> {
  const connection = await connect(req);
  try {
    const dialect = dialectTable[req.dialect];
    const results = [];
    for (const check of req.checks) {
      const { text, ...pair } = check;
      results.push(await checkOverlap(connection, pair, text, dialect));
    }
    send({ t: 'overlaps', id: req.id, results });
    send({ t: 'done', id: req.id });
  } finally {
    await connection.close().catch(() => {});
  }
}

send({ t: 'ready', pid: process.pid });
