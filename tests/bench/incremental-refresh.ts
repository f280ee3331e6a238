// Benchmark: incremental refresh against a full one, on the demo city in PostgreSQL through ODBC
// (default 200,000 licences). 100 licences are changed in the legacy database (a new fee and a
// new LICUPD stamp), then refreshChanged reads what changed; the baseline is refreshAll of the
// same desk in the same run. Run twice: with Riverton's bridge as shipped (payments by their number
// as a version, inspections by row-hash chunks), and with a variant that has no change detection
// for payments and inspections (read whole every time, as the bridge was before). Prints figures
// only: timings are never pass/fail.
//   node tests/bench/incremental-refresh.ts [--size 200000] [--changed 100] [--keep]
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityName } from '../../src-main/common/model.ts';
import { zonedIso } from '../../src-main/common/time.ts';
import type { Desk } from '../../src-main/node/desk/open-desk.ts';
import { refreshAll, refreshChanged, type RefreshResult } from '../../src-main/node/sync/refresh.ts';
import { queryLegacy } from '../integration/support/legacy-databases.ts';
import { repoRoot } from '../integration/support/workbench-cli.ts';
import { benchRun, cleanUpBench, createBenchCity, openBenchDesk, runBench } from './bench-database.ts';

const { db, size, changed, keep } = benchRun('wb_bench_incr', { size: '200000', changed: '100' });
const { connection } = db;
const scratch: string[] = [];
const tmp = (label: string) => {
  const dir = mkdtempSync(join(tmpdir(), `wb-bench-${label}-`));
  scratch.push(dir);
  return dir;
};

/** Riverton's bridge without change detection for payments and inspections: both read whole. */
function readWholeBridge(): string {
  const dir = tmp('bridge');
  cpSync(join(repoRoot, 'bridges', 'riverton'), dir, { recursive: true });
  const file = join(dir, 'bridge.yaml');
  const shipped = readFileSync(file, 'utf8');
  const text = shipped
    .replace(/\n\s*changes: \{ mode: version, column: PAYNO \}/, '')
    .replace(/\n\s*changes: \{ mode: row_hash[^}]*\}/, '');
  if (text === shipped) throw new Error('bridges/riverton has no change detection on payments to take away');
  writeFileSync(file, text);
  return file;
}

const deskWith = (bridge: string): Desk => openBenchDesk(tmp('desk'), connection, bridge);

/** Runs a refresh and times it, in total and per entity (from its progress reports). */
async function timed(
  run: (
    desk: Desk,
    actor: string,
    onProgress: (p: { entity: EntityName; phase: string }) => void,
  ) => Promise<RefreshResult>,
  desk: Desk,
): Promise<{ seconds: number; perEntity: Map<EntityName, number>; result: RefreshResult }> {
  const perEntity = new Map<EntityName, number>();
  let entityStart = 0;
  const t0 = performance.now();
  const result = await run(desk, 'bench', (p) => {
    if (p.phase === 'reading' && !perEntity.has(p.entity)) {
      perEntity.set(p.entity, Number.NaN);
      entityStart = performance.now();
    }
    if (p.phase === 'done') perEntity.set(p.entity, performance.now() - entityStart);
  });
  return { seconds: (performance.now() - t0) / 1000, perEntity, result };
}

function report(label: string, t: Awaited<ReturnType<typeof timed>>, baselineSeconds?: number): void {
  const ratio = baselineSeconds
    ? ` (${((t.seconds / baselineSeconds) * 100).toFixed(1)}% of the full refresh)`
    : '';
  console.log(`${label}: ${t.seconds.toFixed(2)} s${ratio}`);
  for (const e of t.result.entities) {
    const ms = t.perEntity.get(e.entity) ?? Number.NaN;
    const counts =
      e.mode === undefined
        ? `${e.rows} read`
        : `${e.mode.padEnd(7)} ${String(e.rows).padStart(7)} read, ${e.added} added, ${e.updated} updated, ${e.removed} removed, ${e.kept} kept`;
    console.log(`  ${e.entity.padEnd(12)} ${ms.toFixed(0).padStart(6)} ms  ${counts}`);
  }
}

async function changeLicences(round: number): Promise<void> {
  const stamp = zonedIso(new Date(Date.now() + round * 60_000), 'America/Chicago')
    .slice(0, 19)
    .replace(/\D/g, '');
  // Spread over the table: every (size / changed)-th licence.
  const step = Math.max(1, Math.floor(size / changed));
  const ids = Array.from({ length: changed }, (_, i) => `'RV-${String(i * step + round).padStart(7, '0')}'`);
  await queryLegacy(
    connection,
    `UPDATE "LICMST" SET "LICFEE" = "LICFEE" + 1, "LICUPD" = '${stamp}' WHERE "LICNO" IN (${ids.join(', ')})`,
  );
}

async function scenario(title: string, bridge: string): Promise<void> {
  console.log(`\n## ${title}`);
  const desk = deskWith(bridge);
  const first = await timed(refreshChanged, desk);
  report('first refreshChanged (no marks yet: every row)', first);
  const full = await timed(refreshAll, desk);
  report('refreshAll (baseline: every row, every time)', full);
  const idle = await timed(refreshChanged, desk);
  report('refreshChanged, nothing changed', idle, full.seconds);
  // Three rounds (the machine may be busy with other work): each changes another set of licences.
  const rounds: number[] = [];
  for (let round = 1; round <= 3; round++) {
    await changeLicences(round);
    const incremental = await timed(refreshChanged, desk);
    rounds.push(incremental.seconds);
    report(`refreshChanged, ${changed} licences changed (round ${round})`, incremental, full.seconds);
    const licence = incremental.result.entities.find((e) => e.entity === 'licence')!;
    console.log(
      `  licences written: ${licence.loaded} of ${licence.rows} read (the rest: blank LICUPD, read every time, unchanged)`,
    );
  }
  const median = [...rounds].sort((a, b) => a - b)[1]!;
  console.log(
    `summary: full ${full.seconds.toFixed(2)} s; incremental with ${changed} changed licences, median of 3: ` +
      `${median.toFixed(2)} s = ${((median / full.seconds) * 100).toFixed(1)}% of the full refresh`,
  );
  desk.close();
}

async function main() {
  console.log(`# Civic Workbench benchmark: incremental refresh, ${size} licences, PostgreSQL through ODBC`);
  await createBenchCity(db, tmp('demo'), size);
  await scenario(
    "Riverton's bridge as shipped (payments by version (PAYNO), inspections by row-hash chunks of 5,000)",
    'riverton',
  );
  await scenario(
    'variant: payments and inspections without change detection (read whole)',
    readWholeBridge(),
  );
  await cleanUpBench(db, scratch, keep);
}

runBench(main, db);
