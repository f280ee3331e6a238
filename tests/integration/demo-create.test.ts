// The demo city created through the real ODBC drivers on SQLite (a temp file), PostgreSQL and
// MariaDB (test-owned databases, dropped afterwards): the rows loaded are the generator's rows,
// byte for byte the same on the three engines; a database with Riverton tables but no RVDEMO
// marker is refused; errors are plain and never show a password.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import odbc from 'odbc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDemoCity,
  type CreateDemoResult,
  defaultDemoConnection,
} from '../../src-main/tooling/demo/create-demo-city.ts';
import { countDemoCity, generateDemoCity } from '../../src-main/tooling/demo/generator.ts';
import {
  DATA_TABLES,
  decimalText,
  type DemoEngine,
  padChar,
  quoteIdent,
  TABLES,
  type TableName,
} from '../../src-main/tooling/demo/schema.ts';
import { GENERATOR_VERSION } from '../../src-main/tooling/demo/word-lists.ts';

const SIZE = 500;
const SEED = 5;
const engines = ['sqlite', 'postgres', 'mariadb'] as const;

const server = {
  postgres: (db = 'postgres') =>
    `Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=5432;Uid=postgres;Database=${db}`,
  mariadb: (db?: string) =>
    `Driver={MariaDB Unicode};Server=127.0.0.1;Port=3306;User=root${db ? `;Database=${db}` : ''}`,
};
const runId = randomBytes(4).toString('hex');
const databases: Array<{ engine: 'postgres' | 'mariadb'; name: string }> = [];
const newDatabase = (engine: 'postgres' | 'mariadb', label: string) => {
  const name = `rv_test_${runId}_${label}`;
  databases.push({ engine, name });
  return name;
};

let dir: string;
const created = {} as Record<DemoEngine, CreateDemoResult>;
const progress = {} as Record<DemoEngine, Map<string, { rows: number; total: number }>>;

async function withConnection<T>(connection: string, fn: (c: odbc.Connection) => Promise<T>): Promise<T> {
  const conn = await odbc.connect(connection);
  try {
    return await fn(conn);
  } finally {
    await conn.close();
  }
}

async function dropDatabase(engine: 'postgres' | 'mariadb', name: string) {
  await withConnection(server[engine](), (c) =>
    c.query(
      engine === 'postgres'
        ? `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`
        : `DROP DATABASE IF EXISTS \`${name}\``,
    ),
  );
}

/**
 * Every column of the rows of `table` whose key is in `keys`, read back as text: DECIMAL cast to
 * text with its scale, CHAR with its padding (MariaDB strips it unless PAD_CHAR_TO_FULL_LENGTH).
 */
async function readRows(
  engine: DemoEngine,
  connection: string,
  table: TableName,
  where: string,
): Promise<Record<string, string>[]> {
  const q = (n: string) => quoteIdent(engine, n);
  const cols = TABLES[table].columns.map((c) => {
    let e = q(c.name);
    if (c.kind === 'decimal') {
      e =
        engine === 'sqlite'
          ? `printf('%.${c.scale}f', ${e})`
          : engine === 'postgres'
            ? `CAST(${e} AS VARCHAR(40))`
            : `CAST(${e} AS CHAR(40))`;
    } else if (c.kind === 'integer') {
      e = engine === 'mariadb' ? `CAST(${e} AS CHAR(20))` : `CAST(${e} AS VARCHAR(20))`;
    }
    return `${e} AS ${q(c.name)}`;
  });
  return withConnection(connection, async (c) => {
    if (engine === 'mariadb')
      await c.query("SET SESSION sql_mode = CONCAT(@@sql_mode, ',PAD_CHAR_TO_FULL_LENGTH')");
    const rows = await c.query(`SELECT ${cols.join(', ')} FROM ${q(table)} WHERE ${where} ORDER BY 1`);
    return [...rows].map((r) =>
      Object.fromEntries(Object.entries(r as object).map(([k, v]) => [k, String(v)])),
    );
  });
}

/** The generator's row as the database holds it: CHAR padded, DECIMAL as exact text. */
function asStored(table: TableName, row: Record<string, string | number>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of TABLES[table].columns) {
    const v = row[c.name]!;
    out[c.name] =
      c.kind === 'char'
        ? padChar(String(v), c.length)
        : c.kind === 'decimal'
          ? decimalText(v as number, c.scale)
          : String(v);
  }
  return out;
}

function generatedRow(table: TableName, pick: (r: Record<string, string | number>) => boolean) {
  for (const b of generateDemoCity({ size: SIZE, seed: SEED })) {
    if (b.table !== table) continue;
    const found = (b.rows as unknown as Record<string, string | number>[]).find(pick);
    if (found) return found;
  }
  throw new Error(`no such ${table} row`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rv-demo-'));
  for (const engine of engines) {
    const connection = engine === 'sqlite' ? undefined : server[engine](newDatabase(engine, 'city'));
    const seen = new Map<string, { rows: number; total: number }>();
    progress[engine] = seen;
    created[engine] = await createDemoCity({
      engine,
      dataDir: dir,
      size: SIZE,
      seed: SEED,
      ...(connection ? { connection } : {}),
      onProgress: (p) => {
        const before = seen.get(p.table);
        if (before && (p.rows < before.rows || p.total !== before.total))
          throw new Error(`progress went back: ${p.table}`);
        seen.set(p.table, { rows: p.rows, total: p.total });
      },
    });
  }
});

afterAll(async () => {
  for (const d of databases) await dropDatabase(d.engine, d.name).catch(() => {});
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('creating the demo city on three engines', () => {
  it('puts the SQLite file in <dataDir>/legacy/riverton.sqlite by default', () => {
    const file = join(dir, 'legacy', 'riverton.sqlite');
    expect(created.sqlite.connection).toBe(`Driver=SQLite3;Database=${file}`);
    expect(defaultDemoConnection('sqlite', dir)).toBe(created.sqlite.connection);
    expect(statSync(file).size).toBeGreaterThan(100_000);
    expect(created.postgres.connection).toBe(server.postgres(databases[0]!.name));
  });

  it("loads exactly the generator's row counts, as ODBC counts them, and reports progress to the total", async () => {
    const expected = countDemoCity(SIZE, SEED);
    for (const engine of engines) {
      expect(created[engine].engine).toBe(engine);
      expect(created[engine].counts).toEqual({ RVDEMO: 1, ...expected });
      expect(created[engine].seconds).toBeGreaterThan(0);
      const q = (n: string) => quoteIdent(engine, n);
      await withConnection(created[engine].connection, async (c) => {
        for (const table of DATA_TABLES) {
          const [row] = await c.query<{ N: number | bigint }>(
            `SELECT COUNT(*) AS ${q('N')} FROM ${q(table)}`,
          );
          expect(Number(row!.N), `${engine} ${table}`).toBe(expected[table]);
        }
        const [marker] = await c.query<Record<string, unknown>>(
          `SELECT ${q('GENVER')}, ${q('SEED')}, ${q('SIZE')}, ${q('CREATED')} FROM ${q('RVDEMO')}`,
        );
        expect(Number(marker!.GENVER)).toBe(GENERATOR_VERSION);
        expect(Number(marker!.SEED)).toBe(SEED);
        expect(Number(marker!.SIZE)).toBe(SIZE);
        expect(String(marker!.CREATED)).toMatch(/^20\d{12}$/);
      });
      for (const table of DATA_TABLES) {
        expect(progress[engine].get(table), `${engine} ${table}`).toEqual({
          rows: expected[table],
          total: expected[table],
        });
      }
    }
  });

  it('holds the same rows, byte for byte, on SQLite, PostgreSQL and MariaDB', async () => {
    // A licence and its business, an inspection note with a quote, a business keyed with dirt.
    const licence = generatedRow('LICMST', (r) => r.LICNO === 'RV-0000042');
    const business = generatedRow('BUSMST', (r) => r.BUSNO === licence.LICBUS);
    const quoted = generatedRow('INSPCT', (r) => String(r.INSNOT).includes("'"));
    const dirty = generatedRow('BUSMST', (r) => /^ |[a-z]/.test(String(r.BUSNAM)));
    const cases: Array<[TableName, string, Record<string, string | number>[]]> = [
      ['LICMST', `'RV-0000042'`, [licence]],
      ['BUSMST', String(business.BUSNO), [business]],
      ['INSPCT', String(quoted.INSNO), [quoted]],
      ['BUSMST', String(dirty.BUSNO), [dirty]],
    ];
    const keyOf: Partial<Record<TableName, string>> = { LICMST: 'LICNO', BUSMST: 'BUSNO', INSPCT: 'INSNO' };
    for (const [table, key, rows] of cases) {
      const expected = rows.map((r) => asStored(table, r));
      for (const engine of engines) {
        const where = `${quoteIdent(engine, keyOf[table]!)} = ${key}`;
        expect(
          await readRows(engine, created[engine].connection, table, where),
          `${engine} ${table}`,
        ).toEqual(expected);
      }
    }
    // Payments of that licence: amounts as exact DECIMAL text on every engine.
    const byEngine = await Promise.all(
      engines.map((e) =>
        readRows(e, created[e].connection, 'PAYHST', `${quoteIdent(e, 'PAYLIC')} = 'RV-0000042'`),
      ),
    );
    expect(byEngine[0]!.length).toBeGreaterThan(0);
    expect(byEngine[1]).toEqual(byEngine[0]);
    expect(byEngine[2]).toEqual(byEngine[0]);
    for (const p of byEngine[0]!) expect(p.PAYAMT).toMatch(/^\d+\.\d\d$/);
  });

  it('adds the indexes on LICBUS, PAYLIC, INSLIC and SCHLIC', async () => {
    const indexes = await withConnection(created.postgres.connection, (c) =>
      c.query<{ N: string }>(
        `SELECT CAST(indexname AS VARCHAR(64)) AS "N" FROM pg_indexes WHERE schemaname = 'public'`,
      ),
    );
    expect(indexes.map((r) => r.N)).toEqual(
      expect.arrayContaining(['LICMSTL1', 'PAYHSTL1', 'INSPCTL1', 'INSSCHL1']),
    );
    const sqlite = await withConnection(created.sqlite.connection, (c) =>
      c.query<{ N: string }>(
        `SELECT name AS "N" FROM sqlite_master WHERE type = 'index' AND name LIKE '%L1'`,
      ),
    );
    expect(sqlite.map((r) => r.N).sort()).toEqual(['INSPCTL1', 'INSSCHL1', 'LICMSTL1', 'PAYHSTL1']);
    const maria = await withConnection(created.mariadb.connection, (c) =>
      c.query<{ N: string }>(
        `SELECT DISTINCT index_name AS N FROM information_schema.statistics WHERE table_schema = DATABASE() AND index_name LIKE '%L1'`,
      ),
    );
    expect(maria.map((r) => r.N).sort()).toEqual(['INSPCTL1', 'INSSCHL1', 'LICMSTL1', 'PAYHSTL1']);
  });

  it('replaces an earlier demo: same file, new seed', async () => {
    const again = await createDemoCity({ engine: 'sqlite', dataDir: dir, size: 50, seed: 99 });
    expect(again.counts.LICMST).toBe(50);
    const rows = await withConnection(again.connection, (c) =>
      c.query<{ S: number; N: number }>(
        'SELECT (SELECT "SEED" FROM "RVDEMO") AS "S", (SELECT COUNT(*) FROM "LICMST") AS "N"',
      ),
    );
    expect(Number(rows[0]!.S)).toBe(99);
    expect(Number(rows[0]!.N)).toBe(50);
  });
});

describe('refusing what looks like a real database', () => {
  it('leaves a SQLite file with BUSMST but no RVDEMO untouched', async () => {
    const file = join(dir, 'real', 'licensing.sqlite');
    const connection = `Driver=SQLite3;Database=${file}`;
    await createDemoCity({ engine: 'sqlite', connection, dataDir: dir, size: 20, seed: 1 });
    await withConnection(connection, (c) => c.query('DROP TABLE "RVDEMO"'));
    await expect(
      createDemoCity({ engine: 'sqlite', connection, dataDir: dir, size: 20, seed: 2 }),
    ).rejects.toThrow(
      /already has Riverton tables \(RVSTAT, RVLTYP, RVFEE, BUSMST, LICMST, PAYHST, INSPCT, RVHOLD, ARBAL, ORDSEC, INSSCH, INSCHK, VIOLTN, CMPLNT, ENFCAS\).*looks like a real database/,
    );
    const [row] = await withConnection(connection, (c) =>
      c.query<{ N: number }>('SELECT COUNT(*) AS "N" FROM "LICMST"'),
    );
    expect(Number(row!.N)).toBe(20);
  });

  it('leaves a PostgreSQL database with a (lower-case) busmst table untouched', async () => {
    const name = newDatabase('postgres', 'real');
    await withConnection(server.postgres(), (c) => c.query(`CREATE DATABASE "${name}"`));
    await withConnection(server.postgres(name), async (c) => {
      await c.query('CREATE TABLE busmst (busno INTEGER PRIMARY KEY, busnam CHAR(40))');
      await c.query("INSERT INTO busmst VALUES (1, 'REAL BUSINESS LLC')");
    });
    const err = await createDemoCity({
      engine: 'postgres',
      connection: server.postgres(name),
      dataDir: dir,
      size: 20,
    }).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(
      /PostgreSQL at 127\.0\.0\.1:5432 already has Riverton tables \(BUSMST\)/,
    );
    expect((err as { code?: string }).code).toBe('invalid_input');
    const tables = await withConnection(server.postgres(name), (c) =>
      c.query<{ N: string }>(
        `SELECT CAST(table_name AS VARCHAR(64)) AS "N" FROM information_schema.tables WHERE table_schema = 'public'`,
      ),
    );
    expect(tables.map((t) => t.N)).toEqual(['busmst']);
  });
});

describe('plain errors', () => {
  it('says the server cannot be reached, without the password', async () => {
    const connection =
      'Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=1;Uid=postgres;Pwd=hunter2;Database=rv_nowhere';
    const err = (await createDemoCity({ engine: 'postgres', connection, dataDir: dir }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(err.message).toMatch(
      /^Could not reach PostgreSQL at 127\.0\.0\.1:1: .+\. Is the server running\?$/,
    );
    expect(err.message).not.toContain('hunter2');
    expect(err.stack ?? '').not.toContain('hunter2');
  });

  it('refuses a connection string for another engine and an unsafe database name', async () => {
    await expect(
      createDemoCity({ engine: 'mariadb', connection: server.postgres('x'), dataDir: dir }),
    ).rejects.toThrow(/is for PostgreSQL .* but the engine asked for is MariaDB/);
    await expect(
      createDemoCity({ engine: 'mariadb', connection: server.mariadb('rv-bad'), dataDir: dir }),
    ).rejects.toThrow(/is not a database name the demo can create/);
    expect(existsSync(join(dir, 'legacy', 'riverton.sqlite'))).toBe(true);
  });
});
