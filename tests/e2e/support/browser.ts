// Debian's Chromium through playwright-core, with the two checks every screen gets: a screenshot
// under test-results/e2e/ and an axe scan that fails on serious or critical violations.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { repoRoot } from './workbench.ts';

export const screenshotDir = join(repoRoot, 'test-results', 'e2e');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/** A PNG of the whole screen, taller than the window when the page's <main> scrolls. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  const viewport = page.viewportSize();
  const extra = await page.evaluate(() => {
    const main = document.querySelector('main');
    return main ? Math.max(0, main.scrollHeight - main.clientHeight) : 0;
  });
  if (viewport && extra > 0)
    await page.setViewportSize({ width: viewport.width, height: viewport.height + extra });
  await page.screenshot({ path });
  if (viewport && extra > 0) await page.setViewportSize(viewport);
  return path;
}

export type Violation = { id: string; impact: string | null | undefined; help: string; targets: string[] };

/**
 * Runs axe on the page as it is; prints every violation, returns the serious and critical ones.
 * Fluent's focus manager (Tabster) puts invisible <i data-tabster-dummy> focus sentinels around
 * dialogs and popovers: aria-hidden and focusable on purpose (focus landing on one is moved on at
 * once, and screen readers must not announce it). axe's aria-hidden-focus flags them; that is a
 * known false positive (microsoft/tabster#288, Accessibility Insights suppresses it since
 * microsoft/accessibility-insights-web#7605), so they alone are left out of the scan.
 */
export async function seriousAxeViolations(page: Page, screen: string): Promise<Violation[]> {
  const result = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  const all: Violation[] = result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
  for (const v of all)
    console.log(`axe [${screen}] ${v.impact}: ${v.id} — ${v.help}\n  ${v.targets.join('\n  ')}`);
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * A page in a fresh browser context (cookies and storage of its own, as one desk's window): a
 * laptop-sized window in US English, whose own errors are printed so a failing test shows them.
 */
export async function openPage(browser: Browser, { height = 900, label = '' } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height }, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.log(`page error${label ? ` (${label})` : ''}: ${err.message}`));
  return page;
}
