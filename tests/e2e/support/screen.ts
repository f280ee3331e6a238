// Helpers for reading and driving a screen as a person does: rendered text, dates as a locale
// writes them, Tab until a control has focus, and the screenshot + axe check of every screen.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot, seriousAxeViolations } from './browser.ts';

/** The text on screen (rendered, as a person sees it: hidden text excluded). */
export const shown = (locator: Locator): Promise<string> => locator.innerText();

/** A calendar date as a clerk reads it in a locale (the app shows dates in the chosen language). */
export function readableDate(iso: string, locale: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, d),
  );
}

/** A screenshot in test-results/e2e/ and no serious or critical axe violation. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousAxeViolations(page, name), `serious or critical axe violations on ${name}`).toEqual([]);
}

type Role = Parameters<Page['getByRole']>[0];

/**
 * Presses Tab (or Shift+Tab, backwards) and nothing else until the control with this role and
 * name has the focus: the way a keyboard user reaches it.
 */
export async function tabTo(
  page: Page,
  role: Role,
  name: string | RegExp,
  { backwards = false, maxPresses = 60 } = {},
): Promise<void> {
  const target = page.getByRole(role, { name, exact: typeof name === 'string' });
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluateAll((els) => els.some((el) => el === document.activeElement))) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`Tab never reached the ${role} "${String(name)}"; focus is on ${focused}`);
}
