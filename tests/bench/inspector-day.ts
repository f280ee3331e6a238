// Benchmark: the inspector's reads on a desk cache of N scheduled inspections (default 200,000),
// written straight into a fresh cache (no legacy database needed): 40 inspectors, visits spread
// over two years around the day, 95% of the past ones done with their checklists (3% overdue), one done visit
// in six with an open violation, licences on 60% of the visits and bare addresses on the rest.
// Prints the latency (p50/p95) of one inspector's day (inspector-day.ts: the day, the overdue
// visits, the open violations at each site, in route order), of one visit with its history, and of
// the supervisor's workload of the day (assign.ts). Figures only.
//   node tests/bench/inspector-day.ts [--size 200000] [--runs 40]
import { parseArgs } from 'node:util';
import { addDays } from '../../src-main/common/licence-rules.ts';
import { inspectorWorkload } from '../../src-main/node/inspections/assign.ts';
import { dayVisits, showVisit } from '../../src-main/node/inspections/inspector-day.ts';
import { freshCache } from '../unit/support/cache-rows.ts';

const { values } = parseArgs({
  options: { size: { type: 'string', default: '200000' }, runs: { type: 'string', default: '40' } },
});
const size = Number(values.size);
const runs = Number(values.runs);
const cache = freshCache('wb-bench-inspections-');
const { db } = cache;
const on = '2026-12-07';
const at = `${on}T07:00:00-06:00`;
const inspectors = Array.from({ length: 40 }, (_, i) => `INSP${String(i + 1).padStart(2, '0')}`);
const kinds = ['HLTH', 'FIRE', 'BLDG', 'LIQR', 'TAXI'];
const streets = ['N MAIN ST', 'ELM ST', 'RIVER RD', 'OAK AVE', 'MILL ST', '3RD ST', 'LAKE DR', 'PARK PL'];

const t0 = performance.now();
db.transaction(() => {
  const licences = Math.ceil(size / 4);
  const b = db.prepare('INSERT INTO business (id, name, address_line, refreshed_at) VALUES (?, ?, ?, ?)');
  const l = db.prepare(
    `INSERT INTO licence (id, business_id, licence_type_code, status, expires_on, fee_cents, refreshed_at) VALUES (?, ?, 'FOOD', 'active', '2027-06-30', 10000, ?)`,
  );
  for (let i = 0; i < licences; i++) {
    b.run(String(10_000 + i), `Business ${i}`, `${100 + (i % 900)} ${streets[i % streets.length]}`, at);
    l.run(`RV-${String(i + 1).padStart(7, '0')}`, String(10_000 + i), at);
  }
  const s = db.prepare(
    `INSERT INTO scheduled_inspection (id, licence_id, address, ward, kind, scheduled_on, inspector, status, result, score, grade, refreshed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const c = db.prepare(
    `INSERT INTO checklist_result (id, inspection_id, item_code, outcome, note, refreshed_at) VALUES (?, ?, ?, ?, NULL, ?)`,
  );
  const v = db.prepare(
    `INSERT INTO violation (id, inspection_id, ordinance_section, severity, description, correct_by, status, refreshed_at)
     VALUES (?, ?, '4-101.11', 'major', 'Found on the visit', ?, 'open', ?)`,
  );
  for (let i = 0; i < size; i++) {
    const id = String(i + 1);
    const day = addDays(on, ((i * 7919) % 730) - 365);
    const past = day < on;
    // Mixed, so that no inspector's visits all fall on one status or kind of site.
    const h = (Math.imul(i + 1, 2654435761) >>> 0) % 100;
    const done = past && h < 95;
    const status = done ? 'done' : past && h < 97 ? 'cancelled' : 'scheduled';
    const licenceId = h % 5 < 3 ? `RV-${String((i % licences) + 1).padStart(7, '0')}` : null;
    const address = licenceId ? null : `${100 + (i % 900)} ${streets[(i * 3) % streets.length]}`;
    const failed = done && h % 6 === 0;
    s.run(
      id,
      licenceId,
      address,
      String(1 + (i % 8)),
      kinds[i % kinds.length],
      day,
      inspectors[i % inspectors.length],
      status,
      done ? (failed ? 'fail' : 'pass') : null,
      done ? (failed ? 62 : 94) : null,
      done ? (failed ? 'F' : 'A') : null,
      at,
    );
    if (done)
      for (let k = 0; k < 6; k++) c.run(`${id}:${k}`, id, `IT${k}`, failed && k === 2 ? 'fail' : 'pass', at);
    if (failed) v.run(`${id}:1`, id, addDays(day, 10), at);
  }
})();
const loadSeconds = (performance.now() - t0) / 1000;

function time(fn: (run: number) => unknown): { p50: number; p95: number } {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn(i);
    ms.push(performance.now() - started);
  }
  ms.sort((x, y) => x - y);
  return {
    p50: ms[Math.floor(ms.length * 0.5)]!,
    p95: ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.95))]!,
  };
}
const fmt = (r: { p50: number; p95: number }) => `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`;

const counts = db
  .prepare(
    `SELECT (SELECT count(*) FROM scheduled_inspection) AS visits, (SELECT count(*) FROM checklist_result) AS lines,
            (SELECT count(*) FROM violation) AS violations`,
  )
  .get() as { visits: number; lines: number; violations: number };
console.log(
  `${counts.visits.toLocaleString('en-US')} visits, ${counts.lines.toLocaleString('en-US')} checklist lines, ${counts.violations.toLocaleString('en-US')} violations written in ${loadSeconds.toFixed(1)} s`,
);
let sizes = 0;
const day = time((run) => {
  sizes += dayVisits(db, inspectors[(run * 7) % inspectors.length]!, addDays(on, run % 5)).length;
});
console.log(
  `one inspector's day (${Math.round(sizes / runs)} visits with overdue, route order): ${fmt(day)}`,
);
const visitIds = db
  .prepare(`SELECT id FROM scheduled_inspection WHERE status = 'done' AND licence_id IS NOT NULL LIMIT ?`)
  .pluck()
  .all(runs) as string[];
console.log(
  `one visit with its checklist and the site's history: ${fmt(time((run) => showVisit(db, null, visitIds[run % visitIds.length]!, on)))}`,
);
console.log(
  `the supervisor's workload of the day (40 inspectors): ${fmt(time((run) => inspectorWorkload(db, addDays(on, run % 5))))}`,
);
cache.dispose();
