// Renewal requirements on a real desk (Riverton's demo city on SQLite, through the contract's
// handlers): a food licence in its renewal window, with no hold and nothing owed but no passed
// health inspection in the last 12 months, is refused at the counter in plain words with nothing
// recorded, and a batch's validation lists the same requirement as its problem; once the legacy
// system has a passed health inspection and the desk syncs, the same licence renews and validates.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../src-main/common/contract.ts';
import { zonedIso } from '../../src-main/common/time.ts';
import { dialectTable, expandIdentifiers } from '../../src-main/node/bridge/dialects.ts';
import { type Desk, openDesk } from '../../src-main/node/desk/open-desk.ts';
import { createHandlers } from '../../src-main/node/handlers/handlers.ts';
import { queryLegacy } from './support/legacy-databases.ts';
import { newDeskDir, workbenchOk } from './support/workbench-cli.ts';

describe('renewal requirements at the counter and in a batch', () => {
  const dir = newDeskDir('renewal-requirements');
  let desk: Desk;
  let api: Handlers;
  let connection = '';
  let licenceId = '';
  const legacy = <T = Record<string, unknown>>(sql: string) =>
    queryLegacy<T>(connection, expandIdentifiers(sql, dialectTable.sqlite));
  const count = (sql: string, ...args: unknown[]) =>
    (desk.cache.prepare(sql).get(...args) as { n: number }).n;

  beforeAll(() => {
    workbenchOk(dir, ['demo', 'create', '--engine', 'sqlite', '--size', '400', '--seed', '8']);
    workbenchOk(dir, ['sync']);
    connection = (JSON.parse(readFileSync(join(dir, 'desk.json'), 'utf8')) as { connection: string })
      .connection;
    desk = openDesk({ dataDir: dir });
    api = createHandlers(desk);
  }, 120_000);
  afterAll(() => {
    desk?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a food licence with nothing else against it but no recent health inspection cannot be renewed', async () => {
    const candidates = desk.cache
      .prepare(
        `SELECT id FROM licence WHERE licence_type_code = 'FOOD' AND status = 'active'
           AND expires_on > date('now') AND expires_on <= date('now', '+80 days') ORDER BY id`,
      )
      .all() as { id: string }[];
    for (const c of candidates) {
      const check = await api['fees.quote']({ licenceId: c.id });
      if (check.problems.map((p) => p.code).join() === 'renewal.requirement') {
        licenceId = c.id;
        expect(check.ok).toBe(false);
        expect(check.quote?.totalCents).toBeGreaterThan(0);
        expect(check.problems[0]!.detail).toMatchObject({
          requirement: 'HEALTH',
          inspectionKind: 'HLTH',
          withinMonths: 12,
        });
        break;
      }
    }
    expect(licenceId, 'a food licence held back only by its health inspection').not.toBe('');

    const before = {
      outbox: count('SELECT count(*) AS n FROM outbox'),
      audit: count('SELECT count(*) AS n FROM audit_log'),
      expires: desk.cache.prepare('SELECT expires_on FROM licence WHERE id = ?').get(licenceId),
    };
    await expect(api['licences.renew']({ licenceId })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(
        new RegExp(
          `^Licence ${licenceId} cannot be renewed today\\. .*needs a passed health inspection .*An inspector must record a passed inspection before it can be renewed\\. Nothing was recorded\\.$`,
        ),
      ),
    });
    expect(count('SELECT count(*) AS n FROM outbox')).toBe(before.outbox);
    expect(count('SELECT count(*) AS n FROM audit_log')).toBe(before.audit);
    expect(desk.cache.prepare('SELECT expires_on FROM licence WHERE id = ?').get(licenceId)).toEqual(
      before.expires,
    );
  });

  it("a batch's validation lists the missing requirement as the licence's problem", async () => {
    const batch = await api['batches.create']({
      criteria: { kind: 'expiring', withinDays: 80, licenceTypeCode: 'FOOD', limit: 200 },
      chunkSize: 5,
    });
    expect(batch.items.map((i) => i.licenceId)).toContain(licenceId);
    const validated = await api['batches.validate']({ batchId: batch.id });
    const item = validated.items.find((i) => i.licenceId === licenceId)!;
    expect(item.problems).toEqual([
      expect.objectContaining({
        code: 'renewal.requirement',
        message: expect.stringContaining('needs a passed health inspection'),
        detail: expect.objectContaining({ requirement: 'HEALTH', since: expect.any(String) }),
      }),
    ]);
    expect(validated.state).toBe('draft');
    expect(validated.counts.invalid).toBeGreaterThanOrEqual(1);
    await api['batches.cancel']({ batchId: batch.id, reason: 'test of the validation only' });
  });

  it('once a passed health inspection reaches the desk, the same licence validates and renews', async () => {
    const today = zonedIso(new Date(), desk.timeZone).slice(0, 10);
    const cyymmdd = Number(`${Number(today.slice(0, 2)) - 19}${today.slice(2).replaceAll('-', '')}`);
    const [top] = await legacy<{ next: unknown }>('SELECT MAX({INSNO}) + 1 AS next FROM {INSPCT}');
    await legacy(
      `INSERT INTO {INSPCT} ({INSNO}, {INSLIC}, {INSDTE}, {INSTYP}, {INSRES}, {INSBY}, {INSNOT})
       VALUES (${Number(top!.next)}, '${licenceId}', ${cyymmdd}, 'HLTH', 'P', 'RDIAZ', '')`,
    );
    workbenchOk(dir, ['sync']);
    expect(
      count(`SELECT count(*) AS n FROM inspection WHERE licence_id = ? AND result = 'pass'`, licenceId),
    ).toBeGreaterThanOrEqual(1);

    const batch = await api['batches.create']({
      criteria: { kind: 'expiring', withinDays: 80, licenceTypeCode: 'FOOD', limit: 200 },
      chunkSize: 5,
    });
    const validated = await api['batches.validate']({ batchId: batch.id });
    expect(validated.items.find((i) => i.licenceId === licenceId)!.problems).toEqual([]);
    await api['batches.cancel']({ batchId: batch.id, reason: 'test of the validation only' });

    const renewed = await api['licences.renew']({ licenceId });
    expect(renewed.newExpiresOn > renewed.previousExpiresOn!).toBe(true);
    expect(
      count(
        `SELECT count(*) AS n FROM outbox WHERE command = 'renewLicence' AND payload LIKE ?`,
        `%${licenceId}%`,
      ),
    ).toBe(1);
  }, 60_000);
});
