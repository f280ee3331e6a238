// Crash safety of the write path: the desk process is killed with SIGKILL at random moments while
// it takes renewals and payments (`workbench renew`, `workbench pay`) and while it replays them
// (`workbench sync`), trial after trial on one desk against Riverton on PostgreSQL. Then the desk is
// started again and synced until nothing waits, and the legacy database must hold exactly what the
// desk kept: every outbox entry applied once, none lost, none doubled, nothing it never took, and
// every change the command line reported as taken among them.
//
// When the kills land: the run first measures how long each command lives and when, inside that
// life, it opens the cache and commits (a command) or sends and settles its entries (a sync).
// Some kills are timed from the start of the process, over its whole life and a bit beyond (before
// Node is up, while the desk opens, after it has ended). The others are timed from an event of the
// desk, so that they land where it matters despite the jitter of starting Node on a busy machine:
// - a command: from the moment it has the cache open, within its measured time to a little after
//   its cache commit (before, during and after the transaction; before and after it prints);
// - a sync: from the moment its push marks an entry as sent (starting the worker, connecting,
//   re-reading, writing), or from the moment its COMMIT passes the test's TCP proxy on the way to
//   PostgreSQL or the server's answer passes on the way back (0-8 ms: while the server commits,
//   before the desk hears of it, before and after the desk settles it).
// Some kills take the bridge worker too (as a power cut would); otherwise the worker notices its
// desk has gone and leaves, closing its connection.
//
// WB_CRASH_TRIALS (default 200, journal installed) and WB_CRASH_TRIALS_NO_JOURNAL (default 40: the
// bridge's applied_check settles what was in doubt) set the number of trials; WB_CRASH_SEED plays
// the choices of a run again (it is printed at the start).
import { readdirSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionFor, dropDatabase, uniqueDatabaseName } from '../integration/support/legacy-databases.ts';
import { newDeskDir } from '../integration/support/workbench-cli.ts';
import { connectRivertonArgs, postgresDemoArgs, runDesk } from './support/desk-commands.ts';
import { type CliRun, startDesk, waitForGroupExit } from './support/processes.ts';
import {
  type LegacyBaseline,
  checkLedger,
  legacyBaseline,
  legacyLicences,
  legacyPaymentsAbove,
} from './support/riverton-ledger.ts';
import { type SeededRandom, seedFrom, seededRandom } from './support/seeded-random.ts';
import { type CommitEvent, type TcpProxy, startTcpProxy } from './support/tcp-proxy.ts';
import { meetingRenewalRequirements } from '../support/renewal-requirements.ts';

const TRIALS = Number(process.env.WB_CRASH_TRIALS ?? 200);
const TRIALS_NO_JOURNAL = Number(process.env.WB_CRASH_TRIALS_NO_JOURNAL ?? 40);
const SEED = seedFrom('WB_CRASH_SEED');
/** Licences the trials renew again and again (and pay against). */
const POOL = 12;

type Kind = 'renew' | 'pay' | 'sync';
/** What a kill is timed from. */
type After = 'start' | 'cache opened' | 'entry sent' | 'COMMIT sent' | 'COMMIT answered';

interface Timing {
  /** How long the process lives when left alone (ms). */
  life: number;
  /** Command: when it had the cache open. Sync: when it marked the first entry as sent. */
  from: number;
  /** Command: when its cache transaction committed. Sync: when the last entry was settled. */
  to: number;
}

/** What one trial did, for the summary. */
interface Trial {
  kind: Kind;
  after: After;
  delay: number;
  group: boolean;
  killed: boolean;
  outcome: string;
}

console.log(`[crash] seed ${SEED} (play the same choices again with WB_CRASH_SEED=${SEED})`);

describe.each([
  { journal: true, trials: TRIALS },
  { journal: false, trials: TRIALS_NO_JOURNAL },
])('desk killed at random moments, journal installed: $journal', ({ journal, trials }) => {
  const dir = newDeskDir(`crash-${journal ? 'journal' : 'check'}`);
  const cacheFile = join(dir, 'cache.sqlite');
  const database = uniqueDatabaseName(`crash_${journal ? 'j' : 'c'}`);
  const connection = connectionFor('postgres', database);
  const rng: SeededRandom = seededRandom((SEED ^ (journal ? 0x5eed : 0xc4ec)) >>> 0);
  let proxy: TcpProxy;
  let pool: string[] = [];
  let baseline: LegacyBaseline;
  let nextCents = 0;
  const claimed = new Set<string>();
  const problems: string[] = [];

  const run = (args: string[]) => runDesk(dir, args);
  const cache = () => new Database(cacheFile, { readonly: true });
  const one = <T>(sql: string): T => {
    const db = cache();
    try {
      return db.prepare(sql).get() as T;
    } finally {
      db.close();
    }
  };
  /** Sends so far: a push marks each entry (attempts + 1, in doubt) before it leaves the desk. */
  const attempts = (db: Database.Database) =>
    (db.prepare('SELECT COALESCE(SUM(attempts), 0) AS n FROM outbox').get() as { n: number }).n;
  const outboxSize = () => one<{ n: number }>('SELECT count(*) AS n FROM outbox').n;
  const argsFor = (kind: Kind): string[] => {
    if (kind === 'sync') return ['sync', '--json'];
    const licence = rng.pick(pool);
    if (kind === 'renew') return ['renew', licence, '--json'];
    nextCents++;
    return ['pay', licence, '--amount', String(nextCents), '--method', 'cash', '--json'];
  };

  beforeAll(async () => {
    proxy = await startTcpProxy(5432);
    await run(postgresDemoArgs(connection, 300, 11));
    // The desk reaches the legacy database through the test's proxy, which tells when a COMMIT passes.
    await run(connectRivertonArgs(connection.replace('Port=5432', `Port=${proxy.port}`)));
    await run(['sync']);
    await run(['drawer', 'open', '--float', '0']);
    if (journal)
      expect(await run(['bridge', 'install-journal', 'riverton'])).toMatch(/Created the operation journal/);
    const db = cache();
    try {
      pool = (
        db
          .prepare(
            `SELECT id FROM licence WHERE status = 'active' AND expires_on > date('now', '+1 year')
       AND NOT EXISTS (SELECT 1 FROM hold h WHERE h.licence_id = licence.id OR h.business_id = licence.business_id)
       AND NOT EXISTS (SELECT 1 FROM balance b WHERE b.business_id = licence.business_id)
       ORDER BY id`,
          )
          .all() as Array<{ id: string }>
      ).map((r) => r.id);
      // ...and none missing a renewal requirement of its type (requirements.yaml renewal:)
      pool = meetingRenewalRequirements(db, pool).slice(0, POOL);
    } finally {
      db.close();
    }
    expect(pool).toHaveLength(POOL);
    baseline = await legacyBaseline(connection, pool);
    // Unique amounts in this run (each payment is found by its amount), from a random start.
    nextCents = 1_000_000 + rng.int(0, 999) * 1000;
  }, 180_000);

  afterAll(async () => {
    await proxy?.close();
    await dropDatabase('postgres', database).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Runs a command to its end while watching it every 2 ms (a cache reader never blocks the desk's
   * writer in WAL mode): its life, and when it opened the cache and committed (a command) or when
   * its push sent the first entry and settled the last (a sync).
   */
  async function measure(kind: Kind): Promise<Timing> {
    const db = cache();
    const maxSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) AS s FROM outbox');
    const pending = db.prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`);
    const seqBefore = (maxSeq.get() as { s: number }).s;
    const attemptsBefore = attempts(db);
    const args = argsFor(kind);
    const started = performance.now();
    const desk = startDesk(dir, args);
    let from = -1;
    let to = -1;
    const watch = setInterval(() => {
      const t = performance.now() - started;
      if (kind !== 'sync') {
        if (from < 0 && hasOpen(desk.child.pid!, cacheFile)) from = t;
        if (to < 0 && (maxSeq.get() as { s: number }).s > seqBefore) to = t;
        return;
      }
      if (from < 0 && attempts(db) > attemptsBefore) from = t;
      if (from >= 0 && to < 0 && (pending.get() as { n: number }).n === 0) to = t;
    }, 2);
    const r = await desk.result;
    const life = performance.now() - started;
    clearInterval(watch);
    db.close();
    if (r.status !== 0) throw new Error(`workbench ${args.join(' ')} exited ${r.status}\n${r.stderr}`);
    if (kind !== 'sync') claimed.add((JSON.parse(r.stdout) as { operationId: string }).operationId);
    if (from < 0 || to < 0) throw new Error(`the ${kind} was not seen at work (life ${life.toFixed(0)} ms)`);
    return { life, from, to };
  }

  /** Entries left in doubt (sent, answer unknown), with whether the legacy database has their effect. */
  async function inDoubt(): Promise<Array<{ id: string; committed: boolean }>> {
    const db = cache();
    let rows: Array<{ operation_id: string; command: string; payload: string }>;
    try {
      rows = db
        .prepare(
          `SELECT operation_id, command, payload FROM outbox WHERE status = 'pending' AND in_doubt = 1`,
        )
        .all() as typeof rows;
    } finally {
      db.close();
    }
    if (rows.length === 0) return [];
    const payments = await legacyPaymentsAbove(connection, baseline.maxPayNo);
    const licences = await legacyLicences(connection, pool);
    return rows.map((r) => {
      const p = JSON.parse(r.payload) as { licenceId: string; amountCents?: number; newExpiresOn?: string };
      const committed =
        r.command === 'recordPayment'
          ? payments.some((row) => row.cents === p.amountCents)
          : licences.get(p.licenceId)?.expiresOn === p.newExpiresOn; // renewals only move an expiry on
      return { id: r.operation_id, committed };
    });
  }

  /** One trial: start the command, SIGKILL it `delay` ms after `after`, unless it has ended first. */
  async function trial(
    n: number,
    kind: Kind,
    after: After,
    delay: number,
    group: boolean,
    doubtful: Set<string>,
  ): Promise<Trial> {
    const entriesBefore = kind === 'sync' ? 0 : outboxSize();
    const args = argsFor(kind);
    const db = kind === 'sync' ? cache() : null;
    const attemptsBefore = db ? attempts(db) : 0;
    const desk: CliRun = startDesk(dir, args);
    const pid = desk.child.pid!;
    const ended = () => desk.child.exitCode !== null || desk.child.signalCode !== null;
    let timer: NodeJS.Timeout | undefined;
    const kill = () => {
      if (ended()) return;
      try {
        // The desk's process group is the desk and its bridge worker (a power cut); else the desk only.
        process.kill(group ? -pid : pid, 'SIGKILL');
      } catch {
        // ended meanwhile
      }
    };
    const arm = () => {
      if (!timer) timer = setTimeout(kill, delay);
    };
    let watch: NodeJS.Timeout | undefined;
    let stopListening = () => {};
    if (after === 'start') arm();
    else if (after === 'COMMIT sent' || after === 'COMMIT answered') {
      const wanted: CommitEvent = after === 'COMMIT sent' ? 'sent' : 'answered';
      stopListening = proxy.onCommit((event) => {
        if (event === wanted) arm();
      });
    } else {
      const happened = db ? () => attempts(db) > attemptsBefore : () => hasOpen(pid, cacheFile);
      watch = setInterval(() => {
        if (ended() || !happened()) return;
        clearInterval(watch);
        arm();
      }, 1);
    }
    const hang = setTimeout(() => desk.child.kill('SIGKILL'), 60_000);
    const r = await desk.result;
    stopListening();
    clearInterval(watch);
    clearTimeout(timer);
    clearTimeout(hang);
    const sent = db ? attempts(db) > attemptsBefore : false;
    db?.close();
    // A desk killed alone: its worker sees the IPC channel close and leaves; wait for that.
    await waitForGroupExit(pid, 15_000);
    const killed = r.signal === 'SIGKILL';
    const t: Trial = { kind, after, delay: Math.round(delay), group, killed, outcome: '' };
    if (!killed && r.status !== 0) {
      problems.push(
        `trial ${n}: workbench ${args.join(' ')} exited ${r.status} without being killed: ${r.stderr.trim()}`,
      );
      t.outcome = `failed (exit ${r.status})`;
      return t;
    }
    if (kind !== 'sync') {
      let printed: string | null = null;
      try {
        printed = (JSON.parse(r.stdout) as { operationId: string }).operationId;
        claimed.add(printed);
      } catch {
        // killed before it said anything (or in the middle of saying it)
      }
      const taken = outboxSize() > entriesBefore;
      if (printed && !taken)
        problems.push(`trial ${n}: ${kind} printed operation ${printed} but the outbox did not grow`);
      t.outcome = !killed
        ? 'completed'
        : !taken
          ? 'killed before its cache commit (not taken)'
          : printed
            ? 'killed after printing its result'
            : 'killed after its cache commit, before printing';
      return t;
    }
    if (!killed) {
      if (one<{ n: number }>(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`).n > 0)
        problems.push(`trial ${n}: a sync that ended normally left changes waiting`);
      t.outcome = 'completed';
      return t;
    }
    const now = await inDoubt();
    const fresh = now.filter((d) => !doubtful.has(d.id));
    for (const d of now) doubtful.add(d.id);
    t.outcome = !sent
      ? 'killed before its push sent anything'
      : fresh.length === 0
        ? 'killed after its push settled what it sent'
        : fresh.some((d) => d.committed)
          ? 'killed after the legacy COMMIT, before the desk settled it'
          : 'killed with an entry sent, before the legacy COMMIT';
    return t;
  }

  it(`${trials} trials of renew, pay and sync killed at random; after a restart and sync the legacy DB holds each change exactly once`, async () => {
    const started = performance.now();
    // How long things take here: two of each command, then a sync with four entries waiting; twice.
    const timing: Record<Kind, Timing[]> = { renew: [], pay: [], sync: [] };
    for (let i = 0; i < 2; i++) {
      timing.renew.push(await measure('renew'));
      timing.pay.push(await measure('pay'));
      timing.renew.push(await measure('renew'));
      timing.pay.push(await measure('pay'));
      timing.sync.push(await measure('sync'));
    }
    const mean = (kind: Kind, k: keyof Timing) =>
      timing[kind].reduce((s, x) => s + x[k], 0) / timing[kind].length;
    const c = Object.fromEntries(
      (['renew', 'pay', 'sync'] as const).map((k) => [
        k,
        { life: mean(k, 'life'), from: mean(k, 'from'), to: mean(k, 'to') },
      ]),
    ) as Record<Kind, Timing>;
    const ms = (x: number) => x.toFixed(0);
    console.log(
      `[crash] journal=${journal}: life (ms) renew ${ms(c.renew.life)} (cache open at ${ms(c.renew.from)}, committed at ${ms(c.renew.to)}), ` +
        `pay ${ms(c.pay.life)} (${ms(c.pay.from)}, ${ms(c.pay.to)}), sync of 4 ${ms(c.sync.life)} (push ${ms(c.sync.from)}-${ms(c.sync.to)})`,
    );

    const done: Trial[] = [];
    const doubtful = new Set<string>();
    for (let n = 1; n <= trials; n++) {
      const kind = rng.weighted<Kind>([
        ['renew', 35],
        ['pay', 35],
        ['sync', 30],
      ]);
      const t = c[kind];
      const after: After =
        kind === 'sync'
          ? rng.weighted<After>([
              ['start', 40],
              ['entry sent', 30],
              ['COMMIT sent', 15],
              ['COMMIT answered', 15],
            ])
          : rng.pick<After>(['start', 'cache opened']);
      const delay =
        after === 'start'
          ? rng.between(0, t.life * 1.25)
          : after === 'cache opened'
            ? rng.between(0, Math.max(5, t.to - t.from) + 15)
            : after === 'entry sent'
              ? rng.between(0, Math.max(5, t.to - t.from) + 40)
              : rng.between(0, 8);
      done.push(await trial(n, kind, after, delay, rng.next() < 0.4, doubtful));
    }
    const trialsMs = performance.now() - started;

    // The desk starts again and syncs until nothing waits.
    let syncs = 0;
    for (;;) {
      syncs++;
      const r = await startDesk(dir, ['sync', '--json']).result;
      const pushed = r.status === 0 ? (JSON.parse(r.stdout) as { push: { remaining: number } }).push : null;
      if (pushed && pushed.remaining === 0) break;
      if (syncs === 5) {
        problems.push(
          `after 5 syncs changes still wait: exit ${r.status}: ${r.stderr.trim()} ${r.stdout.trim()}`,
        );
        break;
      }
    }
    const ledger = await checkLedger({ desks: [dir], connection, baseline, claimed });

    const tally = new Map<string, number>();
    for (const t of done) {
      const key = `${t.kind}: ${t.outcome}${t.killed ? ` [${t.group ? 'desk+worker' : 'desk'}; timed from ${t.after}]` : ''}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    console.log(
      `[crash] journal=${journal}: ${trials} trials in ${(trialsMs / 1000).toFixed(1)} s ` +
        `(${ms(trialsMs / trials)} ms each), ${done.filter((t) => t.killed).length} killed; ` +
        `settled in ${syncs} sync(s); ${ledger.renewals} renewals of ${ledger.renewedLicences.size} licences and ` +
        `${ledger.payments} payments checked against the legacy DB; ${doubtful.size} entries were left in doubt by a kill`,
    );
    for (const [key, count] of [...tally].sort())
      console.log(`[crash]   ${String(count).padStart(4)}  ${key}`);

    expect([...problems, ...ledger.problems], `seed ${SEED}`).toEqual([]);
    expect(ledger.renewals + ledger.payments).toBeGreaterThan(0);
  }, 900_000);
});

/** Whether process `pid` has `file` open (from /proc: the links of its descriptors). */
function hasOpen(pid: number, file: string): boolean {
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === file) return true;
      } catch {
        // closed meanwhile
      }
    }
  } catch {
    // the process has ended
  }
  return false;
}
