// Two desks renew the same licence while both are cut off from the legacy database (a test-owned
// PostgreSQL behind a test-owned proxy). When the link returns, the desk that syncs first has its
// renewal applied; the other's becomes a conflict, shown with what its clerk saw, the clerk's change
// and the legacy values now. A person resolves it: applied again on top of the current values (two
// renewals in the legacy database), or discarded with a reason (one renewal; the clerk's version is
// kept in the conflict row and the decision in the audit log).
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../src-main/common/licence-rules.ts';
import { newDeskDir } from '../integration/support/workbench-cli.ts';
import { runDesk, runDeskJson } from './support/desk-commands.ts';
import { type LegacyBehindProxies, demoBehindOneLink } from './support/legacy-behind-proxies.ts';
import { startDesk } from './support/processes.ts';
import {
  type RenewableLicence,
  cacheRows,
  legacyLicences,
  outboxOf,
  renewableLicences,
} from './support/riverton-ledger.ts';
import type { TcpProxy } from './support/tcp-proxy.ts';

interface ConflictJson {
  id: number;
  operationId: string;
  command: string;
  licenceId: string;
  kind: string;
  status: string;
  resolution: string | null;
  reason: string | null;
  fields: Array<{ field: string; seen: unknown; mine: unknown; current: unknown; changedElsewhere: boolean }>;
}

let legacy: LegacyBehindProxies | undefined;
let proxy: TcpProxy;
let direct: string;
const deskA = newDeskDir('conflict-a');
const deskB = newDeskDir('conflict-b');
let licences: RenewableLicence[] = [];

const legacyExpiry = async (id: string) => (await legacyLicences(direct, [id])).get(id)!.expiresOn;
const cachedExpiry = (dir: string, id: string) =>
  cacheRows<{ expires_on: string }>(dir, 'SELECT expires_on FROM licence WHERE id = ?', id)[0]!.expires_on;

/** Both desks renew `id` while the network is cut; then desk A syncs (applied), desk B (conflict). */
async function renewOnBothWhileOffline(
  id: string,
): Promise<{ a: string; b: string; conflict: ConflictJson }> {
  proxy.cut();
  const a = (await runDeskJson<{ operationId: string }>(deskA, ['renew', id])).operationId;
  const b = (await runDeskJson<{ operationId: string }>(deskB, ['renew', id])).operationId;
  for (const dir of [deskA, deskB]) expect((await startDesk(dir, ['sync']).result).status).toBe(3);
  proxy.resume();
  const first = await runDeskJson<{ push: Record<string, unknown> }>(deskA, ['sync']);
  expect(first.push).toMatchObject({ applied: 1, conflicts: 0, remaining: 0 });
  // The conflict needs a person: sync says so and exits 4 (README, "Command line").
  const parked = await startDesk(deskB, ['sync', '--json']).result;
  expect(parked.status, parked.stderr).toBe(4);
  expect(parked.stderr).toMatch(/1 change needs a person/);
  const second = JSON.parse(parked.stdout) as { push: Record<string, unknown> };
  expect(second.push).toMatchObject({ applied: 0, conflicts: 1, remaining: 0 });
  const open = await runDeskJson<ConflictJson[]>(deskB, ['conflicts']);
  const conflict = open.find((c) => c.operationId === b);
  expect(conflict, JSON.stringify(open)).toBeDefined();
  return { a, b, conflict: conflict! };
}

beforeAll(async () => {
  // Both desks share one link: one cut takes both offline.
  ({ legacy, link: proxy } = await demoBehindOneLink([deskA, deskB], 300, 41));
  direct = legacy.direct;
  licences = renewableLicences(deskA, 2);
  expect(licences).toHaveLength(2);
}, 180_000);

afterAll(async () => {
  await legacy?.close();
  rmSync(deskA, { recursive: true, force: true });
  rmSync(deskB, { recursive: true, force: true });
});

describe('two desks renew the same licence while offline', () => {
  it('the second renewal is a conflict with what the clerk saw, the change and the legacy values; applied again it makes two renewals', async () => {
    const l = licences[0]!;
    const once = addMonths(l.expiresOn, l.termMonths);
    const { conflict } = await renewOnBothWhileOffline(l.id);
    expect(await legacyExpiry(l.id)).toBe(once); // desk A's renewal, alone

    console.log(`[conflict] desk B's conflict: ${JSON.stringify(conflict)}`);
    expect(conflict).toMatchObject({
      command: 'renewLicence',
      licenceId: l.id,
      kind: 'changed',
      status: 'open',
    });
    const expiry = conflict.fields.find((f) => f.field === 'expiresOn');
    // B saw the old expiry and wanted one term more; the legacy database has moved on by A's renewal.
    expect(expiry).toMatchObject({ seen: l.expiresOn, mine: once, current: once, changedElsewhere: true });
    // The licence keeps its badge on desk B while the conflict is open.
    expect((await outboxOf(deskB)).find((e) => e.operationId === conflict.operationId)!.status).toBe(
      'conflict',
    );

    await runDesk(deskB, ['conflicts', 'resolve', String(conflict.id), '--apply-again']);
    const again = await runDeskJson<{ push: Record<string, unknown> }>(deskB, ['sync']);
    expect(again.push).toMatchObject({ applied: 1, conflicts: 0, remaining: 0 });
    const twice = addMonths(once, l.termMonths);
    expect(await legacyExpiry(l.id)).toBe(twice);
    expect(cachedExpiry(deskB, l.id)).toBe(twice);
    await runDesk(deskA, ['sync']);
    expect(cachedExpiry(deskA, l.id)).toBe(twice);

    expect(await runDeskJson<ConflictJson[]>(deskB, ['conflicts'])).toEqual([]);
    const resolved = (await runDeskJson<ConflictJson[]>(deskB, ['conflicts', '--all'])).find(
      (c) => c.id === conflict.id,
    )!;
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'apply_again' });
    expect(
      cacheRows<{ action: string }>(
        deskB,
        `SELECT action FROM audit_log WHERE action = 'conflict.apply_again'`,
      ),
    ).toHaveLength(1);
  });

  it('discarded with a reason: one renewal in the legacy database, the clerk’s version kept, the decision audited', async () => {
    const l = licences[1]!;
    const once = addMonths(l.expiresOn, l.termMonths);
    const { conflict } = await renewOnBothWhileOffline(l.id);

    const refused = await startDesk(deskB, ['conflicts', 'resolve', String(conflict.id), '--discard']).result;
    expect(refused.status).toBe(1); // a discard needs a reason
    const reason = 'Renewed at the front counter already';
    await runDesk(deskB, ['conflicts', 'resolve', String(conflict.id), '--discard', '--reason', reason]);
    const after = await runDeskJson<{ push: Record<string, unknown> }>(deskB, ['sync']);
    expect(after.push).toMatchObject({ applied: 0, conflicts: 0, remaining: 0 });

    expect(await legacyExpiry(l.id)).toBe(once); // desk A's renewal only
    expect(cachedExpiry(deskB, l.id)).toBe(once); // desk B shows the legacy values again
    const kept = (await runDeskJson<ConflictJson[]>(deskB, ['conflicts', '--all'])).find(
      (c) => c.id === conflict.id,
    )!;
    expect(kept).toMatchObject({ status: 'resolved', resolution: 'discard', reason });
    expect(kept.fields.find((f) => f.field === 'expiresOn')).toMatchObject({ seen: l.expiresOn, mine: once });
    const row = cacheRows<{ mine: string }>(deskB, 'SELECT mine FROM conflict WHERE id = ?', conflict.id)[0]!;
    expect(JSON.parse(row.mine)).toMatchObject({ licenceId: l.id, newExpiresOn: once });
    const audit = cacheRows<{ actor: string; subject: string; detail: string }>(
      deskB,
      `SELECT actor, subject, detail FROM audit_log WHERE action = 'conflict.discard'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toContain(reason);
    expect(audit[0]!.subject).toContain(l.id);
  });
});
