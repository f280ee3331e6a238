// Replay on real engines: a desk's renewals and payments reach the Riverton legacy database on
// SQLite, PostgreSQL and MariaDB through ODBC; provisional receipts give way to the legacy numbers;
// an entry whose answer was lost is recognised as applied (by the journal, or by the bridge's
// applied_check without one) and not applied twice; a record changed or deleted in the legacy DB
// turns the change into a conflict that a person resolves, with every version kept and audited.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../src-main/common/licence-rules.ts';
import { loadRequirements } from '../../src-main/node/applications/requirements.ts';
import { renewalRequirementProblems } from '../../src-main/node/renewals/renewal-requirements.ts';
import { rivertonToday } from '../support/renewal-requirements.ts';
import { deskUnderTest, engines, withCache } from './support/desk-under-test.ts';
import { repoRoot, syncParkingChanges, workbench, workbenchOk } from './support/workbench-cli.ts';

describe.each(engines)('replay on %s', (engine) => {
  const t = deskUnderTest('replay', { engine, size: 400, seed: 5 });
  const { dir, legacy, cached, loseAnswer } = t;
  const json = <T>(args: string[]): T => JSON.parse(workbenchOk(dir, args)) as T;
  /** An active licence with a future expiry, not used by an earlier case. */
  const used = new Set<string>();
  const { requirements } = loadRequirements(join(repoRoot, 'bridges/riverton'));
  const pick = () => {
    const row = cached<{ id: string; expires_on: string; term_months: number; licenceTypeCode: string }>(
      `SELECT l.id, l.expires_on, t.term_months, l.licence_type_code AS licenceTypeCode
         FROM licence l JOIN licence_type t ON t.code = l.licence_type_code
       WHERE l.status = 'active' AND l.expires_on > date('now') AND l.expires_on <= date('now', '+80 days')
         -- renewable today by Riverton's fee rules (fees.yaml): inside the window, no hold, nothing owed
         AND NOT EXISTS (SELECT 1 FROM hold h WHERE h.licence_id = l.id OR h.business_id = l.business_id)
         AND NOT EXISTS (SELECT 1 FROM balance b WHERE b.business_id = l.business_id)
       ORDER BY l.id`,
    ).find((r) => !used.has(r.id) && meetsRenewalRequirements(r))!;
    used.add(row.id);
    return row;
  };
  /** ...and has what requirements.yaml's renewal: asks for its type (the check itself, on the cache). */
  const meetsRenewalRequirements = (l: { id: string; licenceTypeCode: string }) =>
    withCache(dir, (db) => {
      const today = rivertonToday();
      return renewalRequirementProblems(db, requirements, [l], today).size === 0;
    });
  const licenceRow = async (id: string) =>
    (
      await legacy<{ LICEXP: unknown; LICSTS: string }>(
        `SELECT {LICEXP}, {LICSTS} FROM {LICMST} WHERE {LICNO} = '${id}'`,
      )
    )[0]!;
  const cyymmdd = (iso: string) => Number(`1${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`);
  const payments = (id: string, amount: string) =>
    legacy<{ PAYNO: unknown; PAYRCT: string }>(
      `SELECT {PAYNO}, {PAYRCT} FROM {PAYHST} WHERE {PAYLIC} = '${id}' AND {PAYAMT} = ${amount}`,
    );
  beforeAll(() => {
    workbenchOk(dir, ['drawer', 'open', '--float', '0']);
  });

  it('sends a renewal and a payment; the legacy numbers replace the provisional receipt', async () => {
    const l = pick();
    workbenchOk(dir, ['renew', l.id]);
    const paid = json<{ payload: { receiptNo: string; paidOn: string }; paymentId: string }>([
      'pay',
      l.id,
      '--amount',
      '4321',
      '--method',
      'card',
      '--json',
    ]);
    expect(paid.payload.receiptNo).toMatch(/^P-[A-Z0-9]+-\d{6}$/);

    const sync = json<{ push: Record<string, unknown>; refreshed: boolean }>(['sync', '--json']);
    expect(sync.push).toMatchObject({ applied: 2, conflicts: 0, remaining: 0, stoppedBy: null });
    expect(sync.refreshed).toBe(true);

    const newExpiry = addMonths(l.expires_on, l.term_months);
    expect(await licenceRow(l.id)).toMatchObject({ LICSTS: 'A' });
    expect(Number((await licenceRow(l.id)).LICEXP)).toBe(cyymmdd(newExpiry));
    const rows = await payments(l.id, '43.21');
    expect(rows).toHaveLength(1);
    const payNo = String(Number(rows[0]!.PAYNO));

    // The cache holds the legacy payment, under its number, and no provisional one.
    const pays = cached<{ id: string; receipt_no: string }>(
      `SELECT id, receipt_no FROM payment WHERE licence_id = ? AND amount_cents = 4321`,
      l.id,
    );
    // Riverton's own receipt format: the year's last two digits and the payment number in 8 digits.
    const receipt = `${paid.payload.paidOn.slice(2, 4)}${payNo.padStart(8, '0')}`;
    expect(rows[0]!.PAYRCT.trim()).toBe(receipt);
    expect(pays).toEqual([{ id: payNo, receipt_no: receipt }]);
    expect(cached(`SELECT * FROM payment WHERE id LIKE 'local:%'`)).toEqual([]);
    expect(
      cached<{ expires_on: string }>('SELECT expires_on FROM licence WHERE id = ?', l.id)[0]!.expires_on,
    ).toBe(newExpiry);
    const outbox = json<
      Array<{ status: string; legacyResult: Record<string, unknown> | null; command: string }>
    >(['outbox', '--all', '--json']);
    expect(outbox.every((e) => e.status === 'applied')).toBe(true);
    expect(outbox.find((e) => e.command === 'recordPayment')!.legacyResult).toEqual({
      paymentNo: Number(payNo),
    });
    expect(
      cached<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'replay.%'`).map(
        (a) => a.action,
      ),
    ).toEqual(['replay.applied', 'replay.applied']);
  });

  it('without the journal, a payment and a renewal whose answer was lost are recognised, not applied twice', async () => {
    const l = pick();
    const renewal = json<{ operationId: string }>(['renew', l.id, '--json']);
    const payment = json<{ operationId: string }>([
      'pay',
      l.id,
      '--amount',
      '5555',
      '--method',
      'cash',
      '--json',
    ]);
    workbenchOk(dir, ['sync']);
    loseAnswer(renewal.operationId);
    loseAnswer(payment.operationId);
    const again = json<{ push: Record<string, unknown> }>(['sync', '--json']);
    expect(again.push).toMatchObject({ applied: 0, alreadyApplied: 2, conflicts: 0, remaining: 0 });
    expect(await payments(l.id, '55.55')).toHaveLength(1);
    expect(Number((await licenceRow(l.id)).LICEXP)).toBe(cyymmdd(addMonths(l.expires_on, l.term_months)));
  });

  it('an entry marked in doubt that never reached the legacy DB is applied, once', async () => {
    const l = pick();
    const payment = json<{ operationId: string }>([
      'pay',
      l.id,
      '--amount',
      '6161',
      '--method',
      'check',
      '--json',
    ]);
    loseAnswer(payment.operationId); // in doubt before it was ever sent: the check finds nothing
    const sync = json<{ push: Record<string, unknown> }>(['sync', '--json']);
    expect(sync.push).toMatchObject({ applied: 1, alreadyApplied: 0 });
    expect(await payments(l.id, '61.61')).toHaveLength(1);
  });

  it('with the journal installed, a lost answer is settled by the journal', async () => {
    expect(workbenchOk(dir, ['bridge', 'install-journal', 'riverton'])).toMatch(
      /Created the operation journal WB_JOURNAL/,
    );
    expect(workbenchOk(dir, ['bridge', 'install-journal', 'riverton'])).toMatch(
      /is there: replay is exactly-once/,
    );
    const l = pick();
    const payment = json<{ operationId: string }>([
      'pay',
      l.id,
      '--amount',
      '7272',
      '--method',
      'card',
      '--json',
    ]);
    workbenchOk(dir, ['sync']);
    const journal = await legacy<{ OPID: string; RESULT: string }>(
      `SELECT {OPID}, {RESULT} FROM {WB_JOURNAL}`,
    );
    expect(journal.map((j) => j.OPID.trim())).toContain(payment.operationId);
    loseAnswer(payment.operationId);
    const again = json<{ push: Record<string, unknown> }>(['sync', '--json']);
    expect(again.push).toMatchObject({ applied: 0, alreadyApplied: 1 });
    expect(await payments(l.id, '72.72')).toHaveLength(1);
    expect(
      cached<{ detail: string }>(`SELECT detail FROM audit_log WHERE action = 'replay.already_applied'`).at(
        -1,
      )!.detail,
    ).toContain('"via":"journal"');
  });

  it('a licence changed in the legacy DB makes the renewal a conflict; discarding keeps every version', async () => {
    const l = pick();
    // Somebody at the legacy system's own screens moves the expiry after this desk read it.
    await legacy(`UPDATE {LICMST} SET {LICEXP} = 1301231 WHERE {LICNO} = '${l.id}'`);
    workbenchOk(dir, ['renew', l.id]);
    const sync = syncParkingChanges(dir);
    expect(sync.push).toMatchObject({ applied: 0, conflicts: 1, remaining: 0 });
    expect(Number((await licenceRow(l.id)).LICEXP)).toBe(1301231); // untouched

    const [conflict] = json<Array<{ id: number; kind: string; fields: Array<Record<string, unknown>> }>>([
      'conflicts',
      '--json',
    ]);
    expect(conflict!.kind).toBe('changed');
    const expiry = conflict!.fields.find((f) => f.field === 'expiresOn')!;
    expect(expiry).toMatchObject({
      seen: l.expires_on,
      mine: addMonths(l.expires_on, l.term_months),
      current: '2030-12-31',
      changedElsewhere: true,
    });
    // The badge stays while the conflict is open.
    const found = json<Array<{ licenceId: string; pendingChanges: number }>>(['search', l.id, '--json']);
    expect(found.find((r) => r.licenceId === l.id)!.pendingChanges).toBe(1);

    const refused = workbench(dir, ['conflicts', 'resolve', String(conflict!.id), '--discard']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/Say why the change is discarded/);
    workbenchOk(dir, [
      'conflicts',
      'resolve',
      String(conflict!.id),
      '--discard',
      '--reason',
      'Owner renewed at city hall',
    ]);
    expect(json<unknown[]>(['conflicts', '--json'])).toEqual([]);
    const kept = json<
      Array<{ status: string; resolution: string; reason: string; fields: Array<Record<string, unknown>> }>
    >(['conflicts', '--all', '--json']).find((c) => c.resolution === 'discard')!;
    expect(kept).toMatchObject({ status: 'resolved', reason: 'Owner renewed at city hall' });
    expect(kept.fields.find((f) => f.field === 'expiresOn')!.mine).toBe(
      addMonths(l.expires_on, l.term_months),
    );
    // The desk shows the legacy values again, and the decision is in the audit log.
    expect(
      cached<{ expires_on: string }>('SELECT expires_on FROM licence WHERE id = ?', l.id)[0]!.expires_on,
    ).toBe('2030-12-31');
    expect(
      cached<{ detail: string }>(`SELECT detail FROM audit_log WHERE action = 'conflict.discard'`)[0]!.detail,
    ).toContain('Owner renewed at city hall');
  });

  it('apply again renews on top of the legacy values; edit applies the clerk’s own date', async () => {
    const a = pick();
    const b = pick();
    await legacy(`UPDATE {LICMST} SET {LICEXP} = 1300630 WHERE {LICNO} IN ('${a.id}', '${b.id}')`);
    workbenchOk(dir, ['renew', a.id]);
    workbenchOk(dir, ['renew', b.id]);
    expect(syncParkingChanges(dir).push).toMatchObject({ conflicts: 2 });
    const open = json<Array<{ id: number; licenceId: string; editable: Record<string, unknown> }>>([
      'conflicts',
      '--json',
    ]);
    const ca = open.find((c) => c.licenceId === a.id)!;
    const cb = open.find((c) => c.licenceId === b.id)!;
    expect(ca.editable.newExpiresOn).toBe(addMonths('2030-06-30', a.term_months));
    workbenchOk(dir, ['conflicts', 'resolve', String(ca.id), '--apply-again']);
    workbenchOk(dir, ['conflicts', 'resolve', String(cb.id), '--edit', 'newExpiresOn=2031-01-15']);
    expect(json<{ push: Record<string, unknown> }>(['sync', '--json']).push).toMatchObject({
      applied: 2,
      conflicts: 0,
    });
    expect(Number((await licenceRow(a.id)).LICEXP)).toBe(cyymmdd(addMonths('2030-06-30', a.term_months)));
    expect(Number((await licenceRow(b.id)).LICEXP)).toBe(1310115);
    const actions = cached<{ action: string }>(
      `SELECT action FROM audit_log WHERE action LIKE 'conflict.%' ORDER BY id`,
    ).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['conflict.apply_again', 'conflict.edit']));
  });

  it('a payment for a licence deleted in the legacy DB is a conflict; edited onto another licence it is recorded', async () => {
    const gone = pick();
    const other = pick();
    workbenchOk(dir, ['pay', gone.id, '--amount', '8080', '--method', 'cash']);
    await legacy(`DELETE FROM {LICMST} WHERE {LICNO} = '${gone.id}'`);
    expect(syncParkingChanges(dir).push).toMatchObject({ conflicts: 1 });
    const [c] = json<Array<{ id: number; kind: string; explanation: string }>>(['conflicts', '--json']);
    expect(c!.kind).toBe('gone');
    expect(c!.explanation).toMatch(/no longer in the legacy database/);
    const refused = workbench(dir, ['conflicts', 'resolve', String(c!.id), '--apply-again']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/is not in the legacy database/);
    workbenchOk(dir, ['conflicts', 'resolve', String(c!.id), '--edit', `licenceId=${other.id}`]);
    expect(json<{ push: Record<string, unknown> }>(['sync', '--json']).push).toMatchObject({ applied: 1 });
    expect(await payments(other.id, '80.80')).toHaveLength(1);
    expect(await payments(gone.id, '80.80')).toHaveLength(0);
  });

  it('with the legacy database away, sync exits 3 and every change keeps waiting', () => {
    const l = pick();
    workbenchOk(dir, ['pay', l.id, '--amount', '9090', '--method', 'cash']);
    const restore = t.legacyAway();
    try {
      const r = workbench(dir, ['sync']);
      expect(r.status, r.stderr).toBe(3);
      expect(r.stderr).toMatch(/legacy database/);
      expect(r.stdout).toMatch(/1 change made on this desk still waits/);
    } finally {
      restore();
    }
    expect(json<{ push: Record<string, unknown> }>(['sync', '--json']).push).toMatchObject({
      applied: 1,
      remaining: 0,
    });
  });
});
