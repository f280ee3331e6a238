// Correcting a business's contact details in Chromium, as a clerk would: from the licence page,
// by keyboard, a bad state and phone are refused with words on the field (English and Spanish),
// the fixed correction shows on the page at once, and serve's own sync sends it (the legacy side
// is tests/integration/business-contact.test.ts). Screenshots and axe on every step.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage } from './support/browser.ts';
import { openLicenceFromSearch } from './support/counter-steps.ts';
import { ensureRendererBuilt } from './support/renderer-build.ts';
import { checkScreen, shown, tabTo } from './support/screen.ts';
import { type Served, serve, workbench, workbenchJson } from './support/workbench.ts';

let dataDir: string;
let served: Served | undefined;
let browser: Browser | undefined;
let page: Page;
let licenceId = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-contact-'));
  await ensureRendererBuilt();
  workbench(dataDir, ['demo', 'create', '--engine', 'sqlite', '--size', '300', '--seed', '23']);
  workbench(dataDir, ['sync']);
  licenceId = workbenchJson<Array<{ licenceId: string; status: string }>>(dataDir, [
    'search',
    'a',
    '--limit',
    '50',
  ]).find((h) => h.status === 'active')!.licenceId;
  writeFileSync(
    join(dataDir, 'policy.yaml'),
    `version: 1\naccounts:\n  ${JSON.stringify(userInfo().username)}: clerk\n`,
  );
  served = await serve(dataDir);
  browser = await launchChromium();
  page = await openPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('correcting a business’s contact details', () => {
  it("refuses a bad state and phone with words on the field, then saves the correction, which the desk's sync sends", async () => {
    await page.goto(served!.url);
    await openLicenceFromSearch(page, licenceId);
    await tabTo(page, 'button', 'Correct contact details…');
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Correct the contact details' });
    await expect.poll(() => form.count()).toBe(1);
    await form.getByLabel('Street address').fill('410 Elm Street');
    await form.getByLabel('State').fill('K5');
    await form.getByLabel('Phone').fill('call me');
    await form.getByLabel('Why').fill('moved down the street');
    await form.getByRole('button', { name: 'Save correction' }).click();
    await expect.poll(() => shown(form)).toContain('A state is two letters, like KS.');
    expect(await shown(form)).toContain('A phone number is 7 to 14 digits');
    await checkScreen(page, 'contact-10-refused');

    await form.getByLabel('State').fill('KS');
    await form.getByLabel('Phone').fill('(785) 555-0142');
    await form.getByLabel('Phone').press('Enter');
    await expect.poll(() => shown(page.locator('main'))).toContain('Correction saved.');
    const business = page.getByRole('region', { name: 'Business', exact: true });
    await expect.poll(() => shown(business)).toContain('410 Elm Street');
    expect(await shown(business)).toContain('(785) 555-0142');
    await checkScreen(page, 'contact-20-saved');
    // Queued on this desk, then sent by serve's own sync (the legacy database is up here).
    await expect
      .poll(
        () =>
          workbenchJson<Array<{ command: string; status: string }>>(dataDir, ['outbox', '--all', '--json'])
            .filter((o) => o.command === 'correctBusinessContact')
            .map((o) => o.status),
        { timeout: 30_000 },
      )
      .toEqual(['applied']);
  });

  it('says it in Spanish', async () => {
    await page.evaluate(() => localStorage.setItem('workbench.language', 'es'));
    await page.goto(`${served!.url.split('#')[0]}#/licence/${encodeURIComponent(licenceId)}`);
    await page.reload();
    await page.getByRole('button', { name: 'Corregir datos de contacto…' }).click();
    const form = page.getByRole('form', { name: 'Corregir los datos de contacto' });
    await form.getByLabel('Estado').fill('Kansas');
    await form.getByRole('button', { name: 'Guardar corrección' }).click();
    await expect.poll(() => shown(form)).toContain('Un estado son dos letras, como KS.');
    await checkScreen(page, 'contact-30-refused-es');
    await page.evaluate(() => localStorage.setItem('workbench.language', 'en'));
  });
});
