// Benchmark: duplicate suggestions (applications.suggestDuplicates) over a desk cache of N
// businesses (default 100,000), each with a licence, searched as a clerk types a new business.
// Baseline from the same run: scoring every cached business in memory (what a look-up without the
// indexes would cost). Prints p50/p95 per kind of input; timings are never pass/fail.
//   node tests/bench/duplicate-suggestions.ts [--size 100000]
import { parseArgs } from 'node:util';
import { suggestDuplicates } from '../../src-main/node/applications/duplicates.ts';
import { matchBusiness } from '../../src-main/node/applications/normalise.ts';
import { rebuildSearchIndex } from '../../src-main/node/cache/search-index.ts';
import { entityWriter } from '../../src-main/node/cache/store.ts';
import { Rng } from '../../src-main/tooling/demo/prng.ts';
import { NAME_WORDS, STREETS, SURNAMES } from '../../src-main/tooling/demo/word-lists.ts';
import { freshCache, oneLicenceEach } from '../unit/support/cache-rows.ts';

const { values } = parseArgs({ options: { size: { type: 'string', default: '100000' } } });
const size = Number(values.size);
const cache = freshCache('wb-bench-dup-');
const { db } = cache;
const rng = new Rng(7);
const pick = <T>(list: readonly T[]) => list[Math.floor(rng.next() * list.length)]!;
const street = () => {
  const [name, suffix] = pick(STREETS);
  return `${name} ${suffix}`;
};
const forms = ['', ' Inc', ' LLC', ' Co', ' & Sons'];
const at = '2026-11-01T09:00:00-06:00';

console.log(`# Duplicate suggestions over ${size} businesses`);
let t = performance.now();
const businesses = Array.from({ length: size }, (_, i) => ({
  id: String(10_001 + i),
  name: `${pick(SURNAMES)}'s ${pick(NAME_WORDS)} ${pick(NAME_WORDS)}${pick(forms)}`,
  dbaName: null,
  ownerName: null,
  addressLine: `${1 + Math.floor(rng.next() * 9999)} ${street()}`,
  city: 'Riverton',
  state: 'IL',
  postalCode: '60540',
  phone: `(555) ${String(200 + Math.floor(rng.next() * 800))}-${String(Math.floor(rng.next() * 10_000)).padStart(4, '0')}`,
  taxId: `${String(10 + Math.floor(rng.next() * 89))}-${String(Math.floor(rng.next() * 10_000_000)).padStart(7, '0')}`,
  openedOn: null,
  legacyUpdatedAt: null,
}));
entityWriter(db, 'business').upsert(businesses, at);
entityWriter(db, 'licence').upsert(oneLicenceEach(businesses), at);
rebuildSearchIndex(db);
console.log(`cache built in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const sample = (n: number) => Array.from({ length: n }, () => businesses[Math.floor(rng.next() * size)]!);
const inputs: Record<string, Array<Record<string, string>>> = {
  'name, a near miss': sample(50).map((b) => ({ name: `${b.name.toLowerCase().replace(/'s /, 's ')} llc` })),
  'name, 3 letters typed': sample(50).map((b) => ({ name: b.name.slice(0, 3) })),
  'phone only': sample(50).map((b) => ({ name: '', phone: b.phone.replace(/\D/g, '') })),
  'everything typed': sample(50).map((b) => ({
    name: b.name,
    addressLine: b.addressLine,
    phone: b.phone,
    taxId: b.taxId,
  })),
};

const pct = (xs: number[], p: number) =>
  xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
for (const [label, list] of Object.entries(inputs)) {
  const times: number[] = [];
  let found = 0;
  for (const input of list) {
    t = performance.now();
    const r = suggestDuplicates(db, { name: input.name ?? '', ...input }, 8);
    times.push(performance.now() - t);
    if (r.suggestions.length) found++;
  }
  // Baseline: every business scored in memory (rows already read; the read itself not counted).
  const base: number[] = [];
  for (const input of list.slice(0, 5)) {
    t = performance.now();
    for (const b of businesses) matchBusiness({ name: input.name ?? '', ...input }, b);
    base.push(performance.now() - t);
  }
  console.log(
    `${label.padEnd(24)} p50 ${fmt(pct(times, 0.5))}  p95 ${fmt(pct(times, 0.95))}  found ${found}/${list.length}` +
      `   | scoring all in memory p50 ${fmt(pct(base, 0.5))} (${(pct(base, 0.5) / pct(times, 0.5)).toFixed(0)}x)`,
  );
}
cache.dispose();
