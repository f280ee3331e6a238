// When leaving the desktop app asks first, and what it says (common/quit-guard.ts), in plain Node.
import { describe, expect, it } from 'vitest';
import { answerLeaves, decideLeave, leaveLanguageOf } from '../../src-main/common/quit-guard.ts';

const idle = { pendingChanges: 0, pushing: false };

describe('decideLeave', () => {
  it('lets the app go without a word when nothing waits and no push runs', () => {
    for (const trigger of ['close', 'quit', 'update'] as const)
      expect(decideLeave(trigger, idle)).toEqual({ ask: false });
  });

  it('asks when changes wait, naming how many and that they are kept and sent at the next start', () => {
    const d = decideLeave('close', { pendingChanges: 3, pushing: false });
    expect(d.ask).toBe(true);
    if (!d.ask) return;
    expect(d.prompt.message).toBe(
      '3 changes have not reached the legacy database yet; they are kept on this desk and sent when you start again. Quit anyway?',
    );
    expect(d.prompt.buttons).toEqual(['Quit', 'Keep working']);
    // Enter and Escape both keep working: leaving takes a deliberate choice.
    expect(d.prompt.defaultId).toBe(1);
    expect(d.prompt.cancelId).toBe(1);
    expect(d.prompt.detail).toBe('Nothing is lost by leaving.');
  });

  it('says "1 change" in the singular', () => {
    const d = decideLeave('quit', { pendingChanges: 1, pushing: false });
    expect(d.ask && d.prompt.message).toMatch(
      /^1 change has not reached the legacy database yet; it is kept/,
    );
  });

  it('asks while a push runs even when the count already reads 0', () => {
    const d = decideLeave('quit', { pendingChanges: 0, pushing: true });
    expect(d.ask).toBe(true);
    if (!d.ask) return;
    expect(d.prompt.message).toBe('Changes are being sent to the legacy database right now. Quit anyway?');
    expect(d.prompt.detail).toContain('never applied twice');
  });

  it('asks before an update restart, with an update button', () => {
    const d = decideLeave('update', { pendingChanges: 2, pushing: false });
    expect(d.ask).toBe(true);
    if (!d.ask) return;
    expect(d.prompt.message).toMatch(/Restart and install the update anyway\?$/);
    expect(d.prompt.buttons[0]).toBe('Restart and update');
  });

  it('asks when the desk could not say what waits (better a needless question than a silent quit)', () => {
    const d = decideLeave('close', null);
    expect(d.ask).toBe(true);
    if (!d.ask) return;
    expect(d.prompt.message).toMatch(/could not tell whether changes are still waiting/);
  });

  it('never asks when the system ends the app (nobody to answer, nothing lost)', () => {
    expect(decideLeave('signal', { pendingChanges: 9, pushing: true })).toEqual({ ask: false });
  });

  it('speaks Spanish when the UI does', () => {
    const d = decideLeave('close', { pendingChanges: 2, pushing: false }, 'es');
    expect(d.ask).toBe(true);
    if (!d.ask) return;
    expect(d.prompt.message).toBe(
      '2 cambios aún no han llegado a la base de datos heredada; se guardan en este puesto y se envían cuando vuelva a abrir la aplicación. ¿Salir de todos modos?',
    );
    expect(d.prompt.buttons).toEqual(['Salir', 'Seguir trabajando']);
  });
});

describe('the answer and the language', () => {
  it('leaves only on the first button', () => {
    expect(answerLeaves(0)).toBe(true);
    expect(answerLeaves(1)).toBe(false);
    expect(answerLeaves(-1)).toBe(false);
  });
  it('reads the language from <html lang> or the system locale', () => {
    expect(leaveLanguageOf('es')).toBe('es');
    expect(leaveLanguageOf('es-MX')).toBe('es');
    expect(leaveLanguageOf('en-US')).toBe('en');
    expect(leaveLanguageOf('fr')).toBe('en');
    expect(leaveLanguageOf(null)).toBe('en');
  });
});
