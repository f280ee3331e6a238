// A change the legacy database refuses, deterministically, must not block the desk (issue 11, 2).
// Riverton on PostgreSQL and on MariaDB, with two planted refusals: a CHECK constraint that
// freezes one licence's expiry (its renewal is refused, SQLSTATE 23514 / 4025), and PAYHST.PAYAMT
// narrowed to DECIMAL(7,2), so a payment of $150,000.00 overflows it (22003). Each refused entry is
// parked for a person with the legacy database's words; a later change to the same licence waits
// behind it; the ten changes to other licences reach the legacy database; `sync` says how many
// changes need a person and exits 4. Then a person edits one and discards the other, and everything
// that waited reaches the legacy database exactly once.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ServerEngine,
  connectionFor,
  dropDatabase,
  uniqueDatabaseName,
} from '../integration/support/legacy-databases.ts';
import { newDeskDir } from '../integration/support/workbench-cli.ts';
import { runDesk, runDeskJson } from './support/desk-commands.ts';
import { startDesk } from './support/processes.ts';
import {
  cacheRows,
  isoToCyymmdd,
  legacyBaseline,
  legacyLicences,
  legacyPaymentsAbove,
  legacyQuery,
  licencesInRenewalWindow,
  renewableLicences,
} from './support/riverton-ledger.ts';

interface ConflictJson {
  id: number;
  kind: string;
  command: string;
  licenceId: string;
  legacyMessage: string | null;
  explanation: string;
  status: string;
}
interface SyncJson {
  push: { applied: number; conflicts: number; refused: number; held: number; remaining: number };
  needPerson: number;
}

/** The planted refusals, in each engine's SQL. */
const plant: Record<ServerEngine, (licence: string, expiry: number) => string[]> = {
  postgres: (licence, expiry) => [
    `ALTER TABLE {LICMST} ADD CONSTRAINT wb_frozen_licence CHECK (TRIM({LICNO}) <> '${licence}' OR {LICEXP} = ${expiry})`,
    `ALTER TABLE {PAYHST} ALTER COLUMN {PAYAMT} TYPE DECIMAL(7,2)`,
  ],
  mariadb: (licence, expiry) => [
    `ALTER TABLE {LICMST} ADD CONSTRAINT wb_frozen_licence CHECK (TRIM({LICNO}) <> '${licence}' OR {LICEXP} = ${expiry})`,
    `ALTER TABLE {PAYHST} MODIFY {PAYAMT} DECIMAL(7,2)`,
  ],
};

describe.each(['postgres', 'mariadb'] as const)('a change %s refuses', (engine) => {
  const dir = newDeskDir(`refusal-${engine}`);
  const database = uniqueDatabaseName(`refusal_${engine}`);
  const direct = connectionFor(engine, database);
  let frozen: string; // the licence whose renewal the CHECK constraint refuses
  let frozenExpiry: string | null;
  let overflowing: string; // the licence paid $150,000.00
  let others: string[] = [];
  let maxPayNo = 0;
  const tenAmounts = Array.from({ length: 10 }, (_, i) => 31_001 + i * 7);

  beforeAll(async () => {
    await runDesk(dir, [
      'demo',
      'create',
      '--engine',
      engine,
      '--size',
      '200',
      '--seed',
      '23',
      '--connection',
      direct,
    ]);
    await runDesk(dir, ['sync']);
    await runDesk(dir, ['drawer', 'open', '--float', '0']);
    frozen = licencesInRenewalWindow(dir)[0]!;
    expect(frozen).toBeTruthy();
    const pool = renewableLicences(dir, 6)
      .map((l) => l.id)
      .filter((id) => id !== frozen);
    overflowing = pool[0]!;
    others = pool.slice(1);
    expect(others.length).toBeGreaterThanOrEqual(3);
    const baseline = await legacyBaseline(direct, [frozen]);
    frozenExpiry = baseline.licences.get(frozen)!.expiresOn;
    maxPayNo = baseline.maxPayNo;
    const ask = legacyQuery(direct);
    for (const sql of plant[engine](frozen, isoToCyymmdd(frozenExpiry!))) await ask(sql);
  }, 240_000);

  afterAll(async () => {
    await dropDatabase(engine, database).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  const pay = (licence: string, cents: number) =>
    runDeskJson<{ operationId: string }>(dir, [
      'pay',
      licence,
      '--amount',
      String(cents),
      '--method',
      'cash',
    ]);

  it('parks each refused change for a person, holds the changes behind it, and sends the ten others', async () => {
    await runDeskJson(dir, ['renew', frozen]); // refused by the CHECK constraint
    await pay(frozen, 1_234); // the same licence: waits behind the refused renewal
    await pay(overflowing, 15_000_000); // $150,000.00: more than DECIMAL(7,2) holds
    for (const [i, cents] of tenAmounts.entries()) await pay(others[i % others.length]!, cents);
    await pay(overflowing, 2_000); // the same licence as the overflowing payment: waits

    const sync = await startDesk(dir, ['sync', '--json']).result;
    console.log(`[refusal ${engine}] sync exit ${sync.status}: ${sync.stderr.trim()}`);
    expect(sync.status).toBe(4);
    expect(sync.stderr).toMatch(/2 changes need a person: see "workbench conflicts"/);
    expect(sync.stderr).not.toMatch(/could not be reached|away/i);
    const summary = JSON.parse(sync.stdout) as SyncJson;
    expect(summary.push).toMatchObject({ applied: 10, refused: 2, conflicts: 2, held: 2, remaining: 2 });
    expect(summary.needPerson).toBe(2);

    // The legacy database: the ten payments once each; nothing of the refused or held changes.
    const paid = await legacyPaymentsAbove(direct, maxPayNo);
    expect(paid.map((p) => p.cents).sort((a, b) => a - b)).toEqual(tenAmounts);
    expect((await legacyLicences(direct, [frozen])).get(frozen)!.expiresOn).toBe(frozenExpiry);

    // The person sees both, with the legacy database's words.
    const conflicts = await runDeskJson<ConflictJson[]>(dir, ['conflicts']);
    expect(conflicts.map((c) => [c.kind, c.command, c.licenceId])).toEqual([
      ['refused', 'renewLicence', frozen],
      ['refused', 'recordPayment', overflowing],
    ]);
    expect(conflicts[0]!.legacyMessage).toMatch(/wb_frozen_licence/i);
    expect(conflicts[1]!.legacyMessage).toMatch(/overflow|out of range/i);
    expect(conflicts[1]!.explanation).toMatch(/^The legacy database refused the payment of \$150000\.00/);
    const listed = await runDesk(dir, ['conflicts']);
    expect(listed).toContain(conflicts[1]!.legacyMessage!.replace(/\.$/, ''));

    // A second sync sends nothing of what waits behind them, and says so again.
    const again = await startDesk(dir, ['sync', '--json']).result;
    expect(again.status).toBe(4);
    expect((JSON.parse(again.stdout) as SyncJson).push).toMatchObject({ applied: 0, held: 2, remaining: 2 });
  }, 240_000);

  it('edit-and-apply and discard with a reason settle them; what waited behind them goes, exactly once', async () => {
    const [renewal, payment] = await runDeskJson<ConflictJson[]>(dir, ['conflicts']);
    await runDesk(dir, ['conflicts', 'resolve', String(payment!.id), '--edit', 'amountCents=15000']);
    await runDesk(dir, [
      'conflicts',
      'resolve',
      String(renewal!.id),
      '--discard',
      '--reason',
      'licence frozen by the city attorney',
    ]);
    const sync = await startDesk(dir, ['sync', '--json']).result;
    expect(sync.status, sync.stderr).toBe(0);
    expect((JSON.parse(sync.stdout) as SyncJson).push).toMatchObject({ applied: 3, held: 0, remaining: 0 });

    const paid = await legacyPaymentsAbove(direct, maxPayNo);
    expect(paid.map((p) => p.cents).sort((a, b) => a - b)).toEqual(
      [...tenAmounts, 1_234, 2_000, 15_000].sort((a, b) => a - b),
    );
    expect(paid.filter((p) => p.licenceId === frozen).map((p) => p.cents)).toEqual([1_234]);
    expect((await legacyLicences(direct, [frozen])).get(frozen)!.expiresOn).toBe(frozenExpiry);
    expect(new Set(paid.map((p) => p.payNo)).size).toBe(paid.length);

    // Audited: the refusal with its words, the edit, the discard with its reason.
    const audits = cacheRows<{ action: string; detail: string }>(
      dir,
      `SELECT action, detail FROM audit_log WHERE action IN ('replay.conflict', 'conflict.edit', 'conflict.discard') ORDER BY id`,
    );
    expect(audits.map((a) => a.action)).toEqual([
      'replay.conflict',
      'replay.conflict',
      'conflict.edit',
      'conflict.discard',
    ]);
    expect(audits[0]!.detail).toMatch(/"kind":"refused".*"legacyMessage":".*wb_frozen_licence/i);
    expect(audits[3]!.detail).toContain('licence frozen by the city attorney');
    expect(await runDeskJson<ConflictJson[]>(dir, ['conflicts'])).toEqual([]);
  }, 240_000);
});
