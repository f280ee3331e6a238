// The batch renewal wizard as the e2e tests drive it: its current step, the filters both batch
// tests build their list with, and building the batch (Ctrl+Enter) to its review step.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The wizard's step on screen (build, review, notices, post). */
export const currentStep = (page: Page): Promise<string | null> =>
  page.locator('[aria-current="step"]').getAttribute('data-step');

/** Opens a new batch (`base` is the served URL without its hash) and waits for its build step. */
export async function openBatchWizard(page: Page, base: string): Promise<void> {
  await page.goto(`${base}#/renewals/batch/new`);
  await expect.poll(() => currentStep(page), { timeout: 15_000 }).toBe('build');
}

/** On the build step: licences expiring within 120 days, at most 80, posted 10 a commit. */
export async function fillBatchFilters(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Which licences' }).selectOption('expiring');
  await page.getByRole('spinbutton', { name: 'Within (days)' }).fill('120');
  await page.getByRole('spinbutton', { name: 'At most (licences)' }).fill('80');
  await page.getByRole('spinbutton', { name: 'Licences per commit when posting' }).fill('10');
}

/** Ctrl+Enter on the build step: waits for the new batch's review step and returns its id. */
export async function buildBatch(page: Page): Promise<string> {
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => new URL(page.url()).hash, { timeout: 15_000 }).toMatch(/^#\/renewals\/batch\/B-/);
  const batchId = new URL(page.url()).hash.split('/').at(-1)!;
  await expect.poll(() => currentStep(page), { timeout: 15_000 }).toBe('review');
  return batchId;
}
