// The connectivity monitor and the sync loop against a legacy database that really goes away: a
// test-owned PostgreSQL server behind a test-owned TCP proxy, probed through the real bridge
// worker and psqlODBC. When the network is cut, or the server stops, the desk shows offline within
// seconds with a plain reason; a renewal taken meanwhile waits; when the link returns the desk
// shows online again and the renewal reaches the legacy database without anybody asking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../src-main/common/sync-model.ts';
import { renewLicence } from '../../src-main/node/commands/licence-commands.ts';
import type { Desk } from '../../src-main/node/desk/open-desk.ts';
import { SyncEngine } from '../../src-main/node/sync/sync-engine.ts';
import { queryLegacy } from '../integration/support/legacy-databases.ts';
import type { PgCluster } from './support/pg-cluster.ts';
import { openProxiedDemoDesk, type ProxiedDemoDesk } from './support/proxied-demo-desk.ts';
import type { TcpProxy } from './support/tcp-proxy.ts';
import { checkRenewals } from '../../src-main/node/renewals/renewal-check.ts';
import { isConnectionLost } from '../../src-main/node/bridge/odbc-errors.ts';
import { pushOutbox } from '../../src-main/node/sync/replay.ts';
import { todayIn } from '../../src-main/common/time.ts';

const ACTOR = 'fault-test';
let setup: ProxiedDemoDesk | undefined;
let pg: PgCluster;
let proxy: TcpProxy;
let connection: string;
let desk: Desk;
let engine: SyncEngine;

beforeAll(async () => {
  setup = await openProxiedDemoDesk({
    label: 'fault-link',
    size: 300,
    worker: { stallTimeoutMs: 3_000, connectTimeoutSec: 2, healthCheckTimeoutMs: 1_000 },
    actor: ACTOR,
  });
  ({ proxy, connection, desk } = setup);
  pg = setup.legacy.pg;
  engine = new SyncEngine(desk, {
    actor: ACTOR,
    probeIntervalMs: 500,
    firstBackoffMs: 250,
    maxBackoffMs: 1_000,
    kickDelayMs: 50,
    log: (m) => console.log(`[fault] ${m}`),
  });
  engine.start();
  await until(() => engine.connection().state === 'online', 10_000);
}, 180_000);

afterAll(async () => {
  proxy?.resume();
  await engine?.stop();
  await setup?.close();
});

/** Polls until the condition holds; returns how long it took. */
async function until(condition: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`not within ${timeoutMs} ms: ${JSON.stringify(engine?.connection())}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - started;
}

const waiting = () =>
  desk.cache.prepare(`SELECT count(*) FROM outbox WHERE status = 'pending'`).pluck().get() as number;
/** An active licence not renewed yet that the counter may renew today (window, holds, balances, requirements). */
const activeLicence = (skip: string[]) => {
  const candidates = desk.cache
    .prepare(
      `SELECT id FROM licence WHERE status = 'active' AND expires_on IS NOT NULL AND id NOT IN (${skip.map(() => '?').join(',') || "''"}) ORDER BY id`,
    )
    .pluck()
    .all(...skip) as string[];
  // "Today" is the city's day (the desk's time zone), as the counter's own check has it.
  return checkRenewals(desk, candidates, todayIn(desk.timeZone)).find((c) => c.ok)!.licenceId;
};
const legacyExpiry = async (licenceId: string) =>
  (
    await queryLegacy<{ E: string }>(
      connection,
      `SELECT CAST("LICEXP" AS VARCHAR(10)) AS "E" FROM "LICMST" WHERE "LICNO" = '${licenceId}'`,
    )
  )[0]!.E.trim();

/** The link goes, a renewal is taken, the link returns: the renewal reaches the legacy database. */
async function outage(
  label: string,
  cut: () => Promise<void>,
  restore: () => Promise<void>,
  renewed: string[],
) {
  const before = engine.connection();
  expect(before.state).toBe('online');
  await cut();
  const offlineMs = await until(() => engine.connection().state === 'offline', 10_000);
  const offline: ConnectionState = engine.connection();
  console.log(`[fault] ${label}: offline after ${offlineMs} ms: ${offline.message}`);
  expect(offline.message).toMatch(/legacy database/);
  expect(offline.message).not.toMatch(/\n|\.ts:\d+/);
  expect(offline.nextCheckAt).not.toBeNull();

  const licenceId = activeLicence(renewed);
  renewed.push(licenceId);
  // The legacy database is really out of reach: the read fails for the connection, not for the SQL.
  const unreachable = await legacyExpiry(licenceId).then(
    (expiry) => new Error(`the legacy database answered (${expiry})`),
    (err: unknown) => err,
  );
  expect(isConnectionLost(unreachable), String(unreachable)).toBe(true);
  renewLicence(desk, ACTOR, licenceId);
  engine.kick();
  // A push asked for now stops at the unreachable legacy database and keeps the renewal waiting,
  // not sent and not in doubt (nothing left the desk).
  const push = await pushOutbox(desk, ACTOR);
  expect(push.applied + push.alreadyApplied + push.conflicts).toBe(0);
  expect(push.stoppedBy).toMatch(/legacy database/i);
  expect(waiting()).toBe(1);
  const entry = desk.cache
    .prepare(`SELECT status, in_doubt FROM outbox WHERE payload LIKE ? ORDER BY seq DESC LIMIT 1`)
    .get(`%${licenceId}%`) as { status: string; in_doubt: number };
  expect(entry).toEqual({ status: 'pending', in_doubt: 0 });

  await restore();
  const onlineMs = await until(() => engine.connection().state === 'online' && waiting() === 0, 20_000);
  console.log(`[fault] ${label}: online and pushed ${onlineMs} ms after the link returned`);
  const local = desk.cache
    .prepare('SELECT expires_on FROM licence WHERE id = ?')
    .pluck()
    .get(licenceId) as string;
  // LICEXP is CYYMMDD: 1YYMMDD for this century.
  expect(await legacyExpiry(licenceId)).toBe(
    `1${local.slice(2, 4)}${local.slice(5, 7)}${local.slice(8, 10)}`,
  );
  expect(engine.activity().lastPushError).toBeNull();
}

describe('the desk knows when the legacy database is away, and catches up when it is back', () => {
  const renewed: string[] = [];
  it('through a cut network', async () => {
    await outage(
      'network cut',
      async () => proxy.cut(),
      async () => proxy.resume(),
      renewed,
    );
  }, 60_000);

  it('through a server that stops and starts again', async () => {
    await outage(
      'server stopped',
      () => pg.stop(),
      () => pg.start(),
      renewed,
    );
  }, 60_000);
});
