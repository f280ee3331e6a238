// The sandboxed preload exposes exactly the contract: `window.workbench` with one async function
// per operation, each one IPC invoke on the single channel, answering a CallResult. contextBridge
// and ipcRenderer are replaced by recorders (the Electron binary cannot run here).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { operationNames } from '../../src-main/common/contract.ts';

const exposed: { key: string; api: unknown }[] = [];
const invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 'answer' }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push({ key, api }) },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args) },
  ipcMain: { handle: () => {}, removeHandler: () => {} },
}));

type Bridge = Record<string, (input: unknown) => Promise<unknown>>;
let bridge: Bridge;

beforeAll(async () => {
  await import('../../src-main/preload/index.ts');
  bridge = exposed[0]?.api as Bridge;
});

describe('the preload', () => {
  it('exposes one thing, window.workbench, frozen', () => {
    expect(exposed.map((e) => e.key)).toEqual(['workbench']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('offers exactly the operations of the contract, as functions, and nothing else', () => {
    expect(Object.keys(bridge).sort()).toEqual([...operationNames].sort());
    for (const name of operationNames) expect(typeof bridge[name]).toBe('function');
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
  });

  it('sends each call on the one channel the IPC server listens to, and returns its CallResult', async () => {
    const { CALL_CHANNEL } = await import('../../src-main/electron/ipc-server.ts');
    for (const name of operationNames) {
      invoke.mockClear();
      const input = { probe: name };
      expect(await bridge[name]!(input)).toEqual({ ok: true, value: 'answer' });
      expect(invoke).toHaveBeenCalledExactlyOnceWith(CALL_CHANNEL, name, input);
    }
  });

  it('answers a typed internal error when the main process does not answer', async () => {
    invoke.mockRejectedValueOnce(new Error("Error invoking remote method 'workbench:call': boom"));
    const result = (await bridge['desk.status']!({})) as {
      ok: boolean;
      error?: { code: string; message: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('internal');
    expect(result.error?.message).not.toContain('boom');
  });
});
