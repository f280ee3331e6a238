// The connectivity monitor on a hand-moved clock: it probes at once, slowly while online, with a
// growing back-off while offline, turns at once on what pushes and refreshes report, and says
// since when and why.
import { describe, expect, it } from 'vitest';
import { ConnectivityMonitor } from '../../src-main/node/sync/connectivity.ts';
import { ManualClock, settle } from './support/manual-clock.ts';

const CUT = 'Could not connect to the legacy database: connection refused.';

/** A legacy database the test turns on and off; counts the probes it answers. */
function legacy() {
  const link = { up: true, probes: 0 };
  const probe = async () => {
    link.probes++;
    if (!link.up) throw new Error(CUT);
  };
  return { link, probe };
}

const monitorOn = (clock: ManualClock, probe: () => Promise<void>) =>
  new ConnectivityMonitor({ probe, timeZone: 'America/Chicago', clock });

describe('connectivity monitor', () => {
  it('is unknown until the first probe, which runs at once', async () => {
    const clock = new ManualClock();
    const { link, probe } = legacy();
    const m = monitorOn(clock, probe);
    expect(m.state()).toEqual({
      state: 'unknown',
      since: null,
      lastCheckedAt: null,
      message: null,
      nextCheckAt: null,
    });
    m.start();
    await settle();
    expect(link.probes).toBe(1);
    expect(m.state()).toMatchObject({
      state: 'online',
      since: '2026-11-23T09:00:00-06:00',
      lastCheckedAt: '2026-11-23T09:00:00-06:00',
      message: null,
      nextCheckAt: null,
    });
    m.stop();
  });

  it('probes every 10 s while online, and keeps "since" from when it came online', async () => {
    const clock = new ManualClock();
    const { link, probe } = legacy();
    const m = monitorOn(clock, probe);
    m.start();
    await clock.advance(9_000);
    expect(link.probes).toBe(1);
    await clock.advance(1_000);
    expect(link.probes).toBe(2);
    await clock.advance(80_000);
    expect(link.probes).toBe(10);
    expect(m.state()).toMatchObject({
      since: '2026-11-23T09:00:00-06:00',
      lastCheckedAt: '2026-11-23T09:01:30-06:00',
    });
    m.stop();
  });

  it('backs off 2 s, 4 s, 8 s ... up to 60 s while offline, saying why and when it checks again', async () => {
    const clock = new ManualClock();
    const { link, probe } = legacy();
    link.up = false;
    const m = monitorOn(clock, probe);
    m.start();
    await settle();
    expect(m.state()).toMatchObject({
      state: 'offline',
      since: '2026-11-23T09:00:00-06:00',
      message: CUT,
      nextCheckAt: '2026-11-23T09:00:02-06:00',
    });
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      waits.push(clock.nextIn);
      await clock.advance(clock.nextIn);
    }
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(m.state().since).toBe('2026-11-23T09:00:00-06:00');
    // The link comes back: found at the next probe, and the back-off starts again from 2 s.
    link.up = true;
    await clock.advance(clock.nextIn);
    expect(m.state()).toMatchObject({ state: 'online', message: null, nextCheckAt: null });
    link.up = false;
    await clock.advance(10_000);
    expect(m.state().state).toBe('offline');
    expect(clock.nextIn).toBe(2_000);
    m.stop();
  });

  it('turns offline at once when a push fails, and online at once when one succeeds', async () => {
    const clock = new ManualClock();
    const { probe } = legacy();
    const m = monitorOn(clock, probe);
    const changes: string[] = [];
    m.onChange((now, before) => changes.push(`${before.state}->${now.state}`));
    m.start();
    await settle();
    await clock.advance(5_000);
    m.reportFailure('The connection to the legacy database was lost during sending renewLicence.');
    expect(m.state()).toMatchObject({
      state: 'offline',
      since: '2026-11-23T09:00:05-06:00',
      message: 'The connection to the legacy database was lost during sending renewLicence.',
    });
    expect(clock.nextIn).toBe(2_000);
    m.reportSuccess();
    expect(m.state()).toMatchObject({ state: 'online', since: '2026-11-23T09:00:05-06:00', message: null });
    expect(changes).toEqual(['unknown->online', 'online->offline', 'offline->online']);
    m.stop();
  });

  it('keeps backing off when reads keep failing although the server takes connections', async () => {
    const clock = new ManualClock();
    const { probe } = legacy(); // the probe (a connection) succeeds
    const m = monitorOn(clock, probe);
    m.start();
    await settle();
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      m.reportFailure('The legacy database took longer than 60 seconds over the read of licence.');
      waits.push(clock.nextIn);
      await clock.advance(clock.nextIn); // the probe succeeds: online again, until the next read fails
      expect(m.state().state).toBe('online');
    }
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000]);
    m.stop();
  });

  it('joins a probe under way instead of starting another, and stops probing when stopped', async () => {
    const clock = new ManualClock();
    let release = () => {};
    let probes = 0;
    const m = monitorOn(clock, () => {
      probes++;
      return new Promise<void>((r) => {
        release = r;
      });
    });
    const a = m.checkNow();
    const b = m.checkNow();
    release();
    expect((await a).state).toBe('online');
    expect(await b).toEqual(await a);
    expect(probes).toBe(1);
    m.start();
    release();
    await settle();
    m.stop();
    await clock.advance(120_000);
    expect(probes).toBe(2);
  });
});
