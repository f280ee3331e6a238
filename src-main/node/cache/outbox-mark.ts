// The outbox's high-water mark, kept OUTSIDE the cache file (<dataDir>/outbox-mark.json): how far
// this desk's outbox has ever got (last seq, entries written, last operation id) and which cache
// file it was written for. A cache that vanished, was emptied, damaged or put back from an older
// copy cannot say what it lost; the mark beside it can (see cache-guard.ts).
//
// Ordering: the mark is written AFTER the transaction that added outbox entries has committed,
// from what the cache then holds (never from what the command meant to write). So the mark never
// runs ahead of the cache: a transaction that failed or rolled back leaves it untouched, and a
// crash between the commit and the mark leaves the mark one command behind, which the guard
// accepts (a cache ahead of its mark is brought forward at the next open). The one thing a crash
// there costs: if the cache is also lost before the next open, that last command is not named.
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { logger } from '../log/logger.ts';
import type { Cache } from './open-cache.ts';

export interface OutboxMark {
  version: 1;
  /** The cache file's identity (desk_meta cache_id), so a different file is told apart from an older one. */
  cacheId: string;
  lastSeq: number;
  /** Outbox entries ever written to this cache (rows are never deleted from the outbox). */
  count: number;
  lastOperationId: string | null;
  writtenAt: string;
}

export type OutboxState = Omit<OutboxMark, 'version' | 'writtenAt'>;

export const outboxMarkFile = (dataDir: string): string => join(dataDir, 'outbox-mark.json');

/** The cache's identity: a random id given the first time this version opens it. */
export function cacheIdentity(db: Cache): string {
  const get = () =>
    (db.prepare(`SELECT value FROM desk_meta WHERE key = 'cache_id'`).get() as { value: string } | undefined)
      ?.value;
  const found = get();
  if (found) return found;
  db.prepare(`INSERT OR IGNORE INTO desk_meta (key, value) VALUES ('cache_id', ?)`).run(randomUUID());
  return get()!;
}

/** What the cache's outbox holds now. */
export function outboxState(db: Cache): OutboxState {
  const last = db.prepare('SELECT seq, operation_id FROM outbox ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; operation_id: string } | undefined;
  const { n } = db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number };
  return {
    cacheId: cacheIdentity(db),
    lastSeq: last?.seq ?? 0,
    count: n,
    lastOperationId: last?.operation_id ?? null,
  };
}

export function readOutboxMark(file: string): OutboxMark | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const mark = JSON.parse(text) as OutboxMark;
  if (mark.version !== 1 || typeof mark.cacheId !== 'string' || !Number.isSafeInteger(mark.lastSeq))
    throw new Error(`${file} is not an outbox mark this version understands`);
  return mark;
}

/** Writes the mark atomically: a temporary file, fsync, rename over the old one, fsync of the folder. */
export function writeOutboxMark(file: string, state: OutboxState, now = new Date()): void {
  const mark: OutboxMark = { version: 1, ...state, writtenAt: now.toISOString() };
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, `${JSON.stringify(mark, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  try {
    const dir = openSync(dirname(file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // a folder cannot be fsynced on every platform (Windows); the rename is still atomic there
  }
}

/**
 * Whether the cache holds everything the mark knows of: the mark's last operation, as many entries,
 * and (the same cache file) at least its last seq. A different file (a new cache that salvage filled)
 * holds the mark when it has its last operation and as many entries: its seqs are its own.
 */
export function cacheHoldsMark(db: Cache, mark: OutboxMark, state: OutboxState = outboxState(db)): boolean {
  if (mark.count === 0 || mark.lastOperationId === null) return true;
  const hasLast =
    db.prepare('SELECT 1 FROM outbox WHERE operation_id = ?').get(mark.lastOperationId) !== undefined;
  return (
    hasLast && state.count >= mark.count && (state.cacheId !== mark.cacheId || state.lastSeq >= mark.lastSeq)
  );
}

/**
 * Brings the mark up to what the cache holds. Two processes of one desk (serve and a command) may
 * race here: a mark that is already further on for the same cache is left as it is, so the mark
 * only moves forward (a lost race leaves it behind, never ahead). A mark the cache does not hold
 * (salvage brought back only part of it) is kept: only forget-missing gives it up.
 */
export function advanceOutboxMark(db: Cache, file: string): void {
  const state = outboxState(db);
  let current: OutboxMark | null = null;
  try {
    current = readOutboxMark(file);
  } catch {
    current = null; // an unreadable mark is replaced by the truth
  }
  if (current && !cacheHoldsMark(db, current, state)) return;
  if (
    current &&
    current.cacheId === state.cacheId &&
    current.lastSeq >= state.lastSeq &&
    current.count >= state.count
  )
    return;
  writeOutboxMark(file, state);
}

const marked = new WeakMap<Cache, { file: string; dirty: boolean }>();

/** Called by enqueue, inside the command's transaction: the mark is advanced once it has committed. */
export function outboxWritten(db: Cache): void {
  const m = marked.get(db);
  if (m) m.dirty = true;
}

/**
 * Keeps the mark of this cache handle: every transaction made through db.transaction (all commands
 * use it) advances the mark after its outermost commit if it wrote outbox entries. better-sqlite3
 * has no commit hook, so the handle's transaction() is wrapped; a handle without a mark (unit tests
 * opening a bare cache) is left alone.
 */
export function keepOutboxMark(db: Cache, file: string): void {
  const m = { file, dirty: false };
  marked.set(db, m);
  const original = db.transaction.bind(db);
  const afterCommit =
    <A extends unknown[], R>(run: (...args: A) => R) =>
    (...args: A): R => {
      const result = run(...args);
      if (!db.inTransaction && m.dirty) {
        m.dirty = false;
        try {
          advanceOutboxMark(db, m.file);
        } catch (err) {
          // The command has committed: failing it now would make a clerk give it again (a second
          // payment). A mark left behind is safe (the next open brings it forward); say so for IT.
          logger('cache').warn(
            { err, file: m.file },
            'the outbox mark could not be written; the change itself is saved',
          );
        }
      }
      return result;
    };
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const t = original(fn);
    return Object.assign(afterCommit(t), {
      default: afterCommit(t.default),
      deferred: afterCommit(t.deferred),
      immediate: afterCommit(t.immediate),
      exclusive: afterCommit(t.exclusive),
    });
  }) as Cache['transaction'];
}
