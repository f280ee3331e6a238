// The cash drawer in Chromium (issue 5 point 3): a clerk opens a drawer with a float, takes a cash
// payment with change and a check payment at the counter; a supervisor voids the check from the
// drawer screen (a clerk sees no Void there; the service's refusal is tests/integration/
// drawer-roles.test.ts); the clerk closes the drawer with the counted amounts, sees the variance
// before confirming, and prints the end-of-day report in English and Spanish, whose text shows the
// session, every payment and the void with receipts, the totals and the variance. With the drawer
// closed, the payment form refuses and links to the drawer. Screenshots and axe on each step.
import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  countDrawer,
  findRenewableLicence,
  type Hit,
  openLicenceFromSearch,
  printDrawerReport,
} from './support/counter-steps.ts';
import { policyAs, useDesk } from './support/desk-session.ts';
import { checkScreen, shown } from './support/screen.ts';

let hit: Hit;
const receipts: string[] = [];

const desk = useDesk({
  name: 'drawer',
  demo: { size: 300, seed: 13 },
  async prepare(dataDir) {
    hit = await findRenewableLicence(dataDir);
    policyAs(dataDir, 'clerk');
  },
  // Offline: the payments keep their provisional receipts for the whole test.
  cut: true,
});

describe('the cash drawer', () => {
  it('opens with a starting float, from the header link', async () => {
    await desk.page.goto(desk.served.url);
    await desk.page.getByRole('link', { name: 'Cash drawer' }).click();
    await expect.poll(() => shown(desk.page.getByRole('heading', { level: 1 }))).toBe('Cash drawer');
    const float = desk.page.getByRole('textbox', { name: /^Starting float/ });
    await expect.poll(() => float.count(), { timeout: 10_000 }).toBe(1);
    await checkScreen(desk.page, '50-drawer-to-open');
    await float.fill('100.00');
    await float.press('Enter');
    const session = desk.page.getByRole('region', { name: 'Your open drawer' });
    await expect.poll(() => session.count(), { timeout: 10_000 }).toBe(1);
    expect(await shown(session)).toContain('$100.00');
    // A clerk gets no void or refund here.
    expect(await desk.page.getByRole('region', { name: 'Void or refund a payment' }).count()).toBe(0);
    await checkScreen(desk.page, '51-drawer-open');
  });

  it('takes a cash payment with change, and a check with its number, at the counter', async () => {
    await desk.page.goto(`${desk.base()}#/`);
    await openLicenceFromSearch(desk.page, hit.licenceId);
    const form = desk.page.getByRole('form', { name: /payment/i });
    await form.getByRole('textbox', { name: /^Amount/ }).fill('125.50');
    await form.getByRole('textbox', { name: /^Cash tendered/ }).fill('200');
    await expect.poll(() => shown(form)).toContain('Change due: $74.50');
    await form.getByRole('button', { name: 'Take payment' }).click();
    const status = form.getByRole('status').first();
    await expect.poll(() => shown(status), { timeout: 15_000 }).toContain('Change due: $74.50');
    receipts.push((await form.locator('[data-receipt]').first().getAttribute('data-receipt')) ?? '');
    await checkScreen(desk.page, '52-cash-payment-with-change');

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
    policyAs(desk.dataDir, 'supervisor');
    // The licence's page offers Void and Refund on its payments to a supervisor with a drawer open.
    await desk.page.goto(`${desk.base()}#/licence/${hit.licenceId}`);
    const onLicence = desk.page.getByRole('region', { name: 'Void or refund a payment' });
    await expect.poll(() => onLicence.count(), { timeout: 15_000 }).toBe(1);
    expect(await onLicence.getByRole('button', { name: `Refund payment ${receipts[0]}` }).count()).toBe(1);
    await checkScreen(desk.page, '53a-licence-void-refund-for-supervisor');
    await desk.page.goto(`${desk.base()}#/drawer`);
    const voidCheck = desk.page.getByRole('button', { name: `Void payment ${receipts[1]}` });
    await expect.poll(() => voidCheck.count(), { timeout: 15_000 }).toBe(1);
    await voidCheck.click();
    const reverse = desk.page.getByRole('region', { name: 'Void or refund a payment' });
    await expect
      .poll(() => desk.page.evaluate(() => document.activeElement?.getAttribute('autocomplete')))
      .toBe('off');
    await desk.page.keyboard.type('check written to the wrong payee');
    await reverse.getByRole('button', { name: 'Record' }).click();
    await expect
      .poll(() => shown(reverse), { timeout: 15_000 })
      .toMatch(/Void of \$40\.00 recorded on payment local:/);
    const entries = desk.page.getByRole('region', { name: 'Payments, voids and refunds' });
    await expect.poll(() => shown(entries)).toContain('check written to the wrong payee');
    await checkScreen(desk.page, '53-drawer-void-by-supervisor');
    policyAs(desk.dataDir, 'clerk');
  });

  it('closes with the counted amounts: the variance shows before confirming', async () => {
    await desk.page.reload();
    // Recorded cash: 100.00 + 125.50 = 225.50; 5.50 short. Checks: 40.00 taken, 40.00 voided.
    const close = await countDrawer(desk.page, '220.00', '-$5.50');
    expect(await close.locator('[data-variance="cash"]').innerText()).toBe('-$5.50');
    expect(await close.locator('[data-variance="check"]').innerText()).toBe('$0.00');
    await checkScreen(desk.page, '54-drawer-variance-before-closing');
    await close.getByRole('button', { name: 'Confirm and close drawer' }).click();
    const closed = desk.page.getByRole('region', { name: 'Drawer closed' });
    await expect.poll(() => closed.count(), { timeout: 15_000 }).toBe(1);
    expect(await shown(closed)).toContain('-$5.50');
    await checkScreen(desk.page, '55-drawer-closed');
  });

  it('prints the end-of-day report with every payment, the void and the variance, in English and Spanish', async () => {
    const closed = desk.page.getByRole('region', { name: 'Drawer closed' });
    const { bytes, text } = await printDrawerReport(
      desk.page,
      closed,
      'Print end-of-day report',
      /^Download drawer-.*-en\.pdf$/,
    );
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
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
    await checkScreen(desk.page, '56-drawer-report-printed');

    await desk.page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    const cerrada = desk.page.getByRole('region', { name: 'Caja cerrada' });
    const { text: es } = await printDrawerReport(
      desk.page,
      cerrada,
      'Imprimir informe de cierre',
      /-es\.pdf$/,
    );
    for (const expected of [
      'Informe de cierre de caja',
      'Fondo inicial $100.00',
      'Anulación',
      'DIFERENCIA',
      'Efectivo: -$5.50',
    ])
      expect(es).toContain(expected);
    await checkScreen(desk.page, '57-drawer-report-es');
    await desk.page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  });

  it('with the drawer closed, the payment form refuses and links to the drawer', async () => {
    await desk.page.goto(`${desk.base()}#/`);
    await openLicenceFromSearch(desk.page, hit.licenceId);
    const main = desk.page.getByRole('main');
    await expect.poll(() => shown(main), { timeout: 10_000 }).toContain('Open your cash drawer first');
    expect(await desk.page.getByRole('link', { name: 'Open the cash drawer' }).getAttribute('href')).toBe(
      '#/drawer',
    );
    expect(await desk.page.getByRole('button', { name: 'Take payment' }).count()).toBe(0);
    await checkScreen(desk.page, '58-payment-needs-drawer');
  });

  it('the next visit to the drawer shows the last closed drawer, to print its report again', async () => {
    await desk.page.goto(`${desk.base()}#/drawer`);
    await desk.page.reload();
    const last = desk.page.getByRole('region', { name: 'Your last drawer' });
    await expect.poll(() => last.count(), { timeout: 15_000 }).toBe(1);
    expect(await shown(last)).toContain('-$5.50');
    expect(await last.getByRole('button', { name: 'Print end-of-day report' }).count()).toBe(1);
    expect(await desk.page.getByRole('textbox', { name: /^Starting float/ }).count()).toBe(1);
    await checkScreen(desk.page, '59-drawer-last-session');
  });
});
