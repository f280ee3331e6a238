// Benchmark: hydrate N licences (default 200,000) of the demo city from PostgreSQL through ODBC
// into a desk's cache, against `psql \copy` of the same rows as the baseline measured in the same
// run; then search latency over that cache for 1, 3 and 8 typed characters. Prints figures only:
// timings are never pass/fail.
//   node tests/bench/hydrate-and-search.ts [--size 200000] [--keep]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entityNames } from '../../src-main/common/model.ts';
import { dialectTable } from '../../src-main/node/bridge/dialects.ts';
import { loadBridge } from '../../src-main/node/bridge/load-bridge.ts';
import { buildReadPlan } from '../../src-main/node/bridge/read-plan.ts';
import { searchLicences } from '../../src-main/node/cache/search.ts';
import { refreshAll } from '../../src-main/node/sync/refresh.ts';
import { benchRun, cleanUpBench, createBenchCity, openBenchDesk, runBench } from './bench-database.ts';

const { db, size, keep } = benchRun('wb_bench', { size: '200000' });
const dataDir = mkdtempSync(join(tmpdir(), 'wb-bench-'));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** Resident memory of this process and its children (the bridge worker), sampled from /proc. */
function rssOfTree(): { self: number; children: number } {
  const self = process.memoryUsage().rss;
  let children = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid) {
        const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        children += Number(rss?.[1] ?? 0) * 1024;
      }
    } catch {
      // the process ended while we looked
    }
  }
  return { self, children };
}

async function main() {
  console.log(`# Civic Workbench benchmark: ${size} licences, PostgreSQL through ODBC`);
  await createBenchCity(db, dataDir, size);
  const desk = openBenchDesk(dataDir, db.connection);
  let peakSelf = 0;
  let peakWorker = 0;
  const sampler = setInterval(() => {
    const m = rssOfTree();
    peakSelf = Math.max(peakSelf, m.self);
    peakWorker = Math.max(peakWorker, m.children);
  }, 100);
  const t0 = performance.now();
  const result = await refreshAll(desk, 'bench');
  const hydrateSecs = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const loaded = result.entities.reduce((n, e) => n + e.rows, 0);
  const licences = result.entities.find((e) => e.entity === 'licence')?.rows ?? 0;

  // Baseline: psql \copy of the same columns (with the same casts) to files, same run, same server.
  const { definition } = loadBridge(join(desk.root, 'bridges', 'riverton', 'bridge.yaml'));
  const out = mkdtempSync(join(tmpdir(), 'wb-bench-copy-'));
  const t1 = performance.now();
  for (const entity of entityNames) {
    const mapping = definition.entities[entity];
    if (!mapping) continue;
    const { sql } = buildReadPlan(definition, entity, mapping, dialectTable.postgres);
    execFileSync('psql', [
      '-h',
      '127.0.0.1',
      '-U',
      'postgres',
      '-d',
      db.database,
      '-q',
      '-c',
      `\\copy (${sql}) TO '${join(out, entity)}.csv' CSV`,
    ]);
  }
  const copySecs = (performance.now() - t1) / 1000;
  rmSync(out, { recursive: true, force: true });

  console.log(
    '\n## Hydrate (legacy PostgreSQL → ODBC worker → canonical records → SQLite cache + FTS index)',
  );
  console.log(
    `rows: ${loaded} (${licences} licences) in ${hydrateSecs.toFixed(1)} s = ${Math.round(loaded / hydrateSecs)} rows/s`,
  );
  console.log(`peak RSS: desk process ${mb(peakSelf)} MB, bridge worker ${mb(peakWorker)} MB`);
  console.log(
    `baseline psql \\copy of the same rows: ${copySecs.toFixed(1)} s = ${Math.round(loaded / copySecs)} rows/s`,
  );
  console.log(`ratio: hydrate takes ${(hydrateSecs / copySecs).toFixed(1)}x the time of \\copy`);
  for (const e of result.entities)
    console.log(
      `  ${e.entity.padEnd(12)} ${String(e.rows).padStart(8)} rows, ${e.issues} data issues, ${e.rejected} rejected`,
    );

  // Search latency for what a clerk types: prefixes of real business names.
  const names = (
    desk.cache.prepare('SELECT name FROM business ORDER BY rowid LIMIT 2000').all() as { name: string }[]
  ).map((r) => r.name);
  console.log('\n## Search latency (licences.search, limit 100, warm cache)');
  for (const chars of [1, 3, 8]) {
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      const typed = names[(i * 7) % names.length]!.slice(0, chars);
      const s = performance.now();
      searchLicences(desk.cache, typed, 100);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
    console.log(
      `${chars} character${chars > 1 ? 's' : ' '}: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms (${times.length} searches)`,
    );
  }
  desk.close();
  await cleanUpBench(db, [dataDir], keep);
}

runBench(main, db);
