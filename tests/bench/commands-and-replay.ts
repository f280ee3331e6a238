// Benchmark: saving a command at the counter, and replaying the outbox into the legacy database.
// 1. Latency of renewLicence / recordPayment on a real desk cache hydrated from the demo city
//    (WAL, synchronous=FULL: each command is one fsynced transaction), called in-process as the
//    services do: p50, p99 and max.
// 2. Replay rate of pushOutbox against PostgreSQL through the ODBC worker for --ops queued
//    operations (half renewals, half payments), without and with the operation journal, each next
//    to a baseline measured in the same run just before it: the bridge's same UPDATE / SELECT MAX+1 /
//    INSERT statements sent straight through node-odbc on one connection, one transaction per
//    operation, without the locking re-read, the compare, the journal, the worker or the cache.
// Prints figures only: timings are never pass/fail.
//   node tests/bench/commands-and-replay.ts [--size 20000] [--ops 2000] [--keep]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import odbc from 'odbc';
import { addMonths } from '../../src-main/common/licence-rules.ts';
import { zonedIso } from '../../src-main/common/time.ts';
import { bindParams } from '../../src-main/node/bridge/command-params.ts';
import { dialectTable, expandIdentifiers } from '../../src-main/node/bridge/dialects.ts';
import { renewLicence } from '../../src-main/node/commands/licence-commands.ts';
import { recordPayment } from '../../src-main/node/commands/payment-commands.ts';
import { openDrawer } from '../../src-main/node/drawer/sessions.ts';
import type { Desk } from '../../src-main/node/desk/open-desk.ts';
import { refreshAll } from '../../src-main/node/sync/refresh.ts';
import { pushOutbox } from '../../src-main/node/sync/replay.ts';
import { meetingRenewalRequirements } from '../support/renewal-requirements.ts';
import { benchRun, cleanUpBench, createBenchCity, openBenchDesk, runBench } from './bench-database.ts';

const { db, size, ops, keep } = benchRun('wb_bench_replay', { size: '20000', ops: '2000' });
const { connection } = db;
const dataDir = mkdtempSync(join(tmpdir(), 'wb-bench-replay-'));
const ACTOR = 'bench';

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const ms = (x: number) => x.toFixed(2);

// The bench renews the same licences again and again, far from their expiry: like the fault
// desks (tests/fault/support/processes.ts) it runs without the city's fee rules (base amounts,
// renewals any time), so Riverton's renewal window does not refuse a second renewal.
process.env.WORKBENCH_FEE_RULES ??= 'none';

/**
 * Licences a counter may renew (active or expired), spread over the city: no hold and nothing
 * owed (these block a renewal whatever the fee rules), and their type's renewal requirements met.
 */
function renewable(desk: Desk): string[] {
  const ids = (
    desk.cache
      .prepare(
        `SELECT l.id FROM licence l WHERE l.status IN ('active', 'expired')
           AND NOT EXISTS (SELECT 1 FROM hold h WHERE h.licence_id = l.id OR h.business_id = l.business_id)
           AND NOT EXISTS (SELECT 1 FROM balance b WHERE b.business_id = l.business_id)
         ORDER BY l.id`,
      )
      .all() as Array<{ id: string }>
  ).map((r) => r.id);
  return meetingRenewalRequirements(desk.cache, ids);
}

let nextCents = 100_000;
/** `count` commands, half renewals and half payments, each timed; the outbox keeps them all. */
function takeCommands(desk: Desk, ids: string[], count: number): { renew: number[]; pay: number[] } {
  const renew: number[] = [];
  const pay: number[] = [];
  for (let i = 0; i < count; i++) {
    const id = ids[(i * 7919) % ids.length]!;
    const started = performance.now();
    if (i % 2 === 0) {
      renewLicence(desk, ACTOR, id);
      renew.push(performance.now() - started);
    } else {
      recordPayment(desk, ACTOR, { licenceId: id, amountCents: nextCents++, method: 'cash' });
      pay.push(performance.now() - started);
    }
  }
  return { renew, pay };
}

function printLatency(label: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(15)} p50 ${ms(percentile(sorted, 0.5))} ms, p99 ${ms(percentile(sorted, 0.99))} ms, max ${ms(sorted.at(-1)!)} ms (${sorted.length} commands)`,
  );
}

/**
 * The baseline: the bridge's own statements for `count` operations (half renewals, half payments)
 * on one plain node-odbc connection, one transaction each, nothing else. Returns operations/s.
 */
async function baseline(desk: Desk, ids: string[], count: number): Promise<number> {
  const { definition } = desk.bridge();
  const dialect = dialectTable.postgres;
  const commands = definition.commands!;
  const conn = await odbc.connect(connection);
  try {
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const id = ids[(i * 104_729) % ids.length]!;
      const now = zonedIso(new Date(), definition.time_zone);
      const values: Record<string, unknown> =
        i % 2 === 0
          ? {
              licenceId: id,
              newExpiresOn: addMonths(now.slice(0, 10), 12 + (i % 24)),
              feeCents: 12_500,
              renewedAt: now,
            }
          : {
              licenceId: id,
              amountCents: nextCents++,
              method: 'cash',
              paidOn: now.slice(0, 10),
              paidAt: now,
            };
      const command = commands[i % 2 === 0 ? 'renewLicence' : 'recordPayment']!;
      await conn.beginTransaction();
      for (const statement of command.statements) {
        const params = bindParams(statement.params ?? [], values, definition.time_zone) as Array<
          string | number
        >;
        if ('query' in statement) {
          const rows = (await conn.query(
            expandIdentifiers(statement.query, dialect),
            params,
          )) as unknown as Array<Record<string, unknown>>;
          values[statement.into] = Number(Object.values(rows[0]!)[0]);
        } else {
          await conn.query(expandIdentifiers(statement.sql, dialect), params);
        }
      }
      await conn.commit();
    }
    return count / ((performance.now() - started) / 1000);
  } finally {
    await conn.close();
  }
}

async function replay(desk: Desk, label: string, count: number, base: number): Promise<void> {
  const started = performance.now();
  const summary = await pushOutbox(desk, ACTOR);
  const secs = (performance.now() - started) / 1000;
  const done = summary.applied + summary.alreadyApplied;
  if (done !== count || summary.remaining !== 0 || summary.conflicts !== 0)
    console.log(`  (unexpected: ${JSON.stringify(summary)})`);
  const rate = done / secs;
  console.log(
    `${label.padEnd(22)} ${done} operations in ${secs.toFixed(1)} s = ${rate.toFixed(0)} ops/s ` +
      `(${((secs * 1000) / done).toFixed(2)} ms each); baseline ${base.toFixed(0)} ops/s; ` +
      `replay takes ${(base / rate).toFixed(1)}x the baseline's time`,
  );
}

async function main() {
  console.log(
    `# Civic Workbench benchmark: commands and replay (${size} licences, ${ops} operations, PostgreSQL)`,
  );
  await createBenchCity(db, dataDir, size);
  const desk = openBenchDesk(dataDir, connection);
  try {
    const hydrate = performance.now();
    await refreshAll(desk, ACTOR);
    const licences = (desk.cache.prepare('SELECT count(*) AS n FROM licence').get() as { n: number }).n;
    console.log(
      `desk cache hydrated: ${licences} licences in ${((performance.now() - hydrate) / 1000).toFixed(1)} s`,
    );
    const sync = desk.cache.pragma('synchronous', { simple: true });
    const mode = desk.cache.pragma('journal_mode', { simple: true });
    console.log(`cache: journal_mode=${String(mode)}, synchronous=${sync === 2 ? 'FULL' : String(sync)}`);
    // The desk's commands and the baseline's statements touch different licences: a baseline
    // renewal of a licence the desk has a renewal queued for would make that one a conflict.
    const all = renewable(desk);
    const ids = all.filter((_, i) => i % 2 === 0);
    const baselineIds = all.filter((_, i) => i % 2 === 1);

    console.log('\n## Saving a command (one cache transaction: local effect + outbox entry + audit)');
    openDrawer(desk, ACTOR, 0);
    const first = takeCommands(desk, ids, ops);
    printLatency('renewLicence', first.renew);
    printLatency('recordPayment', first.pay);

    console.log(`\n## Replay (pushOutbox → ODBC worker → PostgreSQL), ${ops} queued operations`);
    const { file, definition } = desk.bridge();
    await desk.worker.ping({ bridgeFile: file, connection }); // the worker up and connected, as in a running desk
    await replay(desk, 'without the journal', ops, await baseline(desk, baselineIds, ops));

    const installed = await desk.worker.journal({ bridgeFile: file, connection, action: 'install' });
    if (!installed.installed) throw new Error('the journal could not be installed');
    const second = takeCommands(desk, ids, ops);
    await replay(desk, 'with the journal', ops, await baseline(desk, baselineIds, ops));
    printLatency('renewLicence*', second.renew);
    printLatency('recordPayment*', second.pay);
    console.log(`* saved again with ${ops} applied entries in the outbox (bridge ${definition.name})`);
  } finally {
    desk.close();
  }
  await cleanUpBench(db, [dataDir], keep);
}

runBench(main, db);
