// Benchmark: the renewal queue and renewal checks on a desk cache of N licences (default 100,000),
// written straight into a fresh cache (no legacy database needed): expiries spread over four years
// around today, a hold on every 61st licence and a balance on every 47th business, as the demo city
// has. Prints the latency (p50/p95) of each queue kind, with type and text filters, and of checking
// 200 licences (a batch's validation), then the same queue without migration 0009's queue indexes
// as the baseline measured in the same run. Figures only.
//   node tests/bench/renewal-queue.ts [--size 100000] [--runs 20]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { addDays } from '../../src-main/common/fees/index.ts';
import { loadFeeRules } from '../../src-main/node/fees/load-fee-rules.ts';
import { checkRenewalIn } from '../../src-main/node/renewals/renewal-check.ts';
import { renewalQueueIn } from '../../src-main/node/renewals/renewal-queue.ts';
import { freshCache } from '../unit/support/cache-rows.ts';

const { values } = parseArgs({
  options: { size: { type: 'string', default: '100000' }, runs: { type: 'string', default: '20' } },
});
const size = Number(values.size);
const runs = Number(values.runs);
const root = join(import.meta.dirname, '../..');
const cache = freshCache('wb-bench-queue-');
const { db } = cache;
const rules = loadFeeRules(join(root, 'bridges/riverton/fees.yaml'));
const on = '2026-11-23';
const at = `${on}T09:00:00-06:00`;
const types = ['GENL', 'FOOD', 'LIQR', 'TAXI', 'PEDL', 'HOME', 'CONT', 'SALN'];

const fill = db.transaction(() => {
  const t = db.prepare(
    'INSERT INTO licence_type (code, name, term_months, refreshed_at) VALUES (?, ?, 12, ?)',
  );
  const f = db.prepare(
    `INSERT INTO fee_schedule (id, licence_type_code, effective_on, amount_cents, description, refreshed_at) VALUES (?, ?, '2024-07-01', ?, 'Base Fee', ?)`,
  );
  types.forEach((code, i) => {
    t.run(code, `Type ${code}`, at);
    f.run(String(i + 1), code, 100_00 + i * 25_00, at);
  });
  const b = db.prepare('INSERT OR IGNORE INTO business (id, name, refreshed_at) VALUES (?, ?, ?)');
  const l = db.prepare(
    `INSERT INTO licence (id, business_id, licence_type_code, status, expires_on, fee_cents, refreshed_at) VALUES (?, ?, ?, ?, ?, 10000, ?)`,
  );
  const h = db.prepare(
    `INSERT INTO hold (id, licence_id, business_id, code, reason, placed_on, refreshed_at) VALUES (?, ?, NULL, 'zone', 'Zoning review', '2026-10-01', ?)`,
  );
  const a = db.prepare(
    `INSERT INTO balance (id, business_id, amount_cents, refreshed_at) VALUES (?, ?, 2500, ?)`,
  );
  for (let i = 0; i < size; i++) {
    const busId = String(10_000 + Math.floor(i / 1.25));
    b.run(busId, `Business ${i} ${['Cafe', 'Garage', 'Salon', 'Market'][i % 4]}`, at);
    if (i % 47 === 46) a.run(String(i), busId, at);
    const expires = addDays(on, ((i * 7919) % 1461) - 730); // four years around today
    const status = i % 20 === 0 ? 'suspended' : expires < on ? 'expired' : 'active';
    const id = `RV-${String(i + 1).padStart(7, '0')}`;
    l.run(id, busId, types[i % types.length], status, expires, at);
    if (i % 61 === 60) h.run(String(i), id, at);
  }
});

function time(fn: () => unknown): { p50: number; p95: number } {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((x, y) => x - y);
  return {
    p50: ms[Math.floor(ms.length * 0.5)]!,
    p95: ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.95))]!,
  };
}
const fmt = (r: { p50: number; p95: number }) => `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`;

const cases = [
  ['expiring in 60 days', { kind: 'expiring', withinDays: 60 }],
  ['expired in the last 60 days', { kind: 'expired', withinDays: 60 }],
  ['delinquent', { kind: 'delinquent', withinDays: 60 }],
  ['all, 90 days', { kind: 'all', withinDays: 90 }],
  ['expiring, type FOOD', { kind: 'expiring', withinDays: 60, licenceTypeCode: 'FOOD' }],
  ['all, text "cafe"', { kind: 'all', withinDays: 90, text: 'cafe' }],
] as const;

try {
  const t0 = performance.now();
  fill();
  console.log(`[queue] ${size} licences written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const measured = cases.map(([name, q]) => {
    const page = renewalQueueIn(db, rules, { ...q, on, limit: 200 });
    return { name, total: page.total, r: time(() => renewalQueueIn(db, rules, { ...q, on, limit: 200 })) };
  });
  const ids = renewalQueueIn(db, rules, { kind: 'all', withinDays: 90, on, limit: 200 }).rows.map(
    (r) => r.licenceId,
  );
  const checks = time(() => ids.map((id) => checkRenewalIn(db, rules, id, on)));
  db.exec('DROP INDEX licence_by_status_expiry; DROP INDEX licence_by_type_status_expiry;');
  for (const m of measured) {
    const q = cases.find(([n]) => n === m.name)![1];
    const base = time(() => renewalQueueIn(db, rules, { ...q, on, limit: 200 }));
    console.log(
      `[queue] ${m.name.padEnd(28)} ${String(m.total).padStart(6)} rows: ${fmt(m.r)}; without the 0009 indexes ${fmt(base)} (×${(base.p50 / m.r.p50).toFixed(1)})`,
    );
  }
  console.log(`[queue] checkRenewal × ${ids.length} (a batch's validation): ${fmt(checks)}`);
} finally {
  cache.dispose();
}
