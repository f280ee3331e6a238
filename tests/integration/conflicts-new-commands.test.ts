// Conflicts of the counter's commands (voids, refunds, status changes, new businesses and new
// licences) on real engines, each resolution end to end: discard leaves the legacy database
// untouched and takes the provisional record off the desk; apply again / edit sends the change once,
// under a new operation that the provisional record (and the drawer) follow; every decision audited.
//
// Some conflicts come from the legacy database changing under the desk (a licence deleted, a status
// changed); "in doubt" ones are parked the way replay parks an entry whose answer it cannot establish
// (`park` below), since a command that creates a record cannot otherwise collide with anything.
import { beforeAll, describe, expect, it } from 'vitest';
import { isWorkbenchError } from '../../src-main/common/errors.ts';
import { deskUnderTest, engines } from './support/desk-under-test.ts';

describe.each(engines)('conflicts of the counter commands on %s', (engine) => {
  const t = deskUnderTest('conflicts-new', { engine, size: 200, seed: 8, role: 'supervisor', open: true });
  const { call, legacy, cached } = t;
  const fails = async (p: Promise<unknown>) => {
    const e = await p.then(
      () => null,
      (err: unknown) => err,
    );
    expect(isWorkbenchError(e)).toBe(true);
    return (e as Error).message;
  };
  const audits = (action: string) =>
    cached<{ detail: string }>(`SELECT detail FROM audit_log WHERE action = ? ORDER BY id`, action).map(
      (r) => JSON.parse(r.detail) as Record<string, unknown>,
    );
  const conflictOf = async (operationId: string) =>
    (await call('conflicts.list', { includeResolved: true })).conflicts.find(
      (c) => c.operationId === operationId,
    )!;
  const payRows = async (where: string) =>
    (
      await legacy<{ PAYNO: unknown; PAYAMT: unknown; PAYMTH: string; PAYREF: unknown }>(
        `SELECT {PAYNO}, {PAYAMT}, {PAYMTH}, {PAYREF} FROM {PAYHST} WHERE ${where} ORDER BY {PAYNO}`,
      )
    ).map((r) => ({
      no: String(Number(r.PAYNO)),
      amount: Number(r.PAYAMT).toFixed(2),
      method: r.PAYMTH.trim(),
      ref: String(Number(r.PAYREF)),
    }));
  /** Parks a pending entry as replay parks one in doubt that it cannot settle: a person decides. */
  const park = (operationId: string) => {
    const e = t.desk.cache
      .prepare('SELECT payload, base FROM outbox WHERE operation_id = ?')
      .get(operationId) as {
      payload: string;
      base: string;
    };
    const now = new Date().toISOString();
    t.desk.cache
      .prepare(`UPDATE outbox SET status = 'conflict', in_doubt = 0, settled_at = ? WHERE operation_id = ?`)
      .run(now, operationId);
    t.desk.cache
      .prepare(
        `INSERT INTO conflict (operation_id, detected_at, kind, seen, mine, current) VALUES (?, ?, 'in_doubt', ?, ?, ?)`,
      )
      .run(operationId, now, e.base, e.payload, e.base);
  };
  /** Legacy payments with no reversal yet, on active licences, not used by an earlier case. */
  const used = new Set<string>();
  const legacyPayment = () => {
    const row = cached<{ id: string; licence_id: string; amount_cents: number }>(
      `SELECT p.id, p.licence_id, p.amount_cents FROM payment p JOIN licence l ON l.id = p.licence_id
        WHERE p.amount_cents >= 3000 AND p.reversal_of IS NULL AND p.id NOT LIKE 'local:%' AND l.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM payment r WHERE r.reversal_of = p.id)
        ORDER BY CAST(p.id AS INTEGER)`,
    ).find((r) => !used.has(r.id) && !used.has(r.licence_id))!;
    used.add(row.id);
    used.add(row.licence_id);
    return row;
  };
  const activeLicence = () => {
    const id = cached<{ id: string }>(`SELECT id FROM licence WHERE status = 'active' ORDER BY id DESC`).find(
      (r) => !used.has(r.id),
    )!.id;
    used.add(id);
    return id;
  };

  beforeAll(async () => {
    await call('drawer.open', { floatCents: 10_000 });
  });

  it('a void of a payment whose licence went is a conflict too; discarding both takes both provisional rows off the desk', async () => {
    const gone = activeLicence();
    const paid = await call('payments.record', {
      licenceId: gone,
      amountCents: 5_150,
      method: 'cash',
      tenderedCents: 6_000,
    });
    const voided = await call('payments.void', { paymentId: paid.paymentId, reason: 'wrong licence' });
    expect(cached('SELECT amount_cents, reversal_of FROM payment WHERE id = ?', voided.reversalId)).toEqual([
      { amount_cents: -5_150, reversal_of: paid.paymentId },
    ]);
    await legacy(`DELETE FROM {LICMST} WHERE {LICNO} = '${gone}'`);
    expect((await call('sync.now', {})).push).toMatchObject({ applied: 0, conflicts: 2, remaining: 0 });

    const payConflict = await conflictOf(paid.operationId);
    const voidConflict = await conflictOf(voided.operationId);
    expect(voidConflict).toMatchObject({ command: 'voidPayment', kind: 'gone', licenceId: gone });
    expect(voidConflict.explanation).toMatch(
      new RegExp(`payment it refers to \\(${paid.paymentId}\\) was made on this desk and never reached`),
    );
    expect(voidConflict.editable).toEqual({ reason: 'wrong licence' });

    // The void cannot be applied again while its payment is not in the legacy database.
    await call('conflicts.resolve', {
      conflictId: payConflict.id,
      resolution: 'discard',
      reason: 'licence closed at city hall',
    });
    expect(
      await fails(call('conflicts.resolve', { conflictId: voidConflict.id, resolution: 'apply_again' })),
    ).toMatch(/discarded on this desk and never reached the legacy database/);
    await call('conflicts.resolve', {
      conflictId: voidConflict.id,
      resolution: 'discard',
      reason: 'payment discarded',
    });

    // Nothing in the legacy database; no provisional rows left; the drawer still lists what happened.
    expect(await payRows(`{PAYLIC} = '${gone}' AND {PAYAMT} IN (51.5, -51.5)`)).toEqual([]);
    expect(cached('SELECT id FROM payment WHERE id IN (?, ?)', paid.paymentId, voided.reversalId)).toEqual(
      [],
    );
    expect(cached(`SELECT count(*) AS n FROM pending_change`)).toEqual([{ n: 0 }]);
    expect(audits('conflict.discard').filter((d) => d.command === 'voidPayment')).toMatchObject([
      { operationId: voided.operationId, reason: 'payment discarded' },
    ]);
  }, 120_000);

  it('a refund edited and a void applied again each reach PAYHST once, under the new operation; the drawer follows', async () => {
    const refunded = legacyPayment();
    const voidedPay = legacyPayment();
    const refund = await call('payments.refund', {
      paymentId: refunded.id,
      amountCents: 1_000,
      method: 'cash',
      reason: 'overcharged',
    });
    const voided = await call('payments.void', { paymentId: voidedPay.id, reason: 'charged twice' });
    park(refund.operationId);
    park(voided.operationId);

    const refundConflict = await conflictOf(refund.operationId);
    expect(refundConflict).toMatchObject({ command: 'refundPayment', licenceId: refunded.licence_id });
    expect(refundConflict.explanation).toMatch(/the refund of \$10\.00 \(cash\) on payment/);
    // The amount may not exceed what is left of the payment.
    expect(
      await fails(
        call('conflicts.resolve', {
          conflictId: refundConflict.id,
          resolution: 'edit',
          edits: { amountCents: refunded.amount_cents + 1 },
        }),
      ),
    ).toMatch(/can give back at most/);
    const edited = (
      await call('conflicts.resolve', {
        conflictId: refundConflict.id,
        resolution: 'edit',
        edits: { amountCents: 1_500 },
      })
    ).conflict;
    const voidAgain = (
      await call('conflicts.resolve', {
        conflictId: (await conflictOf(voided.operationId)).id,
        resolution: 'apply_again',
      })
    ).conflict;

    // The reversal rows moved to the new operations, still negative, still pointing at their payments.
    const newRefund = `local:${edited.newOperationId}`;
    const newVoid = `local:${voidAgain.newOperationId}`;
    expect(
      cached(
        `SELECT id, amount_cents, reversal_of, reversal_kind FROM payment WHERE id IN (?, ?, ?, ?) ORDER BY reversal_kind`,
        refund.reversalId,
        voided.reversalId,
        newRefund,
        newVoid,
      ),
    ).toEqual([
      { id: newRefund, amount_cents: -1_500, reversal_of: refunded.id, reversal_kind: 'refund' },
      {
        id: newVoid,
        amount_cents: -voidedPay.amount_cents,
        reversal_of: voidedPay.id,
        reversal_kind: 'void',
      },
    ]);
    expect(audits('conflict.edit').at(-1)).toMatchObject({
      command: 'refundPayment',
      now: { amountCents: 1_500, signedAmountCents: -1_500 },
    });

    expect((await call('sync.now', {})).push).toMatchObject({ applied: 2, conflicts: 0, remaining: 0 });
    const refundRows = await payRows(`{PAYREF} = ${refunded.id}`);
    expect(refundRows).toMatchObject([{ amount: '-15.00', method: 'RF' }]);
    expect(await payRows(`{PAYREF} = ${voidedPay.id}`)).toMatchObject([
      { amount: (-voidedPay.amount_cents / 100).toFixed(2), method: 'VD' },
    ]);
    // The desk holds the legacy reversal rows only.
    expect(cached(`SELECT id FROM payment WHERE id LIKE 'local:%'`)).toEqual([]);
    expect(cached('SELECT amount_cents FROM payment WHERE id = ?', refundRows[0]!.no)).toEqual([
      { amount_cents: -1_500 },
    ]);

    // The drawer: the refund entry, taken under the first operation, names the legacy row and counts
    // the corrected amount; each reversal is counted once.
    const session = (await call('drawer.current', {})).session!;
    const refundEntry = session.entries.find((e) => e.operationId === refund.operationId)!;
    expect(refundEntry).toMatchObject({
      paymentId: refundRows[0]!.no,
      amountCents: 1_500,
      reverses: refunded.id,
    });
    expect(session.entries.filter((e) => e.kind !== 'payment')).toHaveLength(3);
    const out = session.entries.filter((e) => e.kind !== 'payment' && e.method === 'cash');
    expect(session.totals.cash.outCents).toBe(out.reduce((a, e) => a + e.amountCents, 0));
  }, 120_000);

  it('a status change over a status changed elsewhere: discard shows the legacy status again; apply again re-checks the machine', async () => {
    const closedThere = activeLicence();
    const suspendedThere = activeLicence();
    const suspend = await call('licences.changeStatus', {
      licenceId: closedThere,
      action: 'suspend',
      reason: 'no insurance',
    });
    const revoke = await call('licences.changeStatus', {
      licenceId: suspendedThere,
      action: 'revoke',
      reason: 'fraud',
    });
    await legacy(`UPDATE {LICMST} SET {LICSTS} = 'C' WHERE {LICNO} = '${closedThere}'`);
    await legacy(`UPDATE {LICMST} SET {LICSTS} = 'S' WHERE {LICNO} = '${suspendedThere}'`);
    expect((await call('sync.now', {})).push).toMatchObject({ applied: 0, conflicts: 2 });

    const c1 = await conflictOf(suspend.operationId);
    expect(c1).toMatchObject({ command: 'changeLicenceStatus', kind: 'changed', licenceId: closedThere });
    expect(c1.explanation).toMatch(/status active → closed/);
    // Suspending a closed licence is impossible: apply again is refused, discard puts 'closed' back.
    expect(await fails(call('conflicts.resolve', { conflictId: c1.id, resolution: 'apply_again' }))).toMatch(
      /Discard the change instead/,
    );
    await call('conflicts.resolve', {
      conflictId: c1.id,
      resolution: 'discard',
      reason: 'closed by the owner',
    });
    expect(cached('SELECT status FROM licence WHERE id = ?', closedThere)).toEqual([{ status: 'closed' }]);

    // Revoking a suspended licence is allowed: applied again from 'suspended'.
    const c2 = await conflictOf(revoke.operationId);
    const again = (await call('conflicts.resolve', { conflictId: c2.id, resolution: 'apply_again' }))
      .conflict;
    expect(cached('SELECT status FROM licence WHERE id = ?', suspendedThere)).toEqual([
      { status: 'revoked' },
    ]);
    expect(audits('conflict.apply_again').at(-1)).toMatchObject({
      newOperationId: again.newOperationId,
      now: { from: 'suspended', to: 'revoked' },
    });
    expect((await call('sync.now', {})).push).toMatchObject({ applied: 1, conflicts: 0, remaining: 0 });
    const sts = async (id: string) =>
      (
        await legacy<{ LICSTS: string }>(`SELECT {LICSTS} FROM {LICMST} WHERE {LICNO} = '${id}'`)
      )[0]!.LICSTS.trim();
    expect(await sts(closedThere)).toBe('C');
    expect(await sts(suspendedThere)).toBe('R');
  }, 120_000);

  const newApplication = async (name: string, taxId: string) => {
    const created = await call('applications.create', {
      business: {
        kind: 'new',
        facts: {
          name,
          ownerName: 'Lee Park',
          addressLine: '12 Mill St',
          city: 'Riverton',
          state: 'IL',
          postalCode: '60540',
          phone: '555 222 0101',
          taxId,
        },
        dismissed: [],
      },
      licenceTypeCode: 'KENL',
    });
    for (const code of ['APPFORM', 'PHOTOID'])
      await call('applications.updateRequirement', {
        applicationId: created.application.id,
        code,
        state: 'received',
      });
    await call('applications.updateRequirement', {
      applicationId: created.application.id,
      code: 'ZONING',
      state: 'approved',
    });
    const issued = await call('applications.issue', { applicationId: created.application.id });
    const ops = cached<{ operation_id: string; command: string }>(
      `SELECT operation_id, command FROM outbox WHERE status = 'pending' ORDER BY seq`,
    );
    return {
      appId: created.application.id,
      businessId: created.business.id,
      licenceId: issued.application.licenceId!,
      registerOp: ops.find((o) => o.command === 'registerBusiness')!.operation_id,
      issueOp: ops.find((o) => o.command === 'issueLicence')!.operation_id,
    };
  };
  const legacyBusinesses = async (taxId: string) =>
    (await legacy(`SELECT {BUSNO} FROM {BUSMST} WHERE {BUSTAX} LIKE '${taxId}%'`)).length;

  it('a new business discarded: its licence becomes a conflict that names it; discarding that reopens the application', async () => {
    const a = await newApplication('Maple Kennels', '44-1000001');
    park(a.registerOp);
    expect((await call('sync.now', {})).push).toMatchObject({ applied: 0, conflicts: 1, remaining: 0 });

    const reg = await conflictOf(a.registerOp);
    // Shown with the licence issued to it on this desk, and what the clerk typed.
    expect(reg).toMatchObject({ command: 'registerBusiness', licenceId: a.licenceId, editable: {} });
    expect(reg.explanation).toMatch(/registration of the new business MAPLE KENNELS/);
    expect(reg.fields.find((f) => f.field === 'name')).toMatchObject({ mine: 'MAPLE KENNELS' });
    const lic = await conflictOf(a.issueOp);
    expect(lic).toMatchObject({ command: 'issueLicence', kind: 'gone', licenceId: a.licenceId });
    expect(lic.explanation).toMatch(
      new RegExp(`business it refers to \\(${a.businessId}\\) was made on this desk and never reached`),
    );

    await call('conflicts.resolve', {
      conflictId: reg.id,
      resolution: 'discard',
      reason: 'registered twice',
    });
    expect(cached('SELECT id FROM business WHERE id = ?', a.businessId)).toEqual([]);
    expect(await fails(call('conflicts.resolve', { conflictId: lic.id, resolution: 'apply_again' }))).toMatch(
      /is not on this desk any more/,
    );
    await call('conflicts.resolve', {
      conflictId: lic.id,
      resolution: 'discard',
      reason: 'business discarded',
    });
    expect(cached('SELECT id FROM licence WHERE id = ?', a.licenceId)).toEqual([]);
    expect((await call('licences.search', { text: 'Maple Kennels' })).results).toEqual([]);
    expect((await call('applications.get', { applicationId: a.appId })).application).toMatchObject({
      status: 'open',
      licenceId: null,
    });
    expect(await legacyBusinesses('44-1000001')).toBe(0);
    expect(audits('conflict.discard').slice(-2)).toMatchObject([
      { command: 'registerBusiness', operationId: a.registerOp },
      { command: 'issueLicence', operationId: a.issueOp },
    ]);
  }, 120_000);

  it('a new business and its licence applied again reach BUSMST and LICMST once; the desk ends with the legacy ids', async () => {
    const a = await newApplication('Birch Kennels', '44-1000002');
    park(a.registerOp);
    expect((await call('sync.now', {})).push).toMatchObject({ conflicts: 1 });
    const reg = (
      await call('conflicts.resolve', {
        conflictId: (await conflictOf(a.registerOp)).id,
        resolution: 'apply_again',
      })
    ).conflict;
    const newBusiness = `local:${reg.newOperationId}`;
    // The business row and the licence issued to it follow the new operation.
    expect(cached('SELECT id FROM business WHERE id IN (?, ?)', a.businessId, newBusiness)).toEqual([
      { id: newBusiness },
    ]);
    expect(cached('SELECT business_id FROM licence WHERE id = ?', a.licenceId)).toEqual([
      { business_id: newBusiness },
    ]);
    // The licence became a conflict at the first sync (its business was not there); applied again
    // once the business has its legacy number.
    expect((await call('sync.now', {})).push).toMatchObject({ applied: 1, conflicts: 0, remaining: 0 });
    const lic = (
      await call('conflicts.resolve', {
        conflictId: (await conflictOf(a.issueOp)).id,
        resolution: 'apply_again',
      })
    ).conflict;
    expect(lic.licenceId).toBe(`local:${lic.newOperationId}`);
    expect((await call('sync.now', {})).push).toMatchObject({ applied: 1, conflicts: 0, remaining: 0 });

    const bus = await legacy<{ BUSNO: unknown }>(
      `SELECT {BUSNO} FROM {BUSMST} WHERE {BUSTAX} LIKE '44-1000002%'`,
    );
    expect(bus).toHaveLength(1);
    const busNo = String(Number(bus[0]!.BUSNO));
    const lics = await legacy<{ LICNO: string }>(`SELECT {LICNO} FROM {LICMST} WHERE {LICBUS} = ${busNo}`);
    expect(lics).toHaveLength(1);
    expect(cached(`SELECT id FROM business WHERE id LIKE 'local:%'`)).toEqual([]);
    expect(cached(`SELECT id FROM licence WHERE id LIKE 'local:%'`)).toEqual([]);
    expect((await call('applications.get', { applicationId: a.appId })).application).toMatchObject({
      businessId: busNo,
      licenceId: lics[0]!.LICNO.trim(),
    });
  }, 120_000);
});
