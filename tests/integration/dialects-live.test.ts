// The dialect SQL that can run here, run for real: composite-key paging walks every row exactly
// once, and the locking re-read returns the row (and holds it) inside a transaction.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import odbc from 'odbc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectTable, expandIdentifiers } from '../../src-main/node/bridge/dialects.ts';
import { loadBridge } from '../../src-main/node/bridge/load-bridge.ts';
import { buildReadPlan } from '../../src-main/node/bridge/read-plan.ts';
import { bindParams } from '../../src-main/node/bridge/command-params.ts';
import { createDemoCity } from '../../src-main/tooling/demo/create-demo-city.ts';
import { connectionFor, dropDatabase, uniqueDatabaseName } from './support/legacy-databases.ts';

const { definition } = loadBridge(join(import.meta.dirname, '../../bridges/riverton/bridge.yaml'));
const engines = ['sqlite', 'postgres', 'mariadb'] as const;
const dir = mkdtempSync(join(tmpdir(), 'wb-dialects-'));
const connections = {} as Record<(typeof engines)[number], string>;
const databases: Array<['postgres' | 'mariadb', string]> = [];

beforeAll(async () => {
  for (const engine of engines) {
    let connection: string | undefined;
    if (engine !== 'sqlite') {
      const db = uniqueDatabaseName(`dl_${engine}`);
      databases.push([engine, db]);
      connection = connectionFor(engine, db);
    }
    const made = await createDemoCity({
      engine,
      dataDir: join(dir, engine),
      size: 300,
      seed: 5,
      ...(connection ? { connection } : {}),
    });
    connections[engine] = made.connection;
  }
});
afterAll(async () => {
  for (const [engine, db] of databases) await dropDatabase(engine, db).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

describe.each(engines)('%s', (engine) => {
  it('pages a two-column key in order, each row once', async () => {
    const mapping = { ...definition.entities.payment!, key: ['PAYLIC', 'PAYNO'] };
    const plan = buildReadPlan(definition, 'payment', mapping, dialectTable[engine]);
    const conn = await odbc.connect(connections[engine]);
    try {
      const total = Number(
        (
          (await conn.query(
            `SELECT COUNT(*) AS ${dialectTable[engine].quote('N')} FROM ${dialectTable[engine].quote('PAYHST')}`,
          )) as unknown as { N: unknown }[]
        )[0]!.N,
      );
      const seen = new Set<string>();
      let after: Array<string | number> | null = null;
      for (let pages = 0; pages < 1000; pages++) {
        const rows = (await conn.query(plan.pageSql(after, 97))) as unknown as Record<
          string,
          string | number
        >[];
        for (const r of rows) {
          const id = String(r.c0);
          expect(seen.has(id)).toBe(false);
          seen.add(id);
        }
        if (rows.length < 97) break;
        const last = rows[rows.length - 1]!;
        after = [last.k0!, last.k1!];
      }
      expect(seen.size).toBe(total);
    } finally {
      await conn.close();
    }
  });

  it("runs Riverton's write statements, as replay will, and reads their effect back", async () => {
    const plan = buildReadPlan(definition, 'licence', definition.entities.licence!, dialectTable[engine]);
    const payments = buildReadPlan(definition, 'payment', definition.entities.payment!, dialectTable[engine]);
    const conn = await odbc.connect(connections[engine]);
    const values: Record<string, unknown> = {
      licenceId: 'RV-0000042',
      newExpiresOn: '2028-03-31',
      feeCents: 45005,
      renewedAt: '2026-11-23T15:04:05Z',
      amountCents: 45005,
      method: 'card',
      paidOn: '2026-11-23',
    };
    try {
      await conn.beginTransaction();
      for (const name of ['renewLicence', 'recordPayment'] as const) {
        for (const statement of definition.commands![name]!.statements) {
          const params = bindParams(statement.params, values, definition.time_zone);
          if ('query' in statement) {
            const rows = (await conn.query(
              expandIdentifiers(statement.query, dialectTable[engine]),
              params as (string | number)[],
            )) as unknown as Record<string, unknown>[];
            values[statement.into] = Number(Object.values(rows[0]!)[0]);
          } else {
            const result = await conn.query(
              expandIdentifiers(statement.sql, dialectTable[engine]),
              params as (string | number)[],
            );
            if (statement.expect_rows !== undefined) expect(result.count).toBe(statement.expect_rows);
          }
        }
      }
      const licence = plan.toRecord(((await conn.query(plan.rereadSql, ['RV-0000042'])) as never[])[0]!, []);
      expect(licence).toMatchObject({ expiresOn: '2028-03-31', feeCents: 45005, status: 'active' });
      expect(licence!.legacyUpdatedAt).toBe('2026-11-23T09:04:05-06:00');
      const paid = payments.toRecord(
        ((await conn.query(payments.rereadSql, [values.paymentNo as number])) as never[])[0]!,
        [],
      );
      expect(paid).toMatchObject({
        licenceId: 'RV-0000042',
        amountCents: 45005,
        method: 'card',
        paidOn: '2026-11-23',
      });
      await conn.rollback();
    } finally {
      await conn.close();
    }
  });

  it('re-reads one licence with its lock inside a transaction', async () => {
    const plan = buildReadPlan(definition, 'licence', definition.entities.licence!, dialectTable[engine]);
    const conn = await odbc.connect(connections[engine]);
    try {
      await conn.beginTransaction();
      const rows = (await conn.query(plan.rereadSql, ['RV-0000042'])) as unknown as Record<string, unknown>[];
      expect(rows).toHaveLength(1);
      const record = plan.toRecord(rows[0] as never, []);
      expect(record).toMatchObject({ id: 'RV-0000042' });
      await conn.rollback();
    } finally {
      await conn.close();
    }
  });
});
