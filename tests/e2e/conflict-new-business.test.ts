// A new business whose registration cannot be settled (parked in doubt, as replay parks an entry
// whose answer it cannot establish) and the licence issued to it, which then fails at replay for
// want of its business: in Chromium, by keyboard, the conflicts screen lists both, headed by the
// business's name and the provisional licence, says why the licence was not applied, and the clerk
// discards both with a reason. The desk then holds neither record and the application is open again.
// Screenshots and axe checks of each screen.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage } from './support/browser.ts';
import { ensureRendererBuilt } from './support/renderer-build.ts';
import { checkScreen, shown, tabTo } from './support/screen.ts';
import { type Served, serve, workbench, workbenchJson } from './support/workbench.ts';

let dataDir: string;
let served: Served | undefined;
let browser: Browser | undefined;
let page: Page;
let voided: { id: string; licence_id: string; receipt_no: string };
let app: { id: string; businessId: string; licenceId: string; registerOp: string; issueOp: string };

const cache = <T>(sql: string, ...args: unknown[]): T[] => {
  const db = new Database(join(dataDir, 'cache.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-conflict-new-'));
  await ensureRendererBuilt();
  workbench(dataDir, ['demo', 'create', '--engine', 'sqlite', '--size', '300', '--seed', '11']);
  workbench(dataDir, ['sync']);
  writeFileSync(
    join(dataDir, 'policy.yaml'),
    `version: 1\naccounts:\n  ${JSON.stringify(userInfo().username)}: supervisor\n`,
  );
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
  served = await serve(dataDir);
  browser = await launchChromium();
  page = await openPage(browser, { height: 1000 });
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function discardByKeyboard(reason: string): Promise<void> {
  // The choices are one radio group: Tab reaches the chosen one, the arrow keys choose (no "edit" here).
  await tabTo(page, 'radio', 'Apply again on top of the current values');
  await page.keyboard.press('ArrowDown');
  expect(await page.getByRole('radio', { name: 'Discard the change' }).isChecked()).toBe(true);
  await tabTo(page, 'textbox', 'Why is the change discarded?');
  await page.keyboard.type(reason, { delay: 5 });
  await tabTo(page, 'button', 'Discard the change');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => shown(page.getByRole('status').filter({ hasText: 'Decision saved' })), { timeout: 10_000 })
    .toContain('discarded');
}

describe('a new business and its licence as conflicts, by keyboard', () => {
  it('lists both, with the new licence they concern', async () => {
    await page.goto(`${served!.url}#/conflicts`);
    const table = page.getByRole('table');
    await expect.poll(() => table.getByRole('row').count(), { timeout: 10_000 }).toBe(3);
    const text = await shown(table);
    expect(text).toContain('New business');
    expect(text).toContain('New licence');
    expect(text).toContain(app.licenceId);
    await checkScreen(page, 'conflict-new-01-list');
  });

  it('the registration is headed by the business’s name; discarded with a reason', async () => {
    const [c] = cache<{ id: number }>('SELECT id FROM conflict WHERE operation_id = ?', app.registerOp);
    await page.goto(`${served!.url}#/conflicts/${c!.id}`);
    await expect
      .poll(() => shown(page.getByRole('heading', { level: 1 })), { timeout: 10_000 })
      .toBe('New business: MAPLE KENNELS');
    expect(await shown(page.getByRole('table'))).toContain('MAPLE KENNELS');
    // Nothing in a new record to edit: apply again or discard.
    expect(await page.getByRole('radio', { name: 'Edit, then apply' }).count()).toBe(0);
    await checkScreen(page, 'conflict-new-02-business');
    await discardByKeyboard('Registered twice by mistake');
    expect(cache('SELECT id FROM business WHERE id = ?', app.businessId)).toEqual([]);
  });

  it('the licence says its business never reached the legacy system; discarded, the application is open again', async () => {
    const [c] = cache<{ id: number }>('SELECT id FROM conflict WHERE operation_id = ?', app.issueOp);
    await page.goto(`${served!.url}#/conflicts/${c!.id}`);
    await expect
      .poll(() => shown(page.getByRole('heading', { level: 1 })), { timeout: 10_000 })
      .toBe(`New licence: ${app.licenceId}`);
    const explanation = await shown(page.locator('[data-explanation]'));
    expect(explanation).toContain(`The business it refers to (${app.businessId}) was made on this desk`);
    await checkScreen(page, 'conflict-new-03-licence');
    // In Spanish: named the same way, and why in general words.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await expect
      .poll(() => shown(page.getByRole('heading', { level: 1 })))
      .toBe(`Nueva licencia: ${app.licenceId}`);
    expect(await shown(page.locator('[data-explanation]'))).toContain(
      'Se refiere a un registro creado en este puesto que nunca llegó al sistema heredado',
    );
    await checkScreen(page, 'conflict-new-03-licence-es');
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
    await discardByKeyboard('Its business was discarded');
    await checkScreen(page, 'conflict-new-04-licence-discarded');
    expect(cache('SELECT id FROM licence WHERE id = ?', app.licenceId)).toEqual([]);
    expect(cache('SELECT status, licence_id FROM application WHERE id = ?', app.id)).toEqual([
      { status: 'open', licence_id: null },
    ]);
    expect(cache(`SELECT count(*) AS n FROM conflict WHERE status = 'open'`)).toEqual([{ n: 0 }]);
  });
});

describe('the licence page after a void', () => {
  it('shows the void as such, with the receipt it gives money back on', async () => {
    await page.goto(`${served!.url}#/licence/${voided.licence_id}`);
    const reversal = page.locator('[data-reversal="void"]');
    await expect.poll(() => reversal.count(), { timeout: 10_000 }).toBe(1);
    expect(await shown(reversal)).toContain(`Void`);
    expect(await shown(reversal)).toContain(`of receipt ${voided.receipt_no.trim()}`);
    await checkScreen(page, 'conflict-new-05-licence-void');
  });
});
