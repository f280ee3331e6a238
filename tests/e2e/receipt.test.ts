// The receipt at the counter, in Chromium: a clerk takes a cash payment, presses "Print receipt"
// and gets the PDF (a new tab for printing, and the download link named after the receipt); the
// downloaded file is a PDF whose text carries the provisional receipt number, the licence and the
// amount. The payment's row in the history prints its receipt too, in Spanish once the clerk
// switches language. Screenshots and axe on each step.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text.ts';
import { findRenewableLicence, type Hit, openLicenceFromSearch } from './support/counter-steps.ts';
import { downloadFrom, useDesk } from './support/desk-session.ts';
import { checkScreen, shown } from './support/screen.ts';
import { workbench } from './support/workbench.ts';

let hit: Hit;
let receiptNo = '';
let withTendered = false;

const desk = useDesk({
  name: 'receipt',
  demo: { size: 300, seed: 12 },
  async prepare(dataDir) {
    hit = await findRenewableLicence(dataDir);
    // Payments are taken in an open cash drawer.
    workbench(dataDir, ['drawer', 'open', '--float', '10000']);
  },
  // Offline, so the payment keeps its provisional number for the whole test.
  cut: true,
});

describe('printing a payment receipt', () => {
  it('takes a cash payment', async () => {
    await desk.page.goto(desk.served.url);
    await openLicenceFromSearch(desk.page, hit.licenceId);
    const form = desk.page.getByRole('form', { name: /payment/i });
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
    const form = desk.page.getByRole('form', { name: /payment/i });
    const popup = desk.page.waitForEvent('popup', { timeout: 10_000 }).catch(() => null);
    await form.getByRole('button', { name: `Print receipt ${receiptNo}` }).click();
    const link = form.getByRole('link', { name: `Download receipt-${receiptNo}.pdf` });
    await expect.poll(() => link.count(), { timeout: 15_000 }).toBe(1);
    const tab = await popup;
    if (tab) {
      // The tab shows the same Blob URL the download link holds.
      expect(tab.url()).toMatch(/^blob:/);
      await tab.close();
    }
    await checkScreen(desk.page, '40-receipt-printed');

    const { name, bytes } = await downloadFrom(desk.page, () => link.click());
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
    expect(existsSync(join(desk.dataDir, 'documents', 'receipts', `receipt-${receiptNo}.pdf`))).toBe(true);
    expect(await shown(form)).toContain(join(desk.dataDir, 'documents', 'receipts'));
  });

  it("prints it again from the payment's row, in Spanish", async () => {
    await desk.page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    const row = desk.page.locator(`[data-payment^="local:"]`).first();
    const button = row.getByRole('button', { name: `Imprimir recibo ${receiptNo}` });
    await expect.poll(() => button.count(), { timeout: 15_000 }).toBe(1);
    await button.click();
    const link = row.getByRole('link', { name: /^Descargar receipt-/ });
    await expect.poll(() => link.count(), { timeout: 15_000 }).toBe(1);
    await checkScreen(desk.page, '41-receipt-row-es');
    const { bytes } = await downloadFrom(desk.page, () => link.click());
    const text = await pdfText(new Uint8Array(bytes));
    expect(text).toContain('Recibo de pago');
    expect(text).toContain('NÚMERO DE RECIBO PROVISIONAL');
    expect(text).toContain('Total pagado $125.50');
    expect(text).toContain('Efectivo');
    // The customer already had the first one: this is marked as a copy.
    expect(text).toContain('COPIA');
  });
});
