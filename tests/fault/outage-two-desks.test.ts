// An outage with two desks at the counter: both reach a test-owned PostgreSQL server (Riverton)
// through a test-owned TCP proxy, and are synced. The proxy cuts the network; both desks keep
// renewing licences and taking payments (the command line works from the cache), and their syncs
// end with exit 3, keeping every change. The network comes back; both sync, and everything queued
// is applied exactly once, and both caches agree with each other and with the legacy database.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalSnapshot } from '../integration/support/canonical-snapshot.ts';
import { newDeskDir } from '../integration/support/workbench-cli.ts';
import { runDesk, runDeskJson } from './support/desk-commands.ts';
import { type LegacyBehindProxies, demoBehindOneLink } from './support/legacy-behind-proxies.ts';
import { startDesk } from './support/processes.ts';
import {
  type LegacyBaseline,
  cacheRows,
  cachedCanonical,
  checkLedger,
  legacyBaseline,
  legacyCanonical,
  outboxOf,
} from './support/riverton-ledger.ts';
import type { TcpProxy } from './support/tcp-proxy.ts';
import { meetingRenewalRequirementsIn } from '../support/renewal-requirements.ts';

let legacy: LegacyBehindProxies | undefined;
let proxy: TcpProxy;
let direct: string;
let baseline: LegacyBaseline;
const deskA = newDeskDir('outage-a');
const deskB = newDeskDir('outage-b');
const claimed: string[] = [];
/** Each desk renews its own licences (the same licence on two desks is two-desk-conflict.test.ts). */
let mine: Record<string, string[]> = {};

const take = async (dir: string, args: string[]) => {
  const { operationId } = await runDeskJson<{ operationId: string }>(dir, args);
  claimed.push(operationId);
  return operationId;
};

beforeAll(async () => {
  // Both desks share one link: one cut takes both offline.
  ({ legacy, link: proxy } = await demoBehindOneLink([deskA, deskB], 400, 31));
  direct = legacy.direct;
  const candidates = cacheRows<{ id: string }>(
    deskA,
    `SELECT id FROM licence WHERE status IN ('active', 'expired') AND expires_on IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM hold h WHERE h.licence_id = licence.id OR h.business_id = licence.business_id)
       AND NOT EXISTS (SELECT 1 FROM balance b WHERE b.business_id = licence.business_id)
       ORDER BY id`,
  ).map((r) => r.id);
  // ...and none missing a renewal requirement of its type (requirements.yaml renewal:)
  const ids = meetingRenewalRequirementsIn(deskA, candidates).slice(0, 8);
  expect(ids).toHaveLength(8);
  mine = { [deskA]: ids.slice(0, 4), [deskB]: ids.slice(4) };
  baseline = await legacyBaseline(direct, ids);
}, 180_000);

afterAll(async () => {
  await legacy?.close();
  rmSync(deskA, { recursive: true, force: true });
  rmSync(deskB, { recursive: true, force: true });
});

describe('two desks through an outage', () => {
  it('both desks keep taking renewals and payments while the network is cut; their syncs exit 3 and keep everything', async () => {
    proxy.cut();
    let cents = 550_000;
    for (const dir of [deskA, deskB]) {
      const [l1, l2, l3, l4] = mine[dir]!;
      await take(dir, ['renew', l1!]);
      await take(dir, ['pay', l1!, '--amount', String(++cents), '--method', 'cash']);
      await take(dir, ['renew', l2!]);
      await take(dir, ['renew', l1!]); // renewed twice while offline
      await take(dir, ['pay', l3!, '--amount', String(++cents), '--method', 'card']);
      await take(dir, ['pay', l4!, '--amount', String(++cents), '--method', 'check']);
      await take(dir, ['renew', l4!]);
    }
    for (const dir of [deskA, deskB]) {
      const r = await startDesk(dir, ['sync']).result;
      console.log(`[outage] sync while cut: exit ${r.status}: ${r.stderr.trim()} | ${r.stdout.trim()}`);
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(/^workbench: Could not connect to the legacy database/m);
      expect(r.stdout).toMatch(/7 changes made on this desk still wait/);
      const outbox = await outboxOf(dir);
      expect(outbox).toHaveLength(7);
      // Never sent (the connection failed before anything left), so none is in doubt.
      expect(outbox.every((e) => e.status === 'pending' && !e.inDoubt)).toBe(true);
      expect(cacheRows(dir, `SELECT id FROM payment WHERE id LIKE 'local:%'`)).toHaveLength(3);
    }
  });

  it('the network is back: both sync, everything queued is applied once, and both caches agree with the legacy database', async () => {
    proxy.resume();
    for (const dir of [deskA, deskB]) {
      const synced = await runDeskJson<{ push: Record<string, unknown> }>(dir, ['sync']);
      expect(synced.push).toMatchObject({ applied: 7, alreadyApplied: 0, conflicts: 0, remaining: 0 });
    }
    // Desk A synced before B's changes arrived: one more sync each brings every change everywhere.
    for (const dir of [deskA, deskB]) await runDesk(dir, ['sync']);

    const ledger = await checkLedger({ desks: [deskA, deskB], connection: direct, baseline, claimed });
    expect(ledger.problems).toEqual([]);
    expect(ledger).toMatchObject({ renewals: 8, payments: 6 });

    const legacyNow = await legacyCanonical(direct);
    for (const dir of [deskA, deskB]) {
      const cached = cachedCanonical(dir);
      expect(cached.licence).toEqual(legacyNow.licence);
      expect(cached.payment).toEqual(legacyNow.payment);
    }
    // And the two desks hold the same licences and payments, every column.
    const a = canonicalSnapshot(deskA);
    const b = canonicalSnapshot(deskB);
    expect(a.licence).toEqual(b.licence);
    expect(a.payment).toEqual(b.payment);
  });
});
