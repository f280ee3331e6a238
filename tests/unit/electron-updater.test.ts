// The updater's only decision: restart into a downloaded version now, or leave it for the next
// quit, as the leave guard answers (it asks when changes still wait for the legacy database).
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { startUpdates, type UpdaterLike } from '../../src-main/electron/updater.ts';

class FakeUpdater extends EventEmitter {
  autoInstallOnAppQuit = false;
  checks = 0;
  installs = 0;
  failNext: Error | null = null;
  checkForUpdates() {
    this.checks++;
    if (this.failNext) return Promise.reject(this.failNext);
    return Promise.resolve(null);
  }
  quitAndInstall() {
    this.installs++;
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('updates from the city server', () => {
  it('checks at once, and restarts into a downloaded version only when the leave guard allows', async () => {
    const updater = new FakeUpdater();
    const answers = [false, true];
    const asked: string[] = [];
    const logs: string[] = [];
    const stop = startUpdates({
      updater: updater as unknown as UpdaterLike,
      confirmUpdate: async () => {
        asked.push('update');
        return answers.shift()!;
      },
      log: (m) => logs.push(m),
    });
    expect(updater.checks).toBe(1);
    // Declined: a later quit installs it (and that quit asks too).
    expect(updater.autoInstallOnAppQuit).toBe(true);
    updater.emit('update-downloaded', { version: '1.2.0' });
    await settle();
    expect(updater.installs).toBe(0);
    expect(logs).toContain('update 1.2.0 waits for the next time the workbench is closed');
    updater.emit('update-downloaded', { version: '1.2.0' });
    await settle();
    expect(asked).toEqual(['update', 'update']);
    expect(updater.installs).toBe(1);
    stop();
  });

  it('keeps an unreachable update server away from the clerk: logged, nothing thrown', async () => {
    const updater = new FakeUpdater();
    updater.failNext = new Error('getaddrinfo ENOTFOUND updates.riverton.local');
    const logs: string[] = [];
    const stop = startUpdates({
      updater: updater as unknown as UpdaterLike,
      confirmUpdate: async () => true,
      log: (m) => logs.push(m),
    });
    await settle();
    updater.emit('error', new Error('feed unreachable'));
    expect(logs).toEqual([
      'update check failed: getaddrinfo ENOTFOUND updates.riverton.local',
      'update check failed: feed unreachable',
    ]);
    stop();
  });
});
