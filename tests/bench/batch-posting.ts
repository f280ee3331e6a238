// Benchmark: posting a batch renewal run of --count licences (1,000) on a real desk cache
// (WAL, synchronous=FULL), in-process as the services do it, for several chunk sizes. Each chunk
// is one fsynced transaction holding its renewals (re-validated, renewLicence with its outbox and
// audit entries) and the items marked posted; chunk 1 (a commit per licence) is the baseline,
// measured in the same run on an identical copy of the desk. Also times validation and the
// notices (PDF and CSV). Prints figures only: timings are never pass/fail.
//   node tests/bench/batch-posting.ts [--size 12000] [--count 1000] [--chunks 1,25,100]
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BatchCriteria } from '../../src-main/common/ops/batch-ops.ts';
import { openDesk } from '../../src-main/node/desk/open-desk.ts';
import { printBatchNotices } from '../../src-main/node/documents/renewal-notices.ts';
import { postNextChunk, startPosting } from '../../src-main/node/renewals/batch-posting.ts';
import { createBatch, setSelected, validateBatch } from '../../src-main/node/renewals/batch-runs.ts';
import { itemsOf } from '../../src-main/node/renewals/batch-store.ts';
import { currentActor } from '../../src-main/node/security/actor.ts';
import { workbenchOk } from '../integration/support/workbench-cli.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '12000' },
    count: { type: 'string', default: '1000' },
    chunks: { type: 'string', default: '1,25,100' },
  },
});
const count = Number(values.count);
const chunkSizes = values.chunks.split(',').map(Number);
const actor = currentActor();
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const source = mkdtempSync(join(tmpdir(), 'wb-bench-batch-'));
const copies: string[] = [];
try {
  workbenchOk(source, ['demo', 'create', '--engine', 'sqlite', '--size', values.size, '--seed', '3']);
  workbenchOk(source, ['sync']);
  const results: Array<{ chunk: number; posted: number; ms: number }> = [];
  for (const chunk of chunkSizes) {
    // Every run starts from the same desk: a copy of the synced one.
    const dir = mkdtempSync(join(tmpdir(), `wb-bench-batch-${chunk}-`));
    copies.push(dir);
    cpSync(source, dir, { recursive: true });
    const desk = openDesk({ dataDir: dir });
    try {
      const criteria = BatchCriteria.parse({ kind: 'all', withinDays: 90, limit: Math.ceil(count * 1.4) });
      const id = createBatch(desk, actor, criteria, chunk);
      let t = performance.now();
      validateBatch(desk, actor, id);
      const validateMs = performance.now() - t;
      const items = itemsOf(desk.cache, id);
      const good = items.filter((i) => i.problems?.length === 0).map((i) => i.licenceId);
      if (good.length < count) throw new Error(`only ${good.length} renewable licences; use a larger --size`);
      const out = [...items.filter((i) => i.problems?.length).map((i) => i.licenceId), ...good.slice(count)];
      if (out.length) setSelected(desk, actor, id, false, out);
      t = performance.now();
      const pdf = await printBatchNotices(desk, actor, id, 'pdf', 'en');
      const pdfMs = performance.now() - t;
      t = performance.now();
      await printBatchNotices(desk, actor, id, 'csv', 'en');
      const csvMs = performance.now() - t;
      if (chunk === chunkSizes[0]) {
        console.log(
          `validate ${items.length} licences: ${seconds(validateMs)}; notices for ${pdf.notices} businesses: PDF ${seconds(pdfMs)}, CSV ${seconds(csvMs)}`,
        );
      }
      startPosting(desk, actor, id, chunk);
      let posted = 0;
      t = performance.now();
      for (;;) {
        const r = postNextChunk(desk, actor, id);
        if (r.done) break;
        posted += r.posted;
      }
      results.push({ chunk, posted, ms: performance.now() - t });
    } finally {
      desk.close();
    }
  }
  const baseline = results[0]!;
  for (const r of results) {
    const rate = r.posted / (r.ms / 1000);
    const ratio = baseline.posted / (baseline.ms / 1000);
    console.log(
      `chunk ${String(r.chunk).padStart(4)}: ${r.posted} licences posted in ${seconds(r.ms)} = ${rate.toFixed(0)} licences/s (${(rate / ratio).toFixed(1)}× chunk ${baseline.chunk})`,
    );
  }
} finally {
  for (const dir of [source, ...copies]) rmSync(dir, { recursive: true, force: true });
}
