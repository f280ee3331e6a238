// A new application in Chromium, by keyboard, with the legacy link cut (issue 5 point 1): the clerk
// types a business a little differently from one already on file, sees it suggested (with why),
// dismisses it, registers the new business for a licence type, completes the checklist while the
// "Issue licence" button stays disabled and lists what is open, and issues the licence. The desk's
// outbox holds the registration and the licence; the audit log the dismissal. Then the link comes
// back, one sync, and the application shows Riverton's own business and licence numbers.
// Screenshots of each step and axe checks, in English and Spanish.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage } from './support/browser.ts';
import { ensureRendererBuilt } from './support/renderer-build.ts';
import { checkScreen, shown, tabTo } from './support/screen.ts';
import { cutSqliteLegacy, restoreSqliteLegacy } from './support/sqlite-link.ts';
import { type Served, serve, workbench, workbenchJson } from './support/workbench.ts';

let dataDir: string;
let served: Served | undefined;
let browser: Browser | undefined;
let page: Page;
let existing: { id: string; name: string };
let applicationHash = '';

const cache = <T>(sql: string): T[] => {
  const db = new Database(join(dataDir, 'cache.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-application-'));
  await ensureRendererBuilt();
  workbench(dataDir, ['demo', 'create', '--engine', 'sqlite', '--size', '300', '--seed', '11']);
  workbench(dataDir, ['sync']);
  workbench(dataDir, ['drawer', 'open', '--float', '0']);
  existing = cache<{ id: string; name: string }>(
    `SELECT b.id, b.name FROM business b JOIN licence l ON l.business_id = b.id
     WHERE length(b.name) BETWEEN 10 AND 30 AND b.name NOT LIKE '%&%' ORDER BY b.id LIMIT 1`,
  )[0]!;
  cutSqliteLegacy(dataDir);
  served = await serve(dataDir);
  browser = await launchChromium();
  page = await openPage(browser, { height: 1100 });
});

afterAll(async () => {
  if (dataDir) restoreSqliteLegacy(dataDir);
  await browser?.close();
  await served?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('a new application, by keyboard, while the legacy link is cut', () => {
  it('opens from the header', async () => {
    await page.goto(served!.url);
    await page.getByRole('combobox', { name: 'Search licences' }).waitFor();
    await tabTo(page, 'link', 'New application');
    await page.keyboard.press('Enter');
    await expect.poll(() => shown(page.getByRole('heading', { level: 1 }))).toBe('New application');
    expect(new URL(page.url()).hash).toBe('#/applications/new');
    await checkScreen(page, 'application-01-empty');
  });

  it('suggests the business already on file for a near-duplicate name, and says why', async () => {
    await tabTo(page, 'textbox', 'Business name');
    // Lower case, a legal form added: the same business to the city.
    await page.keyboard.type(`${existing.name.toLowerCase()} llc`, { delay: 10 });
    const suggestions = page.getByRole('list', { name: 'Possible duplicates' });
    await expect.poll(() => suggestions.count(), { timeout: 10_000 }).toBe(1);
    const first = suggestions.getByRole('listitem').first();
    await expect.poll(() => shown(first)).toContain(existing.name);
    expect(await shown(first)).toContain('Same name');
    await checkScreen(page, 'application-02-suggestion');
  });

  it('will not create while a suggestion is neither dismissed nor used; dismissing it lets the clerk go on', async () => {
    await tabTo(page, 'button', `Not the same: ${existing.name} is a different business`);
    await page.keyboard.press('Enter');
    const main = page.getByRole('main');
    await expect.poll(() => shown(main)).toContain('1 suggestion dismissed (recorded in the audit log).');
    // The rest of the business, by keyboard.
    await tabTo(page, 'textbox', 'Owner');
    await page.keyboard.type('Marta Quintero');
    await tabTo(page, 'textbox', 'Street address');
    await page.keyboard.type('77 Willow Bend Rd');
    await tabTo(page, 'textbox', 'Phone');
    await page.keyboard.type('555 010 4477');
    await tabTo(page, 'combobox', 'Licence type');
    await page.getByRole('combobox', { name: 'Licence type' }).selectOption('GENL');
    await checkScreen(page, 'application-03-filled');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => new URL(page.url()).hash, { timeout: 10_000 }).toMatch(/^#\/applications\/APP-/);
    applicationHash = new URL(page.url()).hash;
  });

  it('shows the checklist; Issue licence is disabled and lists the open required items', async () => {
    const main = page.getByRole('main');
    await expect.poll(() => shown(main)).toContain('Requirements checklist');
    const text = await shown(main);
    expect(text).toContain('The licence cannot be issued while these 3 required items are open:');
    expect(text).toContain('Provisional (number given at the next sync)');
    const issue = page.getByRole('button', { name: 'Issue licence' });
    expect(await issue.getAttribute('aria-disabled')).toBe('true');
    expect(text).toContain('Due at issue (annual fee and application fee): $177.50');
    await checkScreen(page, 'application-04-checklist');
  });

  it('completes the checklist by keyboard, with who and when', async () => {
    for (const item of ['Signed application form', "Owner's photo ID", 'Zoning approval']) {
      await tabTo(page, 'checkbox', item);
      await page.keyboard.press('Space');
      await expect.poll(() => page.getByRole('checkbox', { name: item }).isChecked()).toBe(true);
    }
    const main = page.getByRole('main');
    await expect.poll(() => shown(main)).toContain('Every required item is done.');
    expect(await shown(main.locator('[data-item="ZONING"]'))).toMatch(/Approved[\s\S]*\d{1,2}:\d{2}/);
    await checkScreen(page, 'application-05-complete');
  });

  it('a waiver takes a supervisor: the service refuses the clerk, and takes it from a supervisor with the reason', async () => {
    const main = page.getByRole('main');
    const waive = async () => {
      await tabTo(page, 'button', 'Waive Certificate of insurance');
      await page.keyboard.press('Enter');
      await tabTo(page, 'textbox', /^Reason for the waiver/);
      await page.keyboard.type('Home-based, no premises to insure');
      await tabTo(page, 'button', 'Waive');
      await page.keyboard.press('Enter');
    };
    await waive();
    await expect
      .poll(() => shown(main))
      .toContain('Your role (clerk) does not allow you to waive a requirement');
    await checkScreen(page, 'application-05b-waiver-refused');
    writeFileSync(
      join(dataDir, 'policy.yaml'),
      `version: 1\naccounts:\n  ${userInfo().username}: supervisor\n`,
    );
    await tabTo(page, 'button', 'Cancel');
    await page.keyboard.press('Enter');
    await waive();
    const row = main.locator('[data-item="INSURANCE"]');
    await expect.poll(() => shown(row)).toContain('Waived');
    expect(await shown(row)).toContain('Home-based, no premises to insure');
    rmSync(join(dataDir, 'policy.yaml'));
  });

  it('issues the licence; it waits on the desk for its number, with the link to take the fee', async () => {
    await tabTo(page, 'button', 'Issue licence');
    await page.keyboard.press('Enter');
    const main = page.getByRole('main');
    await expect.poll(() => shown(main), { timeout: 10_000 }).toContain('Licence issued.');
    expect(await shown(main)).toMatch(
      /Provisional licence number P-[0-9A-F]{8}: the licence waits on this desk/,
    );
    expect(await page.getByRole('link', { name: 'Open the licence to take the fee' }).count()).toBe(1);
    await checkScreen(page, 'application-06-issued');

    const outbox = workbenchJson<Array<{ command: string; status: string }>>(dataDir, ['outbox', '--all']);
    expect(outbox.map((e) => `${e.command}:${e.status}`)).toEqual([
      'registerBusiness:pending',
      'issueLicence:pending',
    ]);
    const audit = cache<{ detail: string }>(
      `SELECT detail FROM audit_log WHERE action = 'business.register'`,
    );
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ dismissedSuggestions: [existing.id] });
  });

  it('the link opens the provisional licence, where the fee is taken', async () => {
    await tabTo(page, 'link', 'Open the licence to take the fee');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => shown(page.getByRole('heading', { level: 1 })), { timeout: 10_000 })
      .toMatch(/^Licence P-[0-9A-F]{8}$/);
    await tabTo(page, 'textbox', /^Amount \(dollars and cents\)/);
    await page.keyboard.type('177.50'); // the annual fee $102.50 and the application fee $75.00
    await tabTo(page, 'button', 'Take payment');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => shown(page.getByRole('main')), { timeout: 10_000 })
      .toContain('Payment of $177.50 (Cash) taken.');
    await checkScreen(page, 'application-06b-fee-taken');
    await page.goto(`${served!.url.split('#')[0]}${applicationHash}`);
    await expect.poll(() => shown(page.getByRole('main'))).toContain('Licence issued.');
  });

  it('reads in Spanish too', async () => {
    await page.evaluate(() => localStorage.setItem('workbench.language', 'es'));
    await page.reload();
    const main = page.getByRole('main');
    await expect.poll(() => shown(main)).toContain('Lista de requisitos');
    expect(await shown(main)).toContain('Licencia emitida.');
    await checkScreen(page, 'application-07-issued-es');
    await page.goto(`${served!.url.split('#')[0]}#/applications/new`);
    await expect.poll(() => shown(page.getByRole('heading', { level: 1 }))).toBe('Nueva solicitud');
    await checkScreen(page, 'application-08-new-es');
    await page.evaluate(() => localStorage.setItem('workbench.language', 'en'));
  });

  it('after the link comes back and one sync, shows the legacy business and licence numbers', async () => {
    restoreSqliteLegacy(dataDir);
    workbench(dataDir, ['sync']);
    await page.goto(`${served!.url.split('#')[0]}${applicationHash}`);
    const main = page.getByRole('main');
    await expect.poll(() => shown(main), { timeout: 10_000 }).toContain('Licence number RV-0000301.');
    expect(await shown(main)).not.toContain('Provisional');
    expect(
      cache(
        `SELECT id FROM licence WHERE id LIKE 'local:%' UNION ALL SELECT id FROM business WHERE id LIKE 'local:%'
         UNION ALL SELECT id FROM payment WHERE id LIKE 'local:%' OR licence_id LIKE 'local:%'`,
      ),
    ).toEqual([]);
    // The fee taken on the provisional licence landed on the legacy licence.
    expect(cache(`SELECT amount_cents FROM payment WHERE licence_id = 'RV-0000301'`)).toEqual([
      { amount_cents: 17750 },
    ]);
    await checkScreen(page, 'application-09-synced');
  });
});
