// A damaged, emptied or rolled-back cache must not silently drop the changes waiting in its outbox
// (issue 11 part 3). Real desks on Riverton's demo city (SQLite engine), five payments each, then
// one fault: the cache truncated to 0 bytes, truncated to half, its -wal deleted while another
// process holds the cache with the payments still in the log, or yesterday's copy put back. Each
// must end in a refusal that names the missing changes; `workbench outbox salvage <old file>` brings
// them back; `workbench sync` then puts each payment in the legacy database exactly once.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  unlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { newDeskDir } from '../integration/support/workbench-cli.ts';
import { runDesk, runDeskJson } from './support/desk-commands.ts';
import { startDesk } from './support/processes.ts';

interface Desk {
  dir: string;
  cache: string;
  licence: string;
  /** Operation id of each payment, by amount in cents. */
  paid: Map<number, string>;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function newDesk(label: string): Promise<Desk> {
  const dir = newDeskDir(`cache-${label}`);
  dirs.push(dir);
  await runDesk(dir, ['demo', 'create', '--engine', 'sqlite', '--size', '60', '--seed', '5']);
  await runDesk(dir, ['sync']);
  await runDesk(dir, ['drawer', 'open', '--float', '0']);
  const cache = join(dir, 'cache.sqlite');
  const db = new Database(cache, { readonly: true });
  const licence = db
    .prepare(`SELECT id FROM licence WHERE status = 'active' ORDER BY id LIMIT 1`)
    .pluck()
    .get() as string;
  db.close();
  return { dir, cache, licence, paid: new Map() };
}

/** Payments of distinct amounts (so the legacy rows tell them apart), one command each. */
async function pay(desk: Desk, amounts: number[]): Promise<void> {
  for (const cents of amounts) {
    const r = await runDeskJson<{ operationId: string }>(desk.dir, [
      'pay',
      desk.licence,
      '--amount',
      String(cents),
      '--method',
      'cash',
    ]);
    desk.paid.set(cents, r.operationId);
  }
}

/** A command the desk must refuse: its exit and what it said. */
async function refused(desk: Desk, args: string[]): Promise<string> {
  const { status, stdout, stderr } = await startDesk(desk.dir, args).result;
  expect(status, `${stdout}\n${stderr}`).not.toBe(0);
  return stderr;
}

async function salvage(desk: Desk, file: string) {
  return runDeskJson<{
    broughtBack: Array<{ operationId: string; status: string }>;
    stillMissing: number;
    alreadyHere: number;
    inDoubt: string[];
  }>(desk.dir, ['outbox', 'salvage', file]);
}

/** The legacy payment rows of the desk's licence with this amount (Riverton keeps dollars). */
function legacyPayments(desk: Desk, cents: number): number {
  const db = new Database(join(desk.dir, 'legacy', 'riverton.sqlite'), { readonly: true });
  try {
    return db
      .prepare('SELECT count(*) FROM PAYHST WHERE trim(PAYLIC) = ? AND round(PAYAMT * 100) = ?')
      .pluck()
      .get(desk.licence, cents) as number;
  } finally {
    db.close();
  }
}

/** Sync, then every payment taken is in the legacy database exactly once and nothing waits. */
async function syncedExactlyOnce(desk: Desk): Promise<void> {
  await runDesk(desk.dir, ['sync']);
  for (const cents of desk.paid.keys())
    expect(legacyPayments(desk, cents), `payment of ${cents} cents`).toBe(1);
  const waiting = await runDeskJson<unknown[]>(desk.dir, ['outbox']);
  expect(waiting).toEqual([]);
}

const amounts = [1001, 1002, 1003, 1004, 1005];
const lastOf = (desk: Desk) => desk.paid.get(1005)!;

// Each test has its own desk: they run side by side.
// Side by side on a loaded machine each takes up to 90 s (about 20 commands): a wider timeout.
describe.concurrent(
  'a cache that lost waiting changes is refused, and salvage brings them back',
  { timeout: 240_000 },
  () => {
    it('truncated to 0 bytes: refused, nothing to read in the emptied file, salvaged from a copy', async () => {
      const desk = await newDesk('zero');
      await pay(desk, amounts);
      const copy = join(desk.dir, 'copy-before.sqlite');
      copyFileSync(desk.cache, copy);
      truncateSync(desk.cache, 0);

      const said = await refused(desk, ['outbox']);
      expect(said).toContain('is empty (0 bytes)');
      expect(said).toContain('written 5 changes to its outbox (up to seq 5');
      expect(said).toContain(lastOf(desk));
      expect(said).toContain('workbench outbox salvage');
      expect(statSync(desk.cache).size).toBe(0); // the refusal did not write a new cache over it

      // The emptied file itself holds nothing: salvage says so and the desk still refuses.
      renameSync(desk.cache, join(desk.dir, 'emptied.sqlite'));
      const none = await salvage(desk, join(desk.dir, 'emptied.sqlite'));
      expect(none.broughtBack).toEqual([]);
      expect(none.stillMissing).toBe(5);
      expect(await refused(desk, ['outbox'])).toContain('5 changes are missing');

      const back = await salvage(desk, copy);
      expect(back.broughtBack.map((e) => e.operationId)).toEqual(amounts.map((a) => desk.paid.get(a)));
      expect(back.stillMissing).toBe(0);
      // The open drawer and its five entries came back too, and the receipt counter: the next
      // provisional receipt is not one the salvaged payments already carry.
      const db = new Database(desk.cache, { readonly: true });
      try {
        expect(db.prepare('SELECT count(*) FROM drawer_session WHERE closed_at IS NULL').pluck().get()).toBe(
          1,
        );
        expect(db.prepare('SELECT count(*) FROM drawer_entry').pluck().get()).toBe(5);
        expect(db.prepare(`SELECT value FROM desk_meta WHERE key = 'receipt_seq'`).pluck().get()).toBe('5');
      } finally {
        db.close();
      }
      await syncedExactlyOnce(desk);
    });

    it('truncated to half: refused as damaged, saying the changes are in the file; salvaged from it', async () => {
      const desk = await newDesk('half');
      await pay(desk, amounts);
      truncateSync(desk.cache, Math.floor(statSync(desk.cache).size / 2 / 4096) * 4096);

      const said = await refused(desk, ['outbox']);
      expect(said).toMatch(/damaged|malformed/);
      expect(said).toContain('Changes not yet in the legacy database are in this file');
      expect(said).toContain(lastOf(desk));

      const damaged = join(desk.dir, 'damaged.sqlite');
      renameSync(desk.cache, damaged);
      for (const side of ['-wal', '-shm'])
        if (existsSync(desk.cache + side)) renameSync(desk.cache + side, damaged + side);
      const back = await salvage(desk, damaged);
      expect(back.broughtBack.map((e) => e.operationId)).toEqual(amounts.map((a) => desk.paid.get(a)));
      expect(back.stillMissing).toBe(0);
      await syncedExactlyOnce(desk);
    });

    it('its -wal deleted while another process holds the cache: refused; salvaged from the log that process still had open', async () => {
      const desk = await newDesk('wal');
      const holder = holdOpen(desk.cache);
      try {
        await holder.ready;
        await pay(desk, amounts);
        const wal = `${desk.cache}-wal`;
        expect(statSync(wal).size).toBeGreaterThan(0); // committed, not yet checkpointed
        unlinkSync(wal);
        // The log lives on only in the holder's open file: copy it out through /proc with the cache.
        const lost = join(desk.dir, 'lost.sqlite');
        copyFileSync(desk.cache, lost);
        copyFileSync(openFileOf(holder.child.pid!, '-wal (deleted)'), `${lost}-wal`);
      } finally {
        holder.child.kill('SIGKILL');
        await holder.gone;
      }

      const said = await refused(desk, ['outbox']);
      expect(said).toContain('went back: it holds 0 outbox entries');
      expect(said).toContain('5 changes are missing (seq 1 to 5)');
      expect(said).toContain(lastOf(desk));

      const back = await salvage(desk, join(desk.dir, 'lost.sqlite'));
      expect(back.broughtBack).toHaveLength(5);
      expect(back.stillMissing).toBe(0);
      await syncedExactlyOnce(desk);
    });

    it("yesterday's copy put back: refused; salvaged from today's file, entries already sent not doubled", async () => {
      const desk = await newDesk('yesterday');
      await pay(desk, amounts.slice(0, 3));
      const yesterday = join(desk.dir, 'yesterday.sqlite');
      copyFileSync(desk.cache, yesterday); // every command closed the cache: the file is whole
      await runDesk(desk.dir, ['sync']); // today: the three reach the legacy database...
      await pay(desk, amounts.slice(3)); // ...and two more wait
      const today = join(desk.dir, 'today.sqlite');
      renameSync(desk.cache, today);
      copyFileSync(yesterday, desk.cache);

      const said = await refused(desk, ['outbox']);
      expect(said).toContain('went back: it holds 3 outbox entries (up to seq 3)');
      expect(said).toContain('2 changes are missing (seq 4 to 5)');
      expect(said).toContain(lastOf(desk));

      const back = await salvage(desk, today);
      expect(back.alreadyHere).toBe(3);
      expect(back.broughtBack.map((e) => [e.operationId, e.status])).toEqual([
        [desk.paid.get(1004), 'pending'],
        [desk.paid.get(1005), 'pending'],
      ]);
      // Yesterday's copy still has the first three waiting although they were sent today: all five are
      // in doubt, so replay looks for each in the legacy database first and sends only the last two.
      expect(back.inDoubt).toEqual(amounts.map((a) => desk.paid.get(a)));
      await syncedExactlyOnce(desk);
    });

    it('forget-missing: the loss accepted after a check, with the reason in the audit log', async () => {
      const desk = await newDesk('forget');
      await pay(desk, amounts.slice(0, 1));
      unlinkSync(desk.cache);
      expect(await refused(desk, ['outbox'])).toContain('is missing');
      const without = await startDesk(desk.dir, ['outbox', 'forget-missing']).result;
      expect(without.status).not.toBe(0); // the reason is required
      await runDesk(desk.dir, [
        'outbox',
        'forget-missing',
        '--reason',
        'test: the payment was entered again by hand',
      ]);
      expect(await runDeskJson<unknown[]>(desk.dir, ['outbox'])).toEqual([]);
      const db = new Database(desk.cache, { readonly: true });
      const row = db
        .prepare(`SELECT detail FROM audit_log WHERE action = 'outbox.forget_missing'`)
        .pluck()
        .get() as string;
      db.close();
      expect(JSON.parse(row)).toMatchObject({
        reason: 'test: the payment was entered again by hand',
        missing: 1,
      });
    });
  },
);

/** Another process with the cache open, reading, so the desk's commands never checkpoint its log. */
function holdOpen(file: string): { child: ChildProcess; ready: Promise<void>; gone: Promise<void> } {
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const db = new (require(${JSON.stringify(sqlite)}))(${JSON.stringify(file)});
       db.pragma('wal_autocheckpoint = 0');
       db.prepare('SELECT count(*) FROM outbox').get();
       process.stdout.write('ready\\n');
       setInterval(() => db.prepare('SELECT count(*) FROM outbox').get(), 100);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const ready = new Promise<void>((res, rej) => {
    child.stdout!.once('data', () => res());
    child.once('exit', (code) => rej(new Error(`the holder ended early (${code})`)));
  });
  const gone = new Promise<void>((res) => child.once('exit', () => res()));
  return { child, ready, gone };
}

/** The /proc path of a file a process holds open whose name ends so. */
function openFileOf(pid: number, ending: string): string {
  const fds = join('/proc', String(pid), 'fd');
  for (const fd of readdirSync(fds)) {
    const path = join(fds, fd);
    try {
      if (readlinkSync(path).endsWith(ending)) return path;
    } catch {
      // closed meanwhile
    }
  }
  throw new Error(`process ${pid} holds no file ending in ${ending}`);
}
