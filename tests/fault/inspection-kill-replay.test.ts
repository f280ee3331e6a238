// Inspection results replayed through SIGKILLs land exactly once (issue 13, "it must show").
// Riverton's demo city on PostgreSQL, reached through the test's TCP proxy (which tells when a
// COMMIT passes); an inspector's desk records 200 results while the legacy database is away, each
// with its whole checklist (passes, failures with notes, some not applicable) and violations on
// some; each failed result also queues its re-inspection (a scheduleInspection entry). Then
// `workbench sync` replays the outbox and is SIGKILLed at seeded random points, several times
// (from when an entry is marked sent, from when a COMMIT passes on its way to PostgreSQL, from when
// the server's answer passes on its way back; the desk alone or with its bridge worker), and is
// started again until nothing waits. The legacy database must then hold each result exactly once:
// its INSSCH row done, exactly its INSCHK lines and VIOLTN rows, one INSPCT history row; each
// re-inspection exactly one new open INSSCH row under the number the desk adopted; nothing else
// new; the outbox all applied, no conflict. Once with the operation journal (its row settles an
// entry left in doubt), once without (the bridge's applied_check does).
//
// WB_INSPECTION_REPLAYS (default 200: with the journal) and WB_INSPECTION_REPLAYS_NO_JOURNAL
// (default 60, to keep the file near two minutes: replay opens connections per entry, 4 to 10
// entries a second through the proxy) set the results, WB_INSPECTION_KILLS (default 6) the kills a
// case; WB_INSPECTION_KILL_SEED plays the choices of a run again (printed at the start).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk } from '../../src-main/node/desk/open-desk.ts';
import { createHandlers } from '../../src-main/node/handlers/handlers.ts';
import { kindRules, loadInspectionRules } from '../../src-main/node/inspections/inspection-rules.ts';
import {
  callThrough,
  deskConnection,
  me,
  pointDeskAway,
  writePolicy,
} from '../integration/support/desk-under-test.ts';
import { connectionFor, dropDatabase, uniqueDatabaseName } from '../integration/support/legacy-databases.ts';
import { newDeskDir } from '../integration/support/workbench-cli.ts';
import { connectRivertonArgs, postgresDemoArgs, runDesk, runDeskJson } from './support/desk-commands.ts';
import {
  type InspectionBaseline,
  checkInspectionLedger,
  inspectionBaseline,
} from './support/inspection-ledger.ts';
import { startDesk, waitForGroupExit } from './support/processes.ts';
import { cacheRows, legacyQuery } from './support/riverton-ledger.ts';
import { seedFrom, seededRandom } from './support/seeded-random.ts';
import { type CommitEvent, type TcpProxy, startTcpProxy } from './support/tcp-proxy.ts';

const RESULTS = Number(process.env.WB_INSPECTION_REPLAYS ?? 200);
const RESULTS_NO_JOURNAL = Number(process.env.WB_INSPECTION_REPLAYS_NO_JOURNAL ?? 60);
const KILLS = Number(process.env.WB_INSPECTION_KILLS ?? 6);
const SEED = seedFrom('WB_INSPECTION_KILL_SEED');
/** The demo city has about one open visit (with a licence and an inspector) per 17 licences. */
const citySize = (results: number) => Math.max(1500, results * 20);

type After = 'entry sent' | 'COMMIT sent' | 'COMMIT answered';
interface Kill {
  after: After;
  /** Entries marked sent (or COMMITs seen) in this run before the kill was armed. */
  count: number;
  delay: number;
  group: boolean;
  outcome: string;
}
const rules = loadInspectionRules(join(import.meta.dirname, '../../bridges/riverton/inspections.yaml'));
type Answers = Record<string, { outcome: 'pass' | 'fail' | 'na'; note?: string }>;

console.log(
  `[inspection-kill] seed ${SEED} (play the same choices again with WB_INSPECTION_KILL_SEED=${SEED})`,
);

describe.each([
  { journal: true, results: RESULTS },
  { journal: false, results: RESULTS_NO_JOURNAL },
])(
  '$results inspection results replayed through SIGKILLs, journal installed: $journal',
  ({ journal, results }) => {
    const dir = newDeskDir(`insp-kill-${journal ? 'journal' : 'check'}`);
    const cacheFile = join(dir, 'cache.sqlite');
    const database = uniqueDatabaseName(`inspkill_${journal ? 'j' : 'c'}`);
    const connection = connectionFor('postgres', database);
    const rng = seededRandom((SEED ^ (journal ? 0x1a5b : 0x2c7d)) >>> 0);
    let proxy: TcpProxy;
    let baseline: InspectionBaseline;
    /** What the desk said it recorded: visit -> its re-inspection (local id) when the result failed. */
    const recorded = new Map<string, string | null>();
    let entries = 0;
    /** Results a kill left in doubt after the legacy COMMIT: the next sync must settle them by re-reading. */
    const committedInDoubt = new Set<string>();

    const pending = () =>
      cacheRows<{ n: number }>(dir, `SELECT count(*) AS n FROM outbox WHERE status = 'pending'`)[0]!.n;
    const attempts = (db: Database.Database) =>
      (db.prepare('SELECT COALESCE(SUM(attempts), 0) AS n FROM outbox').get() as { n: number }).n;

    beforeAll(async () => {
      proxy = await startTcpProxy(5432);
      await runDesk(dir, postgresDemoArgs(connection, citySize(results), 13));
      await runDesk(dir, connectRivertonArgs(connection.replace('Port=5432', `Port=${proxy.port}`)));
      await runDesk(dir, ['sync']);
      if (journal)
        expect(await runDesk(dir, ['bridge', 'install-journal', 'riverton'])).toMatch(
          /Created the operation journal/,
        );
      writePolicy(dir, 'inspector');
    }, 180_000);

    afterAll(async () => {
      await proxy?.close();
      await dropDatabase('postgres', database).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    });

    it(`records ${results} results offline, with checklists, violations and re-inspections`, async () => {
      const back = pointDeskAway(dir, 'postgres', deskConnection(dir));
      const desk = openDesk({ dataDir: dir });
      try {
        const call = callThrough(() => createHandlers(desk, undefined, () => me));
        const checklist = (kind: string) => kindRules(rules, kind)?.items ?? [];
        const visits = (
          desk.cache
            .prepare(
              `SELECT id, kind FROM scheduled_inspection
                WHERE status = 'scheduled' AND licence_id IS NOT NULL AND inspector IS NOT NULL
                ORDER BY CAST(id AS INTEGER)`,
            )
            .all() as Array<{ id: string; kind: string }>
        ).filter((v) => checklist(v.kind).length >= 3);
        expect(visits.length).toBeGreaterThanOrEqual(results);
        const sections = (
          desk.cache.prepare('SELECT section FROM ordinance ORDER BY section').all() as Array<{
            section: string;
          }>
        ).map((s) => s.section);
        for (const [n, visit] of visits.slice(0, results).entries()) {
          const items = checklist(visit.kind);
          // Several failures on most visits (a note on some, one with quotes and a degree sign), a
          // few items not applicable, the rest passed.
          const failures = rng.weighted([
            [0, 25],
            [1, 25],
            [2, 25],
            [4, 25],
          ]);
          const failed = new Set<string>();
          while (failed.size < Math.min(failures, items.length)) failed.add(rng.pick(items).code);
          const answers: Answers = {};
          for (const item of items) {
            if (failed.has(item.code))
              answers[item.code] =
                rng.next() < 0.6
                  ? { outcome: 'fail', note: n % 7 === 0 ? `it's at 45 °F (${n})` : `seen on ${n}` }
                  : { outcome: 'fail' };
            else answers[item.code] = { outcome: !item.critical && rng.next() < 0.1 ? 'na' : 'pass' };
          }
          const violations =
            rng.next() < 0.4
              ? Array.from({ length: rng.int(1, 3) }, (_, k) => ({
                  ordinanceSection: rng.pick(sections),
                  description: `visit ${visit.id}, finding ${k + 1}`,
                }))
              : [];
          const r = await call('inspections.record', { inspectionId: visit.id, answers, violations });
          recorded.set(visit.id, r.reinspection?.inspectionId ?? null);
        }
        entries = (
          desk.cache.prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`).get() as {
            n: number;
          }
        ).n;
      } finally {
        desk.close();
        back();
      }
      const reinspections = [...recorded.values()].filter(Boolean).length;
      expect(reinspections).toBeGreaterThan(results / 6);
      expect(reinspections).toBeLessThan(results);
      // One entry per result and one per re-inspection, nothing sent yet.
      expect(entries).toBe(results + reinspections);
      baseline = await inspectionBaseline(connection);
      console.log(
        `[inspection-kill] journal=${journal}: ${results} results, ${reinspections} re-inspections queued`,
      );
    }, 120_000);

    /** One replay: `workbench sync`, SIGKILLed `delay` ms after the `count`-th event of `after`. */
    async function killedSync(after: After, count: number, delay: number, group: boolean): Promise<Kill> {
      const db = new Database(cacheFile, { readonly: true });
      const before = attempts(db);
      const desk = startDesk(dir, ['sync', '--json']);
      const pid = desk.child.pid!;
      const ended = () => desk.child.exitCode !== null || desk.child.signalCode !== null;
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        timer ??= setTimeout(() => {
          if (ended()) return;
          try {
            // The desk's process group is the desk and its bridge worker (a power cut); else the desk only.
            process.kill(group ? -pid : pid, 'SIGKILL');
          } catch {
            // ended meanwhile
          }
        }, delay);
      };
      let watch: NodeJS.Timeout | undefined;
      let stopListening = () => {};
      if (after === 'entry sent')
        watch = setInterval(() => {
          if (attempts(db) - before >= count) arm();
        }, 1);
      else {
        const wanted: CommitEvent = after === 'COMMIT sent' ? 'sent' : 'answered';
        let seen = 0;
        stopListening = proxy.onCommit((event) => {
          if (event === wanted && ++seen >= count) arm();
        });
      }
      const hang = setTimeout(() => desk.child.kill('SIGKILL'), 90_000);
      const r = await desk.result;
      clearInterval(watch);
      stopListening();
      clearTimeout(timer);
      clearTimeout(hang);
      db.close();
      await waitForGroupExit(pid, 15_000);
      const kill: Kill = { after, count, delay: Math.round(delay), group, outcome: '' };
      if (r.signal !== 'SIGKILL') {
        expect(r.status, r.stderr).toBe(0);
        kill.outcome = 'ended before the kill';
        return kill;
      }
      const doubt = await inDoubt();
      const doubtful = doubt.filter((d) => d.committed !== null);
      const committed = doubtful.filter((d) => d.committed).length;
      for (const d of doubtful) if (d.committed) committedInDoubt.add(d.id);
      kill.outcome =
        `killed with ${pending()} waiting; in doubt: ${doubtful.length} result(s) (${committed} committed in the legacy DB), ` +
        `${doubt.length - doubtful.length} re-inspection(s)`;
      return kill;
    }

    /** Results left in doubt by a kill, with whether the legacy database has their visit done. */
    async function inDoubt(): Promise<Array<{ id: string; committed: boolean | null }>> {
      const rows = cacheRows<{ operation_id: string; command: string; payload: string }>(
        dir,
        `SELECT operation_id, command, payload FROM outbox WHERE status = 'pending' AND in_doubt = 1`,
      );
      const out: Array<{ id: string; committed: boolean | null }> = [];
      for (const r of rows) {
        if (r.command !== 'recordInspectionResult') {
          out.push({ id: r.operation_id, committed: null });
          continue;
        }
        const visit = Number((JSON.parse(r.payload) as { inspectionId: string }).inspectionId);
        const [row] = await legacyQuery(connection)<{ STS: string }>(
          `SELECT {SCHSTS} AS {STS} FROM {INSSCH} WHERE {SCHNO} = ${visit}`,
        );
        out.push({ id: r.operation_id, committed: String(row?.STS).trim() === 'D' });
      }
      return out;
    }

    it(`replayed by \`workbench sync\`, killed ${KILLS} times and restarted, leaves each result and re-inspection exactly once`, async () => {
      const started = performance.now();
      const kills: Kill[] = [];
      for (let k = 0; k < KILLS && pending() > 0; k++) {
        // Spread the kills over the replay: each lands within a share of what still waits.
        const share = Math.max(2, Math.ceil(pending() / (KILLS - k)));
        const after = rng.weighted<After>([
          ['entry sent', 40],
          ['COMMIT sent', 30],
          ['COMMIT answered', 30],
        ]);
        const count = rng.int(1, share);
        const delay = after === 'entry sent' ? rng.between(0, 30) : rng.between(0, 8);
        kills.push(await killedSync(after, count, delay, rng.next() < 0.5));
      }
      const killedMs = performance.now() - started;
      let syncs = 0;
      let remaining = -1;
      while (remaining !== 0 && syncs < 5) {
        syncs++;
        const out = await runDeskJson<{ push: { remaining: number } }>(dir, ['sync']);
        remaining = out.push.remaining;
      }
      expect(remaining, 'changes still wait after 5 syncs').toBe(0);
      const ledger = await checkInspectionLedger(dir, connection, baseline);
      const ms = performance.now() - started;
      console.log(
        `[inspection-kill] journal=${journal}: ${kills.filter((k) => k.outcome.startsWith('killed')).length} of ${kills.length} syncs killed in ` +
          `${(killedMs / 1000).toFixed(1)} s, settled by ${syncs} more sync(s), ${(ms / 1000).toFixed(1)} s in all; ` +
          `${ledger.results} results (${ledger.checklistLines} checklist lines, ${ledger.violations} violations) and ` +
          `${ledger.reinspections} re-inspections checked against the legacy DB; ` +
          `${committedInDoubt.size} result(s) left committed but in doubt by a kill`,
      );
      for (const k of kills)
        console.log(
          `[inspection-kill]   ${k.group ? 'desk+worker' : 'desk'} ${k.delay} ms after ${k.after} #${k.count}: ${k.outcome}`,
        );
      expect(ledger.problems, `seed ${SEED}`).toEqual([]);
      // Each entry settled once (one replay.* audit entry); those a kill left committed but in doubt
      // by the journal row or the applied_check, never by sending them again.
      const settled = cacheRows<{ action: string; detail: string }>(
        dir,
        `SELECT action, detail FROM audit_log WHERE action IN ('replay.applied', 'replay.already_applied')`,
      ).map((a) => ({ action: a.action, ...(JSON.parse(a.detail) as { operationId: string; via: string }) }));
      const times = new Map<string, number>();
      for (const a of settled) times.set(a.operationId, (times.get(a.operationId) ?? 0) + 1);
      expect(
        [...times.values()].filter((n) => n !== 1),
        'entries settled more than once',
      ).toEqual([]);
      expect(times.size).toBe(entries);
      expect(
        settled.filter((a) => committedInDoubt.has(a.operationId)).map((a) => `${a.action} via ${a.via}`),
      ).toEqual(
        [...committedInDoubt].map(() => `replay.already_applied via ${journal ? 'journal' : 'check'}`),
      );
      expect(ledger.results).toBe(results);
      expect(ledger.reinspections).toBe([...recorded.values()].filter(Boolean).length);
      expect(kills.some((k) => k.outcome.startsWith('killed'))).toBe(true);
    }, 300_000);
  },
);
