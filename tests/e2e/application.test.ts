// A new application in Chromium, by keyboard, with the legacy link cut (issue 5 point 1): the clerk
// types a business a little differently from one already on file, sees it suggested (with why),
// dismisses it, registers the new business for a licence type, completes the checklist while the
// "Issue licence" button stays disabled and lists what is open, and issues the licence. The desk's
// outbox holds the registration and the licence; the audit log the dismissal. Then the link comes
// back, one sync, and the application shows Riverton's own business and licence numbers.
// Screenshots of each step and axe checks, in English and Spanish.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheRows } from '../fault/support/riverton-ledger.ts';
import { businessOnFile } from './support/counter-steps.ts';
import { policyAs, useDesk } from './support/desk-session.ts';
import { checkScreen, shown, tabTo } from './support/screen.ts';
import { restoreSqliteLegacy } from './support/sqlite-link.ts';
import { workbench, workbenchJson } from './support/workbench.ts';

let existing: { id: string; name: string };
let applicationHash = '';

const desk = useDesk({
  name: 'application',
  demo: { size: 300, seed: 11 },
  prepare(dataDir) {
    workbench(dataDir, ['drawer', 'open', '--float', '0']);
    existing = businessOnFile(dataDir);
  },
  cut: true,
  page: { height: 1100 },
});

const cache = <T>(sql: string): T[] => cacheRows<T>(desk.dataDir, sql);

describe('a new application, by keyboard, while the legacy link is cut', () => {
  it('opens from the header', async () => {
    await desk.page.goto(desk.served.url);
    await desk.page.getByRole('combobox', { name: 'Search licences' }).waitFor();
    await tabTo(desk.page, 'link', 'New application');
    await desk.page.keyboard.press('Enter');
    await expect.poll(() => shown(desk.page.getByRole('heading', { level: 1 }))).toBe('New application');
    expect(new URL(desk.page.url()).hash).toBe('#/applications/new');
    await checkScreen(desk.page, 'application-01-empty');
  });

  it('suggests the business already on file for a near-duplicate name, and says why', async () => {
    await tabTo(desk.page, 'textbox', 'Business name');
    // Lower case, a legal form added: the same business to the city.
    await desk.page.keyboard.type(`${existing.name.toLowerCase()} llc`, { delay: 10 });
    const suggestions = desk.page.getByRole('list', { name: 'Possible duplicates' });
    await expect.poll(() => suggestions.count(), { timeout: 10_000 }).toBe(1);
    const first = suggestions.getByRole('listitem').first();
    await expect.poll(() => shown(first)).toContain(existing.name);
    expect(await shown(first)).toContain('Same name');
    await checkScreen(desk.page, 'application-02-suggestion');
  });

  it('will not create while a suggestion is neither dismissed nor used; dismissing it lets the clerk go on', async () => {
    await tabTo(desk.page, 'button', `Not the same: ${existing.name} is a different business`);
    await desk.page.keyboard.press('Enter');
    const main = desk.page.getByRole('main');
    await expect.poll(() => shown(main)).toContain('1 suggestion dismissed (recorded in the audit log).');
    // The rest of the business, by keyboard.
    await tabTo(desk.page, 'textbox', 'Owner');
    await desk.page.keyboard.type('Marta Quintero');
    await tabTo(desk.page, 'textbox', 'Street address');
    await desk.page.keyboard.type('77 Willow Bend Rd');
    await tabTo(desk.page, 'textbox', 'Phone');
    await desk.page.keyboard.type('555 010 4477');
    await tabTo(desk.page, 'combobox', 'Licence type');
    await desk.page.getByRole('combobox', { name: 'Licence type' }).selectOption('GENL');
    await checkScreen(desk.page, 'application-03-filled');
    await desk.page.keyboard.press('Control+Enter');
    await expect
      .poll(() => new URL(desk.page.url()).hash, { timeout: 10_000 })
      .toMatch(/^#\/applications\/APP-/);
    applicationHash = new URL(desk.page.url()).hash;
  });

  it('shows the checklist; Issue licence is disabled and lists the open required items', async () => {
    const main = desk.page.getByRole('main');
    await expect.poll(() => shown(main)).toContain('Requirements checklist');
    const text = await shown(main);
    expect(text).toContain('The licence cannot be issued while these 3 required items are open:');
    expect(text).toContain('Provisional (number given at the next sync)');
    const issue = desk.page.getByRole('button', { name: 'Issue licence' });
    expect(await issue.getAttribute('aria-disabled')).toBe('true');
    expect(text).toContain('Due at issue (annual fee and application fee): $177.50');
    await checkScreen(desk.page, 'application-04-checklist');
  });

  it('completes the checklist by keyboard, with who and when', async () => {
    for (const item of ['Signed application form', "Owner's photo ID", 'Zoning approval']) {
      await tabTo(desk.page, 'checkbox', item);
      await desk.page.keyboard.press('Space');
      await expect.poll(() => desk.page.getByRole('checkbox', { name: item }).isChecked()).toBe(true);
    }
    const main = desk.page.getByRole('main');
    await expect.poll(() => shown(main)).toContain('Every required item is done.');
    expect(await shown(main.locator('[data-item="ZONING"]'))).toMatch(/Approved[\s\S]*\d{1,2}:\d{2}/);
    await checkScreen(desk.page, 'application-05-complete');
  });

  it('a waiver takes a supervisor: the service refuses the clerk, and takes it from a supervisor with the reason', async () => {
    const main = desk.page.getByRole('main');
    const waive = async () => {
      await tabTo(desk.page, 'button', 'Waive Certificate of insurance');
      await desk.page.keyboard.press('Enter');
      await tabTo(desk.page, 'textbox', /^Reason for the waiver/);
      await desk.page.keyboard.type('Home-based, no premises to insure');
      await tabTo(desk.page, 'button', 'Waive');
      await desk.page.keyboard.press('Enter');
    };
    await waive();
    await expect
      .poll(() => shown(main))
      .toContain('Your role (clerk) does not allow you to waive a requirement');
    await checkScreen(desk.page, 'application-05b-waiver-refused');
    policyAs(desk.dataDir, 'supervisor');
    await tabTo(desk.page, 'button', 'Cancel');
    await desk.page.keyboard.press('Enter');
    await waive();
    const row = main.locator('[data-item="INSURANCE"]');
    await expect.poll(() => shown(row)).toContain('Waived');
    expect(await shown(row)).toContain('Home-based, no premises to insure');
    rmSync(join(desk.dataDir, 'policy.yaml'));
  });

  it('issues the licence; it waits on the desk for its number, with the link to take the fee', async () => {
    await tabTo(desk.page, 'button', 'Issue licence');
    await desk.page.keyboard.press('Enter');
    const main = desk.page.getByRole('main');
    await expect.poll(() => shown(main), { timeout: 10_000 }).toContain('Licence issued.');
    expect(await shown(main)).toMatch(
      /Provisional licence number P-[0-9A-F]{8}: the licence waits on this desk/,
    );
    expect(await desk.page.getByRole('link', { name: 'Open the licence to take the fee' }).count()).toBe(1);
    await checkScreen(desk.page, 'application-06-issued');

    const outbox = workbenchJson<Array<{ command: string; status: string }>>(desk.dataDir, [
      'outbox',
      '--all',
    ]);
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
    await tabTo(desk.page, 'link', 'Open the licence to take the fee');
    await desk.page.keyboard.press('Enter');
    await expect
      .poll(() => shown(desk.page.getByRole('heading', { level: 1 })), { timeout: 10_000 })
      .toMatch(/^Licence P-[0-9A-F]{8}$/);
    await tabTo(desk.page, 'textbox', /^Amount \(dollars and cents\)/);
    await desk.page.keyboard.type('177.50'); // the annual fee $102.50 and the application fee $75.00
    await tabTo(desk.page, 'button', 'Take payment');
    await desk.page.keyboard.press('Enter');
    await expect
      .poll(() => shown(desk.page.getByRole('main')), { timeout: 10_000 })
      .toContain('Payment of $177.50 (Cash) taken.');
    await checkScreen(desk.page, 'application-06b-fee-taken');
    await desk.page.goto(`${desk.base()}${applicationHash}`);
    await expect.poll(() => shown(desk.page.getByRole('main'))).toContain('Licence issued.');
  });

  it('reads in Spanish too', async () => {
    await desk.page.evaluate(() => localStorage.setItem('workbench.language', 'es'));
    await desk.page.reload();
    const main = desk.page.getByRole('main');
    await expect.poll(() => shown(main)).toContain('Lista de requisitos');
    expect(await shown(main)).toContain('Licencia emitida.');
    await checkScreen(desk.page, 'application-07-issued-es');
    await desk.page.goto(`${desk.base()}#/applications/new`);
    await expect.poll(() => shown(desk.page.getByRole('heading', { level: 1 }))).toBe('Nueva solicitud');
    await checkScreen(desk.page, 'application-08-new-es');
    await desk.page.evaluate(() => localStorage.setItem('workbench.language', 'en'));
  });

  it('after the link comes back and one sync, shows the legacy business and licence numbers', async () => {
    restoreSqliteLegacy(desk.dataDir);
    workbench(desk.dataDir, ['sync']);
    await desk.page.goto(`${desk.base()}${applicationHash}`);
    const main = desk.page.getByRole('main');
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
    await checkScreen(desk.page, 'application-09-synced');
  });
});
