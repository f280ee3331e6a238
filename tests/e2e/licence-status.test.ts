// Licence status and certificates in Chromium. A supervisor suspends a licence by keyboard, giving
// the reason the dialog insists on; a clerk sees no status buttons and why. A certificate is issued
// for an active licence ("C"), its PDF carries the licence, the business and the verification
// code; the code, typed carelessly on the verify screen ("V"), answers valid, in English and in
// Spanish; a mistyped code is caught. Screenshots and axe on every step.
import { describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text.ts';
import { expectLicencePage, openLicenceFromSearch } from './support/counter-steps.ts';
import { downloadFrom, policyAs, useDesk } from './support/desk-session.ts';
import { checkScreen, shown, tabTo } from './support/screen.ts';
import { workbenchJson } from './support/workbench.ts';

let toSuspend = '';
let toCertify = '';
let businessName = '';
let code = '';

const desk = useDesk({
  name: 'status',
  demo: { size: 300, seed: 21 },
  prepare(dataDir) {
    const hits = workbenchJson<
      Array<{ licenceId: string; businessName: string; status: string; expiresOn: string | null }>
    >(dataDir, ['search', 'a', '--limit', '500']).filter(
      (h) => h.status === 'active' && h.expiresOn && h.expiresOn > '2027-03-01',
    );
    toSuspend = hits[0]!.licenceId;
    toCertify = hits[1]!.licenceId;
    businessName = hits[1]!.businessName;
    policyAs(dataDir, 'supervisor');
  },
});

describe('licence status and certificates', () => {
  it('a supervisor suspends a licence by keyboard; the reason is required', async () => {
    await desk.page.goto(desk.served.url);
    await openLicenceFromSearch(desk.page, toSuspend);
    const section = desk.page.getByRole('region', { name: 'Licence status', exact: true });
    // Active: suspend, revoke and close are offered; reinstate is not.
    await expect
      .poll(() => section.getByRole('button').allInnerTexts())
      .toEqual(expect.arrayContaining(['Suspend…', 'Revoke…', 'Close…']));
    expect(await section.getByRole('button', { name: 'Reinstate…' }).count()).toBe(0);
    await tabTo(desk.page, 'button', 'Suspend…');
    await desk.page.keyboard.press('Enter');
    const dialog = desk.page.getByRole('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await shown(dialog)).toContain(`Suspend licence ${toSuspend}`);
    // Confirmed without a reason: the dialog asks for one, nothing is recorded.
    await dialog.getByRole('button', { name: 'Suspend licence' }).click();
    await expect.poll(() => shown(dialog)).toContain('Give a reason.');
    await checkScreen(desk.page, '60-status-reason-required');
    await dialog.getByRole('textbox', { name: /Reason/ }).focus();
    await desk.page.keyboard.type('Hearing on unpaid fines, 3 March', { delay: 5 });
    await desk.page.keyboard.press('Control+Enter');
    await expect.poll(() => dialog.count(), { timeout: 15_000 }).toBe(0);
    await expect
      .poll(() => shown(section), { timeout: 15_000 })
      .toContain(`Licence ${toSuspend} is now suspended.`);
    await expect
      .poll(() => shown(desk.page.getByRole('heading', { level: 1 }).locator('..')))
      .toContain('Suspended');
    // The change and its reason are listed with the licence (the legacy schema has no place for it).
    await expect
      .poll(() => shown(section), { timeout: 15_000 })
      .toMatch(/Active → Suspended\s+Hearing on unpaid fines, 3 March/);
    // Now only reinstate (and revoke, close) are offered.
    await expect.poll(() => section.getByRole('button', { name: 'Reinstate…' }).count()).toBe(1);
    await checkScreen(desk.page, '61-status-suspended');
    const outbox = workbenchJson<Array<{ command: string; payload: Record<string, unknown> }>>(desk.dataDir, [
      'outbox',
      '--all',
    ]);
    expect(outbox.find((e) => e.command === 'changeLicenceStatus')!.payload).toMatchObject({
      licenceId: toSuspend,
      action: 'suspend',
      reason: 'Hearing on unpaid fines, 3 March',
    });
  });

  it('a clerk sees no status buttons, and why', async () => {
    policyAs(desk.dataDir, 'clerk');
    try {
      await desk.page.reload();
      await expectLicencePage(desk.page, toSuspend);
      const section = desk.page.getByRole('region', { name: 'Licence status', exact: true });
      await expect
        .poll(() => shown(section), { timeout: 15_000 })
        .toContain('Suspending, revoking, closing and reinstating licences takes a supervisor.');
      expect(await section.getByRole('button', { name: /Reinstate/ }).count()).toBe(0);
      await checkScreen(desk.page, '62-status-clerk');
    } finally {
      policyAs(desk.dataDir, 'supervisor');
    }
  });

  it('issues a certificate for an active licence ("C"); the PDF carries the licence and its code', async () => {
    await desk.page.goto(`${desk.base()}#/licence/${encodeURIComponent(toCertify)}`);
    await expectLicencePage(desk.page, toCertify);
    const section = desk.page.getByRole('region', { name: 'Certificate', exact: true });
    await expect.poll(() => section.getByRole('button', { name: 'Issue certificate' }).count()).toBe(1);
    const popup = desk.page.waitForEvent('popup', { timeout: 10_000 }).catch(() => null);
    await desk.page.getByRole('heading', { level: 1 }).focus();
    await desk.page.keyboard.press('c');
    const link = section.getByRole('link', { name: /^Download certificate-/ });
    await expect.poll(() => link.count(), { timeout: 20_000 }).toBe(1);
    (await popup)?.close();
    // The certificate is listed with its code.
    await expect
      .poll(() => shown(section), { timeout: 10_000 })
      .toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}/);
    code = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3})/.exec(await shown(section))![1]!;
    await checkScreen(desk.page, '63-certificate-issued');

    const { name, bytes } = await downloadFrom(desk.page, () => link.click());
    expect(name).toMatch(new RegExp(`^certificate-C-.*-${toCertify}\\.pdf$`));
    const text = await pdfText(new Uint8Array(bytes));
    expect(text).toContain('Business Licence Certificate');
    expect(text).toContain('Riverton');
    expect(text).toContain(toCertify);
    expect(text).toContain(businessName);
    expect(text).toContain(`Verification code: ${code}`);
    expect(text).toContain('How to verify this certificate');
  });

  it('verifies the code on the verify screen ("V"), typed carelessly, in English and Spanish', async () => {
    await desk.page.getByRole('heading', { level: 1 }).focus();
    await desk.page.keyboard.press('v');
    await expect
      .poll(() => shown(desk.page.getByRole('heading', { level: 1 })), { timeout: 10_000 })
      .toBe('Verify a certificate');
    const box = desk.page.getByRole('textbox', { name: 'Verification code' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    const sloppy = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'i');
    await desk.page.keyboard.type(sloppy, { delay: 10 });
    await desk.page.keyboard.press('Enter');
    const answer = desk.page.locator('[data-answer]');
    await expect.poll(() => answer.getAttribute('data-answer'), { timeout: 10_000 }).toBe('valid');
    expect(await shown(desk.page.getByRole('main'))).toContain(
      'Valid: the licence is in force, as the certificate says.',
    );
    expect(await shown(desk.page.getByRole('main'))).toContain(toCertify);
    await checkScreen(desk.page, '64-verify-valid');

    // One symbol wrong: the check symbol catches it.
    const wrong = code.slice(0, 0) + (code[0] === '7' ? '8' : '7') + code.slice(1);
    await box.fill(wrong);
    await desk.page.keyboard.press('Enter');
    await expect.poll(() => answer.getAttribute('data-answer'), { timeout: 10_000 }).toBe('mistyped');
    await checkScreen(desk.page, '65-verify-mistyped');

    await desk.page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await desk.page.getByRole('textbox', { name: 'Código de verificación' }).fill(code);
    await desk.page.keyboard.press('Enter');
    await expect.poll(() => answer.getAttribute('data-answer'), { timeout: 10_000 }).toBe('valid');
    await expect.poll(() => shown(desk.page.getByRole('main'))).toContain('Válido: la licencia está vigente');
    await checkScreen(desk.page, '66-verify-valid-es');
    await desk.page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  });
});
