// Issue 5: "A clerk's attempt to void a payment is refused by the service, not only by the UI."
// With the IT policy file making the person at the desk a clerk, the contract (the same handler
// table the UI calls over IPC or the loopback host) and the command line both refuse a void and a
// refund with `forbidden` in plain words, and nothing is recorded: no outbox entry, no payment
// row, no drawer entry, no audit entry. A supervisor at the same desk may. Payments themselves
// are refused until the person opens a cash drawer.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isWorkbenchError } from '../../src-main/common/errors.ts';
import { openDesk } from '../../src-main/node/desk/open-desk.ts';
import { createHandlers } from '../../src-main/node/handlers/handlers.ts';
import { deskUnderTest, withCache } from './support/desk-under-test.ts';
import { workbench, workbenchOk } from './support/workbench-cli.ts';

const { dir, policyAs } = deskUnderTest('drawer-roles', { size: 150, seed: 8 });
let licenceId = '';
let legacyPaymentId = '';
let provisionalPaymentId = '';

const counts = () =>
  withCache(dir, (db) => {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      outbox: n('SELECT count(*) AS n FROM outbox'),
      reversals: n('SELECT count(*) AS n FROM payment WHERE reversal_of IS NOT NULL OR amount_cents < 0'),
      drawerEntries: n(`SELECT count(*) AS n FROM drawer_entry WHERE kind <> 'payment'`),
      audit: n(`SELECT count(*) AS n FROM audit_log WHERE action IN ('payment.void', 'payment.refund')`),
    };
  });

beforeAll(() => {
  const row = withCache(
    dir,
    (db) =>
      db
        .prepare(
          `SELECT id, licence_id FROM payment WHERE amount_cents > 0 ORDER BY CAST(id AS INTEGER) LIMIT 1`,
        )
        .get() as { id: string; licence_id: string },
  );
  legacyPaymentId = row.id;
  licenceId = row.licence_id;
});

describe('voids and refunds are a supervisor’s, checked by the service', () => {
  it('a clerk without an open drawer cannot take a payment: "Open your cash drawer first", nothing recorded', () => {
    policyAs('clerk');
    const r = workbench(dir, ['pay', licenceId, '--amount', '1500', '--method', 'cash']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('workbench: Open your cash drawer first');
    expect(counts().outbox).toBe(0);
    workbenchOk(dir, ['drawer', 'open', '--float', '10000']);
    provisionalPaymentId = (
      JSON.parse(workbenchOk(dir, ['pay', licenceId, '--amount', '1500', '--method', 'cash', '--json'])) as {
        paymentId: string;
      }
    ).paymentId;
    expect(counts().outbox).toBe(1);
  });

  it('the contract refuses a clerk’s void and refund with forbidden; nothing is recorded', async () => {
    policyAs('clerk');
    const before = counts();
    const desk = openDesk({ dataDir: dir });
    try {
      const api = createHandlers(desk);
      for (const paymentId of [legacyPaymentId, provisionalPaymentId]) {
        const refused = await api['payments.void']({ paymentId, reason: 'customer asked' }).catch(
          (e: unknown) => e,
        );
        expect(isWorkbenchError(refused) && refused.code).toBe('forbidden');
        expect((refused as Error).message).toBe(
          'Your role (clerk) does not allow you to void payments: that takes a supervisor or admin. Ask a supervisor, or ask IT to change your role in the workbench policy file.',
        );
        const refund = await api['payments.refund']({ paymentId, amountCents: 100, reason: 'x' }).catch(
          (e: unknown) => e,
        );
        expect(isWorkbenchError(refund) && refund.code).toBe('forbidden');
      }
    } finally {
      desk.close();
    }
    expect(counts()).toEqual(before);
  });

  it('the command line refuses it too (exit 1, the same sentence); nothing is recorded', () => {
    policyAs('clerk');
    const before = counts();
    const r = workbench(dir, ['void', legacyPaymentId, '--reason', 'customer asked']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('workbench: Your role (clerk) does not allow you to void payments');
    const refund = workbench(dir, ['refund', provisionalPaymentId, '--amount', '100', '--reason', 'x']);
    expect(refund.status).toBe(1);
    expect(refund.stderr).toContain('does not allow you to refund payments');
    expect(counts()).toEqual(before);
    expect(
      JSON.parse(workbenchOk(dir, ['outbox', '--json'])).map((e: { command: string }) => e.command),
    ).toEqual(['recordPayment']);
  });

  it('a supervisor may, with a reason, in their open drawer', () => {
    policyAs('supervisor');
    // The same account's drawer (opened above): the role changed in the policy file, not the person.
    expect(workbenchOk(dir, ['void', provisionalPaymentId, '--reason', 'customer asked'])).toMatch(
      /^Void of \$15\.00 recorded on payment local:/,
    );
    expect(counts()).toMatchObject({ outbox: 2, reversals: 1, drawerEntries: 1, audit: 1 });
  });

  it('closing keeps the counts and the variance; nothing is taken in a closed drawer, and it cannot be closed again', async () => {
    policyAs('clerk');
    const desk = openDesk({ dataDir: dir });
    try {
      const api = createHandlers(desk);
      const open = (await api['drawer.current']({})).session!;
      // Float 100.00 + 15.00 cash taken - 15.00 voided = 100.00 recorded; 99.00 counted.
      expect(open.totals.cash).toEqual({ inCents: 1500, outCents: 1500, recordedCents: 10_000 });
      const { session } = await api['drawer.close']({ cashCents: 9900, checkCents: 0, cardCents: 0 });
      expect(session.variance).toEqual([
        { method: 'cash', recordedCents: 10_000, countedCents: 9900, varianceCents: -100 },
        { method: 'check', recordedCents: 0, countedCents: 0, varianceCents: 0 },
        { method: 'card', recordedCents: 0, countedCents: 0, varianceCents: 0 },
      ]);
      const pay = await api['payments.record']({ licenceId, amountCents: 100, method: 'cash' }).catch(
        (e: unknown) => e,
      );
      expect((pay as Error).message).toMatch(/^Open your cash drawer first/);
      const again = await api['drawer.close']({ cashCents: 0, checkCents: 0, cardCents: 0 }).catch(
        (e: unknown) => e,
      );
      expect((again as Error).message).toMatch(/no cash drawer open/);
      expect((await api['drawer.get']({ sessionId: session.id })).session).toEqual(session);
      expect(
        withCache(dir, (audit) =>
          audit
            .prepare(`SELECT action FROM audit_log WHERE action LIKE 'drawer.%' ORDER BY id`)
            .pluck()
            .all(),
        ),
      ).toEqual(['drawer.open', 'drawer.close']);
    } finally {
      desk.close();
    }
    rmSync(join(dir, 'policy.yaml'));
  });
});
