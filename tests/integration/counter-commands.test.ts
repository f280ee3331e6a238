// Renewals and payments at the counter, on a real desk synced from the demo city: each command's
// local effect, outbox entry (with the licence as the clerk saw it) and audit entry land together,
// provisional receipts are desk-prefixed, and a refresh from the legacy database neither overwrites
// a renewed licence nor removes a payment still waiting in the outbox.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../src-main/common/licence-rules.ts';
import { newDeskDir, workbench, workbenchOk } from './support/workbench-cli.ts';
import { meetingRenewalRequirements } from '../support/renewal-requirements.ts';

const dir = newDeskDir('counter');
let cache: Database.Database;
const licence = (id: string) =>
  cache.prepare('SELECT * FROM licence WHERE id = ?').get(id) as Record<string, unknown>;
const pick = (status: string) =>
  (
    cache
      .prepare(
        `SELECT l.id, l.expires_on, t.term_months FROM licence l JOIN licence_type t ON t.code = l.licence_type_code
         WHERE l.status = ? AND l.expires_on IS NOT NULL
           -- renewable today by Riverton's fee rules (bridges/riverton/fees.yaml): inside the window
           -- (90 days before expiry to 12 months after), no hold, nothing owed
           AND (l.status = 'suspended' OR l.expires_on BETWEEN date('now', '-11 months') AND date('now', '+80 days'))
           AND NOT EXISTS (SELECT 1 FROM hold h WHERE h.licence_id = l.id OR h.business_id = l.business_id)
           AND NOT EXISTS (SELECT 1 FROM balance b WHERE b.business_id = l.business_id)
         ORDER BY l.id`,
      )
      .all(status) as { id: string; expires_on: string; term_months: number }[]
  ) // ...and none of its type's renewal requirements missing (requirements.yaml renewal:)
    .find((r) => meetingRenewalRequirements(cache, [r.id]).length === 1)!;

beforeAll(() => {
  workbenchOk(dir, ['demo', 'create', '--engine', 'sqlite', '--size', '500', '--seed', '3']);
  workbenchOk(dir, ['sync']);
  workbenchOk(dir, ['drawer', 'open', '--float', '0']);
  cache = new Database(join(dir, 'cache.sqlite'), { readonly: true });
});
afterAll(() => {
  cache?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('renew and pay at the counter', () => {
  it('renews an active licence one term after its expiry, with outbox and audit entries', () => {
    const active = pick('active');
    const result = JSON.parse(workbenchOk(dir, ['renew', active.id, '--json']));
    expect(result.payload).toMatchObject({
      v: 1,
      licenceId: active.id,
      newExpiresOn: addMonths(active.expires_on, active.term_months),
    });
    expect(licence(active.id)).toMatchObject({ expires_on: result.payload.newExpiresOn, status: 'active' });
    const outbox = JSON.parse(workbenchOk(dir, ['outbox', '--json']));
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      operationId: result.operationId,
      command: 'renewLicence',
      status: 'pending',
    });
    expect(outbox[0].base[0].record).toMatchObject({ id: active.id, expiresOn: active.expires_on });
    const auditRow = cache.prepare(`SELECT * FROM audit_log WHERE action = 'licence.renew'`).get() as Record<
      string,
      string
    >;
    expect(JSON.parse(auditRow.detail!)).toMatchObject({
      operationId: result.operationId,
      from: active.expires_on,
    });
  });

  it('renews an expired licence one term from today', () => {
    const expired = pick('expired');
    const result = JSON.parse(workbenchOk(dir, ['renew', expired.id, '--json']));
    expect(result.payload.newExpiresOn).toBe(
      addMonths(result.payload.renewedAt.slice(0, 10), expired.term_months),
    );
  });

  it('refuses to renew a suspended licence, and writes nothing', () => {
    const suspended = pick('suspended');
    const before = JSON.parse(workbenchOk(dir, ['outbox', '--json'])).length;
    const r = workbench(dir, ['renew', suspended.id]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is suspended; it cannot be renewed at the counter/);
    expect(JSON.parse(workbenchOk(dir, ['outbox', '--json']))).toHaveLength(before);
  });

  it('records payments with desk-prefixed provisional receipt numbers, in order', () => {
    const active = pick('active');
    const first = JSON.parse(
      workbenchOk(dir, ['pay', active.id, '--amount', '32250', '--method', 'check', '--json']),
    );
    const second = JSON.parse(
      workbenchOk(dir, ['pay', active.id, '--amount', '1000', '--method', 'cash', '--json']),
    );
    expect(first.payload.receiptNo).toMatch(/^P-[A-Z0-9]{1,6}-000001$/);
    expect(second.payload.receiptNo).toBe(first.payload.receiptNo.replace(/000001$/, '000002'));
    const row = cache.prepare('SELECT * FROM payment WHERE id = ?').get(first.paymentId) as Record<
      string,
      unknown
    >;
    expect(row).toMatchObject({
      licence_id: active.id,
      amount_cents: 32250,
      method: 'check',
      receipt_no: first.payload.receiptNo,
    });
    expect(
      JSON.parse(workbenchOk(dir, ['outbox', '--json'])).map((e: { command: string }) => e.command),
    ).toEqual(['renewLicence', 'renewLicence', 'recordPayment', 'recordPayment']);
  });

  it('keeps changes still waiting in the outbox through a refresh from the legacy database', () => {
    const renewed = JSON.parse(workbenchOk(dir, ['outbox', '--json']))[0].payload;
    const payments = cache.prepare(`SELECT count(*) AS n FROM payment WHERE id LIKE 'local:%'`).get() as {
      n: number;
    };
    // A refresh alone (the changes not sent): what waits is neither overwritten nor removed.
    workbenchOk(dir, ['sync', '--no-push', '--full']);
    expect(licence(renewed.licenceId).expires_on).toBe(renewed.newExpiresOn);
    expect(cache.prepare(`SELECT count(*) AS n FROM payment WHERE id LIKE 'local:%'`).get()).toEqual(
      payments,
    );
    expect(payments.n).toBe(2);
    expect(JSON.parse(workbenchOk(dir, ['status', '--json'])).pendingChanges).toBe(4);
    workbenchOk(dir, ['sync', '--no-push']); // the incremental refresh keeps them too
    expect(licence(renewed.licenceId).expires_on).toBe(renewed.newExpiresOn);
    expect(cache.prepare(`SELECT count(*) AS n FROM payment WHERE id LIKE 'local:%'`).get()).toEqual(
      payments,
    );
  });

  it('then sends them: sync pushes before it pulls, and nothing waits afterwards', () => {
    const sync = JSON.parse(workbenchOk(dir, ['sync', '--json']));
    expect(sync.push).toMatchObject({ applied: 4, conflicts: 0, remaining: 0 });
    expect(cache.prepare(`SELECT count(*) AS n FROM payment WHERE id LIKE 'local:%'`).get()).toEqual({
      n: 0,
    });
    expect(JSON.parse(workbenchOk(dir, ['status', '--json'])).pendingChanges).toBe(0);
  });
});
