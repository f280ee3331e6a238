// Replay checks every outbox payload against its command's definition (schema and version) before
// it sends it: a payload that fails is never sent, but parked for a person as an 'invalid'
// conflict, later changes to the same licence wait behind it, and other changes go on. Here the
// outbox rows are changed under the desk, as a cache edited outside the workbench (or queued by an
// older version before a limit existed) would hold them; the legacy database shows what arrived.
import { beforeAll, describe, expect, it } from 'vitest';
import { deskUnderTest } from './support/desk-under-test.ts';
import { queryLegacy } from './support/legacy-databases.ts';

describe('replay re-validates outbox payloads before sending them', () => {
  const t = deskUnderTest('revalidate', { size: 200, seed: 11, role: 'supervisor', open: true });
  const { call, cached } = t;
  const legacyAmounts = async (licenceId: string) =>
    (
      await queryLegacy<{ PAYAMT: unknown }>(
        t.connection,
        `SELECT PAYAMT FROM PAYHST WHERE PAYLIC = '${licenceId}' ORDER BY PAYNO`,
      )
    ).map((r) => Number(r.PAYAMT).toFixed(2));

  beforeAll(async () => {
    await call('drawer.open', { floatCents: 10_000 });
  });

  it('parks a payload over its limit and one of an unknown version, holds what follows, sends the rest', async () => {
    const licences = cached<{ id: string }>(
      `SELECT id FROM licence WHERE status = 'active' ORDER BY id LIMIT 3`,
    );
    const [l1, l2, l3] = licences.map((l) => l.id) as [string, string, string];
    const before = { l1: await legacyAmounts(l1), l2: await legacyAmounts(l2), l3: await legacyAmounts(l3) };
    const pay = (licenceId: string, amountCents: number) =>
      call('payments.record', { licenceId, amountCents, method: 'check' });
    const tooBig = await pay(l1, 1_234);
    const after = await pay(l1, 2_000);
    await pay(l2, 3_000);
    const newer = await pay(l3, 4_000);
    // Changed under the desk: an amount past the limit, and a payload version this desk does not know.
    t.desk.cache
      .prepare(
        `UPDATE outbox SET payload = json_set(payload, '$.amountCents', 100000001) WHERE operation_id = ?`,
      )
      .run(tooBig.operationId);
    t.desk.cache
      .prepare(
        `UPDATE outbox SET payload_version = 2, payload = json_set(payload, '$.v', 2) WHERE operation_id = ?`,
      )
      .run(newer.operationId);

    const sync = await call('sync.now', {});
    expect(sync.push).toMatchObject({ applied: 1, conflicts: 2, held: 1, remaining: 1 });

    const conflicts = (await call('conflicts.list', {})).conflicts;
    const big = conflicts.find((c) => c.operationId === tooBig.operationId)!;
    const version = conflicts.find((c) => c.operationId === newer.operationId)!;
    expect(big).toMatchObject({ kind: 'invalid', command: 'recordPayment', licenceId: l1 });
    expect(big.legacyMessage).toBe('amountCents: An amount is at most $1,000,000.00.');
    expect(big.explanation).toMatch(
      /^This desk did not send the payment of \$1000000\.01 .* does not pass the checks/,
    );
    expect(big.editable).toMatchObject({ amountCents: 100_000_001 });
    expect(version).toMatchObject({ kind: 'invalid', licenceId: l3 });
    expect(version.legacyMessage).toMatch(
      /saved as version 2 of recordPayment, and this version of the workbench knows version 1/,
    );
    // Never sent: not marked in doubt, never attempted; the one behind it waits, the other arrived.
    expect(
      cached(
        'SELECT attempts, in_doubt FROM outbox WHERE operation_id IN (?, ?)',
        tooBig.operationId,
        newer.operationId,
      ),
    ).toEqual([
      { attempts: 0, in_doubt: 0 },
      { attempts: 0, in_doubt: 0 },
    ]);
    expect(cached('SELECT status FROM outbox WHERE operation_id = ?', after.operationId)).toEqual([
      { status: 'pending' },
    ]);
    expect(await legacyAmounts(l1)).toEqual(before.l1);
    expect(await legacyAmounts(l2)).toEqual([...before.l2, '30.00']);
    expect(await legacyAmounts(l3)).toEqual(before.l3);
    expect(
      cached(`SELECT detail FROM audit_log WHERE action = 'replay.conflict' ORDER BY id`).map(
        (r) => JSON.parse(String((r as { detail: string }).detail)).kind,
      ),
    ).toEqual(['invalid', 'invalid']);

    // An edit the check would refuse again is refused at once; a good one goes, and the held one after it.
    await expect(
      call('conflicts.resolve', {
        conflictId: big.id,
        resolution: 'edit',
        edits: { amountCents: 100_000_001 },
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      fields: { amountCents: 'An amount is at most $1,000,000.00.' },
    });
    await call('conflicts.resolve', {
      conflictId: big.id,
      resolution: 'edit',
      edits: { amountCents: '1234' },
    });
    await call('conflicts.resolve', {
      conflictId: version.id,
      resolution: 'discard',
      reason: 'not from this desk',
    });
    expect((await call('sync.now', {})).push).toMatchObject({
      applied: 2,
      conflicts: 0,
      held: 0,
      remaining: 0,
    });
    // The held payment went in this same push, after the edited one: it was taken after it, and the
    // edit puts what waited behind the parked change back behind its replacement.
    expect(await legacyAmounts(l1)).toEqual([...before.l1, '12.34', '20.00']);
    expect(await legacyAmounts(l3)).toEqual(before.l3);
    expect(cached(`SELECT action FROM audit_log WHERE action LIKE 'conflict.%' ORDER BY id`)).toEqual([
      { action: 'conflict.edit' },
      { action: 'conflict.discard' },
    ]);
  }, 240_000);
});
