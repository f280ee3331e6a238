// A clerk's day at the counter, end to end in Chromium (issue 5's "it must show"), run twice: with
// the legacy link up, and with it cut for the whole day and restored at the end.
//
// The clerk opens the cash drawer; registers a new business after dismissing a duplicate
// suggestion; completes its requirements checklist and issues the licence; takes the fee in cash
// and prints the receipt; prints the certificate; runs a batch renewal of 50 licences to the
// notices and posts it; closes the drawer short, and the end-of-day report shows the variance.
// Every step leaves a screenshot (test-results/e2e/day-<mode>-NN-*.png) and passes axe; the PDFs
// are read back for their key text. At the end the legacy database holds the business, the
// licence, the payment and the 50 renewals, each exactly once.
//
// With the link cut, the new licence has no city number yet: the clerk prints a TEMPORARY
// certificate under the provisional number, and the permanent one once the link is back and the
// desk has synced.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { BatchDetail } from '../../src-main/common/ops/batch-ops.ts';
import { cacheRows } from '../fault/support/riverton-ledger.ts';
import { pdfPages } from '../support/pdf-text.ts';
import {
  buildBatch,
  currentStep as stepOf,
  fillBatchFilters,
  openBatchWizard,
} from './support/batch-steps.ts';
import { businessOnFile, countDrawer, printDrawerReport } from './support/counter-steps.ts';
import { downloadFrom, pdfWords, policyAs, useDesk } from './support/desk-session.ts';
import { checkScreen, shown, tabTo } from './support/screen.ts';
import { restoreSqliteLegacy, sqliteLegacyPath } from './support/sqlite-link.ts';
import { workbenchJson } from './support/workbench.ts';

const BATCH = 50;

type OutboxEntry = {
  operationId: string;
  command: string;
  status: string;
  payload: Record<string, unknown>;
  legacyResult?: Record<string, unknown> | null;
};

/** Riverton keeps dates as CYYMMDD numbers (C = centuries after 1900). */
const cyymmdd = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return (y - 1900) * 10_000 + m * 100 + d;
};

describe.each([
  { mode: 'online', cut: false },
  { mode: 'offline', cut: true },
])('a day at the counter, legacy link $mode', ({ mode, cut }) => {
  let existing: { id: string; name: string };
  let licenceId = '';
  let receiptNo = '';
  let businessName = '';
  let batchId = '';
  let step = 0;

  const desk = useDesk({
    name: `day-${mode}`,
    demo: { size: 1500, seed: 4 },
    prepare(dataDir) {
      policyAs(dataDir, 'clerk');
      existing = businessOnFile(dataDir);
    },
    cut,
    page: { height: 1000, label: `day-${mode}` },
    timeout: 300_000,
  });

  const shot = (name: string) =>
    checkScreen(desk.page, `day-${mode}-${String(++step).padStart(2, '0')}-${name}`);
  const base = () => desk.base();
  const outbox = () => workbenchJson<OutboxEntry[]>(desk.dataDir, ['outbox', '--all']);
  const batch = () => workbenchJson<BatchDetail>(desk.dataDir, ['renewals', 'batch', 'show', batchId]);
  const currentStep = () => stepOf(desk.page);
  const cache = <T>(sql: string, ...params: unknown[]): T[] => cacheRows<T>(desk.dataDir, sql, ...params);
  const legacy = <T>(sql: string, ...params: unknown[]): T[] => {
    const db = new Database(sqliteLegacyPath(desk.dataDir), { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };
  const download = (click: () => Promise<void>) => downloadFrom(desk.page, click);
  /** Waits for the desk to have sent everything (online: the sync loop; offline: never). */
  const waitSynced = async () =>
    expect
      .poll(() => outbox().filter((e) => e.status === 'pending').length, { timeout: 60_000, interval: 1000 })
      .toBe(0);

  it('opens the cash drawer with a $200.00 float', async () => {
    await desk.page.goto(`${base()}#/drawer`);
    const float = desk.page.getByRole('textbox', { name: /^Starting float/ });
    await expect.poll(() => float.count(), { timeout: 15_000 }).toBe(1);
    await float.fill('200.00');
    await float.press('Enter');
    const session = desk.page.getByRole('region', { name: 'Your open drawer' });
    await expect.poll(() => session.count(), { timeout: 15_000 }).toBe(1);
    expect(await shown(session)).toContain('$200.00');
    await shot('drawer-open');
  });

  it('registers a new business after dismissing a duplicate suggestion', async () => {
    await desk.page.getByRole('link', { name: 'New application' }).click();
    await expect.poll(() => shown(desk.page.getByRole('heading', { level: 1 }))).toBe('New application');
    businessName = `${existing.name} Two`;
    await desk.page.getByRole('textbox', { name: 'Business name' }).focus();
    // First the near-duplicate: the same name, typed the clerk's way.
    await desk.page.keyboard.type(`${existing.name.toLowerCase()} llc`, { delay: 5 });
    const suggestions = desk.page.getByRole('list', { name: 'Possible duplicates' });
    await expect.poll(() => suggestions.count(), { timeout: 10_000 }).toBe(1);
    expect(await shown(suggestions.getByRole('listitem').first())).toContain(existing.name);
    await shot('duplicate-suggested');
    await desk.page
      .getByRole('button', { name: `Not the same: ${existing.name} is a different business` })
      .click();
    await expect
      .poll(() => shown(desk.page.getByRole('main')))
      .toContain('1 suggestion dismissed (recorded in the audit log).');
    await desk.page.getByRole('textbox', { name: 'Business name' }).fill(businessName);
    await desk.page.getByRole('textbox', { name: 'Owner' }).fill('Marta Quintero');
    await desk.page.getByRole('textbox', { name: 'Street address' }).fill('77 Willow Bend Rd');
    await desk.page.getByRole('textbox', { name: 'Phone' }).fill('555 010 4477');
    await desk.page.getByRole('combobox', { name: 'Licence type' }).selectOption('GENL');
    await shot('application-filled');
    await desk.page.getByRole('combobox', { name: 'Licence type' }).press('Control+Enter');
    await expect
      .poll(() => new URL(desk.page.url()).hash, { timeout: 15_000 })
      .toMatch(/^#\/applications\/APP-/);
  });

  it('completes the checklist, then issues the licence', async () => {
    const main = desk.page.getByRole('main');
    await expect.poll(() => shown(main), { timeout: 10_000 }).toContain('Requirements checklist');
    const issue = desk.page.getByRole('button', { name: 'Issue licence' });
    expect(await issue.getAttribute('aria-disabled')).toBe('true');
    for (const item of ['Signed application form', "Owner's photo ID", 'Zoning approval']) {
      await tabTo(desk.page, 'checkbox', item);
      await desk.page.keyboard.press('Space');
      await expect.poll(() => desk.page.getByRole('checkbox', { name: item }).isChecked()).toBe(true);
    }
    await expect.poll(() => shown(main)).toContain('Every required item is done.');
    await shot('checklist-complete');
    await issue.click();
    await expect.poll(() => shown(main), { timeout: 15_000 }).toContain('Licence issued.');
    await shot('licence-issued');
    await desk.page.getByRole('link', { name: 'Open the licence to take the fee' }).click();
    await expect.poll(() => new URL(desk.page.url()).hash, { timeout: 10_000 }).toMatch(/^#\/licence\//);
    if (!cut) {
      // Online, the licence reaches the legacy system within seconds: the page moves to its city number.
      await waitSynced();
      await expect.poll(() => new URL(desk.page.url()).hash, { timeout: 15_000 }).toMatch(/^#\/licence\/RV-/);
    }
    licenceId = decodeURIComponent(new URL(desk.page.url()).hash.replace('#/licence/', ''));
  });

  it('takes the fee in cash with change, and prints the receipt', async () => {
    const form = desk.page.getByRole('form', { name: /payment/i });
    await expect.poll(() => form.count(), { timeout: 15_000 }).toBe(1);
    await form.getByRole('textbox', { name: /^Amount/ }).fill('150.00');
    await form.getByRole('textbox', { name: /^Cash tendered/ }).fill('200');
    await expect.poll(() => shown(form)).toContain('Change due: $50.00');
    await form.getByRole('button', { name: 'Take payment' }).click();
    const status = form.getByRole('status').first();
    await expect.poll(() => shown(status), { timeout: 15_000 }).toContain('Change due: $50.00');
    const receipt = () => form.locator('[data-receipt]').first().getAttribute('data-receipt');
    receiptNo = (await receipt()) ?? '';
    expect(receiptNo).toMatch(/^P-/); // the desk's provisional number, at once
    if (!cut) {
      // Online, the payment reaches the legacy system in seconds: the screen shows Riverton's number.
      await waitSynced();
      await expect.poll(receipt, { timeout: 15_000 }).toMatch(/^\d{10}$/);
      receiptNo = (await receipt())!;
    }
    await shot('fee-taken');
    const popup = desk.page.waitForEvent('popup', { timeout: 10_000 }).catch(() => null);
    await form.getByRole('button', { name: /^Print receipt/ }).click();
    const link = form.getByRole('link', { name: `Download receipt-${receiptNo}.pdf` });
    await expect
      .poll(async () => ((await link.count()) === 1 ? 'printed' : await shown(form)), { timeout: 20_000 })
      .toBe('printed');
    (await popup)?.close();
    const text = await pdfWords((await download(() => link.click())).bytes);
    for (const expected of [receiptNo, businessName, '$150.00', '$200.00', '$50.00'])
      expect(text).toContain(expected);
    if (cut) expect(text).toContain('PROVISIONAL');
    await shot('receipt-printed');
  });

  it('prints the certificate (with the link cut, a temporary one under the provisional number)', async () => {
    if (!cut) await waitSynced();
    const section = desk.page.getByRole('region', { name: 'Certificate', exact: true });
    await expect.poll(() => section.count(), { timeout: 15_000 }).toBe(1);
    if (cut) {
      // The licence waits for its city number: a temporary certificate shows the provisional number.
      const { code, text } = await issueCertificate({ name: 'Issue temporary certificate' });
      for (const expected of [
        'Temporary Business Licence Certificate',
        'TEMPORARY / PROVISIONAL CERTIFICATE',
        '(provisional)',
        businessName,
        'Temporary certificate valid until',
        `Verification code: ${code}`,
      ])
        expect(text).toContain(expected);
      await shot('temporary-certificate');
      return;
    }
    await printCertificate();
  });

  /**
   * Presses the certificate section's button, waits for its PDF (the printing tab closed) and the
   * verification code on screen: that code and the words of the downloaded PDF.
   */
  async function issueCertificate(button: { name: string; exact?: boolean }) {
    const section = desk.page.getByRole('region', { name: 'Certificate', exact: true });
    const popup = desk.page.waitForEvent('popup', { timeout: 10_000 }).catch(() => null);
    await section.getByRole('button', button).click();
    const link = section.getByRole('link', { name: /^Download certificate-/ });
    await expect.poll(() => link.count(), { timeout: 20_000 }).toBe(1);
    (await popup)?.close();
    const codePattern = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3})/;
    await expect.poll(() => shown(section), { timeout: 10_000 }).toMatch(codePattern);
    const code = codePattern.exec(await shown(section))?.[1];
    return { code, text: await pdfWords((await download(() => link.click())).bytes) };
  }

  async function printCertificate() {
    const { code, text } = await issueCertificate({ name: 'Issue certificate', exact: true });
    for (const expected of [
      'Business Licence Certificate',
      licenceId,
      businessName,
      `Verification code: ${code}`,
    ])
      expect(text).toContain(expected);
    await shot('certificate-printed');
  }

  it(`runs a batch renewal of ${BATCH} licences to the notices`, async () => {
    await openBatchWizard(desk.page, base());
    await fillBatchFilters(desk.page);
    await shot('batch-build');
    batchId = await buildBatch(desk.page);
    // Validate; deselect what cannot be renewed.
    await desk.page.keyboard.press('Control+Enter');
    await expect.poll(() => batch().validatedOn, { timeout: 15_000 }).not.toBeNull();
    if (batch().items.some((i) => (i.problems ?? []).length > 0)) {
      await shot('batch-problems');
      await desk.page.getByRole('button', { name: 'Deselect the licences with problems' }).click();
    }
    await expect.poll(() => batch().state, { timeout: 15_000 }).toBe('validated');
    // Exactly 50: deselect the extra ones in the review step.
    await desk.page.locator('h1').focus();
    await desk.page.keyboard.press('[');
    await expect.poll(() => currentStep()).toBe('review');
    for (const item of batch()
      .items.filter((i) => i.selected)
      .slice(BATCH)) {
      const box = desk.page.locator(`[data-licence="${item.licenceId}"]`).getByRole('checkbox');
      await box.focus();
      await desk.page.keyboard.press('Space');
      await expect.poll(() => box.isChecked()).toBe(false);
    }
    await expect.poll(() => batch().counts.selected).toBe(BATCH);
    await shot('batch-reviewed');
    // The notices: one per business.
    await desk.page.locator('h1').focus();
    await desk.page.keyboard.press(']');
    await desk.page.keyboard.press(']');
    await expect.poll(() => currentStep()).toBe('notices');
    const popup = desk.page.waitForEvent('popup', { timeout: 10_000 }).catch(() => null);
    await desk.page.keyboard.press('Control+Enter');
    const pdfLink = desk.page.getByRole('link', { name: `Download renewal-notices-${batchId}-en.pdf` });
    await expect.poll(() => pdfLink.count(), { timeout: 20_000 }).toBe(1);
    (await popup)?.close();
    const chosen = batch().items.filter((i) => i.selected);
    const pages = await pdfPages(new Uint8Array((await download(() => pdfLink.click())).bytes));
    const text = pages.join('\n');
    expect(text.match(/Total due/g)).toHaveLength(new Set(chosen.map((i) => i.businessId)).size);
    for (const item of chosen) expect(text).toContain(item.licenceId);
    await shot('batch-notices');
  });

  it(`posts the ${BATCH} renewals, each once`, async () => {
    await desk.page.locator('h1').focus();
    await desk.page.keyboard.press(']');
    await expect.poll(() => currentStep(), { timeout: 10_000 }).toBe('post');
    await desk.page.keyboard.press('Control+Enter');
    await expect
      .poll(() => desk.page.getByText(`Batch posted: ${BATCH} renewals.`).count(), { timeout: 60_000 })
      .toBe(1);
    await shot('batch-posted');
    const renewed = outbox()
      .filter((e) => e.command === 'renewLicence')
      .map((e) => e.payload.licenceId as string);
    const chosen = batch()
      .items.filter((i) => i.selected)
      .map((i) => i.licenceId);
    expect(renewed.sort()).toEqual(chosen.sort());
  });

  it('closes the drawer $5.00 short; the end-of-day report shows the variance', async () => {
    await desk.page.goto(`${base()}#/drawer`);
    // Recorded cash: the $200.00 float + the $150.00 fee = $350.00; counted $345.00.
    const close = await countDrawer(desk.page, '345.00', '-$5.00');
    await shot('drawer-variance');
    await close.getByRole('button', { name: 'Confirm and close drawer' }).click();
    const closed = desk.page.getByRole('region', { name: 'Drawer closed' });
    await expect.poll(() => closed.count(), { timeout: 15_000 }).toBe(1);
    const { text } = await printDrawerReport(
      desk.page,
      closed,
      'Print end-of-day report',
      /^Download drawer-.*-en\.pdf$/,
    );
    for (const expected of [
      'End-of-day drawer report',
      'Starting float $200.00',
      receiptNo,
      'VARIANCE',
      'Cash: -$5.00',
      '$350.00',
      '$345.00',
    ])
      expect(text).toContain(expected);
    await shot('drawer-closed-report');
  });

  it('reaches the legacy database: the business, the licence, the payment and the renewals, once each', async () => {
    if (cut) {
      expect(outbox().filter((e) => e.status === 'pending').length).toBe(BATCH + 3);
      restoreSqliteLegacy(desk.dataDir);
      await desk.page.getByRole('button', { name: 'Sync now' }).click();
    }
    await waitSynced();
    expect(outbox().filter((e) => e.status !== 'applied')).toEqual([]);
    const entries = outbox();

    const business = legacy<{ BUSNO: number }>(
      `SELECT BUSNO FROM BUSMST WHERE trim(BUSNAM) = upper(?)`,
      businessName,
    );
    expect(business).toHaveLength(1);
    const licences = legacy<{ LICNO: string; LICSTS: string }>(
      `SELECT LICNO, LICSTS FROM LICMST WHERE LICBUS = ?`,
      business[0]!.BUSNO,
    );
    expect(licences).toHaveLength(1);
    expect(licences[0]!.LICSTS).toBe('A');
    licenceId = licences[0]!.LICNO.trim();
    const payments = legacy<{ PAYAMT: number; PAYMTH: string }>(
      `SELECT PAYAMT, PAYMTH FROM PAYHST WHERE trim(PAYLIC) = ?`,
      licenceId,
    );
    expect(payments).toEqual([{ PAYAMT: 150, PAYMTH: 'CA' }]);

    const renewals = entries.filter((e) => e.command === 'renewLicence');
    expect(renewals).toHaveLength(BATCH);
    for (const r of renewals) {
      const row = legacy<{ LICEXP: number }>(
        `SELECT LICEXP FROM LICMST WHERE trim(LICNO) = ?`,
        r.payload.licenceId as string,
      );
      expect(row, String(r.payload.licenceId)).toEqual([
        { LICEXP: cyymmdd(r.payload.newExpiresOn as string) },
      ]);
    }
    // The desk's cache holds the legacy numbers: no provisional business, licence or payment left.
    expect(
      cache(`SELECT id FROM business WHERE id LIKE 'local:%' UNION ALL SELECT id FROM licence WHERE id LIKE 'local:%'
             UNION ALL SELECT id FROM payment WHERE id LIKE 'local:%'`),
    ).toEqual([]);
    await shot('synced');
  });

  it('prints the certificate with the city number once the desk has synced', async () => {
    if (!cut) return; // printed above, online
    await desk.page.goto(`${base()}#/licence/${encodeURIComponent(licenceId)}`);
    await expect
      .poll(() => desk.page.getByRole('region', { name: 'Certificate', exact: true }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await printCertificate();
  });
});
