// Whether leaving the desktop app (closing its window, quitting, installing an update) should ask
// the person first, and what to ask. Nothing is lost by leaving: changes waiting for the legacy
// database stay in this desk's cache and are sent at the next start. But a clerk who believes a
// payment "went through" should hear that it has not yet, and an update restart in the middle of
// a push should be a choice. Pure, so it is tested in plain Node (the Electron binary cannot run
// here); src-main/electron/leave-guard.ts wires it to the window and app events.

export type LeaveTrigger = 'close' | 'quit' | 'update' | 'signal';

export interface DeskActivity {
  /** Changes made on this desk that have not reached the legacy database. */
  pendingChanges: number;
  /** A push to the legacy database is running right now. */
  pushing: boolean;
}

export type LeaveLanguage = 'en' | 'es';

export interface LeavePrompt {
  title: string;
  message: string;
  detail: string;
  /** The button that leaves (index 0) and the one that stays (index 1, the default and Escape). */
  buttons: [leave: string, stay: string];
  defaultId: 1;
  cancelId: 1;
}

export type LeaveDecision = { ask: false } | { ask: true; prompt: LeavePrompt };

/**
 * `signal`: the system is shutting the app down (SIGTERM, log-off); there is nobody to ask and
 * nothing is lost, so it never asks. Activity that could not be read (null) asks too: better one
 * needless question than a silent quit over changes nobody counted.
 */
export function decideLeave(
  trigger: LeaveTrigger,
  activity: DeskActivity | null,
  language: LeaveLanguage = 'en',
): LeaveDecision {
  if (trigger === 'signal') return { ask: false };
  if (activity && activity.pendingChanges <= 0 && !activity.pushing) return { ask: false };
  return { ask: true, prompt: leavePrompt(trigger, activity, language) };
}

export function leavePrompt(
  trigger: Exclude<LeaveTrigger, 'signal'>,
  activity: DeskActivity | null,
  language: LeaveLanguage,
): LeavePrompt {
  const text = language === 'es' ? es : en;
  const n = activity?.pendingChanges ?? null;
  const message = n === null ? text.unknown : n > 0 ? text.waiting(n) : text.pushingOnly;
  const detail = [activity?.pushing ? text.pushing : null, text.kept].filter(Boolean).join(' ');
  return {
    title: text.title,
    message: `${message} ${text.question[trigger]}`,
    detail,
    buttons: [text.leave[trigger], text.stay],
    defaultId: 1,
    cancelId: 1,
  };
}

/** The dialog's answer (the index of the button pressed) says leave only for button 0. */
export const answerLeaves = (response: number): boolean => response === 0;

/** The UI language of the window (<html lang>), as far as the prompt has words for it. */
export const leaveLanguageOf = (lang: unknown): LeaveLanguage =>
  typeof lang === 'string' && lang.toLowerCase().startsWith('es') ? 'es' : 'en';

const en = {
  title: 'Civic Workbench',
  waiting: (n: number) =>
    n === 1
      ? '1 change has not reached the legacy database yet; it is kept on this desk and sent when you start again.'
      : `${n} changes have not reached the legacy database yet; they are kept on this desk and sent when you start again.`,
  pushingOnly: 'Changes are being sent to the legacy database right now.',
  unknown: 'This desk could not tell whether changes are still waiting for the legacy database.',
  pushing:
    'A push to the legacy database is running; if you leave now it is finished when you start again, never applied twice.',
  kept: 'Nothing is lost by leaving.',
  question: { close: 'Quit anyway?', quit: 'Quit anyway?', update: 'Restart and install the update anyway?' },
  leave: { close: 'Quit', quit: 'Quit', update: 'Restart and update' },
  stay: 'Keep working',
};

const es: typeof en = {
  title: 'Civic Workbench',
  waiting: (n: number) =>
    n === 1
      ? '1 cambio aún no ha llegado a la base de datos heredada; se guarda en este puesto y se envía cuando vuelva a abrir la aplicación.'
      : `${n} cambios aún no han llegado a la base de datos heredada; se guardan en este puesto y se envían cuando vuelva a abrir la aplicación.`,
  pushingOnly: 'Ahora mismo se están enviando cambios a la base de datos heredada.',
  unknown:
    'Este puesto no pudo comprobar si quedan cambios pendientes de enviar a la base de datos heredada.',
  pushing:
    'Se están enviando cambios a la base de datos heredada; si sale ahora, el envío termina cuando vuelva a abrir la aplicación, nunca se aplica dos veces.',
  kept: 'Al salir no se pierde nada.',
  question: {
    close: '¿Salir de todos modos?',
    quit: '¿Salir de todos modos?',
    update: '¿Reiniciar e instalar la actualización de todos modos?',
  },
  leave: { close: 'Salir', quit: 'Salir', update: 'Reiniciar y actualizar' },
  stay: 'Seguir trabajando',
};
