// End to end, as a clerk uses it: a fresh desk on the demo city (Riverton on SQLite), synced by the
// real command line, served by `workbench serve`, used in Debian's Chromium by keyboard. Every
// screen visited gets a screenshot in test-results/e2e/ and an axe scan.
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDesk } from './support/desk-session.ts';
import { checkScreen, readableDate as readable, shown } from './support/screen.ts';
import { workbenchJson } from './support/workbench.ts';

type Hit = {
  licenceId: string;
  businessName: string;
  dbaName?: string | null;
  status: string;
  expiresOn: string | null;
};
type Status = { licences: number; businesses: number; legacyEngine: string | null; bridge: string | null };

let status: Status;
let hit: Hit;
let typed: string;

/**
 * Picks a real licence and the part of its business name a clerk would type: the first word and
 * the start of the second. The licence expected is the first one the desk ranks for that text
 * (the same search the UI runs), so ArrowDown + Enter opens exactly it.
 */
function pickLicence(dataDir: string): { hit: Hit; typed: string } {
  for (const letter of ['b', 'c', 'm', 's', 'g', 'h', 'p', 'r', 't', 'a']) {
    for (const candidate of workbenchJson<Hit[]>(dataDir, ['search', letter, '--limit', '100'])) {
      const words = candidate.businessName
        .trim()
        .split(/\s+/)
        .filter((w) => /^[\p{L}\p{N}]{3,}$/u.test(w));
      if (words.length < 2 || !candidate.expiresOn) continue;
      const [first, second] = words as [string, string];
      const part = `${first} ${second.slice(0, Math.max(2, Math.ceil(second.length / 2)))}`;
      const ranked = workbenchJson<Hit[]>(dataDir, ['search', part, '--limit', '500']);
      const top = ranked[0];
      if (top?.expiresOn && top.businessName.toLowerCase().includes(part.toLowerCase())) {
        return { hit: top, typed: part };
      }
    }
  }
  throw new Error('no licence with a two-word business name and an expiry date in the demo city');
}

const desk = useDesk({
  name: 'search',
  demo: { size: 2000, seed: 7 },
  prepare(dataDir) {
    status = workbenchJson<Status>(dataDir, ['status']);
    ({ hit, typed } = pickLicence(dataDir));
    console.log(
      `e2e: typing "${typed}" to find ${hit.licenceId} ${hit.businessName} (expires ${hit.expiresOn})`,
    );
  },
  page: { height: 768 },
});

/** The rows of the search result list (not the <option>s of the language picker). */
const resultRows = (): Locator => desk.page.getByRole('main').getByRole('option');

/** The value next to a label in a licence page's facts (<dt>label</dt><dd>value</dd>). */
const fact = (label: string | RegExp): Locator =>
  desk.page
    .locator('dt')
    .filter({ hasText: typeof label === 'string' ? new RegExp(`^${label}$`) : label })
    .locator('xpath=following-sibling::dd[1]');

describe('searching and opening a licence in browser mode', () => {
  it('opens on the search screen, focused, with the desk in the header and status bar', async () => {
    await desk.page.goto(desk.served.url);
    const box = desk.page.getByRole('combobox', { name: 'Search licences' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect
      .poll(() => shown(desk.page.getByRole('contentinfo')))
      .toContain(`${status.licences.toLocaleString('en-US')} licences`);
    const footer = await shown(desk.page.getByRole('contentinfo'));
    expect(footer).toContain(`${status.businesses.toLocaleString('en-US')} businesses`);
    expect(footer).toMatch(/Last refresh \w{3} \d{1,2}, \d{4}/);
    const banner = await shown(desk.page.getByRole('banner'));
    expect(banner).toContain('Civic Workbench');
    if (status.legacyEngine) expect(banner).toContain(status.legacyEngine);
    await expect.poll(() => shown(desk.page.getByRole('heading', { level: 1 }))).toBe('Find a licence');
    expect(await shown(desk.page.getByRole('main'))).toContain('Start typing to find a licence');
    await checkScreen(desk.page, '01-search-empty');
  });

  it('finds the licence as the clerk types part of the business name', async () => {
    await desk.page.keyboard.type(typed, { delay: 40 });
    const first = resultRows().first();
    await expect.poll(() => shown(first), { timeout: 10_000 }).toContain(hit.licenceId);
    const row = await shown(first);
    expect(row).toContain(hit.businessName.trim());
    expect(row).toContain(readable(hit.expiresOn!, 'en-US'));
    expect(await shown(desk.page.getByRole('main').getByRole('status'))).toMatch(
      /^\d[\d,]* licences? found\.$/,
    );
    expect(await first.getAttribute('aria-selected')).toBe('false');
    await checkScreen(desk.page, '02-search-results');
  });

  it('opens it with ArrowDown and Enter and shows its number and expiry date', async () => {
    await desk.page.keyboard.press('ArrowDown');
    expect(await resultRows().first().getAttribute('aria-selected')).toBe('true');
    await desk.page.keyboard.press('Enter');
    const heading = desk.page.getByRole('heading', { level: 1 });
    await expect.poll(() => shown(heading), { timeout: 10_000 }).toBe(`Licence ${hit.licenceId}`);
    expect(new URL(desk.page.url()).hash).toBe(`#/licence/${encodeURIComponent(hit.licenceId)}`);
    expect(await shown(fact('Licence number'))).toBe(hit.licenceId);
    expect(await shown(fact('Business name'))).toBe(hit.businessName.trim());
    const expires = fact('Expires');
    expect(await shown(expires)).toBe(readable(hit.expiresOn!, 'en-US'));
    expect(await expires.locator('time').getAttribute('datetime')).toBe(hit.expiresOn);
    const main = await shown(desk.page.getByRole('main'));
    for (const section of ['Business', 'Licence', 'Payment history', 'Inspections']) {
      expect(await desk.page.getByRole('heading', { level: 2, name: section, exact: true }).count()).toBe(1);
    }
    expect(main).toMatch(/Last refreshed \w{3} \d{1,2}, \d{4}/);
    // The fee schedule of its type: amounts as money; the current fees first, earlier ones on request.
    const fees = desk.page.getByRole('table', { name: /^Fee schedule/ });
    const feeRows = fees.getByRole('row');
    const currentFees = (await feeRows.count()) - 1;
    expect(currentFees).toBeGreaterThan(0);
    expect(await shown(fees)).toMatch(/\$\d[\d,]*\.\d{2}/);
    expect(main).not.toMatch(/\bnull\b|\bundefined\b|NaN|Invalid Date/);
    await checkScreen(desk.page, '03-licence');
    const earlier = desk.page.getByRole('button', { name: /^Show \d+ earlier fees?$/ });
    if ((await earlier.count()) > 0) {
      const more = Number(/\d+/.exec(await shown(earlier))?.[0]);
      await earlier.press('Enter');
      await expect.poll(() => feeRows.count()).toBe(currentFees + more + 1);
    }
  });

  it('switches to Spanish and shows the licence in Spanish', async () => {
    await desk.page.getByLabel('Language').selectOption('es');
    const heading = desk.page.getByRole('heading', { level: 1 });
    await expect.poll(() => shown(heading)).toBe(`Licencia ${hit.licenceId}`);
    expect(await desk.page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await desk.page.getByRole('button', { name: /Volver a la búsqueda/ }).count()).toBe(1);
    expect(await shown(fact('Vence'))).toBe(readable(hit.expiresOn!, 'es-US'));
    expect(await shown(fact('Número de licencia'))).toBe(hit.licenceId);
    expect(await desk.page.getByRole('heading', { level: 2, name: 'Historial de pagos' }).count()).toBe(1);
    expect(await shown(desk.page.getByRole('contentinfo'))).toContain('licencias');
    await checkScreen(desk.page, '04-licence-es');
  });

  it('goes back with Escape, keeping the query and the highlighted licence', async () => {
    await desk.page.keyboard.press('Escape');
    await expect.poll(() => shown(desk.page.getByRole('heading', { level: 1 }))).toBe('Buscar una licencia');
    const box = desk.page.getByRole('combobox', { name: 'Buscar licencias' });
    expect(await box.inputValue()).toBe(typed);
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    const selected = desk.page.getByRole('main').locator('[role="option"][aria-selected="true"]');
    await expect.poll(() => shown(selected)).toContain(hit.licenceId);
    expect(await shown(desk.page.getByRole('main').getByRole('status'))).toMatch(
      /licencias? encontradas?\.$/,
    );
    await checkScreen(desk.page, '05-search-es-back');
  });

  it('says plainly when nothing matches, and remembers the language after a reload', async () => {
    await desk.page.getByRole('combobox', { name: 'Buscar licencias' }).fill('zzqxv');
    await expect
      .poll(() => shown(desk.page.getByRole('main')), { timeout: 10_000 })
      .toContain('Ninguna licencia coincide con «zzqxv».');
    expect(await resultRows().count()).toBe(0);
    await checkScreen(desk.page, '06-search-es-no-results');
    await desk.page.reload();
    await expect.poll(() => shown(desk.page.getByRole('heading', { level: 1 }))).toBe('Buscar una licencia');
  });
});
