// Batch renewal runs on a real desk against Riverton on SQLite, PostgreSQL and MariaDB, through the
// contract's handlers (as the wizard calls them): the list from the renewal queue, the review
// (deselect, states), validation with the renewal check's problems, the notices (PDF text in
// English and Spanish, the mail-merge CSV's bytes), posting in chunks in the background while
// batches.get is polled, and after sync the legacy LICMST showing each renewal exactly once; a
// batch cancelled while posting keeps what it posted and posts nothing more.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renewalExpiry } from '../../src-main/common/licence-rules.ts';
import type { BatchDetail } from '../../src-main/common/ops/batch-ops.ts';
import { pdfPages, pdfText } from '../support/pdf-text.ts';
import { deskUnderTest, engines } from './support/desk-under-test.ts';
import { workbenchOk } from './support/workbench-cli.ts';

const CHUNK = 7;
const cyymmdd = (iso: string) => Number(`${Number(iso.slice(0, 2)) - 19}${iso.slice(2).replaceAll('-', '')}`);

describe.each(engines)('batch renewal run on %s', (engine) => {
  const t = deskUnderTest('batch', { engine, size: 400, seed: 8, open: true });
  const { dir, legacy } = t;
  let batch: BatchDetail;
  const me = process.env.USER ?? 'root';

  it('refuses an inspector, in the service', async () => {
    writeFileSync(join(dir, 'policy.yaml'), `version: 1\naccounts:\n  ${JSON.stringify(me)}: inspector\n`);
    try {
      await expect(
        t.handlers['batches.create']({
          criteria: { kind: 'expiring', withinDays: 90, limit: 10 },
          chunkSize: 5,
        }),
      ).rejects.toMatchObject({
        code: 'forbidden',
        message: expect.stringMatching(/prepare renewal batches/),
      });
      expect(t.desk.cache.prepare('SELECT count(*) AS n FROM renewal_batch').get()).toEqual({ n: 0 });
    } finally {
      rmSync(join(dir, 'policy.yaml'));
    }
  });

  it('builds the list from the queue, every licence selected, in a draft', async () => {
    batch = await t.handlers['batches.create']({
      criteria: { kind: 'expiring', withinDays: 150, limit: 60 },
      chunkSize: CHUNK,
    });
    expect(batch.id).toMatch(/^B-\d{8}-[0-9a-f]{8}$/);
    expect(batch.state).toBe('draft');
    expect(batch.items.length).toBeGreaterThanOrEqual(20);
    expect(batch.items.every((i) => i.selected && i.problems === null && i.state === 'pending')).toBe(true);
    const queue = await t.handlers['renewals.queue']({
      kind: 'expiring',
      withinDays: 150,
      limit: 60,
      offset: 0,
    });
    expect(batch.items.map((i) => i.licenceId)).toEqual(queue.rows.map((r) => r.licenceId));
    // Notices need a validated batch; posting needs the notices.
    await expect(t.handlers['batches.notices']({ batchId: batch.id, language: 'en' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(t.handlers['batches.post']({ batchId: batch.id })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('validates: problems per licence keep it a draft until deselected; selection changes move the state', async () => {
    batch = await t.handlers['batches.validate']({ batchId: batch.id });
    expect(batch.items.every((i) => i.problems !== null)).toBe(true);
    const bad = batch.items.filter((i) => i.problems!.length > 0).map((i) => i.licenceId);
    expect(batch.state).toBe(bad.length ? 'draft' : 'validated');
    for (const i of batch.items.filter((x) => x.problems!.length === 0)) {
      expect(i.quoteTotalCents).toBe(i.lines.reduce((s, l) => s + l.amountCents, 0));
      expect(i.newExpiresOn! > i.currentExpiresOn!).toBe(true);
    }
    if (bad.length) {
      expect(batch.counts.invalid).toBe(bad.length);
      batch = await t.handlers['batches.setSelected']({
        batchId: batch.id,
        selected: false,
        licenceIds: bad,
      });
    }
    expect(batch.state).toBe('validated');
    // Deselect one more (it stays out of the notices and the posting) and check the totals.
    const dropped = batch.items.find((i) => i.selected)!.licenceId;
    batch = await t.handlers['batches.setSelected']({
      batchId: batch.id,
      selected: false,
      licenceIds: [dropped],
    });
    expect(batch.state).toBe('validated');
    const chosen = batch.items.filter((i) => i.selected);
    expect(batch.counts).toMatchObject({
      selected: chosen.length,
      valid: chosen.length,
      invalid: 0,
      selectedTotalCents: chosen.reduce((s, i) => s + i.quoteTotalCents!, 0),
      businesses: new Set(chosen.map((i) => i.businessId)).size,
    });
  });

  it('prints one notice per business (PDF, English and Spanish) and the mail-merge CSV', async () => {
    const chosen = batch.items.filter((i) => i.selected);
    const businesses = new Map<string, typeof chosen>();
    for (const i of chosen) businesses.set(i.businessId, [...(businesses.get(i.businessId) ?? []), i]);
    const pdf = await t.handlers['batches.notices']({ batchId: batch.id, language: 'en' });
    expect(pdf).toMatchObject({ mimeType: 'application/pdf', notices: businesses.size });
    expect(readFileSync(pdf.savedTo)).toEqual(Buffer.from(pdf.base64, 'base64'));
    const pages = await pdfPages(pdf.base64);
    expect(pages.length).toBeGreaterThanOrEqual(businesses.size);
    const text = pages.join('\n');
    expect(text).toContain('Licence renewal notice');
    expect(text).toContain(`Batch ${batch.id}`);
    expect(text.match(/Total due/g)).toHaveLength(businesses.size);
    // A business with several licences lists them all on its own notice.
    const [businessId, several] = [...businesses].sort((a, b) => b[1].length - a[1].length)[0]!;
    const page = pages.find((p) => p.includes(`Business number ${businessId}`))!;
    for (const l of several) expect(page).toContain(l.licenceId);
    const es = await pdfText(
      (await t.handlers['batches.notices']({ batchId: batch.id, language: 'es' })).base64,
    );
    expect(es).toContain('Aviso de renovación de licencia');
    expect(es).toContain('Total a pagar');
    expect(es).toContain('Tarifa base');

    const csv = await t.handlers['batches.noticesCsv']({ batchId: batch.id, language: 'en' });
    const bytes = Buffer.from(csv.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'batch,business_id,name,dba_name,owner,address,city,state,postal_code,licence_count,licences,total',
    );
    expect(lines.filter(Boolean)).toHaveLength(businesses.size + 1);
    const row = lines.find((l) => l.startsWith(`${batch.id},${businessId},`))!;
    expect(row).toContain(`,${several.length},`);
    const total = several.reduce((s, i) => s + i.quoteTotalCents!, 0);
    expect(row.endsWith(`$${(total / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`)).toBe(true);
    batch = await t.handlers['batches.get']({ batchId: batch.id });
    expect(batch.state).toBe('notices_printed');
  });

  it('posts in chunks in the background while batches.get is polled; the audit has one entry per chunk', async () => {
    const chosen = batch.items.filter((i) => i.selected).map((i) => i.licenceId);
    const started = await t.handlers['batches.post']({ batchId: batch.id });
    expect(started.state).toBe('posting');
    const seen = new Set<number>();
    let now = started;
    while (now.state === 'posting') {
      await new Promise((r) => setTimeout(r, 1));
      now = await t.handlers['batches.get']({ batchId: batch.id });
      seen.add(now.counts.posted);
    }
    expect(now.state).toBe('posted');
    expect(now.counts).toMatchObject({ posted: chosen.length, blocked: 0, remaining: 0 });
    expect(now.running).toBe(false);
    const renewals = t.desk.cache
      .prepare(`SELECT json_extract(payload, '$.licenceId') AS id FROM outbox WHERE command = 'renewLicence'`)
      .all() as Array<{ id: string }>;
    expect(renewals.map((r) => r.id).sort()).toEqual([...chosen].sort());
    const chunks = t.desk.cache
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'batch.chunk' AND subject = ?`)
      .get(batch.id) as { n: number };
    expect(chunks.n).toBe(Math.ceil(chosen.length / CHUNK));
    batch = now as BatchDetail;
  });

  it('after sync, LICMST shows each renewal once; deselected licences are untouched', async () => {
    const before = batch.items;
    const terms = new Map(
      (
        t.desk.cache
          .prepare(
            'SELECT l.id, t.term_months FROM licence l JOIN licence_type t ON t.code = l.licence_type_code',
          )
          .all() as Array<{ id: string; term_months: number }>
      ).map((r) => [r.id, r.term_months]),
    );
    const out = JSON.parse(workbenchOk(dir, ['sync', '--json'])) as {
      push: { applied: number; conflicts: number };
    };
    expect(out.push).toMatchObject({ applied: before.filter((i) => i.selected).length, conflicts: 0 });
    const list = before.map((i) => `'${i.licenceId}'`).join(', ');
    const rows = await legacy<{ LICNO: string; LICEXP: unknown }>(
      `SELECT {LICNO}, {LICEXP} FROM {LICMST} WHERE {LICNO} IN (${list})`,
    );
    const legacyExpiry = new Map(rows.map((r) => [String(r.LICNO).trim(), Number(r.LICEXP)]));
    const posted = (await t.handlers['batches.get']({ batchId: batch.id })).items;
    for (const item of posted) {
      const expected = item.selected
        ? renewalExpiry(item.currentExpiresOn, item.postedAt!.slice(0, 10), terms.get(item.licenceId) ?? null)
        : item.currentExpiresOn!;
      expect(item.state).toBe(item.selected ? 'posted' : 'pending');
      expect(legacyExpiry.get(item.licenceId), item.licenceId).toBe(cyymmdd(expected));
    }
  }, 120_000);
  it('a second batch cancelled while posting keeps the chunk already posted and posts nothing more', async () => {
    const other = await t.handlers['batches.create']({
      criteria: { kind: 'expired', withinDays: 365, limit: 12 },
      chunkSize: 4,
    });
    await t.handlers['batches.validate']({ batchId: other.id });
    const bad = (await t.handlers['batches.get']({ batchId: other.id })).items
      .filter((i) => i.problems!.length)
      .map((i) => i.licenceId);
    if (bad.length)
      await t.handlers['batches.setSelected']({ batchId: other.id, selected: false, licenceIds: bad });
    await t.handlers['batches.notices']({ batchId: other.id, language: 'en' });
    const { startPosting, postNextChunk } = await import('../../src-main/node/renewals/batch-posting.ts');
    startPosting(t.desk, me, other.id, undefined);
    expect(postNextChunk(t.desk, me, other.id)).toMatchObject({ done: false, posted: 4 });
    await t.handlers['batches.cancel']({ batchId: other.id, reason: 'wrong list' });
    expect(postNextChunk(t.desk, me, other.id)).toEqual({ done: true, posted: 0, blocked: 0 });
    const after = await t.handlers['batches.get']({ batchId: other.id });
    expect(after).toMatchObject({ state: 'cancelled', counts: { posted: 4 } });
    await expect(t.handlers['batches.post']({ batchId: other.id })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
