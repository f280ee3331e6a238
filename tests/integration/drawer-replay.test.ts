// Voids and refunds reach the legacy database on SQLite, PostgreSQL and MariaDB: a void of a
// payment still provisional (taken and voided offline, before any sync) and a partial refund of a
// legacy payment each become one new PAYHST row (negative amount, VD or RF, PAYREF = the payment's
// PAYNO) while the original rows stay exactly as they were; an answer lost on the way is settled
// by the bridge's applied_check, never sent twice; the desk ends with the legacy rows, marked as
// reversals of their payments.
import { beforeAll, describe, expect, it } from 'vitest';
import { deskUnderTest, engines } from './support/desk-under-test.ts';
import { workbench, workbenchOk } from './support/workbench-cli.ts';

type PayRow = {
  PAYNO: unknown;
  PAYLIC: string;
  PAYDTE: string;
  PAYAMT: unknown;
  PAYMTH: string;
  PAYRCT: string;
  PAYREF: unknown;
};

describe.each(engines)('voids and refunds on %s', (engine) => {
  const t = deskUnderTest('drawer', { engine, size: 200, seed: 6, role: 'supervisor' });
  const { dir, legacy, cached } = t;
  const json = <T>(args: string[]): T => JSON.parse(workbenchOk(dir, [...args, '--json'])) as T;
  const payRows = async (where: string) =>
    (await legacy<PayRow>(`SELECT * FROM {PAYHST} WHERE ${where} ORDER BY {PAYNO}`)).map((r) => ({
      no: Number(r.PAYNO),
      lic: String(r.PAYLIC).trim(),
      day: String(r.PAYDTE).trim(),
      amount: Number(r.PAYAMT).toFixed(2),
      method: String(r.PAYMTH).trim(),
      receipt: String(r.PAYRCT).trim(),
      ref: Number(r.PAYREF),
    }));

  beforeAll(() => {
    workbenchOk(dir, ['drawer', 'open', '--float', '5000']);
  });

  it('a provisional payment voided offline and a legacy payment partly refunded reach PAYHST once each; the originals are untouched', async () => {
    const legacyPayment = cached<{ id: string; licence_id: string; amount_cents: number }>(
      `SELECT id, licence_id, amount_cents FROM payment WHERE amount_cents > 1000 AND reversal_of IS NULL ORDER BY CAST(id AS INTEGER) LIMIT 1`,
    )[0]!;
    const originalBefore = await payRows(`{PAYNO} = ${legacyPayment.id}`);
    expect(originalBefore).toHaveLength(1);

    // Taken and voided before any sync: the void refers to local:<operationId>.
    const paid = json<{ paymentId: string; operationId: string }>([
      'pay',
      legacyPayment.licence_id,
      '--amount',
      '4321',
      '--method',
      'cash',
      '--tendered',
      '5000',
    ]);
    expect(paid.paymentId).toBe(`local:${paid.operationId}`);
    const voided = json<{ payload: { paymentId: string; signedAmountCents: number } }>([
      'void',
      paid.paymentId,
      '--reason',
      'rang up the wrong licence',
    ]);
    expect(voided.payload).toMatchObject({ paymentId: paid.paymentId, signedAmountCents: -4321 });
    const refunded = json<{ payload: { paymentId: string } }>([
      'refund',
      legacyPayment.id,
      '--amount',
      '1000',
      '--method',
      'cash',
      '--reason',
      'overcharged late fee',
    ]);
    expect(refunded.payload.paymentId).toBe(legacyPayment.id);

    const synced = json<{ push: Record<string, unknown> }>(['sync']);
    expect(synced.push).toMatchObject({ applied: 3, conflicts: 0, remaining: 0 });

    const outbox = json<Array<{ command: string; status: string; legacyResult: { paymentNo: number } }>>([
      'outbox',
      '--all',
    ]);
    const paymentNo = outbox.find((e) => e.command === 'recordPayment')!.legacyResult.paymentNo;
    const voidNo = outbox.find((e) => e.command === 'voidPayment')!.legacyResult.paymentNo;
    const refundNo = outbox.find((e) => e.command === 'refundPayment')!.legacyResult.paymentNo;

    // The payment taken, its void pointing at it, untouched; the refund pointing at the legacy payment.
    expect(await payRows(`{PAYNO} = ${paymentNo}`)).toMatchObject([
      { amount: '43.21', method: 'CA', ref: 0 },
    ]);
    expect(await payRows(`{PAYREF} = ${paymentNo}`)).toMatchObject([
      { no: voidNo, lic: legacyPayment.licence_id, amount: '-43.21', method: 'VD', ref: paymentNo },
    ]);
    expect(await payRows(`{PAYREF} = ${legacyPayment.id}`)).toMatchObject([
      { no: refundNo, amount: '-10.00', method: 'RF', ref: Number(legacyPayment.id) },
    ]);
    expect(await payRows(`{PAYNO} = ${legacyPayment.id}`)).toEqual(originalBefore);

    // The desk holds the legacy rows now, marked as reversals; no provisional row is left.
    expect(
      cached(
        `SELECT id, amount_cents, reversal_of, reversal_kind FROM payment WHERE reversal_of IS NOT NULL ORDER BY id`,
      ),
    ).toEqual(
      [
        { id: String(voidNo), amount_cents: -4321, reversal_of: String(paymentNo), reversal_kind: 'void' },
        { id: String(refundNo), amount_cents: -1000, reversal_of: legacyPayment.id, reversal_kind: 'refund' },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(cached(`SELECT id FROM payment WHERE id LIKE 'local:%'`)).toEqual([]);

    // The drawer: cash in 43.21, out 43.21 + 10.00 on a float of 50.00.
    const status = json<{ totals: { cash: { inCents: number; outCents: number; recordedCents: number } } }>([
      'drawer',
      'status',
    ]);
    expect(status.totals.cash).toEqual({ inCents: 4321, outCents: 5321, recordedCents: 4000 });
  });

  it('a void whose answer was lost is recognised by the applied_check, not applied twice; a second void is refused', async () => {
    const paid = json<{ paymentId: string }>([
      'pay',
      cached<{ id: string }>(`SELECT id FROM licence WHERE status = 'active' ORDER BY id LIMIT 1`)[0]!.id,
      '--amount',
      '2468',
      '--method',
      'card',
      '--card-ref',
      'T-99',
    ]);
    const voided = json<{ operationId: string }>([
      'void',
      paid.paymentId,
      '--reason',
      'card declined after all',
    ]);
    expect(json<{ push: Record<string, unknown> }>(['sync']).push).toMatchObject({
      applied: 2,
      remaining: 0,
    });
    t.loseAnswer(voided.operationId);
    expect(json<{ push: Record<string, unknown> }>(['sync']).push).toMatchObject({
      applied: 0,
      alreadyApplied: 1,
      remaining: 0,
    });
    const paymentNo = json<
      Array<{ command: string; operationId: string; legacyResult: { paymentNo: number } }>
    >(['outbox', '--all'])
      .filter((e) => e.command === 'recordPayment')
      .at(-1)!.legacyResult.paymentNo;
    expect(await payRows(`{PAYREF} = ${paymentNo}`)).toHaveLength(1);
    const again = workbench(dir, ['void', paid.paymentId, '--reason', 'twice']);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/is already void\. Nothing was recorded\./);
  });
});
