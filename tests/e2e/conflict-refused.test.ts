// A payment the legacy database refuses (a trigger planted in Riverton's SQLite database, as a
// city's DBA might add one) is parked for a person, not left blocking the desk: in Chromium the
// conflicts screen names it "Refused by the legacy system" with the legacy database's own words,
// in English and in Spanish, and the clerk discards it with a reason. Screenshots and axe checks.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheRows } from '../fault/support/riverton-ledger.ts';
import { launchChromium, openPage } from './support/browser.ts';
import { ensureRendererBuilt } from './support/renderer-build.ts';
import { checkScreen, shown, tabTo } from './support/screen.ts';
import { sqliteLegacyPath } from './support/sqlite-link.ts';
import { type Served, serve, workbench, workbenchJson } from './support/workbench.ts';

const refusal = 'Payments over $5,000.00 need the treasurer';
let dataDir: string;
let served: Served | undefined;
let browser: Browser | undefined;
let page: Page;
let refusedOp: string;

const cache = <T>(sql: string, ...args: unknown[]): T[] => cacheRows<T>(dataDir, sql, ...args);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-conflict-refused-'));
  await ensureRendererBuilt();
  workbench(dataDir, ['demo', 'create', '--engine', 'sqlite', '--size', '200', '--seed', '13']);
  workbench(dataDir, ['sync']);
  writeFileSync(
    join(dataDir, 'policy.yaml'),
    `version: 1\naccounts:\n  ${JSON.stringify(userInfo().username)}: supervisor\n`,
  );
  const legacy = new Database(sqliteLegacyPath(dataDir));
  try {
    legacy.exec(
      `CREATE TRIGGER wb_treasurer BEFORE INSERT ON PAYHST WHEN NEW.PAYAMT > 5000
       BEGIN SELECT RAISE(ABORT, '${refusal}'); END`,
    );
  } finally {
    legacy.close();
  }
  const [first, second] = cache<{ id: string }>(
    `SELECT id FROM licence WHERE status = 'active' ORDER BY id LIMIT 2`,
  );
  workbench(dataDir, ['drawer', 'open', '--float', '0']);
  refusedOp = workbenchJson<{ operationId: string }>(dataDir, [
    'pay',
    first!.id,
    '--amount',
    '600000',
    '--method',
    'check',
    '--check-no',
    '1042',
  ]).operationId;
  workbench(dataDir, ['pay', second!.id, '--amount', '2500', '--method', 'cash']);
  // The refused payment parks for a person; the other one reaches the legacy database.
  workbench(dataDir, ['sync'], undefined, 4);
  expect(cache(`SELECT status FROM outbox ORDER BY seq`)).toEqual([
    { status: 'conflict' },
    { status: 'applied' },
  ]);
  served = await serve(dataDir);
  browser = await launchChromium();
  page = await openPage(browser, { height: 1000 });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('a change the legacy database refused, on the conflicts screen', () => {
  it('says it was refused, in the legacy database’s words, in English and in Spanish', async () => {
    const [c] = cache<{ id: number }>('SELECT id FROM conflict WHERE operation_id = ?', refusedOp);
    await page.goto(`${served!.url}#/conflicts/${c!.id}`);
    await expect
      .poll(() => shown(page.locator('[data-explanation]')), { timeout: 10_000 })
      .toContain(`The legacy database refused the payment of $6000.00 (check`);
    expect(await shown(page.locator('[data-explanation]'))).toContain(refusal);
    expect(await shown(page.locator('body'))).toContain('Refused by the legacy system');
    await checkScreen(page, 'conflict-refused-01');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await expect
      .poll(() => shown(page.locator('[data-explanation]')))
      .toContain('El sistema heredado rechazó este cambio');
    expect(await shown(page.locator('[data-explanation]'))).toContain(refusal);
    expect(await shown(page.locator('body'))).toContain('Rechazado por el sistema heredado');
    await checkScreen(page, 'conflict-refused-02-es');
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  });

  it('the clerk discards it with a reason, by keyboard; the decision is kept and audited', async () => {
    await tabTo(page, 'radio', 'Apply again on top of the current values');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: 'Discard the change' }).isChecked()).toBe(true);
    await tabTo(page, 'textbox', 'Why is the change discarded?');
    await page.keyboard.type('Treasurer declined the cheque', { delay: 5 });
    await tabTo(page, 'button', 'Discard the change');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => shown(page.getByRole('status').filter({ hasText: 'Decision saved' })), { timeout: 10_000 })
      .toContain('discarded');
    await checkScreen(page, 'conflict-refused-03-discarded');
    expect(
      cache(`SELECT status, resolution, reason FROM conflict WHERE operation_id = ?`, refusedOp),
    ).toEqual([{ status: 'resolved', resolution: 'discard', reason: 'Treasurer declined the cheque' }]);
    expect(cache(`SELECT count(*) AS n FROM audit_log WHERE action = 'conflict.discard'`)).toEqual([
      { n: 1 },
    ]);
  });
});
