// A real desk cache for the unit tests that read or write one (support/cache-rows.ts's freshCache),
// opened for a whole describe block or for each test, and always closed and removed after.
import { afterAll, afterEach, beforeEach } from 'vitest';
import type { Cache } from '../../../src-main/node/cache/open-cache.ts';
import { freshCache } from './cache-rows.ts';

/** One fresh cache, opened now, for every test of the describe block (or file) it is called in. */
export function cacheForAll(prefix: string): Cache {
  const { db, dispose } = freshCache(prefix);
  afterAll(dispose);
  return db;
}

/** A fresh cache for each test, handed to `opened` (with its folder) before the test runs and disposed after it. */
export function cacheForEach(prefix: string, opened: (db: Cache, dir: string) => void): void {
  let dispose: () => void = () => {};
  beforeEach(() => {
    const cache = freshCache(prefix);
    dispose = cache.dispose;
    opened(cache.db, cache.dir);
  });
  afterEach(() => dispose());
}
