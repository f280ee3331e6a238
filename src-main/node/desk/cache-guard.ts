// The desk refuses a cache that lost changes still waiting for the legacy database, instead of
// starting afresh and saying "nothing is waiting". It compares the cache with the outbox mark kept
// beside it (cache/outbox-mark.ts): a mark that knows of entries while the cache is missing or
// empty, a cache whose outbox went backwards (an older copy, a lost -wal), or a different cache file
// that lacks the mark's last entry. The person brings the changes back with
// `workbench outbox salvage FILE`, or, having checked, accepts the loss with
// `workbench outbox forget-missing --reason TEXT` (both audited).
import { existsSync, statSync } from 'node:fs';
import { WorkbenchError } from '../../common/errors.ts';
import type { Cache } from '../cache/open-cache.ts';
import {
  advanceOutboxMark,
  cacheHoldsMark,
  type OutboxMark,
  type OutboxState,
  outboxMarkFile,
  outboxState,
  readOutboxMark,
} from '../cache/outbox-mark.ts';

const getBack = (cacheFile: string) =>
  `The waiting changes are in the old cache file, if you still have it (or a copy of it): do not delete it. ` +
  `Move ${cacheFile} aside if it is still there, then run "workbench outbox salvage <old file>" to bring them into this desk, then "workbench sync". ` +
  `Only if they cannot be found, and a person has checked they are not needed, run "workbench outbox forget-missing --reason <why>".`;

const range = (from: number, to: number) => (from === to ? `seq ${from}` : `seq ${from} to ${to}`);

/** What the mark says the desk wrote, in words, after "this desk has". */
export function markInWords(mark: OutboxMark): string {
  return (
    `written ${mark.count} change${mark.count === 1 ? '' : 's'} to its outbox (up to seq ${mark.lastSeq}, ` +
    `the last one operation ${mark.lastOperationId ?? 'none'})`
  );
}

export function readMark(dataDir: string): OutboxMark | null {
  try {
    return readOutboxMark(outboxMarkFile(dataDir));
  } catch (err) {
    throw new WorkbenchError(
      'cache_unavailable',
      `This desk's outbox mark ${outboxMarkFile(dataDir)} could not be read (${(err as Error).message}). ` +
        'It tells whether the cache lost waiting changes; restore it, or move it aside to make a new one from the cache as it is.',
    );
  }
}

/** Before the cache is opened (opening would create it afresh): refuses a missing or emptied file. */
export function refuseVanishedCache(cacheFile: string, mark: OutboxMark | null): void {
  if (!mark || mark.count === 0) return;
  const gone = !existsSync(cacheFile);
  if (!gone && statSync(cacheFile).size > 0) return;
  throw new WorkbenchError(
    'cache_unavailable',
    `The desk's cache ${cacheFile} ${gone ? 'is missing' : 'is empty (0 bytes)'}, but this desk has ${markInWords(mark)}. ` +
      `Changes not yet in the legacy database would be lost if the desk started a new cache, so it did not. ${getBack(cacheFile)}`,
  );
}

export interface Shortfall {
  mark: OutboxMark;
  now: OutboxState;
  sameCache: boolean;
  /** How many entries the mark knows of that the cache does not hold. */
  missing: number;
  /** The seq range missing from the same cache (null for a different cache: its seqs are its own). */
  seqs: { from: number; to: number } | null;
}

/** What the cache lacks compared with the mark, or null when it holds everything the mark knows. */
export function shortfall(db: Cache, mark: OutboxMark | null): Shortfall | null {
  if (!mark || mark.count === 0) return null;
  const now = outboxState(db);
  if (cacheHoldsMark(db, mark, now)) return null;
  const hasLast =
    db.prepare('SELECT 1 FROM outbox WHERE operation_id = ?').get(mark.lastOperationId) !== undefined;
  const sameCache = now.cacheId === mark.cacheId;
  return {
    mark,
    now,
    sameCache,
    missing: Math.max(mark.count - now.count, hasLast ? 0 : 1),
    seqs: sameCache && now.lastSeq < mark.lastSeq ? { from: now.lastSeq + 1, to: mark.lastSeq } : null,
  };
}

export function shortfallInWords(s: Shortfall, cacheFile: string): string {
  const what = s.sameCache
    ? `went back: it holds ${s.now.count} outbox entr${s.now.count === 1 ? 'y' : 'ies'} (up to seq ${s.now.lastSeq})`
    : `is a different cache file than the one this desk wrote (an older copy or a new cache): it holds ${s.now.count} outbox entr${s.now.count === 1 ? 'y' : 'ies'}`;
  const lost =
    `${s.missing} change${s.missing === 1 ? ' is' : 's are'} missing` +
    (s.seqs ? ` (${range(s.seqs.from, s.seqs.to)})` : '') +
    `, among them the last one, operation ${s.mark.lastOperationId}`;
  return `The desk's cache ${cacheFile} ${what}, but this desk has ${markInWords(s.mark)}: ${lost}.`;
}

/**
 * After the cache is opened: refuses one that lacks what the mark knows of; otherwise brings the
 * mark up to the cache (a new desk, a desk from before the mark, or a mark one command behind).
 */
export function guardCache(db: Cache, dataDir: string, cacheFile: string, mark: OutboxMark | null): void {
  const s = shortfall(db, mark);
  if (s) {
    throw new WorkbenchError(
      'cache_unavailable',
      `${shortfallInWords(s, cacheFile)} The desk did not start, so nothing more is lost. ${getBack(cacheFile)}`,
    );
  }
  advanceOutboxMark(db, outboxMarkFile(dataDir));
}
