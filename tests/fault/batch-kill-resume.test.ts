// A batch renewal run killed halfway and resumed posts each renewal exactly once (issue 5, "it
// must show"). Riverton on PostgreSQL; a batch of at least 50 licences posted by the real command
// line (`workbench renewals batch post`) in chunks of 5, SIGKILLed three times:
// - mid-chunk, after some chunks: the test sees the poster holding the cache's write transaction
//   (its own BEGIN IMMEDIATE is refused) and kills it there; the chunk under way must vanish whole;
// - right after a chunk's commit is seen;
// - mid-chunk again, later.
// After each kill: the items marked posted are whole chunks, each with exactly one renewal in the
// outbox (its operation id) and nothing else renewed; the chunk audit entries match. Then the run
// is resumed to its end, asked again (nothing left), synced, and the legacy database must hold
// every selected licence renewed exactly once (one term on), nothing else.
//
// WORKBENCH_BATCH_ITEM_DELAY_MS slows the killed runs (30 ms a licence inside the transaction) so
// a kill lands where the test means it to; the last run posts at full speed.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionFor, dropDatabase, uniqueDatabaseName } from '../integration/support/legacy-databases.ts';
import { newDeskDir } from '../integration/support/workbench-cli.ts';
import { postgresDemoArgs, runDesk, runDeskJson } from './support/desk-commands.ts';
import { startDesk, waitForGroupExit } from './support/processes.ts';
import { checkLedger, type LegacyBaseline, legacyBaseline, outboxOf } from './support/riverton-ledger.ts';

const CHUNK = 5;
const ITEM_DELAY_MS = 30;

interface BatchJson {
  id: string;
  state: string;
  counts: { selected: number; posted: number; remaining: number; blocked: number; invalid: number };
  items: Array<{ licenceId: string; selected: boolean; problems: Array<{ code: string }> | null }>;
}

describe('a batch renewal run killed halfway and resumed', () => {
  const dir = newDeskDir('batch-kill');
  const cacheFile = join(dir, 'cache.sqlite');
  const database = uniqueDatabaseName('batchkill');
  const connection = connectionFor('postgres', database);
  let batch: BatchJson;
  let selected: string[] = [];
  let baseline: LegacyBaseline;
  const kills: string[] = [];

  const read = <T>(work: (db: Database.Database) => T): T => {
    const db = new Database(cacheFile, { readonly: true });
    try {
      return work(db);
    } finally {
      db.close();
    }
  };
  const postedCount = (db: Database.Database) =>
    (
      db
        .prepare(`SELECT count(*) AS n FROM renewal_batch_item WHERE batch_id = ? AND state = 'posted'`)
        .get(batch.id) as { n: number }
    ).n;

  /** What the cache holds now, checked for whole chunks: returns how many items are posted. */
  function checkWholeChunks(final = false): number {
    return read((db) => {
      const posted = db
        .prepare(
          `SELECT licence_id, operation_id FROM renewal_batch_item WHERE batch_id = ? AND state = 'posted'`,
        )
        .all(batch.id) as Array<{ licence_id: string; operation_id: string }>;
      const renewals = db
        .prepare(`SELECT operation_id, payload FROM outbox WHERE command = 'renewLicence'`)
        .all() as Array<{ operation_id: string; payload: string }>;
      const chunks = db
        .prepare(`SELECT detail FROM audit_log WHERE action = 'batch.chunk' AND subject = ?`)
        .all(batch.id) as Array<{ detail: string }>;
      if (!final) expect(posted.length % CHUNK, 'whole chunks only').toBe(0);
      expect(renewals.length, 'one renewal per posted item, none for the others').toBe(posted.length);
      const byOperation = new Map(renewals.map((r) => [r.operation_id, JSON.parse(r.payload).licenceId]));
      for (const p of posted) expect(byOperation.get(p.operation_id)).toBe(p.licence_id);
      expect(chunks.length).toBe(Math.ceil(posted.length / CHUNK));
      const chunkOperations = chunks.flatMap((c) => JSON.parse(c.detail).operationIds as string[]);
      expect(new Set(chunkOperations)).toEqual(new Set(posted.map((p) => p.operation_id)));
      return posted.length;
    });
  }

  /**
   * Runs `batch post` slowed down and SIGKILLs its process group once at least `atLeast` items are
   * posted: mid-chunk (while it holds the write transaction) or just after a chunk's commit.
   */
  async function postAndKill(atLeast: number, where: 'mid-chunk' | 'after-commit'): Promise<void> {
    process.env.WORKBENCH_BATCH_ITEM_DELAY_MS = String(ITEM_DELAY_MS);
    const desk = startDesk(dir, ['renewals', 'batch', 'post', batch.id]);
    delete process.env.WORKBENCH_BATCH_ITEM_DELAY_MS;
    const reader = new Database(cacheFile, { readonly: true });
    // A writer that never waits: BEGIN IMMEDIATE fails while the poster holds its chunk transaction.
    const probe = new Database(cacheFile, { timeout: 0 });
    let seenPosted = -1;
    try {
      const deadline = Date.now() + 60_000;
      let last = postedCount(reader);
      for (;;) {
        if (Date.now() > deadline) throw new Error(`the post never reached ${atLeast} items`);
        if (desk.child.exitCode !== null)
          throw new Error(`the post ended before the kill:\n${(await desk.result).stderr}`);
        const now = postedCount(reader);
        const crossed = now >= atLeast;
        if (crossed && where === 'after-commit' && now !== last) {
          seenPosted = now;
          break;
        }
        if (crossed && where === 'mid-chunk') {
          let busy = false;
          try {
            probe.exec('BEGIN IMMEDIATE');
            probe.exec('ROLLBACK');
          } catch (err) {
            busy = (err as { code?: string }).code === 'SQLITE_BUSY';
            if (!busy) throw err;
          }
          // Held for at least one licence's pause already: well inside the chunk.
          if (busy) {
            seenPosted = postedCount(reader);
            break;
          }
        }
        last = now;
        await new Promise((r) => setTimeout(r, 3));
      }
      process.kill(-desk.child.pid!, 'SIGKILL');
      await waitForGroupExit(desk.child.pid!);
      expect((await desk.result).signal).toBe('SIGKILL');
    } finally {
      probe.close();
      reader.close();
    }
    const after = checkWholeChunks();
    // Mid-chunk: the chunk under way left nothing. After a commit: that chunk stays.
    expect(after).toBe(seenPosted);
    kills.push(`${where} at ${after} posted`);
  }

  beforeAll(async () => {
    await runDesk(dir, postgresDemoArgs(connection, 600, 21));
    await runDesk(dir, ['sync']);
    batch = await runDeskJson<BatchJson>(dir, [
      'renewals',
      'batch',
      'create',
      '--kind',
      'all',
      '--within',
      '365',
      '--limit',
      '75',
      '--chunk',
      String(CHUNK),
    ]);
    batch = await runDeskJson<BatchJson>(dir, ['renewals', 'batch', 'validate', batch.id]);
    const withProblems = batch.items.filter((i) => i.problems?.length).map((i) => i.licenceId);
    if (withProblems.length) await runDesk(dir, ['renewals', 'batch', 'deselect', batch.id, ...withProblems]);
    batch = await runDeskJson<BatchJson>(dir, ['renewals', 'batch', 'show', batch.id]);
    selected = batch.items.filter((i) => i.selected).map((i) => i.licenceId);
    const out = join(dir, 'notices-out');
    mkdirSync(out);
    await runDesk(dir, ['renewals', 'batch', 'notices', batch.id, '--out', out]);
    baseline = await legacyBaseline(
      connection,
      batch.items.map((i) => i.licenceId),
    );
  }, 300_000);

  afterAll(async () => {
    await dropDatabase('postgres', database).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  it('has a batch of at least 50 valid licences, in chunks of 5', () => {
    expect(batch.state).toBe('validated');
    expect(selected.length).toBeGreaterThanOrEqual(50);
  });

  it('killed mid-chunk after some chunks, the chunk under way leaves nothing', async () => {
    await postAndKill(10, 'mid-chunk');
  }, 120_000);

  it('killed just after a chunk commits, resumed and killed mid-chunk again, only whole chunks stay', async () => {
    await postAndKill(25, 'after-commit');
    await postAndKill(40, 'mid-chunk');
    const state = read(
      (db) =>
        (db.prepare('SELECT state FROM renewal_batch WHERE id = ?').get(batch.id) as { state: string }).state,
    );
    expect(state).toBe('posting');
  }, 120_000);

  it('resumed, posts the rest; asked again, posts nothing', async () => {
    const out = await runDesk(dir, ['renewals', 'batch', 'post', batch.id]);
    expect(out).toMatch(/^Resumed: \d+ licences renewed/m);
    expect(await runDesk(dir, ['renewals', 'batch', 'post', batch.id])).toMatch(/already posted/);
    const done = await runDeskJson<BatchJson>(dir, ['renewals', 'batch', 'show', batch.id]);
    expect(done.state).toBe('posted');
    expect(done.counts.posted).toBe(selected.length);
    expect(checkWholeChunks(true)).toBe(selected.length);
    // Every selected licence renewed exactly once in the outbox; the deselected ones not at all.
    const outbox = await outboxOf(dir);
    const renewed = outbox
      .filter((e) => e.command === 'renewLicence')
      .map((e) => String(e.payload.licenceId));
    expect(renewed.sort()).toEqual([...selected].sort());
    const audit = read(
      (db) =>
        db
          .prepare(
            `SELECT action, count(*) AS n FROM audit_log WHERE subject = ? GROUP BY action ORDER BY action`,
          )
          .all(batch.id) as Array<{ action: string; n: number }>,
    );
    expect(Object.fromEntries(audit.map((a) => [a.action, a.n]))).toMatchObject({
      'batch.chunk': Math.ceil(selected.length / CHUNK),
      'batch.post.start': 1,
      'batch.post.resume': 3,
      'batch.posted': 1,
    });
    console.log(`[batch-kill] ${selected.length} licences; kills: ${kills.join('; ')}`);
  }, 120_000);

  it('after sync, the legacy database holds each renewal exactly once', async () => {
    await runDesk(dir, ['sync']);
    const ledger = await checkLedger({ desks: [dir], connection, baseline });
    expect(ledger.problems).toEqual([]);
    expect(ledger.renewals).toBe(selected.length);
    expect([...ledger.renewedLicences.values()].every((n) => n === 1)).toBe(true);
    expect([...ledger.renewedLicences.keys()].sort()).toEqual([...selected].sort());
    // The notices were written beside the run (PDF and CSV).
    expect(readFileSync(join(dir, 'notices-out', `renewal-notices-${batch.id}-en.csv`), 'utf8')).toMatch(
      /^\ufeffbatch,/,
    );
  }, 300_000);
});
