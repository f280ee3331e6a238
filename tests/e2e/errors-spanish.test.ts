// Errors reach the Spanish UI in Spanish (issue 12 part 3): the services name each error by a
// catalog key with parameters, and the UI renders it in the person's language. In Chromium, at
// the counter, with the language switched to Spanish: a payment refused by the clerk's role
// (an inspector may not take payments) and one refused as invalid input (the cash drawer was
// closed at a terminal while the form was on screen) each read in Spanish, naming what happened,
// and the English sentence of the service is nowhere. Screenshots and axe on each.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRenewableLicence, type Hit, openLicenceFromSearch } from './support/counter-steps.ts';
import { policyAs, useDesk } from './support/desk-session.ts';
import { checkScreen, shown } from './support/screen.ts';
import { workbench } from './support/workbench.ts';

let hit: Hit;

const desk = useDesk({
  name: 'errors-es',
  demo: { size: 200, seed: 14 },
  async prepare(dataDir) {
    hit = await findRenewableLicence(dataDir);
    workbench(dataDir, ['drawer', 'open', '--float', '0']);
  },
  cut: true,
});

/** Types an amount into the payment form (in Spanish by now) and presses its button. */
async function pay(amount: string): Promise<void> {
  const form = desk.page.getByRole('form', { name: 'Cobrar un pago' });
  await form.getByRole('textbox', { name: /^Importe \(/ }).fill(amount);
  await form.getByRole('button', { name: 'Cobrar' }).click();
}

const alertText = () => shown(desk.page.getByRole('form', { name: 'Cobrar un pago' }).getByRole('alert'));

describe('errors in the Spanish UI are in Spanish', () => {
  it('opens a licence and switches to Spanish', async () => {
    await desk.page.goto(desk.served.url);
    await openLicenceFromSearch(desk.page, hit.licenceId);
    await desk.page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await expect
      .poll(() => shown(desk.page.getByRole('heading', { level: 1 })))
      .toBe(`Licencia ${hit.licenceId}`);
    expect(await desk.page.getByRole('form', { name: 'Cobrar un pago' }).count()).toBe(1);
  });

  it('a role refusal names the role, what it may not do and who may, in Spanish', async () => {
    policyAs(desk.dataDir, 'inspector');
    try {
      await pay('12.50');
      await expect
        .poll(alertText, { timeout: 15_000 })
        .toContain(
          'Su función (inspector) no le permite cobrar pagos: eso corresponde a un empleado o supervisor o administrador.',
        );
      const text = await shown(desk.page.getByRole('main'));
      expect(text).not.toContain('Your role');
      expect(text).not.toContain('does not allow');
      await checkScreen(desk.page, 'errors-es-01-role-refused');
    } finally {
      rmSync(join(desk.dataDir, 'policy.yaml'));
    }
  });

  it('an invalid input from the service (no cash drawer open any more) is in Spanish', async () => {
    // Closed at a terminal while the form is on screen: the service, not the form, refuses.
    workbench(desk.dataDir, ['drawer', 'close', '--cash', '0', '--check', '0', '--card', '0']);
    await pay('12.50');
    await expect.poll(alertText, { timeout: 15_000 }).toContain('Abra primero su caja');
    const text = await shown(desk.page.getByRole('main'));
    expect(text).toContain('No se registró nada.');
    expect(text).not.toContain('Open your cash drawer');
    expect(text).not.toContain('Nothing was recorded');
    await checkScreen(desk.page, 'errors-es-02-no-drawer');
  });
});
