// A new business whose registration cannot be settled (parked in doubt, as replay parks an entry
// whose answer it cannot establish) and the licence issued to it, which then fails at replay for
// want of its business: in Chromium, by keyboard, the conflicts screen lists both, headed by the
// business's name and the provisional licence, says why the licence was not applied, and the clerk
// discards both with a reason. The desk then holds neither record and the application is open again.
// Screenshots and axe checks of each screen.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cacheRows } from '../fault/support/riverton-ledger.ts';
import { discardByKeyboard } from './support/conflict-steps.ts';
import { policyAs, useDesk } from './support/desk-session.ts';
import { checkScreen, shown } from './support/screen.ts';
import { workbench, workbenchJson } from './support/workbench.ts';

let voided: { id: string; licence_id: string; receipt_no: string };
let app: { id: string; businessId: string; licenceId: string; registerOp: string; issueOp: string };

const cache = <T>(sql: string, ...args: unknown[]): T[] => cacheRows<T>(desk.dataDir, sql, ...args);

const desk = useDesk({
  name: 'conflict-new',
  demo: { size: 300, seed: 11 },
  prepare(dataDir) {
    policyAs(dataDir, 'supervisor');
    const created = workbenchJson<{ application: { id: string }; business: { id: string } }>(dataDir, [
      'application',
      'create',
      '--name',
      'Maple Kennels',
      '--owner',
      'Lee Park',
      '--address',
      '12 Mill St',
      '--city',
      'Riverton',
      '--state',
      'IL',
      '--zip',
      '60540',
      '--tax-id',
      '44-1000009',
      '--type',
      'KENL',
      '--json',
    ]);
    for (const [code, state] of [
      ['APPFORM', 'received'],
      ['PHOTOID', 'received'],
      ['ZONING', 'approved'],
    ])
      workbench(dataDir, ['application', 'check', created.application.id, code!, state!]);
    workbench(dataDir, ['application', 'issue', created.application.id]);
    const ops = cache<{ operation_id: string; command: string }>(
      `SELECT operation_id, command FROM outbox WHERE status = 'pending' ORDER BY seq`,
    );
    const registerOp = ops.find((o) => o.command === 'registerBusiness')!.operation_id;
    const issueOp = ops.find((o) => o.command === 'issueLicence')!.operation_id;
    app = {
      id: created.application.id,
      businessId: created.business.id,
      licenceId: `local:${issueOp}`,
      registerOp,
      issueOp,
    };
    // The registration's answer cannot be established: replay would park it for a person.
    const db = new Database(join(dataDir, 'cache.sqlite'));
    try {
      const e = db.prepare('SELECT payload, base FROM outbox WHERE operation_id = ?').get(registerOp) as {
        payload: string;
        base: string;
      };
      const now = new Date().toISOString();
      db.prepare(
        `UPDATE outbox SET status = 'conflict', in_doubt = 0, settled_at = ? WHERE operation_id = ?`,
      ).run(now, registerOp);
      db.prepare(
        `INSERT INTO conflict (operation_id, detected_at, kind, seen, mine, current) VALUES (?, ?, 'in_doubt', ?, ?, ?)`,
      ).run(registerOp, now, e.base, e.payload, e.base);
    } finally {
      db.close();
    }
    // A legacy payment voided at this desk: the licence page lists the void under the payment.
    voided = cache<{ id: string; licence_id: string; receipt_no: string }>(
      `SELECT id, licence_id, receipt_no FROM payment WHERE amount_cents > 1000 AND reversal_of IS NULL AND receipt_no <> '' ORDER BY CAST(id AS INTEGER) LIMIT 1`,
    )[0]!;
    workbench(dataDir, ['drawer', 'open', '--float', '0']);
    workbench(dataDir, ['void', voided.id, '--reason', 'charged twice']);
    // The licence refers to the business the legacy system never got: a conflict at replay, so the
    // sync exits 4 (changes need a person).
    workbench(dataDir, ['sync'], undefined, 4);
  },
  page: { height: 1000 },
});

describe('a new business and its licence as conflicts, by keyboard', () => {
  it('lists both, with the new licence they concern', async () => {
    await desk.page.goto(`${desk.served.url}#/conflicts`);
    const table = desk.page.getByRole('table');
    await expect.poll(() => table.getByRole('row').count(), { timeout: 10_000 }).toBe(3);
    const text = await shown(table);
    expect(text).toContain('New business');
    expect(text).toContain('New licence');
    expect(text).toContain(app.licenceId);
    await checkScreen(desk.page, 'conflict-new-01-list');
  });

  it('the registration is headed by the business’s name; discarded with a reason', async () => {
    const [c] = cache<{ id: number }>('SELECT id FROM conflict WHERE operation_id = ?', app.registerOp);
    await desk.page.goto(`${desk.served.url}#/conflicts/${c!.id}`);
    await expect
      .poll(() => shown(desk.page.getByRole('heading', { level: 1 })), { timeout: 10_000 })
      .toBe('New business: MAPLE KENNELS');
    expect(await shown(desk.page.getByRole('table'))).toContain('MAPLE KENNELS');
    // Nothing in a new record to edit: apply again or discard.
    expect(await desk.page.getByRole('radio', { name: 'Edit, then apply' }).count()).toBe(0);
    await checkScreen(desk.page, 'conflict-new-02-business');
    await discardByKeyboard(desk.page, 'Registered twice by mistake');
    expect(cache('SELECT id FROM business WHERE id = ?', app.businessId)).toEqual([]);
  });

  it('the licence says its business never reached the legacy system; discarded, the application is open again', async () => {
    const [c] = cache<{ id: number }>('SELECT id FROM conflict WHERE operation_id = ?', app.issueOp);
    await desk.page.goto(`${desk.served.url}#/conflicts/${c!.id}`);
    await expect
      .poll(() => shown(desk.page.getByRole('heading', { level: 1 })), { timeout: 10_000 })
      .toBe(`New licence: ${app.licenceId}`);
    const explanation = await shown(desk.page.locator('[data-explanation]'));
    expect(explanation).toContain(`The business it refers to (${app.businessId}) was made on this desk`);
    await checkScreen(desk.page, 'conflict-new-03-licence');
    // In Spanish: named the same way, and why in general words.
    await desk.page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await expect
      .poll(() => shown(desk.page.getByRole('heading', { level: 1 })))
      .toBe(`Nueva licencia: ${app.licenceId}`);
    expect(await shown(desk.page.locator('[data-explanation]'))).toContain(
      'Se refiere a un registro creado en este puesto que nunca llegó al sistema heredado',
    );
    await checkScreen(desk.page, 'conflict-new-03-licence-es');
    await desk.page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
    await discardByKeyboard(desk.page, 'Its business was discarded');
    await checkScreen(desk.page, 'conflict-new-04-licence-discarded');
    expect(cache('SELECT id FROM licence WHERE id = ?', app.licenceId)).toEqual([]);
    expect(cache('SELECT status, licence_id FROM application WHERE id = ?', app.id)).toEqual([
      { status: 'open', licence_id: null },
    ]);
    expect(cache(`SELECT count(*) AS n FROM conflict WHERE status = 'open'`)).toEqual([{ n: 0 }]);
  });
});

describe('the licence page after a void', () => {
  it('shows the void as such, with the receipt it gives money back on', async () => {
    await desk.page.goto(`${desk.served.url}#/licence/${voided.licence_id}`);
    const reversal = desk.page.locator('[data-reversal="void"]');
    await expect.poll(() => reversal.count(), { timeout: 10_000 }).toBe(1);
    expect(await shown(reversal)).toContain(`Void`);
    expect(await shown(reversal)).toContain(`of receipt ${voided.receipt_no.trim()}`);
    await checkScreen(desk.page, 'conflict-new-05-licence-void');
  });
});
