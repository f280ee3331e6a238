// Two desks renew the same licence while both are offline (Riverton on a test-owned PostgreSQL,
// each desk behind its own test-owned TCP proxy). Desk A's link returns first: its renewal is
// applied. Then desk B's: its renewal was based on a licence that has changed since, so it becomes
// a conflict, which desk B's status bar announces and its conflicts screen shows field by field
// (what the clerk saw, the clerk's change, the legacy value now). The person applies it again on
// top of the current values, by keyboard, and the legacy database holds the result: one more term
// on top of desk A's renewal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conflict } from '../../src-main/common/sync-model.ts';
import { demoOnDesks, runDeskJson } from '../fault/support/desk-commands.ts';
import { type LegacyBehindProxies, legacyBehindProxies } from '../fault/support/legacy-behind-proxies.ts';
import { isoToCyymmdd } from '../fault/support/riverton-ledger.ts';
import type { TcpProxy } from '../fault/support/tcp-proxy.ts';
import { launchChromium, openPage } from './support/browser.ts';
import {
  expectLicencePage,
  findRenewableLicence,
  type Hit,
  renewByKeyboard,
} from './support/counter-steps.ts';
import { ensureRendererBuilt } from './support/renderer-build.ts';
import { checkScreen, readableDate, shown, tabTo } from './support/screen.ts';
import { type Served, serve } from './support/workbench.ts';

type OutboxEntry = { command: string; status: string; payload: Record<string, unknown> };

interface Desk {
  name: string;
  dir: string;
  link: TcpProxy;
  served?: Served;
  page: Page;
}

let legacy: LegacyBehindProxies | undefined;
let browser: Browser | undefined;
const desks: Desk[] = [];
let hit: Hit;
let renewedByA: string;

const footerOf = (desk: Desk) => desk.page.getByRole('contentinfo');
const outboxOf = (desk: Desk) => runDeskJson<OutboxEntry[]>(desk.dir, ['outbox', '--all']);
const legacyExpiry = async () => {
  const [row] = await legacy!.query<{ E: string }>(
    `SELECT CAST("LICEXP" AS VARCHAR(10)) AS "E" FROM "LICMST" WHERE "LICNO" = '${hit.licenceId}'`,
  );
  return Number(row!.E.trim());
};

async function renewOn(desk: Desk): Promise<void> {
  await desk.page.goto(`${desk.served!.url}#/licence/${hit.licenceId}`);
  await expectLicencePage(desk.page, hit.licenceId);
  await renewByKeyboard(desk.page, hit.licenceId);
}

beforeAll(async () => {
  legacy = await legacyBehindProxies(2);
  await ensureRendererBuilt();
  const [linkA, linkB] = legacy.links as [TcpProxy, TcpProxy];
  const dirA = mkdtempSync(join(tmpdir(), 'workbench-e2e-desk-a-'));
  const dirB = mkdtempSync(join(tmpdir(), 'workbench-e2e-desk-b-'));
  // Each desk through its own link, so the test cuts and restores them one at a time.
  await demoOnDesks(
    [
      { dir: dirA, connection: legacy.connectionVia(linkA) },
      { dir: dirB, connection: legacy.connectionVia(linkB) },
    ],
    300,
    8,
  );
  hit = await findRenewableLicence(dirA, ['e']);
  browser = await launchChromium();
  for (const [name, dir, link] of [
    ['A', dirA, linkA],
    ['B', dirB, linkB],
  ] as const) {
    const page = await openPage(browser, { label: `desk ${name}` });
    const desk: Desk = { name, dir, link, page };
    desks.push(desk);
    desk.served = await serve(dir);
  }
});

afterAll(async () => {
  await browser?.close();
  for (const desk of desks) {
    await desk.served?.stop();
    rmSync(desk.dir, { recursive: true, force: true });
  }
  await legacy?.close();
});

describe('two desks renew the same licence offline', () => {
  it('both renew while their links are cut; both keep the renewal waiting', async () => {
    for (const desk of desks) {
      desk.link.cut();
      await renewOn(desk);
    }
    for (const desk of desks) {
      await expect.poll(() => shown(footerOf(desk)), { timeout: 30_000 }).toMatch(/Offline since/);
      expect(await shown(footerOf(desk))).toContain('1 change waiting for the legacy system');
    }
  });

  it("desk A's link returns first: its renewal reaches the legacy database", async () => {
    const [a] = desks as [Desk, Desk];
    a.link.resume();
    await expect.poll(() => shown(footerOf(a)), { timeout: 120_000, interval: 250 }).toContain('Synced');
    renewedByA = (await outboxOf(a))[0]!.payload.newExpiresOn as string;
    expect(await legacyExpiry()).toBe(isoToCyymmdd(renewedByA));
  });

  it("desk B's link returns: its renewal becomes a conflict the status bar announces", async () => {
    const [, b] = desks as [Desk, Desk];
    b.link.resume();
    const footer = footerOf(b);
    await expect
      .poll(() => shown(footer), { timeout: 120_000, interval: 250 })
      .toContain('1 conflict needs attention');
    expect(await shown(footer)).not.toContain('waiting');
    // Nothing of desk B's reached the legacy database: it still shows desk A's renewal.
    expect(await legacyExpiry()).toBe(isoToCyymmdd(renewedByA));
    // The licence page says so too.
    await expect
      .poll(() => shown(b.page.getByRole('main')), { timeout: 15_000 })
      .toContain('1 change to this licence is in conflict and needs a decision.');
  });

  it('shows the conflict on the conflicts screen, field by field, with the three values', async () => {
    const [, b] = desks as [Desk, Desk];
    const page = b.page;
    await tabTo(page, 'link', '1 conflict needs attention');
    await page.keyboard.press('Enter');
    await expect.poll(() => shown(page.getByRole('heading', { level: 1 }))).toBe('Conflicts');
    const list = page.getByRole('table', { name: 'Conflicts on this desk' });
    await expect.poll(() => shown(list)).toContain(hit.licenceId);
    expect(await shown(list)).toContain('Renewal');
    expect(await shown(list)).toContain('Changed elsewhere');
    await checkScreen(page, '30-conflicts-list');

    await tabTo(page, 'link', hit.licenceId);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => shown(page.getByRole('heading', { level: 1 })))
      .toBe(`Renewal of licence ${hit.licenceId}`);
    const [conflict] = (await runDeskJson<Conflict[]>(b.dir, ['conflicts'])) as [Conflict];
    expect(conflict).toMatchObject({ licenceId: hit.licenceId, kind: 'changed', status: 'open' });
    const expiry = conflict.fields.find((f) => f.field === 'expiresOn')!;
    expect(expiry).toMatchObject({ seen: hit.expiresOn, current: renewedByA, changedElsewhere: true });
    // The expiry, in words: what desk B's clerk saw, desk B's change, and desk A's renewal now.
    const expiryRow = page.getByRole('row').filter({ hasText: 'Expiry date' });
    const cells = (await expiryRow.getByRole('cell').allInnerTexts()).map((c) => c.trim());
    expect(cells[0]).toContain('Changed elsewhere');
    expect(cells.slice(1)).toEqual([
      readableDate(hit.expiresOn!, 'en-US'),
      readableDate(expiry.mine as string, 'en-US'),
      readableDate(renewedByA, 'en-US'),
    ]);
    expect(await expiryRow.getAttribute('data-changed-elsewhere')).toBe('true');
    expect(await shown(page.getByRole('main'))).toContain(conflict.explanation);
    await checkScreen(page, '31-conflict-detail');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await expect
      .poll(() => shown(page.getByRole('heading', { level: 1 })))
      .toBe(`Renovación de la licencia ${hit.licenceId}`);
    const spanish = await shown(page.getByRole('main'));
    for (const words of [
      'Lo que vio el empleado',
      'El cambio del empleado',
      'En el sistema heredado ahora',
      'Fecha de vencimiento',
      'Aplicar de nuevo sobre los valores actuales',
    ])
      expect(spanish).toContain(words);
    await checkScreen(page, '32-conflict-detail-es');
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  });

  it('a discard needs a reason; "apply again" puts the renewal on top of the current values', async () => {
    const [, b] = desks as [Desk, Desk];
    const page = b.page;
    // The choices are one radio group: Tab reaches the chosen one, the arrow keys choose.
    await tabTo(page, 'radio', 'Apply again on top of the current values');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: 'Discard the change' }).isChecked()).toBe(true);
    // Discard without a reason is refused in plain words (and nothing is decided).
    await tabTo(page, 'button', 'Discard the change');
    await page.keyboard.press('Enter');
    await expect.poll(() => shown(page.getByRole('main'))).toContain('Say why the change is discarded.');
    expect((await runDeskJson<Conflict[]>(b.dir, ['conflicts']))[0]!.status).toBe('open');

    // "Edit, then apply" offers the new expiry date, proposed on top of the current values.
    await tabTo(page, 'radio', 'Discard the change', { backwards: true });
    await page.keyboard.press('ArrowUp');
    const proposed = (await runDeskJson<Conflict[]>(b.dir, ['conflicts']))[0]!.editable.newExpiresOn;
    expect(await page.getByLabel('New expiry date').inputValue()).toBe(proposed);
    await checkScreen(page, '32b-conflict-edit');

    await page.keyboard.press('ArrowUp');
    expect(
      await page.getByRole('radio', { name: 'Apply again on top of the current values' }).isChecked(),
    ).toBe(true);
    await tabTo(page, 'button', 'Apply again');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => shown(page.getByRole('main')))
      .toContain('Decision saved. The change is on its way to the legacy system.');
    await expect
      .poll(() => shown(page.getByRole('main')), { timeout: 15_000 })
      .toMatch(/Resolved by .+: applied again on the current values\./);

    // Desk B pushes the rebased renewal: synced, nothing waiting, no conflict left.
    const footer = footerOf(b);
    await expect.poll(() => shown(footer), { timeout: 60_000, interval: 250 }).toContain('Synced');
    expect(await shown(footer)).not.toMatch(/waiting|conflict/);
    const [resolved] = await runDeskJson<Conflict[]>(b.dir, ['conflicts', '--all']);
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'apply_again' });
    const applied = (await outboxOf(b)).filter((e) => e.status === 'applied');
    expect(applied).toHaveLength(1);
    const final = applied[0]!.payload.newExpiresOn as string;
    expect(final > renewedByA).toBe(true); // one more term on top of desk A's renewal
    expect(await legacyExpiry()).toBe(isoToCyymmdd(final));
    await checkScreen(page, '33-conflict-resolved');
  });
});
