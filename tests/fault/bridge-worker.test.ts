// The bridge worker under faults, on real parts: a test-owned PostgreSQL server (its own cluster,
// restarted at will) behind a test-owned TCP proxy that cuts and stalls the network, read through
// psqlODBC by the real worker. Killing the worker mid-read, stalling the network past the timeout,
// cutting it and restarting the server each end in a clear typed error; the desk process lives
// on with its cache intact, and the next refresh works on a recovered connection.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../src-main/common/errors.ts';
import { BridgeWorkerClient, type WorkerClientOptions } from '../../src-main/node/bridge/worker-client.ts';
import type { Desk } from '../../src-main/node/desk/open-desk.ts';
import { refreshAll } from '../../src-main/node/sync/refresh.ts';
import type { EntityName } from '../../src-main/common/model.ts';
import { repoRoot } from '../integration/support/workbench-cli.ts';
import type { PgCluster } from './support/pg-cluster.ts';
import { descendants, isAlive, runWorkbench, startWorkbench, waitForExit } from './support/processes.ts';
import { openProxiedDemoDesk, type ProxiedDemoDesk } from './support/proxied-demo-desk.ts';
import type { TcpProxy } from './support/tcp-proxy.ts';

const ACTOR = 'fault-test';
/** Short timeouts, so a stalled network is given up in seconds (the desk's defaults are 15 s / 120 s). */
const FAST = {
  stallTimeoutMs: 2_000,
  connectTimeoutSec: 2,
  healthCheckTimeoutMs: 1_000,
  statementTimeoutSec: 10,
} satisfies WorkerClientOptions;
/** A password the test cluster does not need (trust authentication) and no message may show. */
const SECRET = 'Fault-Secret-4711';
const TABLES = ['business', 'licence_type', 'fee_schedule', 'licence', 'payment', 'inspection', 'code_value'];

let setup: ProxiedDemoDesk | undefined;
let pg: PgCluster;
let proxy: TcpProxy;
let deskDir: string;
let connection: string;
let desk: Desk;
let worker: BridgeWorkerClient;
let baseline: Record<string, number>;
const scratch: string[] = [];

beforeAll(async () => {
  // The desk's own worker has the fast timeouts the test needs.
  setup = await openProxiedDemoDesk({ label: 'fault', size: 1000, worker: FAST, actor: ACTOR });
  ({ proxy, dir: deskDir, connection, desk, worker } = setup);
  pg = setup.legacy.pg;
  baseline = counts();
});

afterAll(async () => {
  await setup?.close();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

afterEach(async () => {
  // Whatever a case broke, the next one starts on a working network and server.
  proxy.resume();
  await pg.start().catch(() => {}); // already running
});

function counts(): Record<string, number> {
  return Object.fromEntries(
    TABLES.map((t) => [t, (desk.cache.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
}

const lastError = (dataset: string) =>
  (
    desk.cache.prepare('SELECT last_error FROM sync_state WHERE dataset = ?').get(dataset) as {
      last_error: string | null;
    }
  ).last_error;

/** What a person would see, on the test's output, for the report. */
const shown = (label: string, err: unknown, ms?: number) =>
  console.log(`[fault] ${label}${ms === undefined ? '' : ` (${ms} ms)`}: ${(err as Error).message}`);

/** A typed error for a person: legacy_unavailable, plain words, no stack, no secret. */
function expectClearError(err: unknown, says: RegExp): asserts err is WorkbenchError {
  expect(err).toBeInstanceOf(WorkbenchError);
  const e = err as WorkbenchError;
  expect(e.code).toBe('legacy_unavailable');
  expect(e.message).toMatch(says);
  expect(e.message).toMatch(/The desk keeps working from its cache\./);
  expect(e.message).not.toMatch(/\n|\bat .*:\d+|node:internal|\.ts:\d+/); // one plain line, no stack
  expect(e.message).not.toContain(SECRET);
  expect(Object.keys(e.toShape()).sort()).toEqual(['code', 'message']);
}

/** The desk is fine: this process runs, the cache holds what it held, and a refresh now works. */
async function expectRecovered(): Promise<void> {
  expect(isAlive(process.pid)).toBe(true);
  expect(counts()).toEqual(baseline);
  const result = await refreshAll(desk, ACTOR);
  expect(result.entities.find((e) => e.entity === 'payment')?.loaded).toBe(baseline.payment);
  expect(counts()).toEqual(baseline);
  expect(lastError('payment')).toBeNull();
}

/**
 * Starts a refresh and holds it in the middle of reading `entity`: the proxy lets that read's
 * first bytes through, then holds the rest. Resolves with the refresh's outcome (its error, or null).
 */
async function refreshHeldMidRead(entity: EntityName): Promise<{ outcome: Promise<unknown> }> {
  let armed = false;
  const outcome = refreshAll(desk, ACTOR, (p) => {
    if (!armed && p.entity === entity && p.phase === 'reading') {
      armed = true;
      proxy.stallAfter(32 * 1024);
    }
  }).then(
    () => null,
    (err: unknown) => err,
  );
  await Promise.race([proxy.waitForHeld(1, 30_000), outcome.then((e) => Promise.reject(e ?? 'finished'))]);
  return { outcome };
}

/**
 * The one line the command line prints about a failure (its other stderr lines are progress):
 * exactly one, and no stack trace around it.
 */
function complaint(stderr: string): string {
  expect(stderr).not.toMatch(/^\s+at |node:internal|\.ts:\d+/m);
  const said = stderr.split('\n').filter((l) => l.startsWith('workbench:'));
  expect(said).toHaveLength(1);
  return said[0]!;
}

describe('the bridge worker under faults (test-owned PostgreSQL behind a test-owned proxy)', () => {
  it('a worker killed mid-read: clear error, cache intact, the next refresh starts a new worker', async () => {
    const { outcome } = await refreshHeldMidRead('payment');
    const pid = worker.pid!;
    process.kill(pid, 'SIGKILL');
    const started = Date.now();
    const err = await outcome;
    shown('worker killed mid-read', err, Date.now() - started);
    expectClearError(err, /stopped unexpectedly \(the bridge worker ended with SIGKILL\)/);
    expect(lastError('payment')).toMatch(/SIGKILL/);
    await waitForExit(pid);
    proxy.resume();
    await expectRecovered();
    expect(worker.pid).toBeDefined();
    expect(worker.pid).not.toBe(pid);
  });

  it('a network that stalls mid-read past the stall timeout: clear error in about that time, worker replaced', async () => {
    const { outcome } = await refreshHeldMidRead('payment');
    const pid = worker.pid!;
    const started = Date.now();
    const err = await outcome;
    const ms = Date.now() - started;
    shown('network stalled mid-read', err, ms);
    expectClearError(err, /did not answer for 2 seconds, so the read was stopped/);
    expect(ms).toBeGreaterThanOrEqual(FAST.stallTimeoutMs - 100);
    expect(ms).toBeLessThan(FAST.stallTimeoutMs + 5_000);
    await waitForExit(pid); // the supervisor killed the hung worker
    proxy.resume();
    await expectRecovered();
    expect(worker.pid).not.toBe(pid);
  });

  it('a stalled network seen by a connection check: the cached connection is given up, then the login times out', async () => {
    await worker.ping({ bridgeFile: desk.bridge().file, connection }); // a cached connection exists
    const pid = worker.pid!;
    proxy.stall();
    const started = Date.now();
    const err = await worker.ping({ bridgeFile: desk.bridge().file, connection }).catch((e: unknown) => e);
    const ms = Date.now() - started;
    shown('connection check on a stalled network', err, ms);
    expectClearError(err, /Could not connect to the legacy database: .*timeout expired/);
    // health check (1 s) given up, then the driver's login timeout (2 s): well before the host's own deadline
    expect(ms).toBeLessThan(FAST.connectTimeoutSec * 1000 + 2 * FAST.healthCheckTimeoutMs + 5_000);
    // The worker gave up a driver call that still hangs on a thread: it asked to be replaced.
    await waitForExit(pid);
    proxy.resume();
    const pong = await worker.ping({ bridgeFile: desk.bridge().file, connection });
    expect(pong).toMatchObject({ ok: true, reused: false });
    expect(worker.pid).not.toBe(pid);
    await expectRecovered();
  });

  it('a network cut mid-read and while idle: clear errors, then the connection is rebuilt', async () => {
    const { outcome } = await refreshHeldMidRead('payment');
    const pid = worker.pid!;
    proxy.cut();
    const err = await outcome;
    shown('network cut mid-read', err);
    expectClearError(err, /connection to the legacy database was lost during the read of payment/);

    // Still cut: a refresh fails at once, saying it could not connect; so does a check, secret unseen.
    const whileCut = await refreshAll(desk, ACTOR).catch((e: unknown) => e);
    shown('refresh while the network is cut', whileCut);
    expectClearError(whileCut, /Could not connect to the legacy database/);
    const checked = await worker
      .ping({ bridgeFile: desk.bridge().file, connection: `${connection};PWD=${SECRET}` })
      .catch((e: unknown) => e);
    expectClearError(checked, /Could not connect to the legacy database/);
    expect(counts()).toEqual(baseline);

    proxy.resume();
    await expectRecovered();
    expect(worker.pid).toBe(pid); // a network drop costs a connection, not the worker

    // Cut while idle, between two refreshes: the cached connection is dead; its check finds out
    // and exactly one new connection replaces it for the whole refresh.
    const accepted = proxy.accepted;
    proxy.cut();
    proxy.resume();
    await expectRecovered();
    expect(proxy.accepted - accepted).toBe(1);
    expect(worker.pid).toBe(pid);
  });

  it('a server restarted between two refreshes: the dead cached connection is found and rebuilt', async () => {
    await refreshAll(desk, ACTOR);
    const accepted = proxy.accepted;
    const pid = worker.pid;
    await pg.restart();
    await expectRecovered(); // the refresh after the restart simply works
    expect(proxy.accepted - accepted).toBe(1); // one new connection, after the check of the old one failed
    expect(worker.pid).toBe(pid);
    const again = proxy.accepted;
    await refreshAll(desk, ACTOR);
    expect(proxy.accepted).toBe(again); // and that one is reused from then on
  });

  it('a server restarted mid-read: clear error, then the next refresh works', async () => {
    const { outcome } = await refreshHeldMidRead('payment');
    await pg.restart();
    proxy.resume();
    const err = await outcome;
    shown('server restarted mid-read', err);
    expectClearError(err, /connection to the legacy database was lost during the read of payment/);
    await expectRecovered();
  });

  it('a statement over its time: the driver stops it, the worker lives on', async () => {
    // The bridge's code-values query, made slow with pg_sleep, read with a 1-second statement timeout.
    const dir = join(tmpdir(), `wb-fault-bridge-${process.pid}`);
    scratch.push(dir);
    cpSync(join(repoRoot, 'bridges', 'riverton'), dir, { recursive: true });
    const sql = join(dir, 'code-values.sql');
    writeFileSync(
      sql,
      `${readFileSync(sql, 'utf8').trimEnd()}\nUNION ALL\nSELECT 'slow', 'S', 'Slow' FROM (SELECT pg_sleep(5)) {S}\n`,
    );
    const slow = new BridgeWorkerClient({ ...FAST, statementTimeoutSec: 1, stallTimeoutMs: 30_000 });
    try {
      const read = () =>
        slow.read({ bridgeFile: join(dir, 'bridge.yaml'), connection, entity: 'codeValue' }, () => {});
      const started = Date.now();
      const err = await read().catch((e: unknown) => e);
      shown('statement over its timeout', err, Date.now() - started);
      expectClearError(err, /took longer than 1 second over the read of codeValue/);
      const pid = slow.pid;
      const licences = await slow.read(
        { bridgeFile: desk.bridge().file, connection, entity: 'licence' },
        () => {},
      );
      expect(licences.rows).toBe(baseline.licence);
      expect(slow.pid).toBe(pid);
    } finally {
      slow.close();
    }
  });

  it('a worker that keeps dying is started again after a growing back-off; one good answer resets it', async () => {
    const marker = join(deskDir, 'worker-dies');
    writeFileSync(marker, '');
    process.env.WB_FAULT_WORKER_DIES = marker;
    const dying = new BridgeWorkerClient({
      ...FAST,
      workerPath: join(import.meta.dirname, 'support', 'worker-that-dies.ts'),
      maxRestartDelayMs: 3_000,
    });
    const ping = () => dying.ping({ bridgeFile: desk.bridge().file, connection });
    const timed = async () => {
      const started = Date.now();
      const outcome = await ping().catch((e: unknown) => e);
      return { outcome, ms: Date.now() - started };
    };
    try {
      const waits: number[] = [];
      for (let i = 0; i < 5; i++) {
        const { outcome, ms } = await timed();
        expectClearError(outcome, /stopped unexpectedly \(the bridge worker ended with code 70\)/);
        waits.push(ms);
      }
      console.log(`[fault] a worker that dies at start, 5 calls: each failed after ${waits.join(', ')} ms`);
      // Started again at once twice, then after 0.25 s, 0.5 s, 1 s (each call also waits for the start).
      expect(waits[2]).toBeGreaterThanOrEqual(240);
      expect(waits[3]).toBeGreaterThanOrEqual(490);
      expect(waits[4]).toBeGreaterThanOrEqual(990);

      rmSync(marker); // the driver is fixed: the next start still waits its turn (2 s), then works
      const fixed = await timed();
      expect(fixed.outcome).toMatchObject({ ok: true });
      expect(fixed.ms).toBeGreaterThanOrEqual(1_990);

      const pid = dying.pid!; // a success reset the back-off: after one more death, a start at once
      process.kill(pid, 'SIGKILL');
      await waitForExit(pid);
      const again = await timed();
      console.log(
        `[fault] fixed: answered after ${fixed.ms} ms; killed once more, answered after ${again.ms} ms`,
      );
      expect(again.outcome).toMatchObject({ ok: true });
      expect(again.ms).toBeLessThan(2_900); // without the reset: the 3 s cap
    } finally {
      dying.close();
      delete process.env.WB_FAULT_WORKER_DIES;
    }
  });

  it('a driver that crashes the worker before any row: the read is asked again once on a fresh worker', async () => {
    const marker = join(deskDir, 'worker-crashes');
    writeFileSync(marker, '');
    process.env.WB_FAULT_WORKER_CRASHES = marker;
    const crashing = new BridgeWorkerClient({
      ...FAST,
      workerPath: join(import.meta.dirname, 'support', 'worker-that-crashes-once.ts'),
    });
    try {
      await crashing.ping({ bridgeFile: desk.bridge().file, connection });
      const first = crashing.pid;
      const read = await crashing.read(
        { bridgeFile: desk.bridge().file, connection, entity: 'licence' },
        () => {},
      );
      expect(read.rows).toBe(baseline.licence);
      expect(existsSync(marker)).toBe(false); // it did crash, once
      expect(crashing.pid).not.toBe(first);
    } finally {
      crashing.close();
      delete process.env.WB_FAULT_WORKER_CRASHES;
    }
  });

  it('the command line: a killed worker, a cut network and a restarted server each end in one plain line; the next sync works', async () => {
    // Killed mid-read: the proxy holds the sync part-way, the worker under the CLI is killed.
    proxy.stallAfter(64 * 1024);
    const run = startWorkbench(deskDir, ['sync']);
    await proxy.waitForHeld();
    let workerPid: number | undefined;
    while (!workerPid) {
      workerPid = descendants(run.child.pid!).find((p) => /bridge\/worker\.ts/.test(p.cmdline))?.pid;
      if (!workerPid) await new Promise((r) => setTimeout(r, 20));
    }
    process.kill(workerPid, 'SIGKILL');
    const killed = await run.result;
    proxy.resume();
    console.log(`[fault] CLI, worker killed: exit ${killed.status}: ${complaint(killed.stderr)}`);
    expect(killed.status).toBe(3);
    expect(complaint(killed.stderr)).toMatch(
      /^workbench: The connection to the legacy database stopped unexpectedly \(the bridge worker ended with SIGKILL\)\. The desk keeps working from its cache\./,
    );

    proxy.cut();
    const cut = await runWorkbench(deskDir, ['sync']);
    proxy.resume();
    console.log(`[fault] CLI, network cut: exit ${cut.status}: ${complaint(cut.stderr)}`);
    expect(cut.status).toBe(3);
    expect(complaint(cut.stderr)).toMatch(
      // the driver's words vary with the race between the proxy's reset and its first packet
      /^workbench: Could not connect to the legacy database: .*The desk keeps working from its cache\./,
    );

    await pg.restart();
    const synced = await runWorkbench(deskDir, ['sync', '--json']);
    expect(synced.status, synced.stderr).toBe(0);
    expect(counts()).toEqual(baseline);
  });
});
