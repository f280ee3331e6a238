// Who may call the contract over IPC: only the main frame of the workbench window, showing a page
// of app://workbench. The pure decision first, then the IPC server around it with Electron's
// ipcMain replaced by a recorder (the Electron binary cannot run here; the seam is one function).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallResult } from '../../src-main/common/contract.ts';
import { APP_ENTRY_URL, isAppBlobUrl, isAppUrl } from '../../src-main/electron/app-url.ts';
import { judgeSender } from '../../src-main/electron/sender-guard.ts';
import { logger } from '../../src-main/node/log/logger.ts';

const handlers = new Map<string, (...args: unknown[]) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (...args: unknown[]) => Promise<unknown>) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, fn);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

describe('judgeSender', () => {
  it('allows the main frame of our window on app://workbench, whatever the page or route', () => {
    for (const url of [
      APP_ENTRY_URL,
      'app://workbench/',
      'app://workbench/index.html#/licence/BL-2024-0001',
      'app://workbench/index.html?lang=es',
    ]) {
      expect(judgeSender(url, true), url).toEqual({ allowed: true });
    }
  });

  it('refuses a frame that is gone, a subframe, or another window', () => {
    expect(judgeSender(null, true).allowed).toBe(false);
    expect(judgeSender(undefined, true).allowed).toBe(false);
    expect(judgeSender(APP_ENTRY_URL, false)).toEqual({
      allowed: false,
      reason: 'the sender is not the main frame of the workbench window',
    });
  });

  it('refuses every other origin, however close it looks', () => {
    for (const url of [
      '',
      'about:blank',
      'https://workbench/index.html',
      'http://workbench/index.html',
      'file:///opt/workbench/out/renderer/index.html',
      'app://workbench.evil.example/index.html',
      'app://evil.example/index.html',
      'app://evilworkbench/index.html',
      'app://workbench:8080/index.html',
      'app://user@workbench/index.html',
      'app://user:pw@workbench/index.html',
      'app:workbench/index.html',
      'app:///workbench/index.html',
      'devtools://devtools/bundled/inspector.html',
      'data:text/html,<script>1</script>',
      'blob:app://workbench/6b1c',
      'chrome-extension://abc/index.html',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(judgeSender(url, true).allowed, url).toBe(false);
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

// ---- the IPC server, driven through its registered handler ----

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
  detached: boolean;
}
const frame = (over: Partial<FakeFrame> = {}): FakeFrame => ({
  url: APP_ENTRY_URL,
  parent: null,
  processId: 4,
  routingId: 1,
  detached: false,
  ...over,
});
const ourWindow = {
  isDestroyed: () => false,
  webContents: { id: 7, mainFrame: frame() },
};
const event = (senderFrame: FakeFrame | null, senderId = 7) => ({ sender: { id: senderId }, senderFrame });

describe('the IPC server', () => {
  const dispatch = vi.fn(async (): Promise<CallResult> => ({ ok: true, value: { answered: true } }));
  const onInternalError = vi.fn();
  let win: typeof ourWindow | null = ourWindow;
  let call: (...args: unknown[]) => Promise<unknown>;

  const warn = vi.spyOn(logger('ipc'), 'warn').mockImplementation(() => {});

  beforeEach(async () => {
    warn.mockClear();
    dispatch.mockClear();
    onInternalError.mockClear();
    win = ourWindow;
    const { CALL_CHANNEL, registerIpcServer } = await import('../../src-main/electron/ipc-server.ts');
    handlers.clear();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the fake window stands in for BrowserWindow
    registerIpcServer({ dispatch, window: () => win as any, onInternalError });
    expect(CALL_CHANNEL).toBe('workbench:call');
    expect([...handlers.keys()]).toEqual(['workbench:call']);
    call = handlers.get(CALL_CHANNEL)!;
  });

  it('dispatches a call from our main frame through the shared dispatcher', async () => {
    const input = { text: 'bakery', limit: 5 };
    expect(await call(event(frame()), 'licences.search', input)).toEqual({
      ok: true,
      value: { answered: true },
    });
    expect(dispatch).toHaveBeenCalledWith('licences.search', input);
  });

  it('answers unauthorized, without dispatching, to any other sender', async () => {
    const refused = [
      event(null), // the frame navigated away or was destroyed
      event(frame(), 8), // another webContents
      event(frame({ parent: frame(), routingId: 2 })), // a subframe of our window
      event(frame({ routingId: 9 })), // a different frame object that is not our main frame
      event(frame({ processId: 5 })),
      event(frame({ detached: true })),
      event(frame({ url: 'https://evil.example/' })), // our main frame, navigated elsewhere
      event(frame({ url: 'file:///etc/passwd' })),
    ];
    for (const e of refused) {
      const result = (await call(e, 'desk.status', {})) as CallResult;
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe('unauthorized');
    }
    win = null; // no window (closing)
    expect(((await call(event(frame()), 'desk.status', {})) as CallResult).ok).toBe(false);
    win = { ...ourWindow, isDestroyed: () => true };
    expect(((await call(event(frame()), 'desk.status', {})) as CallResult).ok).toBe(false);
    expect(dispatch).not.toHaveBeenCalled();
    // Every refusal is logged on the desk, with its reason.
    expect(warn).toHaveBeenCalledTimes(refused.length + 2);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^refused an IPC call to desk\.status: /));
  });

  it('refuses names that are not operations of the contract', async () => {
    for (const name of ['toString', '__proto__', 'constructor', 'sql.run', 42, null, undefined]) {
      const result = (await call(event(frame()), name, {})) as CallResult;
      expect(!result.ok && result.error.code, String(name)).toBe('invalid_input');
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns a dispatcher that throws into a typed internal error, never a stack trace', async () => {
    dispatch.mockRejectedValueOnce(new Error('boom at /secret/path.ts:1'));
    const result = (await call(event(frame()), 'desk.status', {})) as CallResult;
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.not.stringContaining('boom') },
    });
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it('removes its handler when stopped', async () => {
    const { registerIpcServer } = await import('../../src-main/electron/ipc-server.ts');
    handlers.clear();
    const stop = registerIpcServer({ dispatch, window: () => null, onInternalError });
    expect(handlers.size).toBe(1);
    stop();
    expect(handlers.size).toBe(0);
  });
});

describe('printed documents may open in their own window', () => {
  it('only a blob the app itself made', () => {
    expect(isAppBlobUrl('blob:app://workbench/0b7e5f8e-4f43-4c1e-9d0a-2f8a1b6c3d4e')).toBe(true);
    for (const url of [
      'blob:https://evil.example/0b7e5f8e-4f43-4c1e-9d0a-2f8a1b6c3d4e',
      'blob:app://workbenchx/0b7e5f8e-4f43-4c1e-9d0a-2f8a1b6c3d4e',
      'blob:app://user@workbench/0b7e5f8e-4f43-4c1e-9d0a-2f8a1b6c3d4e',
      'blob:app://workbench/../index.html',
      'app://workbench/index.html',
      'https://example.com/',
      'blob:',
      '',
    ]) {
      expect(isAppBlobUrl(url), url).toBe(false);
    }
  });
});
