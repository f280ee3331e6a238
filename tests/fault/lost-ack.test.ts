// A lost acknowledgement: the legacy database commits a replayed change, and the connection drops
// before the desk hears of it. The test-owned proxy in front of a test-owned PostgreSQL server lets
// the desk's COMMIT through and destroys the connection instead of forwarding the server's answer.
// The desk must leave the entry in doubt (not applied, not failed), and the next sync must settle
// it as applied without applying it again: by re-reading (the bridge's applied_check) without the
// operation journal, by the journal with it. Changes queued behind it are applied normally.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../src-main/common/licence-rules.ts';
import { newDeskDir } from '../integration/support/workbench-cli.ts';
import { runDesk, runDeskJson } from './support/desk-commands.ts';
import { type LegacyBehindProxies, demoBehindOneLink } from './support/legacy-behind-proxies.ts';
import { startDesk } from './support/processes.ts';
import {
  type LegacyBaseline,
  type OutboxJson,
  type RenewableLicence,
  cacheRows,
  checkLedger,
  legacyBaseline,
  legacyLicences,
  legacyPaymentsAbove,
  outboxOf,
  renewableLicences,
} from './support/riverton-ledger.ts';
import type { TcpProxy } from './support/tcp-proxy.ts';

let legacy: LegacyBehindProxies | undefined;
let proxy: TcpProxy;
let direct: string;
let baseline: LegacyBaseline;
const dir = newDeskDir('lost-ack');
const claimed: string[] = [];
let licences: RenewableLicence[] = [];

const run = (args: string[]) => runDesk(dir, args);
const take = async <T extends { operationId: string }>(args: string[]): Promise<T> => {
  const result = await runDeskJson<T>(dir, args);
  claimed.push(result.operationId);
  return result;
};
const entry = async (operationId: string): Promise<OutboxJson> =>
  (await outboxOf(dir)).find((e) => e.operationId === operationId)!;

/** A sync whose first COMMIT answer the proxy loses: it must end in exit 3, the change in doubt. */
async function syncLosingTheAnswer(): Promise<{ status: number | null; stderr: string; stdout: string }> {
  const dropped = proxy.dropAfterCommit(60_000);
  const r = await startDesk(dir, ['sync', '--json']).result;
  await dropped;
  console.log(`[lost-ack] sync with the COMMIT answer lost: exit ${r.status}: ${r.stderr.trim()}`);
  return r;
}

async function expiryNow(id: string): Promise<string | null> {
  return (await legacyLicences(direct, [id])).get(id)!.expiresOn;
}

beforeAll(async () => {
  ({ legacy, link: proxy } = await demoBehindOneLink([dir], 300, 21));
  direct = legacy.direct;
  licences = renewableLicences(dir, 6);
  expect(licences).toHaveLength(6);
  baseline = await legacyBaseline(
    direct,
    licences.map((l) => l.id),
  );
}, 180_000);

afterAll(async () => {
  await legacy?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each([
  { journal: false, via: 'check', renew: 0, pay: 1, next: 2 },
  { journal: true, via: 'journal', renew: 3, pay: 4, next: 5 },
])('the answer to a COMMIT is lost, journal installed: $journal', ({ journal, via, renew, pay, next }) => {
  beforeAll(async () => {
    if (journal)
      expect(await run(['bridge', 'install-journal', 'riverton'])).toMatch(/Created the operation journal/);
  });

  it('a renewal: left in doubt, then settled as applied by the next sync, not applied again; the change behind it is applied', async () => {
    const l = licences[renew]!;
    const queued = licences[next]!;
    const renewal = await take<{ operationId: string; payload: { newExpiresOn: string } }>(['renew', l.id]);
    const behind = await take<{ operationId: string }>(['renew', queued.id]);
    expect(renewal.payload.newExpiresOn).toBe(addMonths(l.expiresOn, l.termMonths));

    const lost = await syncLosingTheAnswer();
    expect(lost.status).toBe(3);
    expect(lost.stderr).toMatch(/^workbench: .*legacy database/m);
    expect(proxy.commitsDropped).toBeGreaterThan(0);
    // The legacy database committed it; the desk does not know, and says so.
    expect(await expiryNow(l.id)).toBe(renewal.payload.newExpiresOn);
    expect(await entry(renewal.operationId)).toMatchObject({ status: 'pending', inDoubt: true, attempts: 1 });
    expect(await entry(behind.operationId)).toMatchObject({ status: 'pending', inDoubt: false, attempts: 0 });

    const settled = await runDeskJson<{ push: Record<string, unknown> }>(dir, ['sync']);
    expect(settled.push).toMatchObject({ applied: 1, alreadyApplied: 1, conflicts: 0, remaining: 0 });
    expect(await expiryNow(l.id)).toBe(renewal.payload.newExpiresOn); // once, not twice
    expect(await expiryNow(queued.id)).toBe(addMonths(queued.expiresOn, queued.termMonths));
    expect(await entry(renewal.operationId)).toMatchObject({ status: 'applied', inDoubt: false });
    const audit = cacheRows<{ detail: string }>(
      dir,
      `SELECT detail FROM audit_log WHERE action = 'replay.already_applied' AND detail LIKE ?`,
      `%${renewal.operationId}%`,
    );
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ via });
  });

  it('a payment: left in doubt, then settled as applied with the legacy number; one PAYHST row', async () => {
    const l = licences[pay]!;
    const cents = journal ? 880_002 : 880_001;
    const payment = await take<{ operationId: string; paymentId: string }>([
      'pay',
      l.id,
      '--amount',
      String(cents),
      '--method',
      'check',
    ]);
    const lost = await syncLosingTheAnswer();
    expect(lost.status).toBe(3);
    const rows = (await legacyPaymentsAbove(direct, baseline.maxPayNo)).filter((r) => r.cents === cents);
    expect(rows).toHaveLength(1); // committed
    expect(await entry(payment.operationId)).toMatchObject({ status: 'pending', inDoubt: true });
    // Until settled, the desk still shows its provisional payment.
    expect(cacheRows(dir, 'SELECT id FROM payment WHERE id = ?', payment.paymentId)).toHaveLength(1);

    const settled = await runDeskJson<{ push: Record<string, unknown> }>(dir, ['sync']);
    expect(settled.push).toMatchObject({ applied: 0, alreadyApplied: 1, conflicts: 0, remaining: 0 });
    const after = (await legacyPaymentsAbove(direct, baseline.maxPayNo)).filter((r) => r.cents === cents);
    expect(after).toEqual(rows); // still the one row
    expect(await entry(payment.operationId)).toMatchObject({
      status: 'applied',
      legacyResult: { paymentNo: rows[0]!.payNo },
    });
    expect(cacheRows(dir, 'SELECT id FROM payment WHERE id = ?', payment.paymentId)).toEqual([]);
    expect(
      cacheRows<{ receipt_no: string }>(
        dir,
        'SELECT receipt_no FROM payment WHERE id = ?',
        String(rows[0]!.payNo),
      ),
    ).toEqual([{ receipt_no: rows[0]!.receiptNo }]);
  });

  it('the legacy database holds every change of the desk exactly once', async () => {
    const ledger = await checkLedger({ desks: [dir], connection: direct, baseline, claimed });
    expect(ledger.problems).toEqual([]);
  });
});
