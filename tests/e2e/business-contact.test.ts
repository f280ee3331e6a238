// Correcting a business's contact details in Chromium, as a clerk would: from the licence page,
// by keyboard, a bad state and phone are refused with words on the field (English and Spanish),
// the fixed correction shows on the page at once, and serve's own sync sends it (the legacy side
// is tests/integration/business-contact.test.ts). Screenshots and axe on every step.
import { describe, expect, it } from 'vitest';
import { openLicenceFromSearch } from './support/counter-steps.ts';
import { policyAs, useDesk } from './support/desk-session.ts';
import { checkScreen, shown, tabTo } from './support/screen.ts';
import { workbenchJson } from './support/workbench.ts';

let licenceId = '';

const desk = useDesk({
  name: 'contact',
  demo: { size: 300, seed: 23 },
  prepare(dataDir) {
    licenceId = workbenchJson<Array<{ licenceId: string; status: string }>>(dataDir, [
      'search',
      'a',
      '--limit',
      '50',
    ]).find((h) => h.status === 'active')!.licenceId;
    policyAs(dataDir, 'clerk');
  },
});

describe('correcting a business’s contact details', () => {
  it("refuses a bad state and phone with words on the field, then saves the correction, which the desk's sync sends", async () => {
    await desk.page.goto(desk.served.url);
    await openLicenceFromSearch(desk.page, licenceId);
    await tabTo(desk.page, 'button', 'Correct contact details…');
    await desk.page.keyboard.press('Enter');
    const form = desk.page.getByRole('form', { name: 'Correct the contact details' });
    await expect.poll(() => form.count()).toBe(1);
    await form.getByLabel('Street address').fill('410 Elm Street');
    await form.getByLabel('State').fill('K5');
    await form.getByLabel('Phone').fill('call me');
    await form.getByLabel('Why').fill('moved down the street');
    await form.getByRole('button', { name: 'Save correction' }).click();
    await expect.poll(() => shown(form)).toContain('A state is two letters, like KS.');
    expect(await shown(form)).toContain('A phone number is 7 to 14 digits');
    await checkScreen(desk.page, 'contact-10-refused');

    await form.getByLabel('State').fill('KS');
    await form.getByLabel('Phone').fill('(785) 555-0142');
    await form.getByLabel('Phone').press('Enter');
    await expect.poll(() => shown(desk.page.locator('main'))).toContain('Correction saved.');
    const business = desk.page.getByRole('region', { name: 'Business', exact: true });
    await expect.poll(() => shown(business)).toContain('410 Elm Street');
    expect(await shown(business)).toContain('(785) 555-0142');
    await checkScreen(desk.page, 'contact-20-saved');
    // Queued on this desk, then sent by serve's own sync (the legacy database is up here).
    await expect
      .poll(
        () =>
          workbenchJson<Array<{ command: string; status: string }>>(desk.dataDir, [
            'outbox',
            '--all',
            '--json',
          ])
            .filter((o) => o.command === 'correctBusinessContact')
            .map((o) => o.status),
        { timeout: 30_000 },
      )
      .toEqual(['applied']);
  });

  it('says it in Spanish', async () => {
    await desk.page.evaluate(() => localStorage.setItem('workbench.language', 'es'));
    await desk.page.goto(`${desk.base()}#/licence/${encodeURIComponent(licenceId)}`);
    await desk.page.reload();
    await desk.page.getByRole('button', { name: 'Corregir datos de contacto…' }).click();
    const form = desk.page.getByRole('form', { name: 'Corregir los datos de contacto' });
    await form.getByLabel('Estado').fill('Kansas');
    await form.getByRole('button', { name: 'Guardar corrección' }).click();
    await expect.poll(() => shown(form)).toContain('Un estado son dos letras, como KS.');
    await checkScreen(desk.page, 'contact-30-refused-es');
    await desk.page.evaluate(() => localStorage.setItem('workbench.language', 'en'));
  });
});
