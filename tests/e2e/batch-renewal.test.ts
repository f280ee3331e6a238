// A batch renewal of 50 licences through the wizard, in Chromium, by keyboard: build the list
// from the queue's filters (Ctrl+Enter), review it, validate (Ctrl+Enter) and deselect the
// licences with problems, bring the selection to exactly 50 with Space on the checkboxes, print
// the notices (the PDF's text and the CSV's rows checked), post with a progress bar, and read the
// result in Spanish. A screenshot and an axe check at each step; the desk's outbox then holds
// exactly one renewal for each of the 50 licences.
import { describe, expect, it } from 'vitest';
import type { BatchDetail } from '../../src-main/common/ops/batch-ops.ts';
import { pdfPages } from '../support/pdf-text.ts';
import {
  buildBatch,
  currentStep as stepOf,
  fillBatchFilters,
  openBatchWizard,
} from './support/batch-steps.ts';
import { downloadFrom, useDesk } from './support/desk-session.ts';
import { checkScreen, shown } from './support/screen.ts';
import { workbenchJson } from './support/workbench.ts';

const SIZE = 50;
let batchId = '';

const desk = useDesk({
  name: 'batch',
  demo: { size: 1500, seed: 4, json: true },
  page: { height: 1000, label: 'batch' },
  timeout: 240_000,
});

const batch = () => workbenchJson<BatchDetail>(desk.dataDir, ['renewals', 'batch', 'show', batchId]);

const currentStep = () => stepOf(desk.page);

describe('a batch renewal of 50 licences through the wizard', () => {
  it('builds the list from the filters by keyboard', async () => {
    await openBatchWizard(desk.page, desk.served.url);
    await checkScreen(desk.page, 'batch-01-build');
    await fillBatchFilters(desk.page);
    batchId = await buildBatch(desk.page);
    expect(batch()).toMatchObject({ state: 'draft', chunkSize: 10 });
  });

  it('reviews the list: every licence selected, counts shown', async () => {
    const b = batch();
    expect(b.items.length).toBeGreaterThan(SIZE);
    const counts = desk.page.locator('[data-batch-counts]');
    await expect
      .poll(() => shown(counts))
      .toMatch(new RegExp(`^${b.items.length} of ${b.items.length} licences selected`));
    expect(await desk.page.getByRole('checkbox', { checked: true }).count()).toBe(b.items.length);
    await checkScreen(desk.page, 'batch-02-review');
  });

  it('validates (Ctrl+Enter), lists the problems and deselects them', async () => {
    await desk.page.keyboard.press('Control+Enter');
    await expect.poll(() => batch().validatedOn, { timeout: 15_000 }).not.toBeNull();
    const b = batch();
    const bad = b.items.filter((i) => i.problems!.length > 0);
    if (bad.length) {
      await expect.poll(() => currentStep()).toBe('validate');
      const problems = desk.page.locator('[data-batch-problems] li');
      await expect.poll(() => problems.count()).toBe(bad.length);
      expect(await shown(problems.first())).toContain(bad[0]!.licenceId);
      await checkScreen(desk.page, 'batch-03-validate-problems');
      await desk.page.getByRole('button', { name: 'Deselect the licences with problems' }).click();
    }
    await expect.poll(() => batch().state, { timeout: 15_000 }).toBe('validated');
    expect(batch().counts.selected).toBeGreaterThanOrEqual(SIZE);
  });

  it('brings the selection to exactly 50 with Space on the checkboxes (back one step with "[")', async () => {
    await expect.poll(() => currentStep()).toBe('validate');
    expect(await shown(desk.page.locator('[data-batch-step="validate"]'))).toMatch(
      /selected licences can be renewed/,
    );
    await desk.page.locator('h1').focus();
    await desk.page.keyboard.press('[');
    await expect.poll(() => currentStep()).toBe('review');
    const extra = batch()
      .items.filter((i) => i.selected)
      .slice(SIZE);
    for (const item of extra) {
      const box = desk.page.locator(`[data-licence="${item.licenceId}"]`).getByRole('checkbox');
      await box.focus();
      await desk.page.keyboard.press('Space');
      await expect.poll(() => box.isChecked()).toBe(false);
    }
    await expect.poll(() => batch().counts.selected).toBe(SIZE);
    expect(batch().state).toBe('validated');
    await checkScreen(desk.page, 'batch-04-reviewed');
  });

  it('prints the notices: one per business, the PDF text and the CSV rows checked', async () => {
    await desk.page.locator('h1').focus();
    await desk.page.keyboard.press(']');
    await desk.page.keyboard.press(']');
    await expect.poll(() => currentStep()).toBe('notices');
    const b = batch();
    const chosen = b.items.filter((i) => i.selected);
    const businesses = new Set(chosen.map((i) => i.businessId));
    const popup = desk.page.waitForEvent('popup', { timeout: 10_000 }).catch(() => null);
    await desk.page.keyboard.press('Control+Enter');
    const pdfLink = desk.page.getByRole('link', { name: `Download renewal-notices-${batchId}-en.pdf` });
    await expect.poll(() => pdfLink.count(), { timeout: 20_000 }).toBe(1);
    (await popup)?.close();
    await checkScreen(desk.page, 'batch-05-notices');
    const pdf = await downloadFrom(desk.page, () => pdfLink.click());
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPages(new Uint8Array(pdf.bytes));
    const text = pages.join('\n');
    expect(text.match(/Total due/g)).toHaveLength(businesses.size);
    expect(text).toContain(`Batch ${batchId}`);
    for (const item of chosen) expect(text).toContain(item.licenceId);
    for (const item of b.items.filter((i) => !i.selected)) expect(text).not.toContain(item.licenceId);

    await desk.page.getByRole('button', { name: 'Mail-merge file (CSV)' }).click();
    const csvLink = desk.page.getByRole('link', { name: `Download renewal-notices-${batchId}-en.csv` });
    await expect.poll(() => csvLink.count(), { timeout: 20_000 }).toBe(1);
    const csv = await downloadFrom(desk.page, () => csvLink.click());
    const rows = csv.bytes
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(rows[0]).toMatch(/^batch,business_id,name,/);
    expect(rows).toHaveLength(businesses.size + 1);
    await expect.poll(() => batch().state).toBe('notices_printed');
  });

  it('posts the 50 renewals with a progress bar, one renewal each in the outbox', async () => {
    await desk.page.locator('h1').focus();
    await desk.page.keyboard.press(']');
    await expect.poll(() => currentStep(), { timeout: 10_000 }).toBe('post');
    await checkScreen(desk.page, 'batch-06-post');
    await desk.page.keyboard.press('Control+Enter');
    const done = desk.page.getByText(`Batch posted: ${SIZE} renewals.`);
    await expect.poll(() => done.count(), { timeout: 30_000 }).toBe(1);
    expect(await desk.page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
    expect(await shown(desk.page.locator('[data-batch-step="post"]'))).toContain(
      `${SIZE} of ${SIZE} renewals posted`,
    );
    await checkScreen(desk.page, 'batch-07-posted');
    const b = batch();
    expect(b).toMatchObject({ state: 'posted', counts: { posted: SIZE, blocked: 0 } });
    const outbox = workbenchJson<Array<{ command: string; payload: { licenceId: string } }>>(desk.dataDir, [
      'outbox',
      '--all',
    ]);
    const renewed = outbox.filter((e) => e.command === 'renewLicence').map((e) => e.payload.licenceId);
    expect(renewed.sort()).toEqual(
      b.items
        .filter((i) => i.selected)
        .map((i) => i.licenceId)
        .sort(),
    );
  });

  it('reads the posted batch in Spanish', async () => {
    await desk.page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    const done = desk.page.getByText(`Lote registrado: ${SIZE} renovaciones.`, { exact: false });
    await expect.poll(() => done.count(), { timeout: 10_000 }).toBe(1);
    expect(await shown(desk.page.locator('nav[aria-label="Pasos de la renovación por lotes"]'))).toContain(
      'Registrar',
    );
    await checkScreen(desk.page, 'batch-08-posted-es');
    await desk.page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  });

  it('lists batches not posted yet under a new batch: a run left half-way is found there', async () => {
    const other = workbenchJson<BatchDetail>(desk.dataDir, [
      'renewals',
      'batch',
      'create',
      '--kind',
      'expired',
      '--within',
      '60',
      '--limit',
      '5',
    ]);
    await desk.page.goto(`${desk.served.url}#/renewals/batch/new`);
    const open = desk.page.locator('[data-open-batches]');
    await expect.poll(() => open.count(), { timeout: 15_000 }).toBe(1);
    expect(await shown(open)).toContain(other.id);
    expect(await shown(open)).not.toContain(batchId);
    await checkScreen(desk.page, 'batch-09-open-batches');
    await desk.page.getByRole('link', { name: other.id }).click();
    await expect.poll(() => currentStep(), { timeout: 15_000 }).toBe('review');
  });
});
