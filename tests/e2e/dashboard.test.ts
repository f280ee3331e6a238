// The supervisor's dashboard in Chromium, on a demo desk (Riverton on SQLite) where a supervisor
// has taken two payments and two renewals (one on time, one late) through the real command line:
// while the legacy link is cut, the Dashboard link shows for a supervisor, the screen opens by keyboard, its cards match the rows
// in the desk's cache (read directly), the charts are drawn, the revenue CSV downloads with the
// day's amounts by method, every screen passes axe, in English and in Spanish; a clerk sees no
// link and the service refuses the figures.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useDesk } from './support/desk-session.ts';
import { checkScreen, shown, tabTo } from './support/screen.ts';
import { workbench, workbenchJson } from './support/workbench.ts';

type QueueRow = {
  licenceId: string;
  businessId: string;
  licenceTypeCode: string | null;
  expiresOn: string | null;
  holds: number;
  balanceCents: number;
};

let today: string;

const setRole = (role: string) =>
  writeFileSync(join(desk.dataDir, 'policy.yaml'), `version: 1\ndefault_role: ${role}\n`);

function renewable(kind: 'expiring' | 'expired'): QueueRow {
  const queue = workbenchJson<{ on: string; rows: QueueRow[] }>(desk.dataDir, [
    'renewals',
    'queue',
    '--kind',
    kind,
    '--within',
    '60',
  ]);
  today = queue.on;
  // nothing blocks it: the queue shows holds and balances, the check also the renewal requirements
  const row = queue.rows.find(
    (r) =>
      r.holds === 0 &&
      r.balanceCents === 0 &&
      r.expiresOn &&
      workbenchJson<{ ok: boolean }>(desk.dataDir, ['fees', 'quote', r.licenceId]).ok,
  );
  if (!row) throw new Error(`no ${kind} licence without holds or balance in the demo city`);
  return row;
}

/** What the desk's cache holds for the last 30 days (the dashboard's default period). */
function cacheFigures(from: string, to: string) {
  const db = new Database(join(desk.dataDir, 'cache.sqlite'), { readonly: true });
  try {
    const net = db
      .prepare('SELECT COALESCE(SUM(amount_cents), 0) FROM payment WHERE paid_on BETWEEN ? AND ?')
      .pluck()
      .get(from, to) as number;
    const payments = db
      .prepare('SELECT COUNT(*) FROM payment WHERE paid_on BETWEEN ? AND ? AND amount_cents > 0')
      .pluck()
      .get(from, to) as number;
    return { net, payments };
  } finally {
    db.close();
  }
}

/** A day `offset` days from `iso`, as the screen writes it in English. */
const readableDay = (iso: string, offset: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, d + offset),
  );
};

const money = (cents: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(cents / 100);

const desk = useDesk({
  name: 'dashboard',
  demo: { size: 300, seed: 7 },
  prepare(dataDir) {
    setRole('supervisor');
    const onTime = renewable('expiring');
    const late = renewable('expired');
    workbench(dataDir, ['drawer', 'open', '--float', '10000']);
    workbench(dataDir, ['renew', onTime.licenceId]);
    workbench(dataDir, ['renew', late.licenceId]);
    workbench(dataDir, ['pay', onTime.licenceId, '--amount', '12550', '--method', 'cash']);
    workbench(dataDir, ['pay', late.licenceId, '--amount', '3000', '--method', 'card']);
    // Two applications received today, both still open (the backlog's 0-7 days).
    for (const row of [onTime, late]) {
      workbench(dataDir, [
        'application',
        'create',
        '--business',
        row.businessId,
        '--type',
        row.licenceTypeCode ?? 'FOOD',
      ]);
    }
  },
  // The legacy link is cut while the supervisor looks: the payments and renewals stay this
  // desk's provisional ones (the served desk would otherwise send them at once).
  cut: true,
  timeout: 300_000,
});

const from30 = () => {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 29)).toISOString().slice(0, 10);
};

describe("the supervisor's dashboard", () => {
  it('is one link away for a supervisor, opened by keyboard', async () => {
    await desk.page.goto(desk.served.url);
    const nav = desk.page.getByRole('navigation');
    await expect
      .poll(() => nav.getByRole('link', { name: 'Dashboard' }).count(), { timeout: 15_000 })
      .toBe(1);
    await tabTo(desk.page, 'link', 'Dashboard');
    await desk.page.keyboard.press('Enter');
    await expect
      .poll(() => shown(desk.page.getByRole('heading', { level: 1 })), { timeout: 10_000 })
      .toBe("Supervisor's dashboard");
  });

  it('shows the numbers of the rows in the cache, and says where they come from', async () => {
    const main = desk.page.getByRole('main');
    await expect
      .poll(() => desk.page.locator('[data-figure="netRevenue"]').count(), { timeout: 15_000 })
      .toBe(1);
    const expected = cacheFigures(from30(), today);
    expect(expected.payments).toBeGreaterThanOrEqual(2);
    const card = (key: string) => shown(desk.page.locator(`[data-figure="${key}"]`));
    expect(await card('netRevenue')).toContain(money(expected.net, 'en-US'));
    expect(await card('netRevenue')).toContain('All desks');
    expect(await card('payments')).toContain(String(expected.payments));
    expect(await card('renewalsOnTime')).toMatch(/Renewals on time\n1\nThis desk/);
    expect(await card('renewalsLate')).toMatch(/Renewals late\n1\nThis desk/);
    expect(await card('received')).toMatch(/Applications received\n2\nThis desk/);
    expect(await card('backlog')).toMatch(/Applications open\n2\nThis desk/);
    const text = await shown(main);
    expect(text).toContain('All desks, from the legacy system as of');
    expect(text).toContain(
      'Includes 2 payments or reversals taken at this desk and not in the legacy system yet ($155.50).',
    );
    expect(text).toContain('2 renewals: 1 on time and 1 late. 2 still waiting for the legacy system.');
    expect(text).toContain('Renewals taken at this desk (at the counter and in batch runs).');
  });

  it('draws the charts, with the figures in tables too', async () => {
    const revenue = desk.page.locator('[data-section="revenue"]');
    await expect.poll(() => revenue.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    const renewals = desk.page.locator('[data-section="renewals"]');
    await expect.poll(() => renewals.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    expect(await desk.page.getByRole('img', { name: /Chart: revenue by day/ }).count()).toBe(1);
    const byMethod = desk.page.getByRole('table', { name: 'Revenue by payment method' });
    expect(await shown(byMethod.getByRole('row').filter({ hasText: 'Cash' }))).toMatch(/\$\d/);
    const backlog = desk.page.getByRole('table', { name: 'Open applications by days waiting' });
    expect(await shown(backlog.getByRole('row').filter({ hasText: '0–7 days' }))).toMatch(/0–7 days\s+2/);
    await expect
      .poll(() => desk.page.locator('[data-section="backlog"] .recharts-bar-rectangle').count())
      .toBeGreaterThan(0);
    await checkScreen(desk.page, '70-dashboard');
  });

  it('downloads the revenue CSV by keyboard, with the day by method', async () => {
    await tabTo(desk.page, 'button', 'Download CSV of Revenue by day and payment method');
    const [download] = await Promise.all([
      desk.page.waitForEvent('download'),
      desk.page.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toBe(`dashboard-revenue-${from30()}-to-${today}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Date,Cash,Check,Card,Other,Net total');
    expect(lines).toHaveLength(30 + 2); // header, 30 days, the last CRLF
    const todayRow = lines.find((l) => l.startsWith(`${today},`))!;
    const [, cash, , card] = todayRow.split(',').map((v) => Math.round(Number(v) * 100));
    expect(cash).toBeGreaterThanOrEqual(12550);
    expect(card).toBeGreaterThanOrEqual(3000);
    await expect
      .poll(() => shown(desk.page.locator('[data-section="revenue"]')))
      .toContain('A copy is kept on this desk at');
  });

  it('moves to the period before and back with [ and ], and by the date fields', async () => {
    const showing = () => shown(desk.page.getByRole('main').getByText(/^Showing /));
    const before = readableDay(from30(), -30);
    await desk.page.keyboard.press('[');
    await expect.poll(showing).toContain(`Showing ${before} to ${readableDay(from30(), -1)}`);
    expect(await shown(desk.page.locator('[data-figure="renewalsOnTime"]'))).toMatch(/\n0\n/);
    await desk.page.keyboard.press(']');
    await expect.poll(showing).toContain(`Showing ${readableDay(from30(), 0)} to ${readableDay(today, 0)}`);
    // Today only, in the From field (filled as the date picker would), then Enter submits.
    await desk.page.getByRole('textbox', { name: 'From' }).fill(today);
    await tabTo(desk.page, 'button', 'Show');
    await desk.page.keyboard.press('Enter');
    await expect.poll(showing).toContain(`Showing ${readableDay(today, 0)} to ${readableDay(today, 0)}`);
    await expect.poll(() => shown(desk.page.locator('[data-figure="renewalsLate"]'))).toMatch(/\n1\n/);
    await desk.page.getByRole('button', { name: 'Last 30 days' }).click();
    await expect.poll(showing).toContain(`Showing ${readableDay(from30(), 0)} to`);
  });

  it('reads in Spanish, numbers and dates included', async () => {
    await desk.page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await expect
      .poll(() => shown(desk.page.getByRole('heading', { level: 1 })), { timeout: 10_000 })
      .toBe('Panel del supervisor');
    const text = await shown(desk.page.getByRole('main'));
    for (const words of [
      'Ingresos por día y forma de pago',
      'Renovaciones a tiempo y tardías',
      'Pendientes por antigüedad',
      'Todas las ventanillas, del sistema anterior',
      '2 renovaciones: a tiempo, 1; tardías, 1. 2 aún esperan al sistema anterior.',
      'Incluye 2 pagos o reversos hechos en esta ventanilla que aún no están en el sistema anterior ($155.50).',
      'Descargar CSV',
    ]) {
      expect(text).toContain(words);
    }
    expect(await shown(desk.page.locator('[data-figure="netRevenue"]'))).toContain(
      money(cacheFigures(from30(), today).net, 'es-US'),
    );
    await checkScreen(desk.page, '71-dashboard-es');
    await desk.page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  });

  it('is not for a clerk: no link, and the desk refuses the figures', async () => {
    setRole('clerk');
    await desk.page.reload();
    await expect
      .poll(() => shown(desk.page.getByRole('main')), { timeout: 15_000 })
      .toContain('Only a supervisor or an administrator can see the dashboard.');
    expect(await desk.page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).count()).toBe(0);
    await checkScreen(desk.page, '72-dashboard-clerk');
    setRole('supervisor');
  });
});
