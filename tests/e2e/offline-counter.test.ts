// The counter through a real outage, in Chromium: Riverton on a test-owned PostgreSQL cluster, the
// desk (`workbench serve`) connected to it through a test-owned TCP proxy. The link is cut: the
// status bar turns offline; the clerk renews a licence and takes a payment and gets a provisional
// receipt number. The link is restored: the status bar shows online and synced with nothing
// waiting, the legacy database (asked directly, not through the proxy) holds the renewal (LICEXP,
// LICSTS in LICMST) and the payment (a PAYHST row), and the screen shows the legacy receipt number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOnDesks, runDeskJson } from '../fault/support/desk-commands.ts';
import { type LegacyBehindProxies, legacyBehindProxies } from '../fault/support/legacy-behind-proxies.ts';
import { isoToCyymmdd } from '../fault/support/riverton-ledger.ts';
import type { TcpProxy } from '../fault/support/tcp-proxy.ts';
import {
  findRenewableLicence,
  type Hit,
  openLicenceFromSearch,
  renewByKeyboard,
} from './support/counter-steps.ts';
import { useDesk } from './support/desk-session.ts';
import { checkScreen, shown, tabTo } from './support/screen.ts';

type OutboxEntry = { command: string; status: string; payload: Record<string, unknown> };

let legacy: LegacyBehindProxies | undefined;
let link: TcpProxy;
let hit: Hit;
let provisionalReceipt: string;
let cutAt: number;

const footer = () => desk.page.getByRole('contentinfo');
const outbox = (all = false) =>
  runDeskJson<OutboxEntry[]>(desk.dataDir, ['outbox', ...(all ? ['--all'] : [])]);

// The desk reaches the legacy database through a link of its own, which the test cuts and restores.
beforeAll(async () => {
  legacy = await legacyBehindProxies(1);
  link = legacy.links[0]!;
});
afterAll(() => legacy?.close());

const desk = useDesk({
  name: 'offline',
  demo: (dataDir) => demoOnDesks([{ dir: dataDir, connection: legacy!.connectionVia(link) }], 300, 5),
  async prepare(dataDir) {
    hit = await findRenewableLicence(dataDir, ['a']);
  },
});

describe('the counter through a network outage', () => {
  it('shows the desk online and synced while the link is up', async () => {
    await desk.page.goto(desk.served.url);
    await expect.poll(() => shown(footer()), { timeout: 30_000 }).toContain('Online');
    await expect.poll(() => shown(footer()), { timeout: 30_000 }).toContain('Synced');
  });

  it('turns the status bar offline when the link is cut', async () => {
    link.cut();
    cutAt = Date.now();
    await expect
      .poll(() => shown(footer()), { timeout: 60_000, interval: 250 })
      .toMatch(/Offline since \d{1,2}:\d{2}\s?[AP]M/);
    console.log(`e2e offline: the status bar said offline ${Date.now() - cutAt} ms after the cut`);
    await checkScreen(desk.page, '20-offline');
  });

  it('lets the clerk renew and take a payment offline, with a provisional receipt', async () => {
    await openLicenceFromSearch(desk.page, hit.licenceId);
    await renewByKeyboard(desk.page, hit.licenceId);
    const main = desk.page.getByRole('main');
    expect(await shown(main)).toContain(
      'The change is kept on this desk until it reaches the legacy system.',
    );

    await tabTo(desk.page, 'textbox', /^Amount/);
    await desk.page.keyboard.type('75.50');
    await desk.page.keyboard.press('Enter');
    await expect.poll(() => shown(main)).toContain('Payment of $75.50 (Cash) taken.');
    const waiting = await outbox();
    expect(waiting.map((e) => [e.command, e.status])).toEqual([
      ['renewLicence', 'pending'],
      ['recordPayment', 'pending'],
    ]);
    provisionalReceipt = waiting[1]!.payload.receiptNo as string;
    expect(provisionalReceipt).toMatch(/^P-[A-Z0-9-]+-\d{6}$/);
    const text = await shown(main);
    expect(text).toContain(`Receipt ${provisionalReceipt}.`);
    expect(text).toContain('This receipt number is provisional');
    await expect.poll(() => shown(footer())).toContain('2 changes waiting for the legacy system');
    expect(await shown(footer())).toMatch(/Offline since/);
    await checkScreen(desk.page, '21-offline-counter');
  });

  it('when the link returns: online, synced, the legacy database holds both, the legacy receipt shows', async () => {
    link.resume();
    const resumedAt = Date.now();
    console.log(`e2e offline: link cut for ${resumedAt - cutAt} ms`);
    await expect.poll(() => shown(footer()), { timeout: 120_000, interval: 250 }).toContain('Online');
    await expect.poll(() => shown(footer()), { timeout: 60_000, interval: 250 }).toContain('Synced');
    console.log(`e2e offline: online and synced ${Date.now() - resumedAt} ms after the link returned`);
    expect(await shown(footer())).not.toContain('waiting');
    expect((await outbox(true)).map((e) => e.status)).toEqual(['applied', 'applied']);

    const renewedTo = (await outbox(true))[0]!.payload.newExpiresOn as string;
    const [licence] = await legacy!.query<{ E: string; S: string }>(
      `SELECT CAST("LICEXP" AS VARCHAR(10)) AS "E", "LICSTS" AS "S" FROM "LICMST" WHERE "LICNO" = '${hit.licenceId}'`,
    );
    expect(Number(licence!.E.trim())).toBe(isoToCyymmdd(renewedTo));
    expect(licence!.S.trim()).toBe('A');
    const payments = await legacy!.query<{ N: number; A: string; M: string; R: string }>(
      `SELECT "PAYNO" AS "N", CAST("PAYAMT" AS VARCHAR(20)) AS "A", "PAYMTH" AS "M", "PAYRCT" AS "R"
       FROM "PAYHST" WHERE "PAYLIC" = '${hit.licenceId}' AND "PAYAMT" = 75.50 ORDER BY "PAYNO"`,
    );
    expect(payments).toHaveLength(1); // exactly once
    expect(payments[0]!.A.trim()).toBe('75.50');
    expect(payments[0]!.M.trim()).toBe('CA');
    const legacyReceipt = payments[0]!.R.trim();

    // The clerk is still on the licence: the message and the history now carry Riverton's number.
    const main = desk.page.getByRole('main');
    await expect
      .poll(() => shown(main), { timeout: 15_000 })
      .toContain(
        `Receipt ${legacyReceipt} (the legacy system’s number, in place of the provisional ${provisionalReceipt}).`,
      );
    const history = desk.page.getByRole('table', { name: 'Payment history' });
    expect(await shown(history.getByRole('row').filter({ hasText: legacyReceipt }))).toContain('$75.50');
    expect(await shown(history)).not.toContain('Provisional');
    expect(await shown(main)).toContain('The legacy system has the renewal now.');
    expect(await shown(main)).not.toContain('changes waiting');
    await checkScreen(desk.page, '22-online-synced');
  });
});
