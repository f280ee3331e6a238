// The sync loop on a real desk cache (outbox entries in a real SQLite file) and a hand-moved
// clock. The legacy side (probe, push, refresh) is the only seam: here it is a link the test cuts
// and restores, and a push that settles the cache's outbox entries as replay would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkbenchError, errorText } from '../../src-main/common/errors.ts';
import { type PushSummary, idlePush } from '../../src-main/common/sync-model.ts';
import { type Desk, openDesk } from '../../src-main/node/desk/open-desk.ts';
import { SyncEngine } from '../../src-main/node/sync/sync-engine.ts';
import { ManualClock, settle } from './support/manual-clock.ts';

const CUT = 'Could not connect to the legacy database: connection refused.';
let dir: string;
let desk: Desk;
let engine: SyncEngine | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wb-engine-'));
  desk = openDesk({ dataDir: dir });
});
afterEach(async () => {
  await engine?.stop();
  engine = undefined;
  desk.close();
  rmSync(dir, { recursive: true, force: true });
});

let seq = 0;
/** A command taken at the counter: one outbox entry waiting. */
function takeCommand(): void {
  seq++;
  desk.cache
    .prepare(
      `INSERT INTO outbox (operation_id, desk_id, actor, created_at, command, payload_version, payload, base)
       VALUES (?, 'desk-1', 'clerk', '2026-11-23T09:00:00-06:00', 'renewLicence', 1, '{}', '[]')`,
    )
    .run(`op-${seq}`);
}
const waiting = () =>
  desk.cache.prepare(`SELECT count(*) FROM outbox WHERE status = 'pending'`).pluck().get() as number;

/** The legacy database as the loop sees it: a link, a push that applies what waits, a refresh. */
function legacy() {
  const log: string[] = [];
  const state = {
    up: true,
    running: 0,
    most: 0,
    hold: null as Promise<void> | null,
    otherSender: null as number | null,
  };
  const job = async <T>(name: string, work: () => T): Promise<T> => {
    state.running++;
    state.most = Math.max(state.most, state.running);
    try {
      log.push(name);
      if (state.hold) await state.hold;
      if (!state.up) throw new WorkbenchError('legacy_unavailable', CUT);
      if (state.otherSender && name === 'push') {
        throw new WorkbenchError(
          'legacy_unavailable',
          errorText('sync.push_busy', { pid: state.otherSender }),
        );
      }
      return work();
    } finally {
      state.running--;
    }
  };
  return {
    log,
    state,
    probe: async () => {
      if (!state.up) throw new Error(CUT);
    },
    push: () =>
      job('push', (): PushSummary => {
        const applied = desk.cache
          .prepare(`UPDATE outbox SET status = 'applied' WHERE status = 'pending'`)
          .run().changes;
        return { ...idlePush(), applied };
      }),
    refresh: () => job('refresh', () => undefined),
  };
}

function start(l: ReturnType<typeof legacy>, clock: ManualClock, refreshEveryMs = 15 * 60_000): SyncEngine {
  engine = new SyncEngine(desk, {
    actor: 'clerk',
    clock,
    probe: l.probe,
    push: l.push,
    refresh: l.refresh,
    refreshEveryMs,
    log: () => {},
  });
  engine.start();
  return engine;
}

/** A clock, a legacy database and an engine started on them, settled, its first jobs out of the log. */
async function started(refreshEveryMs?: number) {
  const clock = new ManualClock();
  const l = legacy();
  const e = start(l, clock, refreshEveryMs);
  await settle();
  l.log.length = 0;
  return { clock, l, e };
}

describe('sync loop', () => {
  it('finds the link at start, then pushes what waited and refreshes', async () => {
    const clock = new ManualClock();
    const l = legacy();
    takeCommand();
    takeCommand();
    const e = start(l, clock);
    await settle();
    expect(e.connection().state).toBe('online');
    expect(l.log).toEqual(['push', 'refresh']);
    expect(waiting()).toBe(0);
    expect(e.activity()).toMatchObject({
      busy: 'idle',
      lastPushAt: '2026-11-23T15:00:00+00:00',
      lastPushError: null,
    });
  });

  it('pushes soon after a command without waiting for the schedule; a burst of commands goes in one push', async () => {
    const { clock, l, e } = await started();
    for (let i = 0; i < 3; i++) {
      takeCommand();
      e.kick();
    }
    await clock.advance(300);
    expect(l.log).toEqual(['push']);
    expect(waiting()).toBe(0);
  });

  it('never runs two jobs at once: a sync asked during a slow push waits for it', async () => {
    const { clock, l, e } = await started();
    let release = () => {};
    l.state.hold = new Promise<void>((r) => {
      release = r;
    });
    takeCommand();
    e.kick();
    await clock.advance(300);
    expect(e.activity().busy).toBe('pushing');
    takeCommand();
    const asked = e.syncNow();
    e.kick();
    await clock.advance(300);
    l.state.hold = null;
    release();
    const result = await asked;
    await settle();
    expect(l.state.most).toBe(1);
    // The held push took both commands; the sync found nothing left to push and refreshed.
    expect(l.log).toEqual(['push', 'refresh']);
    expect(result).toMatchObject({ push: { applied: 0, remaining: 0 }, refreshed: true, message: null });
    expect(waiting()).toBe(0);
    expect(e.activity().busy).toBe('idle');
  });

  it('turns offline when a push cannot reach the legacy database, keeps the changes, and pushes as soon as the link is back', async () => {
    const { clock, l, e } = await started();
    l.state.up = false;
    takeCommand();
    e.kick();
    await clock.advance(300);
    expect(e.connection()).toMatchObject({ state: 'offline', message: CUT });
    expect(e.activity().lastPushError).toBe(CUT);
    expect(waiting()).toBe(1);
    // While offline a command does not try the legacy database again; the probes back off.
    takeCommand();
    e.kick();
    await clock.advance(1_000);
    expect(l.log).toEqual(['push']);
    const result = await e.syncNow();
    expect(result).toMatchObject({ refreshed: false, message: CUT, push: { remaining: 2, stoppedBy: CUT } });
    // The link returns: found by the next probe, and what waited goes at once, then a refresh.
    l.state.up = true;
    l.log.length = 0;
    await clock.advance(clock.nextIn);
    expect(e.connection().state).toBe('online');
    expect(l.log).toEqual(['push', 'refresh']);
    expect(waiting()).toBe(0);
    expect(e.activity().lastPushError).toBeNull();
  });

  it('stays online while another process on this computer is sending the changes, and sends them after', async () => {
    const { clock, l, e } = await started();
    l.state.otherSender = 4242;
    takeCommand();
    e.kick();
    await clock.advance(300);
    expect(e.connection().state).toBe('online');
    expect(e.activity().lastPushError).toContain('(process 4242) is sending');
    expect(waiting()).toBe(1);
    l.state.otherSender = null;
    const result = await e.syncNow();
    expect(result).toMatchObject({ push: { applied: 1 }, message: null });
    expect(waiting()).toBe(0);
  });

  it('refreshes on schedule while online, and not while offline', async () => {
    const { clock, l } = await started(60_000);
    await clock.advance(60_000);
    expect(l.log).toEqual(['refresh']);
    await clock.advance(60_000);
    expect(l.log).toEqual(['refresh', 'refresh']);
    l.state.up = false;
    await clock.advance(10_000); // the online probe finds the link gone
    l.log.length = 0;
    await clock.advance(60_000);
    expect(l.log).toEqual([]);
  });

  it('a refresh that cannot reach the legacy database turns the link offline', async () => {
    const { l, e } = await started();
    l.state.up = false;
    const result = await e.syncNow();
    expect(result).toMatchObject({ refreshed: false, message: CUT });
    expect(e.connection().state).toBe('offline');
  });
});
