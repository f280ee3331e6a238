// What a clerk does at the counter in several e2e tests, by keyboard: open a licence from the
// search box, renew it through its confirmation; count and close the cash drawer and print its
// report; and the licence or business the test picks.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { runDeskJson } from '../../fault/support/desk-commands.ts';
import { cacheRows } from '../../fault/support/riverton-ledger.ts';
import { downloadFrom, pdfWords } from './desk-session.ts';
import { shown, tabTo } from './screen.ts';

export type Hit = { licenceId: string; businessName: string; status: string; expiresOn: string | null };

/**
 * An active licence with an expiry date, one a clerk may renew today by the city's fee rules
 * (inside the renewal window, no hold, nothing owed: the renewal queue's expiring licences) and
 * its type's renewal requirements (the renewal check): the first found for these letters.
 */
export async function findRenewableLicence(dataDir: string, letters = ['a', 'e', 'o', 's']): Promise<Hit> {
  const queue = await runDeskJson<{ rows: { licenceId: string; holds: number; balanceCents: number }[] }>(
    dataDir,
    ['renewals', 'queue', '--kind', 'expiring', '--within', '85', '--limit', '1000'],
  );
  const renewable = new Set(
    queue.rows.filter((r) => r.holds === 0 && r.balanceCents === 0).map((r) => r.licenceId),
  );
  for (const letter of letters) {
    const hits = await runDeskJson<Hit[]>(dataDir, ['search', letter, '--limit', '500']);
    for (const hit of hits.filter(
      (h) => h.status === 'active' && h.expiresOn && renewable.has(h.licenceId),
    )) {
      // The queue knows holds and balances; the full check also knows the licence type's renewal
      // requirements (requirements.yaml renewal:, e.g. a food licence's recent health inspection).
      const check = await runDeskJson<{ ok: boolean }>(dataDir, ['fees', 'quote', hit.licenceId]);
      if (check.ok) return hit;
    }
  }
  throw new Error('no active licence renewable today in the demo city');
}

/** Waits until the page shows the licence (its heading, in English). */
export async function expectLicencePage(page: Page, licenceId: string): Promise<void> {
  await expect
    .poll(() => shown(page.getByRole('heading', { level: 1 })), { timeout: 10_000 })
    .toBe(`Licence ${licenceId}`);
}

/** From the focused search box: types the licence number, picks the first result, opens it. */
export async function openLicenceFromSearch(page: Page, licenceId: string): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Search licences' });
  await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.type(licenceId, { delay: 20 });
  await expect
    .poll(() => shown(page.getByRole('main').getByRole('option').first()), { timeout: 10_000 })
    .toContain(licenceId);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expectLicencePage(page, licenceId);
}

/** On the licence's page: Renew…, then the confirmation's own "Renew" button; waits for the message. */
export async function renewByKeyboard(page: Page, licenceId: string): Promise<void> {
  await tabTo(page, 'button', 'Renew…');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
  await page.keyboard.press('Enter'); // the dialog opens on its "Renew" button
  await expect.poll(() => shown(page.getByRole('main'))).toContain(`Licence ${licenceId} renewed`);
}

/**
 * A business on file with a licence, its name of 10 to 30 letters and no "&": one a clerk can type
 * a little differently for a new application, to be offered it as a possible duplicate.
 */
export function businessOnFile(dataDir: string): { id: string; name: string } {
  return cacheRows<{ id: string; name: string }>(
    dataDir,
    `SELECT b.id, b.name FROM business b JOIN licence l ON l.business_id = b.id
     WHERE length(b.name) BETWEEN 10 AND 30 AND b.name NOT LIKE '%&%' ORDER BY b.id LIMIT 1`,
  )[0]!;
}

/**
 * On the drawer screen: counts the drawer (this cash, no checks, no card slips), asks for the
 * variance (Ctrl+Enter) and waits for its sentence; the "Close the drawer" region.
 */
export async function countDrawer(page: Page, cash: string, variance: string): Promise<Locator> {
  const close = page.getByRole('region', { name: 'Close the drawer' });
  await expect.poll(() => close.count(), { timeout: 15_000 }).toBe(1);
  await close.getByRole('textbox', { name: /^Cash counted/ }).fill(cash);
  await close.getByRole('textbox', { name: /^Checks total/ }).fill('0');
  await close.getByRole('textbox', { name: /^Card slips total/ }).fill('0');
  await close.getByRole('textbox', { name: /^Card slips total/ }).press('Control+Enter');
  await expect.poll(() => shown(close)).toContain(`The drawer is off by ${variance} in total.`);
  return close;
}

/**
 * In a closed drawer's region: presses its print button, waits for the download link and returns
 * the PDF's bytes and its words (table cells wrap: the words, whatever the line breaks).
 */
export async function printDrawerReport(
  page: Page,
  closed: Locator,
  button: string,
  link: RegExp,
): Promise<{ bytes: Buffer; text: string }> {
  await closed.getByRole('button', { name: button }).click();
  const download = closed.getByRole('link', { name: link });
  await expect.poll(() => download.count(), { timeout: 15_000 }).toBe(1);
  const { bytes } = await downloadFrom(page, () => download.click());
  return { bytes, text: await pdfWords(bytes) };
}
