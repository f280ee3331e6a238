// Asks before the desktop app goes away while changes still wait for the legacy database (see
// common/quit-guard.ts for what is decided and said). The shell's events are the only seam:
// the window's 'close', the app's 'before-quit', and confirmUpdate() for the updater to call
// before it restarts into a new version. Tested with plain EventEmitters standing in for Electron.
import {
  answerLeaves,
  type DeskActivity,
  decideLeave,
  type LeaveLanguage,
  type LeavePrompt,
  type LeaveTrigger,
} from '../common/quit-guard.ts';

/** What of Electron's Event the guard uses. */
interface Preventable {
  preventDefault(): void;
}
interface AppLike {
  on(event: 'before-quit', listener: (event: Preventable) => void): unknown;
  quit(): void;
}
interface WindowLike {
  on(event: 'close', listener: (event: Preventable) => void): unknown;
  close(): void;
}

export interface LeaveGuardOptions {
  app: AppLike;
  /** Changes waiting and whether a push runs; null when the desk could not say. */
  readActivity: () => Promise<DeskActivity | null>;
  /** The language the person reads the UI in. */
  readLanguage: () => Promise<LeaveLanguage>;
  /** Shows the question; resolves with the index of the button pressed. */
  ask: (prompt: LeavePrompt) => Promise<number>;
}

export interface LeaveGuard {
  guardWindow(win: WindowLike): void;
  /** For the updater, before it quits to install: true when it may go ahead. */
  confirmUpdate(): Promise<boolean>;
  /** The system is ending the app (SIGTERM, log-off): nobody to ask, nothing lost. */
  leaveWithoutAsking(): void;
}

export function installLeaveGuard(options: LeaveGuardOptions): LeaveGuard {
  // Once the person said "quit" (or nothing waited), every later close/quit event passes.
  let leaving = false;
  let question: Promise<boolean> | null = null;

  async function mayLeave(trigger: Exclude<LeaveTrigger, 'signal'>): Promise<boolean> {
    const activity = await options.readActivity().catch(() => null);
    const language = await options.readLanguage().catch((): LeaveLanguage => 'en');
    const decision = decideLeave(trigger, activity, language);
    if (!decision.ask) return true;
    return answerLeaves(await options.ask(decision.prompt).catch(() => 1));
  }

  /** One question at a time: a second close while the dialog is up waits for the same answer. */
  function check(trigger: Exclude<LeaveTrigger, 'signal'>): Promise<boolean> {
    question ??= mayLeave(trigger).finally(() => {
      question = null;
    });
    return question;
  }

  function guardEvent(trigger: 'close' | 'quit', event: Preventable, proceed: () => void): void {
    if (leaving) return;
    event.preventDefault();
    if (question) return; // already asking; the answer decides
    void check(trigger).then((ok) => {
      if (!ok) return;
      leaving = true;
      proceed();
    });
  }

  options.app.on('before-quit', (event) => guardEvent('quit', event, () => options.app.quit()));

  return {
    guardWindow(win) {
      win.on('close', (event) => guardEvent('close', event, () => win.close()));
    },
    async confirmUpdate() {
      if (leaving) return true;
      const ok = await check('update');
      if (ok) leaving = true;
      return ok;
    },
    leaveWithoutAsking() {
      leaving = true;
    },
  };
}
