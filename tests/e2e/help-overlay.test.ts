// The keyboard-shortcut help (issue 5 point 8): F1 or "?" opens it from any screen, it lists every
// shortcut of shortcut-list.ts in the UI language, "?" typed in a field stays in the field, and
// Esc closes it. Screenshots in test-results/e2e/ and an axe scan of the open overlay.
import { describe, expect, it } from 'vitest';
import { useDesk } from './support/desk-session.ts';
import { checkScreen, shown } from './support/screen.ts';

const desk = useDesk({ name: 'help', demo: { size: 100, seed: 5 } });

describe('keyboard-shortcut help', () => {
  it('opens with F1 from the search screen and lists the shortcuts', async () => {
    await desk.page.goto(desk.served.url);
    await desk.page.getByRole('combobox', { name: 'Search licences' }).waitFor();
    await desk.page.keyboard.press('F1');
    const dialog = desk.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    const text = await shown(dialog);
    expect(text).toContain('Go to the licence search');
    expect(text).toContain('Show these shortcuts');
    expect(text).toContain('Open the selected licence');
    expect(text).toMatch(/Ctrl\s*\+\s*K/);
    await checkScreen(desk.page, 'help-01-overlay-en');
    await desk.page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('"?" typed in the search box stays there; outside a field it opens the help', async () => {
    const box = desk.page.getByRole('combobox', { name: 'Search licences' });
    await box.focus();
    await desk.page.keyboard.type('a?');
    expect(await box.inputValue()).toBe('a?');
    expect(await desk.page.getByRole('dialog').count()).toBe(0);
    await box.fill('');
    await desk.page.getByRole('heading', { level: 1 }).click();
    await desk.page.keyboard.press('?');
    await desk.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await desk.page.getByRole('button', { name: 'Close' }).click();
  });

  it('speaks Spanish when the desk does, and opens from the header button too', async () => {
    await desk.page.evaluate(() => localStorage.setItem('workbench.language', 'es'));
    await desk.page.reload();
    await desk.page.getByRole('button', { name: 'Atajos de teclado' }).click();
    const dialog = desk.page.getByRole('dialog', { name: 'Atajos de teclado' });
    await dialog.waitFor();
    const text = await shown(dialog);
    expect(text).toContain('Ir a la búsqueda de licencias');
    expect(text).toContain('En cualquier pantalla');
    await checkScreen(desk.page, 'help-02-overlay-es');
  });
});
