// The keyboard-shortcut help (issue 5 point 8): F1 or "?" opens it from any screen, it lists every
// shortcut of shortcut-list.ts in the UI language, "?" typed in a field stays in the field, and
// Esc closes it. Screenshots in test-results/e2e/ and an axe scan of the open overlay.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage } from './support/browser.ts';
import { ensureRendererBuilt } from './support/renderer-build.ts';
import { checkScreen, shown } from './support/screen.ts';
import { type Served, serve, workbench } from './support/workbench.ts';

let dataDir: string;
let served: Served | undefined;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-help-'));
  await ensureRendererBuilt();
  workbench(dataDir, ['demo', 'create', '--engine', 'sqlite', '--size', '100', '--seed', '5']);
  workbench(dataDir, ['sync']);
  served = await serve(dataDir);
  browser = await launchChromium();
  page = await openPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('keyboard-shortcut help', () => {
  it('opens with F1 from the search screen and lists the shortcuts', async () => {
    await page.goto(served!.url);
    await page.getByRole('combobox', { name: 'Search licences' }).waitFor();
    await page.keyboard.press('F1');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    const text = await shown(dialog);
    expect(text).toContain('Go to the licence search');
    expect(text).toContain('Show these shortcuts');
    expect(text).toContain('Open the selected licence');
    expect(text).toMatch(/Ctrl\s*\+\s*K/);
    await checkScreen(page, 'help-01-overlay-en');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('"?" typed in the search box stays there; outside a field it opens the help', async () => {
    const box = page.getByRole('combobox', { name: 'Search licences' });
    await box.focus();
    await page.keyboard.type('a?');
    expect(await box.inputValue()).toBe('a?');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await box.fill('');
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('speaks Spanish when the desk does, and opens from the header button too', async () => {
    await page.evaluate(() => localStorage.setItem('workbench.language', 'es'));
    await page.reload();
    await page.getByRole('button', { name: 'Atajos de teclado' }).click();
    const dialog = page.getByRole('dialog', { name: 'Atajos de teclado' });
    await dialog.waitFor();
    const text = await shown(dialog);
    expect(text).toContain('Ir a la búsqueda de licencias');
    expect(text).toContain('En cualquier pantalla');
    await checkScreen(page, 'help-02-overlay-es');
  });
});
