// The walking skeleton end to end on real parts: the demo city is generated on SQLite (through
// the SQLite3 ODBC driver), PostgreSQL and MariaDB; each desk syncs it through the Riverton
// bridge and its ODBC worker; the three caches must hold the same canonical records, and search
// must find licences that came through ODBC.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalSnapshot } from './support/canonical-snapshot.ts';
import { removeDesks } from './support/desk-under-test.ts';
import { connectionFor, queryLegacy, uniqueDatabaseName } from './support/legacy-databases.ts';
import { newDeskDir, partOfName, searchLicences, workbench, workbenchOk } from './support/workbench-cli.ts';

const SIZE = 1500;
const SEED = 11;
const engines = ['sqlite', 'postgres', 'mariadb'] as const;
type Engine = (typeof engines)[number];

const desks = {} as Record<Engine, { dir: string; database?: string; connection?: string }>;

beforeAll(() => {
  for (const engine of engines) {
    const dir = newDeskDir(engine);
    const args = [
      'demo',
      'create',
      '--engine',
      engine,
      '--size',
      String(SIZE),
      '--seed',
      String(SEED),
      '--json',
    ];
    let database: string | undefined;
    let connection: string | undefined;
    if (engine !== 'sqlite') {
      database = uniqueDatabaseName(engine);
      connection = connectionFor(engine, database);
      args.push('--connection', connection);
    }
    desks[engine] = { dir, ...(database ? { database } : {}), ...(connection ? { connection } : {}) };
    workbenchOk(dir, args);
    workbenchOk(dir, ['sync']);
  }
});

afterAll(() => removeDesks(desks));

describe('Riverton through ODBC on three engines', () => {
  it('loads every licence into each cache, with the canonical shapes', () => {
    for (const engine of engines) {
      const snap = canonicalSnapshot(desks[engine].dir);
      expect(snap.licence, engine).toHaveLength(SIZE);
      expect(snap.business!.length, engine).toBeGreaterThan(SIZE * 0.6);
      expect(snap.payment!.length, engine).toBeGreaterThan(SIZE);
      const licence = snap.licence![0] as Record<string, unknown>;
      expect(licence.id).toMatch(/^[A-Z0-9-]+$/);
      expect(['active', 'expired', 'suspended', 'closed']).toContain(licence.status);
      expect(licence.fee_cents === null || Number.isInteger(licence.fee_cents)).toBe(true);
    }
  });

  it('gives the same canonical records on SQLite, PostgreSQL and MariaDB', () => {
    const sqlite = canonicalSnapshot(desks.sqlite.dir);
    expect(canonicalSnapshot(desks.postgres.dir)).toEqual(sqlite);
    expect(canonicalSnapshot(desks.mariadb.dir)).toEqual(sqlite);
  });

  it('reads the legacy code tables through a query file, with labels', () => {
    for (const engine of engines) {
      const codes = canonicalSnapshot(desks[engine].dir).code_value as Array<Record<string, unknown>>;
      expect(codes, engine).toContainEqual({
        id: 'licenceStatus:S',
        code_table: 'licenceStatus',
        code: 'S',
        label: 'Suspended',
      });
      expect(codes.filter((c) => c.code_table === 'licenceType').length, engine).toBe(15);
    }
  });

  it('reads DECIMAL amounts exactly, as cents, matching the legacy text', async () => {
    const rows = await queryLegacy<{ PAYNO: unknown; AMT: string }>(
      desks.postgres.connection!,
      'SELECT "PAYNO", CAST("PAYAMT" AS VARCHAR(40)) AS "AMT" FROM "PAYHST" ORDER BY "PAYNO" LIMIT 200',
    );
    const db = new Database(join(desks.postgres.dir, 'cache.sqlite'), { readonly: true });
    for (const row of rows) {
      const cached = db.prepare('SELECT amount_cents FROM payment WHERE id = ?').get(String(row.PAYNO)) as {
        amount_cents: number;
      };
      const [whole, frac = ''] = row.AMT.trim().split('.');
      expect(cached.amount_cents).toBe(
        Number(whole) * 100 + Math.sign(Number(`${whole}1`)) * Number(frac.padEnd(2, '0').slice(0, 2)),
      );
    }
    db.close();
  });

  it('turns legacy dirt into clean values and records what it could not read', () => {
    const db = new Database(join(desks.sqlite.dir, 'cache.sqlite'), { readonly: true });
    const dates = db.prepare('SELECT opened_on FROM business WHERE opened_on IS NOT NULL').all() as {
      opened_on: string;
    }[];
    for (const d of dates) expect(d.opened_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(dates.some((d) => d.opened_on === '1987-01-01')).toBe(false); // the placeholder became "unknown"
    const names = db.prepare('SELECT name FROM business').all() as { name: string }[];
    for (const n of names) expect(n.name).toBe(n.name.trim().replace(/\s+/g, ' '));
    const issues = db
      .prepare(`SELECT count(*) AS n FROM data_issue WHERE dataset = 'business' AND field = 'openedOn'`)
      .get() as { n: number };
    expect(issues.n).toBeGreaterThan(0); // impossible dates such as 19990231 are reported, not invented
    const audit = db.prepare(`SELECT action FROM audit_log WHERE action = 'cache.refresh'`).all();
    expect(audit).toHaveLength(1);
    db.close();
  });

  it('finds licences by part of a business name, as JSON, on every engine', () => {
    const sample = canonicalSnapshot(desks.sqlite.dir).business![7] as { id: string; name: string };
    const part = partOfName(sample.name, 4);
    for (const engine of engines) {
      const results = searchLicences(desks[engine].dir, part, 500);
      expect(results.length, engine).toBeGreaterThan(0);
      expect(
        results.some((r) => r.businessId === sample.id),
        engine,
      ).toBe(true);
      for (const r of results) {
        expect(Object.keys(r)).toEqual(
          expect.arrayContaining(['licenceId', 'businessName', 'status', 'expiresOn']),
        );
      }
    }
  });

  it('says plainly when the legacy database cannot be reached, and keeps the cache', () => {
    const dir = desks.postgres.dir;
    const before = canonicalSnapshot(dir).licence!.length;
    workbenchOk(dir, [
      'connect',
      '--bridge',
      'riverton',
      '--connection',
      connectionFor('postgres', 'wbt_does_not_exist'),
    ]);
    const r = workbench(dir, ['sync']);
    expect(r.status).toBe(3); // the legacy database could not be reached: nothing lost, try later
    expect(r.stderr).toMatch(/Could not connect to the legacy database/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace for a person
    expect(canonicalSnapshot(dir).licence).toHaveLength(before);
    workbenchOk(dir, ['connect', '--bridge', 'riverton', '--connection', desks.postgres.connection!]);
  });

  it('refuses a connection string with a password: secrets never go into a file', () => {
    const r = workbench(desks.sqlite.dir, [
      'connect',
      '--bridge',
      'riverton',
      '--connection',
      'Driver=SQLite3;Database=/x;PWD=hunter2',
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Passwords are kept only in the OS keychain/);
    expect(r.stderr).not.toContain('hunter2');
  });
});
