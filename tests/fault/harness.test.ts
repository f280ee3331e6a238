// The fault tests' own tools, tested on real parts before anything is concluded with them: the TCP
// proxy's COMMIT watch and lost acknowledgement on psqlODBC, the process-group bookkeeping of a
// killed desk, the seeded choices, and the ledger check that must catch a change lost or doubled.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import odbc from 'odbc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionFor, dropDatabase, uniqueDatabaseName } from '../integration/support/legacy-databases.ts';
import { newDeskDir } from '../integration/support/workbench-cli.ts';
import { demoOnDesks, runDesk } from './support/desk-commands.ts';
import { groupAlive, groupMembers, waitForGroupExit } from './support/processes.ts';
import { cacheRows, checkLedger, legacyBaseline, legacyQuery } from './support/riverton-ledger.ts';
import { seededRandom } from './support/seeded-random.ts';
import { type CommitEvent, startTcpProxy } from './support/tcp-proxy.ts';
import { meetingRenewalRequirementsIn } from '../support/renewal-requirements.ts';

describe('the TCP proxy watches COMMITs of psqlODBC', () => {
  const database = uniqueDatabaseName('harness_proxy');
  const direct = connectionFor('postgres', database);

  beforeAll(async () => {
    const admin = await odbc.connect(connectionFor('postgres', 'postgres'));
    try {
      await admin.query(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.close();
    }
    const conn = await odbc.connect(direct);
    try {
      await conn.query('CREATE TABLE t (id INTEGER PRIMARY KEY)');
    } finally {
      await conn.close();
    }
  });
  afterAll(() => dropDatabase('postgres', database));

  const count = async () => {
    const conn = await odbc.connect(direct);
    try {
      const rows = (await conn.query('SELECT count(*) AS n FROM t')) as unknown as Array<{ n: unknown }>;
      return Number(rows[0]!.n);
    } finally {
      await conn.close();
    }
  };

  it('tells when a transaction’s COMMIT goes out and is answered; a cursor read’s commit is not one', async () => {
    const proxy = await startTcpProxy(5432);
    const events: CommitEvent[] = [];
    const stop = proxy.onCommit((e) => events.push(e));
    // The worker's read options: psqlODBC reads through a cursor and ends it with `close ...;commit`.
    const conn = await odbc.connect(
      `${direct.replace('Port=5432', `Port=${proxy.port}`)};UseDeclareFetch=1;Fetch=100`,
    );
    try {
      await conn.query('SELECT id FROM t');
      expect(events).toEqual([]);
      await conn.beginTransaction();
      await conn.query('INSERT INTO t (id) VALUES (1)');
      await conn.commit();
      expect(events).toEqual(['sent', 'answered']);
    } finally {
      stop();
      await conn.close();
      await proxy.close();
    }
  });

  it('loses the answer to a COMMIT: the server committed, the client hears of a broken connection', async () => {
    const proxy = await startTcpProxy(5432);
    const conn = await odbc.connect(direct.replace('Port=5432', `Port=${proxy.port}`));
    try {
      const before = await count();
      await conn.beginTransaction();
      await conn.query('INSERT INTO t (id) VALUES (2)');
      const dropped = proxy.dropAfterCommit(10_000);
      const outcome = await conn.commit().then(
        () => 'committed',
        (err: unknown) => err,
      );
      await dropped;
      expect(outcome).toBeInstanceOf(Error);
      console.log(`[harness] psqlODBC on a lost COMMIT answer: ${(outcome as Error).message}`);
      expect(proxy.commitsDropped).toBe(1);
      expect(await count()).toBe(before + 1); // committed all the same
      // One shot: the next connection through the proxy works as before.
      const again = await odbc.connect(direct.replace('Port=5432', `Port=${proxy.port}`));
      await again.beginTransaction();
      await again.query('INSERT INTO t (id) VALUES (3)');
      await again.commit();
      await again.close();
      expect(await count()).toBe(before + 2);
    } finally {
      await conn.close().catch(() => {}); // its socket is gone
      await proxy.close();
    }
  });
});

describe('process groups of desks', () => {
  it('a killed parent’s orphaned child still counts; the group is gone when it ends', async () => {
    // A parent that forks a child which outlives it, both in a new process group.
    const parent = spawn(
      process.execPath,
      [
        '-e',
        `require('node:child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' }); setTimeout(() => {}, 60000);`,
      ],
      { detached: true, stdio: 'ignore' },
    );
    const pgid = parent.pid!;
    while (groupMembers(pgid).length < 2) await new Promise((r) => setTimeout(r, 20));
    const closed = new Promise((r) => parent.once('exit', r));
    process.kill(pgid, 'SIGKILL');
    await closed;
    expect(groupAlive(pgid)).toBe(true); // the orphan
    process.kill(-pgid, 'SIGKILL');
    await waitForGroupExit(pgid, 5_000);
    expect(groupAlive(pgid)).toBe(false);
  });
});

describe('seeded choices', () => {
  it('the same seed gives the same choices; weights are respected', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const seqA = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(seqA);
    expect(seededRandom(43).next()).not.toBe(seqA[0]);
    const r = seededRandom(7);
    const picks = Array.from({ length: 4000 }, () =>
      r.weighted([
        ['x', 3],
        ['y', 1],
      ] as const),
    );
    const xs = picks.filter((p) => p === 'x').length / picks.length;
    expect(xs).toBeGreaterThan(0.7);
    expect(xs).toBeLessThan(0.8);
    for (let i = 0; i < 200; i++) {
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
    }
  });
});

describe('the ledger check catches what it must', () => {
  const dir = newDeskDir('harness-ledger');
  const database = uniqueDatabaseName('harness_ledger');
  const connection = connectionFor('postgres', database);
  const legacy = legacyQuery(connection);
  const run = (args: string[]) => runDesk(dir, args);

  beforeAll(async () => {
    await demoOnDesks([{ dir, connection }], 200, 4);
  }, 120_000);
  afterAll(async () => {
    await dropDatabase('postgres', database).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes a desk whose changes are applied once; names a doubled payment, a stray one, a lost renewal and a claim not kept', async () => {
    const [a, b] = meetingRenewalRequirementsIn(
      dir,
      cacheRows<{ id: string }>(
        dir,
        `SELECT id FROM licence WHERE status = 'active' AND expires_on > date('now', '+1 year')
       AND NOT EXISTS (SELECT 1 FROM hold h WHERE h.licence_id = licence.id OR h.business_id = licence.business_id)
       AND NOT EXISTS (SELECT 1 FROM balance b WHERE b.business_id = licence.business_id)
       ORDER BY id`,
      ).map((r) => r.id),
    ) as [string, string];
    const baseline = await legacyBaseline(connection, [a, b]);
    const renewed = JSON.parse(await run(['renew', a, '--json'])) as { operationId: string };
    await run(['renew', a]);
    await run(['renew', b]);
    const paid = JSON.parse(await run(['pay', b, '--amount', '777001', '--method', 'card', '--json'])) as {
      operationId: string;
    };
    await run(['sync']);

    const clean = await checkLedger({
      desks: [dir],
      connection,
      baseline,
      claimed: [renewed.operationId, paid.operationId],
    });
    expect(clean.problems).toEqual([]);
    expect(clean).toMatchObject({ renewals: 3, payments: 1 });
    expect(clean.renewedLicences.get(a)).toBe(2);

    // Break the legacy database the ways the crash tests must notice.
    await legacy(
      `INSERT INTO {PAYHST} ({PAYNO}, {PAYLIC}, {PAYDTE}, {PAYAMT}, {PAYMTH}, {PAYRCT})
       SELECT {PAYNO} + 1000, {PAYLIC}, {PAYDTE}, {PAYAMT}, {PAYMTH}, {PAYRCT} FROM {PAYHST} WHERE {PAYAMT} = 7770.01`,
    );
    await legacy(
      `INSERT INTO {PAYHST} ({PAYNO}, {PAYLIC}, {PAYDTE}, {PAYAMT}, {PAYMTH}, {PAYRCT}) VALUES (99999, '${b}', '20260101', 12.34, 'CA', 'X')`,
    );
    const [before] = await legacy<{ LICEXP: unknown }>(
      `SELECT {LICEXP} FROM {LICMST} WHERE {LICNO} = '${a}'`,
    );
    await legacy(`UPDATE {LICMST} SET {LICEXP} = {LICEXP} - 10000 WHERE {LICNO} = '${a}'`); // a year less
    const broken = await checkLedger({ desks: [dir], connection, baseline, claimed: ['not-an-operation'] });
    expect(broken.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/operation not-an-operation was reported as taken .* in no outbox/),
        expect.stringMatching(/of 777001 cents: 2 legacy rows/),
        expect.stringMatching(/PAYNO 99999 of 1234 cents matches no payment/),
        expect.stringMatching(new RegExp(`licence ${a}: 2 renewal\\(s\\) from .* the legacy database has`)),
        expect.stringMatching(new RegExp(`licence ${a}: the cache of .* shows .*, the legacy database`)),
      ]),
    );
    expect(broken.problems).toHaveLength(5);
    await legacy(`UPDATE {LICMST} SET {LICEXP} = ${Number(before!.LICEXP)} WHERE {LICNO} = '${a}'`);
  });
});
