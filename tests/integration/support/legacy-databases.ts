// Test-owned databases on the local PostgreSQL and MariaDB servers: unique names per run,
// dropped afterwards. Reached through the same ODBC drivers the desk uses.
import { randomBytes } from 'node:crypto';
import odbc from 'odbc';

export type ServerEngine = 'postgres' | 'mariadb';

const serverConnection: Record<ServerEngine, (db?: string) => string> = {
  postgres: (db = 'postgres') =>
    `Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=5432;Uid=postgres;Database=${db}`,
  mariadb: (db) =>
    `Driver={MariaDB Unicode};Server=127.0.0.1;Port=3306;User=root${db ? `;Database=${db}` : ''}`,
};

export const uniqueDatabaseName = (label: string) => `wbt_${label}_${randomBytes(4).toString('hex')}`;

export const connectionFor = (engine: ServerEngine, database: string) => serverConnection[engine](database);

export async function dropDatabase(engine: ServerEngine, database: string): Promise<void> {
  const conn = await odbc.connect(serverConnection[engine]());
  try {
    if (engine === 'postgres') await conn.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    else await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await conn.close();
  }
}

/** Runs one query on a legacy database through ODBC (for assertions on what the legacy DB holds). */
export async function queryLegacy<T = Record<string, unknown>>(
  connection: string,
  sql: string,
): Promise<T[]> {
  const conn = await odbc.connect(connection);
  try {
    return [...((await conn.query(sql)) as unknown as T[])];
  } finally {
    await conn.close();
  }
}
