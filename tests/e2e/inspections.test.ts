// The inspector's day in Chromium, with the link to the legacy system cut from the start: an
// inspector (policy.yaml) opens #/inspections, picks the day and the inspector (EDAVIS, whose
// visits the demo city of size 300 and seed 31 has: one on 2026-12-07 and one overdue since
// 2026-11-19), opens the overdue visit, answers its checklist by keyboard (P, F, N) with two
// failures, adds a violation from the ordinance table and records the result: the screen shows
// the result with its working, the re-inspection the failure scheduled and the pending mark. The
// same in Spanish; recording on the re-inspection (a visit known only to this desk) is refused in
// plain words; another visit is scheduled on the day screen. Then the link comes back, "Sync
// now", and the legacy database (Riverton on SQLite, read directly) holds the schedule row done,
// one INSCHK line per item, the VIOLTN row and the new INSSCH row, once. Last, a clerk reads a
// visit without a way to record its result.
// Screenshots and axe on each step.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { policyAs, useDesk } from './support/desk-session.ts';
import { checkScreen, readableDate, shown, tabTo } from './support/screen.ts';
import { restoreSqliteLegacy, sqliteLegacyPath } from './support/sqlite-link.ts';
import { workbenchJson } from './support/workbench.ts';

const DAY = '2026-12-07';
const INSPECTOR = 'EDAVIS';
const VISIT = '217'; // BLDG at Quick Concrete, RV-0000279, scheduled 2026-11-19, still open
/** BD01…BD08 as keyed: BD02 and BD06 (both critical) fail, BD08 is not applicable. */
const KEYS = ['p', 'f', 'p', 'p', 'p', 'f', 'p', 'n'];
const LICENCE = 'RV-0000279';
const SECTION = '14-1-210';
const NEXT_VISIT_DAY = '2026-12-09';
const DESCRIPTION = 'Wall opened without a permit';

type OutboxEntry = { command: string; status: string; payload: Record<string, unknown> };

const desk = useDesk({
  name: 'inspections',
  demo: { size: 300, seed: 31 },
  prepare(dataDir) {
    policyAs(dataDir, 'inspector');
    // The demo city as this test expects it: the two visits of the inspector's day.
    const day = workbenchJson<{ visits: Array<{ inspection: { id: string }; overdue: boolean }> }>(dataDir, [
      'inspections',
      'day',
      '--inspector',
      INSPECTOR,
      '--on',
      DAY,
    ]);
    expect(day.visits.map((v) => [v.inspection.id, v.overdue])).toEqual([
      ['26', false],
      [VISIT, true],
    ]);
  },
  cut: true, // the inspector's day starts during an outage
  page: { height: 1400 },
});

const main = () => desk.page.getByRole('main');
const footer = () => desk.page.getByRole('contentinfo');
const outbox = () => workbenchJson<OutboxEntry[]>(desk.dataDir, ['outbox', '--all']);
let reinspectionId = '';

describe("the inspector's day, with the link cut", () => {
  it('lists the day in route order with the overdue visit marked', async () => {
    await desk.page.goto(desk.served.url);
    await expect.poll(() => shown(footer()), { timeout: 15_000 }).toMatch(/Offline since/);
    await desk.page.getByRole('navigation').getByRole('link', { name: 'Inspections' }).click();
    await expect
      .poll(() => shown(desk.page.getByRole('heading', { level: 1 })))
      .toBe('Inspections of the day');
    await desk.page.getByLabel('Day', { exact: true }).fill(DAY);
    await desk.page.getByLabel('Inspector', { exact: true }).fill(INSPECTOR);
    await expect
      .poll(() => shown(desk.page.getByTestId('day-count')))
      .toBe(`${INSPECTOR}, ${readableDate(DAY, 'en-US')}: 2 visits`);
    const table = desk.page.getByRole('table', { name: 'Visits in route order' });
    const rows = table.locator('[data-visit]');
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-visit')))).toEqual([
      '26',
      VISIT,
    ]);
    const overdue = await shown(table.locator(`[data-visit="${VISIT}"]`));
    for (const part of [
      'Quick Concrete',
      'RV-0000279',
      '856 Airport Rd',
      'BLDG',
      '15:00–17:00',
      'Scheduled',
      `Overdue since ${readableDate('2026-11-19', 'en-US')}`,
    ])
      expect(overdue).toContain(part);
    expect(await shown(table.locator('[data-visit="26"]'))).toContain('No licence');
    await checkScreen(desk.page, 'inspections-01-day');
  });

  it('opens the visit with Enter: its facts, the site history, and the checklist to answer', async () => {
    await tabTo(desk.page, 'link', `Open visit ${VISIT}`);
    await desk.page.keyboard.press('Enter');
    await expect
      .poll(() => shown(desk.page.getByRole('heading', { level: 1 })))
      .toBe(`Inspection ${VISIT}: Building`);
    const text = await shown(main());
    expect(text).toContain('Earlier inspections at this site');
    expect(text).toContain('Record the result');
    expect(text).toContain('BD02: Structure sound; no changes made without a permit');
    await checkScreen(desk.page, 'inspections-02-visit');
    // The help overlay lists the checklist keys.
    await desk.page.keyboard.press('F1');
    const help = desk.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const helpText = await shown(help);
    expect(helpText).toContain('Inspection visit');
    expect(helpText).toContain('Checklist: fail the focused item, then go to the next');
    await desk.page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);
  });

  it('answers the checklist by keyboard, adds a violation from the ordinance table, records a failure', async () => {
    // Recording with nothing answered is refused, and the focus lands on the first item.
    await desk.page.getByRole('button', { name: 'Record the result' }).click();
    await expect.poll(() => shown(main())).toContain('8 items have no answer yet.');
    expect(await shown(main())).toContain('Answer this item: pass, fail or not applicable.');
    const first = desk.page.getByTestId('item-BD01').getByRole('radio', { name: 'Pass' });
    await expect.poll(() => first.evaluate((el) => el === document.activeElement)).toBe(true);
    for (const key of KEYS) await desk.page.keyboard.press(key);
    // After the last item the focus is on "Add a violation".
    await expect
      .poll(() => desk.page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe('Add a violation');
    const answered = await desk.page
      .locator('[data-item] input[type="radio"]:checked')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(answered).toEqual(['pass', 'fail', 'pass', 'pass', 'pass', 'fail', 'pass', 'na']);
    await desk.page.keyboard.press('Enter');
    await desk.page.getByRole('combobox', { name: 'Ordinance section' }).click();
    await desk.page.getByRole('option', { name: new RegExp(`^${SECTION} — `) }).click();
    await desk.page.getByLabel('Description', { exact: true }).fill(DESCRIPTION);
    await desk.page.getByLabel('Note on BD02', { exact: true }).fill('Partition wall removed');
    expect(await shown(main())).not.toContain('no answer yet');
    await checkScreen(desk.page, 'inspections-03-answered');

    await desk.page.getByRole('button', { name: 'Record the result' }).click();
    const outcome = desk.page.getByTestId('outcome');
    await expect.poll(() => outcome.count(), { timeout: 15_000 }).toBe(1);
    const text = await shown(outcome);
    expect(text).toContain('Fail: score 82, grade F');
    expect(text).toContain('The result is kept on this desk until it reaches the legacy system.');
    const working = await desk.page.getByTestId('working').locator('li').allInnerTexts();
    expect(working.length).toBeGreaterThanOrEqual(3);
    expect(working.join('\n')).toContain('BD02');
    expect(working.join('\n')).toContain('BD06');
    expect(await shown(desk.page.getByTestId('reinspection'))).toMatch(/^Re-inspection scheduled for /);

    // The pending mark beside the title and the notice; the checklist as recorded, read-only.
    await expect.poll(() => shown(main())).toContain('1 change waiting');
    expect(await shown(main())).toContain('1 change to this visit has not reached the legacy system yet.');
    const recorded = desk.page.getByRole('table', { name: 'Checklist as recorded' });
    await expect.poll(() => recorded.locator('[data-outcome="fail"]').count()).toBe(2);
    expect(await shown(desk.page.getByRole('table', { name: 'Violations found' }))).toContain(DESCRIPTION);

    // The result and the re-inspection it scheduled wait in the desk's outbox.
    expect(outbox().map((e) => [e.command, e.status])).toEqual([
      ['recordInspectionResult', 'pending'],
      ['scheduleInspection', 'pending'],
    ]);
    const href = await desk.page.getByTestId('reinspection').getByRole('link').getAttribute('href');
    reinspectionId = decodeURIComponent(href!.split('/').pop()!);
    await checkScreen(desk.page, 'inspections-04-result');
  });

  it('says it in Spanish: the heading and the result', async () => {
    await desk.page.getByLabel('Language').selectOption('es');
    await expect
      .poll(() => shown(desk.page.getByRole('heading', { level: 1 })))
      .toBe(`Inspección ${VISIT}: Construcción`);
    const text = await shown(desk.page.getByTestId('outcome'));
    expect(text).toContain('Reprobada: puntuación 82, calificación F');
    expect(text).toContain('Reinspección programada para el');
    expect(await shown(main())).toContain('No cumple');
    await checkScreen(desk.page, 'inspections-05-result-es');
  });

  it('refuses a result on the re-inspection, which only this desk knows yet, in plain words', async () => {
    await desk.page.getByTestId('reinspection').getByRole('link').click();
    await expect
      .poll(() => shown(desk.page.getByRole('heading', { level: 1 })))
      .toMatch(/^Inspección P-[0-9A-F]{8}: Construcción$/);
    // Its scheduling waits in the outbox too: the pending mark says so.
    expect(await main().locator('[data-pending="1"]').count()).toBe(1);
    await desk.page.getByTestId('item-BD01').getByRole('radio', { name: 'Cumple', exact: true }).focus();
    for (let i = 0; i < 8; i++) await desk.page.keyboard.press('p');
    await desk.page.getByRole('button', { name: 'Registrar el resultado' }).click();
    await expect
      .poll(() => shown(desk.page.getByRole('alert')))
      .toContain('Esta visita se programó en este puesto y todavía no llegó al sistema de la ciudad');
    await checkScreen(desk.page, 'inspections-06-not-synced-es');
    expect(reinspectionId).toMatch(/^local:/);
  });

  it('schedules another visit on the day screen, kept on this desk until the sync', async () => {
    await desk.page.getByLabel(/^(Language|Idioma)$/).selectOption('en');
    await desk.page.goto(`${desk.base()}#/inspections`);
    // The day the visit is for, and whose: the form below starts from them.
    await desk.page.getByLabel('Day', { exact: true }).fill(NEXT_VISIT_DAY);
    await desk.page.getByLabel('Inspector', { exact: true }).fill(INSPECTOR);
    await expect
      .poll(() => shown(desk.page.getByTestId('day-count')))
      .toMatch(new RegExp(`^${INSPECTOR}, ${readableDate(NEXT_VISIT_DAY, 'en-US')}: `));
    const form = desk.page.getByRole('form', { name: 'Schedule a visit' });
    await expect.poll(() => form.getByLabel(/^Visit by/).inputValue()).toBe(INSPECTOR);
    expect(await form.getByLabel(/^Day of the visit/).inputValue()).toBe(NEXT_VISIT_DAY);
    await form.getByLabel('Licence', { exact: true }).fill(LICENCE);
    await form.getByLabel('Address (no licence)', { exact: true }).fill('1 Main St');
    await form.getByRole('combobox', { name: 'Kind' }).click();
    await desk.page.getByRole('option', { name: 'Health (food) (HLTH)' }).click();
    await form.getByRole('button', { name: 'Schedule the visit' }).click();
    await expect.poll(() => shown(form)).toContain('Give a licence or an address, not both.');
    await form.getByLabel('Address (no licence)', { exact: true }).fill('');
    await form.getByRole('button', { name: 'Schedule the visit' }).click();
    await expect
      .poll(() => shown(form))
      .toMatch(new RegExp(`Visit P-[0-9A-F]{8} scheduled for ${readableDate(NEXT_VISIT_DAY, 'en-US')}\\.`));
    // On that day's list at once: the new visit, under its provisional number.
    const row = desk.page.locator('[data-visit^="local:"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await shown(row)).toContain('Quick Concrete');
    expect(await shown(row)).toContain('HLTH');
    expect(await shown(row)).toContain('1 change waiting');
    await checkScreen(desk.page, 'inspections-07-scheduled');
  });

  it('when the link is back, "Sync now" brings the result to the legacy database, once', async () => {
    await desk.page.goto(`${desk.base()}#/inspections/${VISIT}`);
    await expect
      .poll(() => shown(desk.page.getByRole('heading', { level: 1 })))
      .toBe(`Inspection ${VISIT}: Building`);
    restoreSqliteLegacy(desk.dataDir);
    await desk.page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => shown(footer()), { timeout: 30_000 }).toContain('Online');
    await expect.poll(() => shown(footer()), { timeout: 30_000 }).toContain('Synced');
    expect(outbox().map((e) => e.status)).toEqual(['applied', 'applied', 'applied']);

    const legacy = new Database(sqliteLegacyPath(desk.dataDir), { readonly: true });
    try {
      const schedule = legacy
        .prepare('SELECT SCHSTS, SCHRES, SCHSCR, SCHGRD, SCHINS FROM INSSCH WHERE SCHNO = ?')
        .get(Number(VISIT)) as {
        SCHSTS: string;
        SCHRES: string;
        SCHSCR: number;
        SCHGRD: string;
        SCHINS: number;
      };
      expect([schedule.SCHSTS, schedule.SCHRES, Number(schedule.SCHSCR), schedule.SCHGRD]).toEqual([
        'D',
        'F',
        82,
        'F',
      ]);
      expect(schedule.SCHINS).toBeGreaterThan(0); // posted to the licence's history (INSPCT)
      const lines = legacy
        .prepare('SELECT CHKSEQ, CHKITM, CHKOUT, CHKNOT FROM INSCHK WHERE CHKSCH = ? ORDER BY CHKSEQ')
        .all(Number(VISIT)) as Array<{
        CHKSEQ: number;
        CHKITM: string;
        CHKOUT: string;
        CHKNOT: string | null;
      }>;
      expect(lines.map((l) => [l.CHKSEQ, l.CHKITM.trim(), l.CHKOUT])).toEqual(
        KEYS.map((k, n) => [n + 1, `BD0${n + 1}`, k.toUpperCase()]),
      );
      expect(lines[1]!.CHKNOT?.trim()).toBe('Partition wall removed');
      const violations = legacy
        .prepare('SELECT VIOSEQ, VIOSEC, VIODSC, VIOSTS FROM VIOLTN WHERE VIOSCH = ? ORDER BY VIOSEQ')
        .all(Number(VISIT)) as Array<{ VIOSEQ: number; VIOSEC: string; VIODSC: string; VIOSTS: string }>;
      expect(violations.map((v) => [v.VIOSEQ, v.VIOSEC.trim(), v.VIODSC.trim(), v.VIOSTS])).toEqual([
        [1, SECTION, DESCRIPTION, 'O'],
      ]);
      // The visit scheduled on the day screen: an open INSSCH row, numbered by the legacy side.
      const scheduled = legacy
        .prepare(`SELECT SCHBY, SCHSTS FROM INSSCH WHERE SCHLIC = ? AND SCHTYP = 'HLTH' AND SCHDTE = ?`)
        .all(LICENCE, Number(`1${NEXT_VISIT_DAY.slice(2).replaceAll('-', '')}`)) as Array<{
        SCHBY: string;
        SCHSTS: string;
      }>;
      expect(scheduled.map((r) => [r.SCHBY.trim(), r.SCHSTS])).toEqual([[INSPECTOR, 'S']]);
    } finally {
      legacy.close();
    }

    // The screen: nothing waits any more; the visit reads as done, from the legacy's rows.
    await expect.poll(() => shown(main()), { timeout: 15_000 }).not.toContain('change waiting');
    expect(await shown(main())).toContain('Fail — Score 82, grade F');
    await checkScreen(desk.page, 'inspections-08-synced');
  });

  it('a clerk reads the visits but records nothing', async () => {
    policyAs(desk.dataDir, 'clerk');
    await desk.page.goto(`${desk.base()}#/inspections/26`);
    await desk.page.reload();
    await expect
      .poll(() => shown(desk.page.getByRole('heading', { level: 1 })))
      .toBe('Inspection 26: Building');
    await expect
      .poll(() => shown(main()))
      .toContain('An inspector records the result of this visit; your role shows it read-only.');
    expect(await desk.page.getByRole('button', { name: 'Record the result' }).count()).toBe(0);
    expect(await desk.page.getByRole('navigation').getByRole('link', { name: 'Inspections' }).count()).toBe(
      0,
    );
    await checkScreen(desk.page, 'inspections-09-clerk-read-only');
  });
});
