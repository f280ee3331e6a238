// The shell's leave guard (src-main/electron/leave-guard.ts) driven through the events Electron
// would emit: plain EventEmitters stand in for app and window (the Electron binary cannot run
// here), with a question that answers as the test says.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { DeskActivity, LeavePrompt } from '../../src-main/common/quit-guard.ts';
import { installLeaveGuard } from '../../src-main/electron/leave-guard.ts';

class FakeEvent {
  prevented = false;
  preventDefault() {
    this.prevented = true;
  }
}

class FakeApp extends EventEmitter {
  quits = 0;
  /** Like Electron: quit() emits before-quit; unless prevented, the app quits. */
  quit() {
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (!event.prevented) this.quits += 1;
  }
}

class FakeWindow extends EventEmitter {
  closed = 0;
  close() {
    const event = new FakeEvent();
    this.emit('close', event);
    if (!event.prevented) this.closed += 1;
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function setUp(activity: DeskActivity | null | Error, answers: number[] = []) {
  const app = new FakeApp();
  const win = new FakeWindow();
  const asked: LeavePrompt[] = [];
  const guard = installLeaveGuard({
    app,
    readActivity: async () => {
      if (activity instanceof Error) throw activity;
      return activity;
    },
    readLanguage: async () => 'en',
    ask: async (prompt) => {
      asked.push(prompt);
      return answers.shift() ?? 1;
    },
  });
  guard.guardWindow(win);
  return { app, win, asked, guard };
}

describe('closing the window', () => {
  it('closes at once (after reading the desk) when nothing waits', async () => {
    const { win, asked } = setUp({ pendingChanges: 0, pushing: false });
    win.close();
    await tick();
    expect(asked).toEqual([]);
    expect(win.closed).toBe(1);
  });

  it('asks when changes wait; "Keep working" keeps the window', async () => {
    const { win, asked } = setUp({ pendingChanges: 2, pushing: false }, [1]);
    win.close();
    await tick();
    expect(asked).toHaveLength(1);
    expect(asked[0]!.message).toMatch(/^2 changes have not reached the legacy database yet/);
    expect(win.closed).toBe(0);
  });

  it('"Quit" closes the window, and the quit that follows does not ask again', async () => {
    const { app, win, asked } = setUp({ pendingChanges: 2, pushing: false }, [0]);
    win.close();
    await tick();
    expect(win.closed).toBe(1);
    app.quit(); // window-all-closed -> app.quit()
    expect(app.quits).toBe(1);
    expect(asked).toHaveLength(1);
  });

  it('asks once when the person presses close twice while the question is up', async () => {
    const { win, asked } = setUp({ pendingChanges: 1, pushing: false }, [1]);
    win.close();
    win.close();
    await tick();
    expect(asked).toHaveLength(1);
    expect(win.closed).toBe(0);
  });

  it('asks when the desk cannot say what waits', async () => {
    const { win, asked } = setUp(new Error('cache locked'), [1]);
    win.close();
    await tick();
    expect(asked[0]!.message).toMatch(/could not tell/);
    expect(win.closed).toBe(0);
  });
});

describe('quitting the app', () => {
  it('asks while a push runs, and quits on "Quit"', async () => {
    const { app, asked } = setUp({ pendingChanges: 0, pushing: true }, [0]);
    app.quit();
    expect(app.quits).toBe(0); // held while asking
    await tick();
    expect(asked).toHaveLength(1);
    expect(app.quits).toBe(1);
  });

  it('does not ask when the system ends the app', async () => {
    const { app, guard, asked } = setUp({ pendingChanges: 5, pushing: false });
    guard.leaveWithoutAsking();
    app.quit();
    expect(app.quits).toBe(1);
    expect(asked).toEqual([]);
  });
});

describe('installing an update', () => {
  it('goes ahead without asking when nothing waits', async () => {
    const { guard, asked } = setUp({ pendingChanges: 0, pushing: false });
    expect(await guard.confirmUpdate()).toBe(true);
    expect(asked).toEqual([]);
  });

  it('asks with the update wording; declining keeps the app, accepting lets the restart through', async () => {
    const declined = setUp({ pendingChanges: 4, pushing: false }, [1]);
    expect(await declined.guard.confirmUpdate()).toBe(false);
    expect(declined.asked[0]!.buttons[0]).toBe('Restart and update');

    const accepted = setUp({ pendingChanges: 4, pushing: false }, [0]);
    expect(await accepted.guard.confirmUpdate()).toBe(true);
    accepted.app.quit(); // quitAndInstall quits: no second question
    expect(accepted.app.quits).toBe(1);
    expect(accepted.asked).toHaveLength(1);
  });
});
