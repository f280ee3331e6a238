// The second legacy system end to end on real parts: Lakeside's PermitFlow database (a 2000s,
// SQL Server-style product) is generated through the real CLI on PostgreSQL and MariaDB (test-owned
// databases) and SQLite; each desk syncs it through bridges/permitflow and its ODBC worker. The
// caches must hold the same canonical records, without the soft-deleted rows, with money exact to
// the cent and statuses mapped, and search must find licences by part of a business name.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalSnapshot } from './support/canonical-snapshot.ts';
import { removeDesks } from './support/desk-under-test.ts';
import { connectionFor, dropDatabase, queryLegacy, uniqueDatabaseName } from './support/legacy-databases.ts';
import { newDeskDir, partOfName, searchLicences, workbench, workbenchOk } from './support/workbench-cli.ts';

const SIZE = 1000;
const SEED = 13;
const engines = ['postgres', 'mariadb', 'sqlite'] as const;
const servers = ['postgres', 'mariadb'] as const;
type Engine = (typeof engines)[number];

interface Desk {
  dir: string;
  database?: string;
  connection: string;
  created: { system: string; counts: Record<string, number> };
}
const desks = {} as Record<Engine, Desk>;
const extraDatabases: Array<{ engine: 'postgres' | 'mariadb'; name: string }> = [];

beforeAll(() => {
  for (const engine of engines) {
    const dir = newDeskDir(`pf-${engine}`);
    const args = ['demo', 'create', '--system', 'permitflow', '--engine', engine, '--size', String(SIZE)];
    args.push('--seed', String(SEED), '--json');
    let database: string | undefined;
    if (engine !== 'sqlite') {
      database = uniqueDatabaseName(`pf_${engine}`);
      args.push('--connection', connectionFor(engine, database));
    }
    const created = JSON.parse(workbenchOk(dir, args)) as Desk['created'] & { connection: string };
    desks[engine] = { dir, ...(database ? { database } : {}), connection: created.connection, created };
    workbenchOk(dir, ['sync', '--json']);
  }
});

afterAll(async () => {
  await removeDesks(desks);
  for (const x of extraDatabases) await dropDatabase(x.engine, x.name).catch(() => {});
});

/** A query on the legacy database of a desk, with names quoted for its engine ({Name}). */
function legacy<T>(engine: Engine, sql: string): Promise<T[]> {
  const quoted = sql.replace(/\{(\w+)\}/g, (_, n: string) => (engine === 'mariadb' ? `\`${n}\`` : `"${n}"`));
  return queryLegacy<T>(desks[engine].connection, quoted);
}

const textOf = (engine: Engine, expr: string) =>
  engine === 'mariadb'
    ? `CAST(${expr} AS CHAR(40))`
    : engine === 'sqlite'
      ? `CAST(${expr} AS TEXT)`
      : `CAST(${expr} AS VARCHAR(40))`;

/** Exact cents of DECIMAL text ('157.5000', '-37.5', '5'), by string arithmetic. */
function centsOfText(text: string): number {
  const [whole, frac = ''] = text.trim().replace(/^-/, '').split('.');
  expect(frac.slice(2).replace(/0/g, ''), `${text} has no fraction of a cent`).toBe('');
  const cents = Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
  return text.trim().startsWith('-') ? -cents : cents;
}

function cache(engine: Engine) {
  return new Database(join(desks[engine].dir, 'cache.sqlite'), { readonly: true });
}

describe('PermitFlow through ODBC on PostgreSQL, MariaDB and SQLite', () => {
  it('creates the database through the CLI and points each desk at the permitflow bridge', () => {
    for (const engine of engines) {
      const d = desks[engine];
      expect(d.created.system).toBe('permitflow');
      expect(d.created.counts.Permits, engine).toBe(SIZE);
      expect(d.created.counts.PermitFlowDemo).toBe(1);
      const status = JSON.parse(workbenchOk(d.dir, ['status', '--json'])) as {
        bridge: string;
        legacyEngine: string;
      };
      expect(status).toMatchObject({ bridge: 'permitflow', legacyEngine: engine });
    }
  });

  it('adds the foreign keys on the servers once the rows are in', async () => {
    for (const engine of servers) {
      const [fks] = await legacy<{ N: unknown }>(
        engine,
        'SELECT COUNT(*) AS {N} FROM information_schema.referential_constraints ' +
          `WHERE constraint_schema = ${engine === 'mariadb' ? 'DATABASE()' : 'current_schema()'}`,
      );
      expect(Number(fks!.N), engine).toBe(7);
    }
  });

  it('gives the same canonical records on PostgreSQL, MariaDB and SQLite', () => {
    const postgres = canonicalSnapshot(desks.postgres.dir);
    expect(postgres.licence!.length).toBeGreaterThan(SIZE * 0.97);
    expect(postgres.payment!.length).toBeGreaterThan(SIZE * 2);
    expect(postgres.code_value!.length).toBeGreaterThan(20);
    expect(canonicalSnapshot(desks.mariadb.dir)).toEqual(postgres);
    expect(canonicalSnapshot(desks.sqlite.dir)).toEqual(postgres);
  });

  it('loads every live row and no soft-deleted one', async () => {
    for (const engine of servers) {
      const deletedPermits = await legacy<{ N: string }>(
        engine,
        'SELECT {PermitNumber} AS {N} FROM {Permits} WHERE {IsDeleted} = TRUE',
      );
      const deletedBusinesses = await legacy<{ N: number }>(
        engine,
        'SELECT {BusinessId} AS {N} FROM {Businesses} WHERE {IsDeleted} = TRUE',
      );
      expect(deletedPermits.length, engine).toBeGreaterThan(0);
      expect(deletedBusinesses.length, engine).toBeGreaterThan(0);
      const [live] = await legacy<{ P: unknown; B: unknown; Y: unknown }>(
        engine,
        'SELECT (SELECT COUNT(*) FROM {Permits} WHERE {IsDeleted} = FALSE) AS {P}, ' +
          '(SELECT COUNT(*) FROM {Businesses} WHERE {IsDeleted} = FALSE) AS {B}, ' +
          '(SELECT COUNT(*) FROM {Payments}) AS {Y}',
      );
      const db = cache(engine);
      try {
        const count = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
        expect(count('licence'), engine).toBe(Number(live!.P));
        expect(count('business'), engine).toBe(Number(live!.B));
        // Deleted permits were keyed in error: no payment hangs off them, so every payment is in.
        expect(count('payment'), engine).toBe(Number(live!.Y));
        const licence = db.prepare('SELECT 1 FROM licence WHERE id = ?');
        for (const p of deletedPermits) expect(licence.get(p.N.trim().toUpperCase()), p.N).toBeUndefined();
        const business = db.prepare('SELECT 1 FROM business WHERE id = ?');
        for (const b of deletedBusinesses) expect(business.get(String(b.N))).toBeUndefined();
        const orphans = db
          .prepare(
            'SELECT count(*) AS n FROM licence l LEFT JOIN business b ON b.id = l.business_id WHERE b.id IS NULL',
          )
          .get() as { n: number };
        expect(orphans.n).toBe(0);
      } finally {
        db.close();
      }
    }
  });

  it('reads DECIMAL(19,4) money exactly, as cents, matching the legacy text', async () => {
    for (const engine of engines) {
      const payments = await legacy<{ I: unknown; A: string }>(
        engine,
        `SELECT {PaymentId} AS {I}, ${textOf(engine, '{Amount}')} AS {A} FROM {Payments} ORDER BY {PaymentId}`,
      );
      const fees = await legacy<{ N: string; F: string | null }>(
        engine,
        `SELECT {PermitNumber} AS {N}, ${textOf(engine, '{AnnualFee}')} AS {F} FROM {Permits} WHERE {IsDeleted} = FALSE`,
      );
      const db = cache(engine);
      try {
        const paid = new Map(
          (
            db.prepare('SELECT id, amount_cents FROM payment').all() as { id: string; amount_cents: number }[]
          ).map((r) => [r.id, r.amount_cents]),
        );
        expect(payments.length).toBe(paid.size);
        if (engine !== 'sqlite')
          expect(payments.some((p) => p.A.endsWith('00') && p.A.includes('.'))).toBe(true);
        expect(payments.some((p) => p.A.trim().startsWith('-'))).toBe(true); // refunds
        for (const p of payments)
          expect(paid.get(String(p.I)), `${engine} payment ${p.I}`).toBe(centsOfText(p.A));
        const fee = db.prepare('SELECT fee_cents AS f FROM licence WHERE id = ?');
        for (const l of fees) {
          const cached = (fee.get(l.N.trim().toUpperCase()) as { f: number | null }).f;
          expect(cached).toBe(l.F === null ? null : centsOfText(l.F));
        }
      } finally {
        db.close();
      }
    }
  });

  it('maps status and tender codes as the bridge says', async () => {
    const statusOf: Record<number, string> = {
      1: 'active',
      2: 'expired',
      3: 'suspended',
      4: 'revoked',
      5: 'unknown',
      6: 'closed',
    };
    const methodOf = (t: number | null) =>
      t === 1 ? 'cash' : t === 2 ? 'check' : t === 3 ? 'card' : 'other';
    for (const engine of servers) {
      const permits = await legacy<{ N: string; S: number }>(
        engine,
        'SELECT {PermitNumber} AS {N}, {StatusId} AS {S} FROM {Permits} WHERE {IsDeleted} = FALSE',
      );
      const tenders = await legacy<{ I: number; T: number | null }>(
        engine,
        'SELECT {PaymentId} AS {I}, {TenderType} AS {T} FROM {Payments}',
      );
      const db = cache(engine);
      try {
        const status = db.prepare('SELECT status FROM licence WHERE id = ?');
        const seen = new Set<string>();
        for (const p of permits) {
          const s = (status.get(p.N.trim().toUpperCase()) as { status: string }).status;
          expect(s, p.N).toBe(statusOf[Number(p.S)]);
          seen.add(s);
        }
        expect([...seen].sort()).toEqual(['active', 'closed', 'expired', 'revoked', 'suspended', 'unknown']);
        const method = db.prepare('SELECT method FROM payment WHERE id = ?');
        for (const t of tenders)
          expect((method.get(String(t.I)) as { method: string }).method).toBe(
            methodOf(t.T === null ? null : Number(t.T)),
          );
        const labels = db
          .prepare("SELECT code, label FROM code_value WHERE code_table = 'licenceStatus' ORDER BY code")
          .all();
        expect(labels).toEqual([
          { code: '1', label: 'Issued' },
          { code: '2', label: 'Expired' },
          { code: '3', label: 'Suspended' },
          { code: '4', label: 'Revoked' },
          { code: '5', label: 'Pending' },
          { code: '6', label: 'Closed' },
        ]);
      } finally {
        db.close();
      }
    }
  });

  it('reads its Inspections as the schedule too: status and result from Outcome, no score or grade', () => {
    for (const engine of servers) {
      const db = cache(engine);
      try {
        const rows = db
          .prepare(
            `SELECT s.status, s.result, s.score, s.grade, s.scheduled_on, i.result AS history
             FROM scheduled_inspection s JOIN inspection i ON i.id = s.id`,
          )
          .all() as Array<Record<string, unknown>>;
        expect(rows.length, engine).toBe(
          (db.prepare('SELECT COUNT(*) AS n FROM inspection').get() as { n: number }).n,
        );
        const expected: Record<string, [string, string | null]> = {
          pass: ['done', 'pass'],
          fail: ['done', 'fail'],
          reinspect: ['done', 'fail'],
          pending: ['scheduled', null],
        };
        for (const r of rows) {
          expect(r.scheduled_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect([r.score, r.grade]).toEqual([null, null]);
          const want = expected[String(r.history)];
          if (want) expect([r.status, r.result]).toEqual(want);
        }
        expect(new Set(rows.map((r) => r.status))).toContain('scheduled');
      } finally {
        db.close();
      }
    }
  });

  it('finds licences by part of a business name, as JSON, on both servers', () => {
    const snap = canonicalSnapshot(desks.postgres.dir);
    const withLicence = new Set(snap.licence!.map((l) => l.business_id));
    const sample = snap.business!.filter((b) => withLicence.has(b.id))[11] as { id: string; name: string };
    const part = partOfName(sample.name, 5);
    for (const engine of servers) {
      const results = searchLicences(desks[engine].dir, part, 500);
      expect(results.length, engine).toBeGreaterThan(0);
      expect(
        results.some((r) => r.businessId === sample.id && r.businessName === sample.name),
        `${engine}: "${part}" finds ${sample.name}`,
      ).toBe(true);
    }
    // A permit number finds its licence too.
    const licence = snap.licence!.find((l) => String(l.id).startsWith('LK-')) as { id: string };
    for (const engine of servers) {
      const results = searchLicences(desks[engine].dir, licence.id);
      expect(results.map((r) => r.licenceId)).toContain(licence.id);
    }
  });

  it('refuses renewals and payments at the counter while the bridge has no write statements, recording nothing', () => {
    const dir = desks.sqlite.dir;
    const licenceId = String(canonicalSnapshot(dir).licence![0]!.id);
    const renew = workbench(dir, ['renew', licenceId]);
    expect(renew.status).toBe(1);
    expect(renew.stderr).toMatch(
      /does not take renewals from the workbench yet: IT must add a "renewLicence" command/,
    );
    const pay = workbench(dir, ['pay', licenceId, '--amount', '100', '--method', 'cash']);
    expect(pay.status).toBe(1);
    expect(pay.stderr).toMatch(/does not take payments/);
    expect(JSON.parse(workbenchOk(dir, ['outbox', '--all', '--json']))).toEqual([]);
  });

  it('refuses a database that has PermitFlow-named tables but no PermitFlowDemo marker', async () => {
    const name = uniqueDatabaseName('pf_real');
    extraDatabases.push({ engine: 'postgres', name });
    await queryLegacy(connectionFor('postgres', 'postgres'), `CREATE DATABASE "${name}"`);
    await queryLegacy(connectionFor('postgres', name), 'CREATE TABLE "Businesses" ("BusinessId" integer)');
    const dir = newDeskDir('pf-refused');
    try {
      const r = workbench(dir, [
        'demo',
        'create',
        '--system',
        'permitflow',
        '--engine',
        'postgres',
        '--size',
        '10',
        '--connection',
        connectionFor('postgres', name),
      ]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/already has tables named like PermitFlow's \(Businesses\)/);
      const left = await queryLegacy(
        connectionFor('postgres', name),
        'SELECT COUNT(*) AS "N" FROM "Businesses"',
      );
      expect(Number((left[0] as { N: unknown }).N)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
