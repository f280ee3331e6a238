// At the counter, by keyboard only, while the legacy database is out of reach: a clerk finds a
// licence, renews it (the confirmation shows the current and the new expiry), takes a payment typed
// in dollars and cents, and sees the provisional receipt number; wrong amounts are refused in plain
// words. The desk's outbox (read with the real `workbench outbox --json`) holds exactly what was
// asked, in cents; the status bar and the search results show the changes waiting. Then the link
// comes back, the clerk presses "Sync now", and the legacy database (Riverton on SQLite, read
// directly) holds the renewal and the payment, whose legacy receipt number the screen shows.
// Every screen is checked by axe, in English and Spanish.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  expectLicencePage,
  findRenewableLicence,
  type Hit,
  openLicenceFromSearch,
} from './support/counter-steps.ts';
import { useDesk } from './support/desk-session.ts';
import { checkScreen, readableDate, shown, tabTo } from './support/screen.ts';
import { restoreSqliteLegacy, sqliteLegacyPath } from './support/sqlite-link.ts';
import { workbench, workbenchJson } from './support/workbench.ts';

type OutboxEntry = {
  seq: number;
  command: string;
  status: string;
  payload: Record<string, unknown>;
  legacyResult?: unknown;
};

let hit: Hit;
let shownNewExpiry: string;
let provisionalReceipt: string;

const desk = useDesk({
  name: 'counter',
  demo: { size: 300, seed: 11 },
  async prepare(dataDir) {
    workbench(dataDir, ['drawer', 'open', '--float', '0']);
    hit = await findRenewableLicence(dataDir);
  },
  cut: true, // the counter opens during an outage
});

/** Every entry of the desk's outbox, settled ones included. */
const outbox = () => workbenchJson<OutboxEntry[]>(desk.dataDir, ['outbox', '--all']);

describe('renewing a licence and taking a payment, by keyboard, during an outage', () => {
  it('says the desk is offline, and since when', async () => {
    await desk.page.goto(desk.served.url);
    const footer = desk.page.getByRole('contentinfo');
    await expect
      .poll(() => shown(footer), { timeout: 15_000 })
      .toMatch(/Offline since \d{1,2}:\d{2}\s?[AP]M/);
  });

  it('finds the licence by its number and opens it', async () => {
    await openLicenceFromSearch(desk.page, hit.licenceId);
    expect(await desk.page.getByRole('heading', { level: 2, name: 'At the counter' }).count()).toBe(1);
    await checkScreen(desk.page, '10-counter');
  });

  it('renews it after a confirmation showing the current and the new expiry', async () => {
    await tabTo(desk.page, 'button', 'Renew…');
    await desk.page.keyboard.press('Enter');
    const dialog = desk.page.getByRole('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    const text = await shown(dialog);
    expect(text).toContain(`Renew licence ${hit.licenceId}?`);
    expect(text).toContain(`Current expiry\n${readableDate(hit.expiresOn!, 'en-US')}`);
    const m = /New expiry\n(.+)/.exec(text);
    expect(m).not.toBeNull();
    shownNewExpiry = m![1]!.trim();
    expect(shownNewExpiry).not.toBe(readableDate(hit.expiresOn!, 'en-US'));
    await checkScreen(desk.page, '11-renew-confirm');
    // The first control of the dialog is its "Renew" button.
    expect(await desk.page.evaluate(() => document.activeElement?.textContent)).toBe('Renew');
    await desk.page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    const main = desk.page.getByRole('main');
    await expect
      .poll(() => shown(main))
      .toContain(`Licence ${hit.licenceId} renewed: it now expires on ${shownNewExpiry}.`);
    // The page is on the licence still (Escape in the dialog did not leave it).
    expect(new URL(desk.page.url()).hash).toBe(`#/licence/${hit.licenceId}`);

    const entries = outbox();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ command: 'renewLicence', status: 'pending' });
    expect(entries[0]!.payload.licenceId).toBe(hit.licenceId);
    expect(readableDate(entries[0]!.payload.newExpiresOn as string, 'en-US')).toBe(shownNewExpiry);
    // The licence facts show the new expiry at once (the local effect), with the badge.
    await expect.poll(() => shown(main)).toContain('1 change waiting');
  });

  it('cancelling the confirmation renews nothing', async () => {
    await tabTo(desk.page, 'button', 'Renew…');
    await desk.page.keyboard.press('Enter');
    await expect.poll(() => desk.page.getByRole('dialog').count()).toBe(1);
    await desk.page.keyboard.press('Escape');
    await expect.poll(() => desk.page.getByRole('dialog').count()).toBe(0);
    expect(new URL(desk.page.url()).hash).toBe(`#/licence/${hit.licenceId}`);
    expect(outbox()).toHaveLength(1);
  });

  it('refuses amounts that are not dollars and cents, in plain words', async () => {
    await tabTo(desk.page, 'textbox', /^Amount \(dollars and cents\)/);
    await desk.page.keyboard.type('12.345');
    await desk.page.keyboard.press('Enter');
    const main = desk.page.getByRole('main');
    await expect
      .poll(() => shown(main))
      .toContain('Enter the amount as dollars and cents, for example 125.50.');
    await desk.page.keyboard.press('Control+A');
    await desk.page.keyboard.type('0');
    await desk.page.keyboard.press('Enter');
    await expect.poll(() => shown(main)).toContain('The amount must be more than $0.00.');
    await desk.page.keyboard.press('Control+A');
    await desk.page.keyboard.press('Backspace');
    await desk.page.keyboard.press('Enter');
    await expect.poll(() => shown(main)).toContain('Enter the amount, for example 125.00.');
    await checkScreen(desk.page, '12-payment-invalid');
    expect(outbox()).toHaveLength(1);
  });

  it('takes a payment typed in dollars and cents, exactly, with a provisional receipt', async () => {
    // 0.29 and 1.15 are the classic floating-point traps: 1,250.29 must be 125029 cents.
    await desk.page.keyboard.type('1,250.29');
    await tabTo(desk.page, 'combobox', 'Method');
    await desk.page.keyboard.press('ArrowDown'); // cash -> check
    expect(await desk.page.getByRole('combobox', { name: 'Method' }).inputValue()).toBe('check');
    expect(await desk.page.getByRole('textbox', { name: /^Amount/ }).inputValue()).toBe('1,250.29');
    // A check is taken with its number (the cash drawer keeps it with the payment).
    await tabTo(desk.page, 'textbox', /^Check number/);
    await desk.page.keyboard.type('1042');
    await tabTo(desk.page, 'button', 'Take payment');
    await desk.page.keyboard.press('Enter');

    const main = desk.page.getByRole('main');
    await expect.poll(() => shown(main)).toContain('Payment of $1,250.29 (Check) taken.');
    const entries = outbox();
    const receipt = entries[1]?.payload.receiptNo as string;
    expect(receipt).toMatch(/^P-[A-Z0-9-]+-000001$/); // desk-prefixed, the desk's first
    provisionalReceipt = receipt;
    const message = await shown(main);
    expect(message).toContain(`Receipt ${receipt}.`);
    expect(message).toContain('This receipt number is provisional');
    // In the payment history: the new row, its receipt marked provisional.
    const history = desk.page.getByRole('table', { name: 'Payment history' });
    const row = history.getByRole('row').filter({ hasText: receipt });
    await expect.poll(() => shown(row)).toContain('Provisional');
    expect(await shown(row)).toContain('$1,250.29');
    expect(await shown(row)).toContain('Check');

    expect(entries.map((e) => e.command)).toEqual(['renewLicence', 'recordPayment']);
    expect(entries[1]!.payload).toMatchObject({
      licenceId: hit.licenceId,
      amountCents: 125029,
      method: 'check',
      receiptNo: receipt,
    });
    await expect
      .poll(() => shown(desk.page.getByRole('contentinfo')))
      .toContain('2 changes waiting for the legacy system');
    await expect
      .poll(() => shown(desk.page.getByRole('heading', { level: 1 }).locator('..')))
      .toContain('2 changes waiting');
    await checkScreen(desk.page, '13-payment-taken');
  });

  it('marks the licence in the search results as having changes waiting', async () => {
    await desk.page.keyboard.press('Escape');
    await expect.poll(() => shown(desk.page.getByRole('heading', { level: 1 }))).toBe('Find a licence');
    const row = desk.page.getByRole('main').getByRole('option').filter({ hasText: hit.licenceId }).first();
    await expect.poll(() => shown(row), { timeout: 10_000 }).toContain('2 changes waiting');
    await checkScreen(desk.page, '14-search-pending-badge');
  });

  it('shows the counter and the badges in Spanish', async () => {
    await desk.page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await desk.page.goto(`${desk.served.url}#/licence/${hit.licenceId}`);
    await expect
      .poll(() => shown(desk.page.getByRole('heading', { level: 1 })), { timeout: 10_000 })
      .toBe(`Licencia ${hit.licenceId}`);
    const main = await shown(desk.page.getByRole('main'));
    for (const words of [
      'En el mostrador',
      'Renovar…',
      'Cobrar un pago',
      'Importe (dólares y centavos)',
      'Provisional',
      '2 cambios pendientes',
    ])
      expect(main).toContain(words);
    expect(main).toContain('2 cambios de esta licencia aún no han llegado al sistema heredado.');
    expect(await shown(desk.page.getByRole('contentinfo'))).toContain(
      '2 cambios pendientes de enviar al sistema heredado',
    );
    await checkScreen(desk.page, '15-counter-es');
    await desk.page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  });

  it('has a conflicts screen, one Tab-walk away, that says when nothing needs attention', async () => {
    await desk.page.goto(desk.served.url);
    await tabTo(desk.page, 'link', 'Conflicts', { backwards: true }); // the header is above the search box
    await desk.page.keyboard.press('Enter');
    await expect.poll(() => shown(desk.page.getByRole('heading', { level: 1 }))).toBe('Conflicts');
    await expect.poll(() => shown(desk.page.getByRole('main'))).toContain('No conflicts need attention.');
    await checkScreen(desk.page, '16-conflicts-empty');
  });

  it('when the link is back, "Sync now" brings both changes to the legacy database', async () => {
    await desk.page.goto(`${desk.served.url}#/licence/${hit.licenceId}`);
    await expectLicencePage(desk.page, hit.licenceId);
    restoreSqliteLegacy(desk.dataDir);
    const footer = desk.page.getByRole('contentinfo');
    await tabTo(desk.page, 'button', 'Sync now');
    await desk.page.keyboard.press('Enter');
    await expect.poll(() => shown(footer), { timeout: 30_000 }).toContain('Online');
    await expect.poll(() => shown(footer), { timeout: 30_000 }).toContain('Synced');
    expect(await shown(footer)).not.toContain('waiting');

    // The legacy database itself: the licence renewed, the payment recorded under Riverton's number.
    const legacy = new Database(sqliteLegacyPath(desk.dataDir), { readonly: true });
    let payment: { PAYNO: number; PAYAMT: number; PAYMTH: string; PAYRCT: string };
    let licence: { LICEXP: number; LICSTS: string };
    try {
      licence = legacy
        .prepare('SELECT LICEXP, LICSTS FROM LICMST WHERE LICNO = ?')
        .get(hit.licenceId) as typeof licence;
      payment = legacy
        .prepare(
          'SELECT PAYNO, CAST(PAYAMT AS TEXT) AS PAYAMT, PAYMTH, PAYRCT FROM PAYHST WHERE PAYLIC = ? ORDER BY PAYNO DESC LIMIT 1',
        )
        .get(hit.licenceId) as typeof payment;
    } finally {
      legacy.close();
    }
    const renewed = outbox()[0]!.payload.newExpiresOn as string; // YYYY-MM-DD -> CYYMMDD
    expect(licence.LICEXP).toBe(
      Number(`${Number(renewed.slice(0, 2)) - 19}${renewed.slice(2).replaceAll('-', '')}`),
    );
    expect(licence.LICSTS).toBe('A');
    expect(String(payment.PAYAMT)).toBe('1250.29');
    expect(payment.PAYMTH).toBe('CK');
    const legacyReceipt = payment.PAYRCT.trim();
    expect(outbox().map((e) => e.status)).toEqual(['applied', 'applied']);

    // The screen: the legacy receipt in the message and the history, nothing provisional or waiting.
    const main = desk.page.getByRole('main');
    await expect.poll(() => shown(main), { timeout: 15_000 }).not.toContain('changes waiting');
    const history = desk.page.getByRole('table', { name: 'Payment history' });
    const row = history.getByRole('row').filter({ hasText: legacyReceipt });
    await expect.poll(() => shown(row), { timeout: 15_000 }).toContain('$1,250.29');
    expect(await shown(history)).not.toContain('Provisional');
    // The provisional number stays beside the legacy one (a customer may bring that receipt back).
    expect(await shown(row)).toContain(`(provisional receipt ${provisionalReceipt})`);
    await checkScreen(desk.page, '17-counter-synced');
  });
});
