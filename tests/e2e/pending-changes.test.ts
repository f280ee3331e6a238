// The status bar tells the clerk, on every screen, how many changes made at this desk still wait
// for the legacy database: a payment taken with the real command line shows up, in both languages.
// The legacy database is out of reach meanwhile (the desk's sync loop would send them at once).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, screenshot, seriousAxeViolations } from './support/browser.ts';
import { ensureRendererBuilt } from './support/renderer-build.ts';
import { cutSqliteLegacy, restoreSqliteLegacy } from './support/sqlite-link.ts';
import { type Served, serve, workbench } from './support/workbench.ts';

let dataDir: string;
let served: Served | undefined;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-pending-'));
  await ensureRendererBuilt();
  workbench(dataDir, ['demo', 'create', '--engine', 'sqlite', '--size', '300', '--seed', '9']);
  workbench(dataDir, ['sync']);
  workbench(dataDir, ['drawer', 'open', '--float', '0']);
  workbench(dataDir, ['pay', 'RV-0000001', '--amount', '5000', '--method', 'cash']);
  cutSqliteLegacy(dataDir);
  served = await serve(dataDir);
  browser = await launchChromium();
  page = await openPage(browser, { height: 768 });
});

afterAll(async () => {
  if (dataDir) restoreSqliteLegacy(dataDir);
  await browser?.close();
  await served?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('changes waiting for the legacy database', () => {
  it('are counted in the status bar, in English and Spanish', async () => {
    await page.goto(served!.url);
    const footer = page.getByRole('contentinfo');
    await expect.poll(() => footer.innerText()).toContain('1 change waiting for the legacy system');
    await screenshot(page, '07-pending-change');
    expect(await seriousAxeViolations(page, '07-pending-change')).toEqual([]);
    workbench(dataDir, ['pay', 'RV-0000001', '--amount', '700', '--method', 'card']);
    await page.reload();
    await expect.poll(() => footer.innerText()).toContain('2 changes waiting for the legacy system');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await expect
      .poll(() => footer.innerText())
      .toContain('2 cambios pendientes de enviar al sistema heredado');
  });
});
