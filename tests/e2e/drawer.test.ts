// The cash drawer in Chromium (issue 5 point 3): a clerk opens a drawer with a float, takes a cash
// payment with change and a check payment at the counter; a supervisor voids the check from the
// drawer screen (a clerk sees no Void there; the service's refusal is tests/integration/
// drawer-roles.test.ts); the clerk closes the drawer with the counted amounts, sees the variance
// before confirming, and prints the end-of-day report in English and Spanish, whose text shows the
// session, every payment and the void with receipts, the totals and the variance. With the drawer
// closed, the payment form refuses and links to the drawer. Screenshots and axe on each step.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text.ts';
import { launchChromium, openPage } from './support/browser.ts';
import { findRenewableLicence, type Hit, openLicenceFromSearch } from './support/counter-steps.ts';
import { ensureRendererBuilt } from './support/renderer-build.ts';
import { checkScreen, shown } from './support/screen.ts';
import { cutSqliteLegacy, restoreSqliteLegacy } from './support/sqlite-link.ts';
import { type Served, serve, workbench } from './support/workbench.ts';

let dataDir: string;
let served: Served | undefined;
let browser: Browser | undefined;
let page: Page;
let hit: Hit;
const receipts: string[] = [];

const policyAs = (role: string) =>
  writeFileSync(
    join(dataDir, 'policy.yaml'),
    `version: 1\naccounts:\n  ${JSON.stringify(userInfo().username)}: ${role}\n`,
  );

async function downloadFrom(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-drawer-'));
  await ensureRendererBuilt();
  workbench(dataDir, ['demo', 'create', '--engine', 'sqlite', '--size', '300', '--seed', '13']);
  workbench(dataDir, ['sync']);
  hit = await findRenewableLicence(dataDir);
  policyAs('clerk');
  // Offline: the payments keep their provisional receipts for the whole test.
  cutSqliteLegacy(dataDir);
  served = await serve(dataDir);
  browser = await launchChromium();
  page = await openPage(browser);
});

afterAll(async () => {
  if (dataDir) restoreSqliteLegacy(dataDir);
  await browser?.close();
  await served?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the cash drawer', () => {
  it('opens with a starting float, from the header link', async () => {
    await page.goto(served!.url);
    await page.getByRole('link', { name: 'Cash drawer' }).click();
    await expect.poll(() => shown(page.getByRole('heading', { level: 1 }))).toBe('Cash drawer');
    const float = page.getByRole('textbox', { name: /^Starting float/ });
    await expect.poll(() => float.count(), { timeout: 10_000 }).toBe(1);
    await checkScreen(page, '50-drawer-to-open');
    await float.fill('100.00');
    await float.press('Enter');
    const session = page.getByRole('region', { name: 'Your open drawer' });
    await expect.poll(() => session.count(), { timeout: 10_000 }).toBe(1);
    expect(await shown(session)).toContain('$100.00');
    // A clerk gets no void or refund here.
    expect(await page.getByRole('region', { name: 'Void or refund a payment' }).count()).toBe(0);
    await checkScreen(page, '51-drawer-open');
  });

  it('takes a cash payment with change, and a check with its number, at the counter', async () => {
    await page.goto(`${served!.url.split('#')[0]}#/`);
    await openLicenceFromSearch(page, hit.licenceId);
    const form = page.getByRole('form', { name: /payment/i });
    await form.getByRole('textbox', { name: /^Amount/ }).fill('125.50');
    await form.getByRole('textbox', { name: /^Cash tendered/ }).fill('200');
    await expect.poll(() => shown(form)).toContain('Change due: $74.50');
    await form.getByRole('button', { name: 'Take payment' }).click();
    const status = form.getByRole('status').first();
    await expect.poll(() => shown(status), { timeout: 15_000 }).toContain('Change due: $74.50');
    receipts.push((await form.locator('[data-receipt]').first().getAttribute('data-receipt')) ?? '');
    await checkScreen(page, '52-cash-payment-with-change');

    await form.getByRole('textbox', { name: /^Amount/ }).fill('40');
    await form.getByRole('combobox', { name: 'Method' }).selectOption('check');
    await form.getByRole('button', { name: 'Take payment' }).click();
    await expect.poll(() => shown(form)).toContain('Required for this method.');
    await form.getByRole('textbox', { name: /^Check number/ }).fill('1042');
    await form.getByRole('button', { name: 'Take payment' }).click();
    await expect.poll(() => shown(status), { timeout: 15_000 }).toContain('$40.00 (Check)');
    receipts.push((await form.locator('[data-receipt]').first().getAttribute('data-receipt')) ?? '');
    expect(receipts[1]).not.toBe(receipts[0]);
  });

  it('a supervisor voids the check from the drawer, with a reason', async () => {
    policyAs('supervisor');
    // The licence's page offers Void and Refund on its payments to a supervisor with a drawer open.
    await page.goto(`${served!.url.split('#')[0]}#/licence/${hit.licenceId}`);
    const onLicence = page.getByRole('region', { name: 'Void or refund a payment' });
    await expect.poll(() => onLicence.count(), { timeout: 15_000 }).toBe(1);
    expect(await onLicence.getByRole('button', { name: `Refund payment ${receipts[0]}` }).count()).toBe(1);
    await checkScreen(page, '53a-licence-void-refund-for-supervisor');
    await page.goto(`${served!.url.split('#')[0]}#/drawer`);
    const voidCheck = page.getByRole('button', { name: `Void payment ${receipts[1]}` });
    await expect.poll(() => voidCheck.count(), { timeout: 15_000 }).toBe(1);
    await voidCheck.click();
    const reverse = page.getByRole('region', { name: 'Void or refund a payment' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('autocomplete')))
      .toBe('off');
    await page.keyboard.type('check written to the wrong payee');
    await reverse.getByRole('button', { name: 'Record' }).click();
    await expect
      .poll(() => shown(reverse), { timeout: 15_000 })
      .toMatch(/Void of \$40\.00 recorded on payment local:/);
    const entries = page.getByRole('region', { name: 'Payments, voids and refunds' });
    await expect.poll(() => shown(entries)).toContain('check written to the wrong payee');
    await checkScreen(page, '53-drawer-void-by-supervisor');
    policyAs('clerk');
  });

  it('closes with the counted amounts: the variance shows before confirming', async () => {
    await page.reload();
    const close = page.getByRole('region', { name: 'Close the drawer' });
    await expect.poll(() => close.count(), { timeout: 15_000 }).toBe(1);
    // Recorded cash: 100.00 + 125.50 = 225.50; 5.50 short. Checks: 40.00 taken, 40.00 voided.
    await close.getByRole('textbox', { name: /^Cash counted/ }).fill('220.00');
    await close.getByRole('textbox', { name: /^Checks total/ }).fill('0');
    await close.getByRole('textbox', { name: /^Card slips total/ }).fill('0');
    await close.getByRole('textbox', { name: /^Card slips total/ }).press('Control+Enter');
    await expect.poll(() => shown(close)).toContain('The drawer is off by -$5.50 in total.');
    expect(await close.locator('[data-variance="cash"]').innerText()).toBe('-$5.50');
    expect(await close.locator('[data-variance="check"]').innerText()).toBe('$0.00');
    await checkScreen(page, '54-drawer-variance-before-closing');
    await close.getByRole('button', { name: 'Confirm and close drawer' }).click();
    const closed = page.getByRole('region', { name: 'Drawer closed' });
    await expect.poll(() => closed.count(), { timeout: 15_000 }).toBe(1);
    expect(await shown(closed)).toContain('-$5.50');
    await checkScreen(page, '55-drawer-closed');
  });

  it('prints the end-of-day report with every payment, the void and the variance, in English and Spanish', async () => {
    const closed = page.getByRole('region', { name: 'Drawer closed' });
    await closed.getByRole('button', { name: 'Print end-of-day report' }).click();
    const link = closed.getByRole('link', { name: /^Download drawer-.*-en\.pdf$/ });
    await expect.poll(() => link.count(), { timeout: 15_000 }).toBe(1);
    const { bytes } = await downloadFrom(() => link.click());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // Table cells wrap: compare the words, whatever the line breaks.
    const text = (await pdfText(new Uint8Array(bytes))).replace(/\s+/g, ' ');
    for (const expected of [
      'End-of-day drawer report',
      userInfo().username,
      'Starting float $100.00',
      receipts[0]!,
      receipts[1]!,
      'tendered $200.00, change $74.50',
      'check no. 1042',
      'Void',
      `of receipt ${receipts[1]}: check written to the wrong payee`,
      'VARIANCE',
      'Cash: -$5.50',
      '$225.50',
      '$220.00',
    ])
      expect(text).toContain(expected);
    await checkScreen(page, '56-drawer-report-printed');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    const cerrada = page.getByRole('region', { name: 'Caja cerrada' });
    await cerrada.getByRole('button', { name: 'Imprimir informe de cierre' }).click();
    const enlace = cerrada.getByRole('link', { name: /-es\.pdf$/ });
    await expect.poll(() => enlace.count(), { timeout: 15_000 }).toBe(1);
    const es = (await pdfText(new Uint8Array((await downloadFrom(() => enlace.click())).bytes))).replace(
      /\s+/g,
      ' ',
    );
    for (const expected of [
      'Informe de cierre de caja',
      'Fondo inicial $100.00',
      'Anulación',
      'DIFERENCIA',
      'Efectivo: -$5.50',
    ])
      expect(es).toContain(expected);
    await checkScreen(page, '57-drawer-report-es');
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  });

  it('with the drawer closed, the payment form refuses and links to the drawer', async () => {
    await page.goto(`${served!.url.split('#')[0]}#/`);
    await openLicenceFromSearch(page, hit.licenceId);
    const main = page.getByRole('main');
    await expect.poll(() => shown(main), { timeout: 10_000 }).toContain('Open your cash drawer first');
    expect(await page.getByRole('link', { name: 'Open the cash drawer' }).getAttribute('href')).toBe(
      '#/drawer',
    );
    expect(await page.getByRole('button', { name: 'Take payment' }).count()).toBe(0);
    await checkScreen(page, '58-payment-needs-drawer');
  });

  it('the next visit to the drawer shows the last closed drawer, to print its report again', async () => {
    await page.goto(`${served!.url.split('#')[0]}#/drawer`);
    await page.reload();
    const last = page.getByRole('region', { name: 'Your last drawer' });
    await expect.poll(() => last.count(), { timeout: 15_000 }).toBe(1);
    expect(await shown(last)).toContain('-$5.50');
    expect(await last.getByRole('button', { name: 'Print end-of-day report' }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: /^Starting float/ }).count()).toBe(1);
    await checkScreen(page, '59-drawer-last-session');
  });
});
