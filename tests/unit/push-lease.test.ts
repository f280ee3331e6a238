// One push per desk across processes: the lease another live process holds in the desk's cache
// refuses a push that may not wait, and a push that may (the command line) runs once it is free.
import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { idlePush } from '../../src-main/common/sync-model.ts';
import { withPushLease } from '../../src-main/node/sync/push-lease.ts';
import { cacheForAll } from './support/desk-cache.ts';

describe('the push lease', () => {
  const db = cacheForAll('push-lease');
  let other: ChildProcess | null = null;
  afterEach(() => {
    other?.kill();
    other = null;
    db.prepare(`DELETE FROM desk_meta WHERE key = 'push_lease'`).run();
  });

  /** Another live process on this computer, holding the lease as the desktop app would. */
  function otherProcessHoldsLease(): number {
    other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const pid = other.pid!;
    db.prepare(`INSERT INTO desk_meta (key, value) VALUES ('push_lease', ?)`).run(String(pid));
    return pid;
  }

  it('refuses a push that may not wait, naming the process, and does not run it', async () => {
    const pid = otherProcessHoldsLease();
    let ran = false;
    await expect(
      withPushLease(db, async () => {
        ran = true;
        return idlePush();
      }),
    ).rejects.toThrow(`(process ${pid}) is sending this desk's changes right now`);
    expect(ran).toBe(false);
  });

  it("waits for the other process's push to end, then runs and gives the lease back", async () => {
    const pid = otherProcessHoldsLease();
    const told: number[] = [];
    setTimeout(() => db.prepare(`DELETE FROM desk_meta WHERE key = 'push_lease'`).run(), 600);
    const started = Date.now();
    const summary = await withPushLease(
      db,
      async () => {
        const lease = db.prepare(`SELECT value FROM desk_meta WHERE key = 'push_lease'`).get() as {
          value: string;
        };
        expect(lease.value).toBe(String(process.pid));
        return { ...idlePush(), applied: 2 };
      },
      { ms: 10_000, onWait: (waitedFor) => told.push(waitedFor) },
    );
    expect(summary.applied).toBe(2);
    expect(told).toEqual([pid]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(db.prepare(`SELECT value FROM desk_meta WHERE key = 'push_lease'`).get()).toBeUndefined();
  });

  it('takes over the lease of a process that has died', async () => {
    db.prepare(`INSERT INTO desk_meta (key, value) VALUES ('push_lease', '999999')`).run();
    const summary = await withPushLease(db, async () => idlePush(3));
    expect(summary).toEqual(idlePush(3));
  });
});
