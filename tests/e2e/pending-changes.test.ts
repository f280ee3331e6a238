// The status bar tells the clerk, on every screen, how many changes made at this desk still wait
// for the legacy database: a payment taken with the real command line shows up, in both languages.
// The legacy database is out of reach meanwhile (the desk's sync loop would send them at once).
import { describe, expect, it } from 'vitest';
import { screenshot, seriousAxeViolations } from './support/browser.ts';
import { useDesk } from './support/desk-session.ts';
import { workbench } from './support/workbench.ts';

const desk = useDesk({
  name: 'pending',
  demo: { size: 300, seed: 9 },
  prepare(dataDir) {
    workbench(dataDir, ['drawer', 'open', '--float', '0']);
    workbench(dataDir, ['pay', 'RV-0000001', '--amount', '5000', '--method', 'cash']);
  },
  cut: true,
  page: { height: 768 },
});

describe('changes waiting for the legacy database', () => {
  it('are counted in the status bar, in English and Spanish', async () => {
    await desk.page.goto(desk.served.url);
    const footer = desk.page.getByRole('contentinfo');
    await expect.poll(() => footer.innerText()).toContain('1 change waiting for the legacy system');
    await screenshot(desk.page, '07-pending-change');
    expect(await seriousAxeViolations(desk.page, '07-pending-change')).toEqual([]);
    workbench(desk.dataDir, ['pay', 'RV-0000001', '--amount', '700', '--method', 'card']);
    await desk.page.reload();
    await expect.poll(() => footer.innerText()).toContain('2 changes waiting for the legacy system');
    await desk.page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await expect
      .poll(() => footer.innerText())
      .toContain('2 cambios pendientes de enviar al sistema heredado');
  });
});
