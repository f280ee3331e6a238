// Deciding a conflict on its page by keyboard, as the conflict e2e tests do.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { shown, tabTo } from './screen.ts';

/**
 * The choices are one radio group: Tab reaches the chosen one ("Apply again on top of the current
 * values"), ArrowDown `downs` times chooses "Discard the change" (the conflict's own choices lie
 * between); then the reason is typed and the change discarded. Waits for the decision.
 */
export async function discardByKeyboard(page: Page, reason: string, downs = 1): Promise<void> {
  await tabTo(page, 'radio', 'Apply again on top of the current values');
  for (let i = 0; i < downs; i++) await page.keyboard.press('ArrowDown');
  expect(await page.getByRole('radio', { name: 'Discard the change' }).isChecked()).toBe(true);
  await tabTo(page, 'textbox', 'Why is the change discarded?');
  await page.keyboard.type(reason, { delay: 5 });
  await tabTo(page, 'button', 'Discard the change');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => shown(page.getByRole('status').filter({ hasText: 'Decision saved' })), { timeout: 10_000 })
    .toContain('discarded');
}
