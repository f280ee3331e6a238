// The receipt at the counter, in Chromium: a clerk takes a cash payment, presses "Print receipt"
// and gets the PDF (a new tab for printing, and the download link named after the receipt); the
// downloaded file is a PDF whose text carries the provisional receipt number, the licence and the
// amount. The payment's row in the history prints its receipt too, in Spanish once the clerk
// switches language. Screenshots and axe on each step.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
let receiptNo = '';
let withTendered = false;

/** The PDF the page hands over when `click` runs: its download's file name and bytes. */
async function downloadFrom(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-receipt-'));
  await ensureRendererBuilt();
  workbench(dataDir, ['demo', 'create', '--engine', 'sqlite', '--size', '300', '--seed', '12']);
  workbench(dataDir, ['sync']);
  hit = await findRenewableLicence(dataDir);
  // Payments are taken in an open cash drawer.
  workbench(dataDir, ['drawer', 'open', '--float', '10000']);
  // Offline, so the payment keeps its provisional number for the whole test.
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

describe('printing a payment receipt', () => {
  it('takes a cash payment', async () => {
    await page.goto(served!.url);
    await openLicenceFromSearch(page, hit.licenceId);
    const form = page.getByRole('form', { name: /payment/i });
    await form.getByRole('textbox', { name: /^Amount \(/ }).fill('125.50');
    // The drawer's form asks what the customer handed over (when this build has it): the receipt shows the change.
    const tendered = form.getByRole('textbox', { name: /^Cash tendered/ });
    withTendered = (await tendered.count()) === 1;
    if (withTendered) await tendered.fill('200');
    await form.getByRole('button', { name: 'Take payment' }).click();
    const status = form.getByRole('status').first();
    await expect.poll(() => shown(status), { timeout: 15_000 }).toMatch(/Receipt/);
    receiptNo = (await form.locator('[data-receipt]').first().getAttribute('data-receipt')) ?? '';
    expect(receiptNo).not.toBe('');
  });

  it('prints its receipt: a new tab for printing and the download link, both the PDF', async () => {
    const form = page.getByRole('form', { name: /payment/i });
    const popup = page.waitForEvent('popup', { timeout: 10_000 }).catch(() => null);
    await form.getByRole('button', { name: `Print receipt ${receiptNo}` }).click();
    const link = form.getByRole('link', { name: `Download receipt-${receiptNo}.pdf` });
    await expect.poll(() => link.count(), { timeout: 15_000 }).toBe(1);
    const tab = await popup;
    if (tab) {
      // The tab shows the same Blob URL the download link holds.
      expect(tab.url()).toMatch(/^blob:/);
      await tab.close();
    }
    await checkScreen(page, '40-receipt-printed');

    const { name, bytes } = await downloadFrom(() => link.click());
    expect(name).toBe(`receipt-${receiptNo}.pdf`);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(new Uint8Array(bytes));
    expect(text).toContain('Payment receipt');
    expect(text).toContain('PROVISIONAL RECEIPT NUMBER');
    expect(text).toContain(`${receiptNo} (provisional)`);
    expect(text).toContain(hit.licenceId);
    expect(text).toContain('Total paid $125.50');
    expect(text).toContain('Cash');
    expect(text).not.toContain('COPY');
    if (withTendered) {
      expect(text).toContain('Amount tendered $200.00');
      expect(text).toContain('Change given $74.50');
    }
    // The desk kept its copy.
    expect(existsSync(join(dataDir, 'documents', 'receipts', `receipt-${receiptNo}.pdf`))).toBe(true);
    expect(await shown(form)).toContain(join(dataDir, 'documents', 'receipts'));
  });

  it("prints it again from the payment's row, in Spanish", async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    const row = page.locator(`[data-payment^="local:"]`).first();
    const button = row.getByRole('button', { name: `Imprimir recibo ${receiptNo}` });
    await expect.poll(() => button.count(), { timeout: 15_000 }).toBe(1);
    await button.click();
    const link = row.getByRole('link', { name: /^Descargar receipt-/ });
    await expect.poll(() => link.count(), { timeout: 15_000 }).toBe(1);
    await checkScreen(page, '41-receipt-row-es');
    const { bytes } = await downloadFrom(() => link.click());
    const text = await pdfText(new Uint8Array(bytes));
    expect(text).toContain('Recibo de pago');
    expect(text).toContain('NÚMERO DE RECIBO PROVISIONAL');
    expect(text).toContain('Total pagado $125.50');
    expect(text).toContain('Efectivo');
    // The customer already had the first one: this is marked as a copy.
    expect(text).toContain('COPIA');
  });
});
