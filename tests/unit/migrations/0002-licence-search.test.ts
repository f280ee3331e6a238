// Migration 0002 (licence search): a cache at 0001 with licences gains the contentless FTS5 index
// keyed by licence rowid; the licences stay as they were, prefixes and accent-free spellings find
// a licence, and a document can be deleted (contentless_delete).
import { describe, expect, it } from 'vitest';
import { eachCacheBefore, objects } from '../support/migration-cache.ts';

const cache = eachCacheBefore('0002_licence_search');

describe('0002_licence_search', () => {
  it('adds the search index beside the licences already cached', () => {
    const { db } = cache;
    db.prepare(
      `INSERT INTO licence (id, business_id, status, refreshed_at) VALUES ('RV-0000001', '4711', 'active', 'x')`,
    ).run();
    const before = db.prepare('SELECT rowid, * FROM licence').all();
    cache.apply();
    expect(objects(db, 'table')).toContain('licence_search');
    expect(db.prepare('SELECT rowid, * FROM licence').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM licence_search').get()).toEqual({ n: 0 });

    const rowid = (before[0] as { rowid: number }).rowid;
    db.prepare(
      `INSERT INTO licence_search (rowid, licence_no, business_name, dba_name, owner_name, address, phone)
       VALUES (?, 'RV-0000001', 'Café Riverton', 'Sweet Rise', 'Ana Núñez', '12 Main St', '(555) 201-3344 5552013344')`,
    ).run(rowid);
    const find = (q: string) =>
      (
        db.prepare('SELECT rowid FROM licence_search WHERE licence_search MATCH ?').all(q) as {
          rowid: number;
        }[]
      ).map((r) => r.rowid);
    expect(find('cafe')).toEqual([rowid]); // remove_diacritics
    expect(find('nunez')).toEqual([rowid]);
    expect(find('swe*')).toEqual([rowid]); // prefix index
    expect(find('5552013344')).toEqual([rowid]);
    expect(find('bakery')).toEqual([]);
    // Contentless: the text is not stored, only indexed.
    expect(db.prepare('SELECT business_name FROM licence_search').get()).toEqual({ business_name: null });
    db.prepare('DELETE FROM licence_search WHERE rowid = ?').run(rowid);
    expect(find('cafe')).toEqual([]);
  });
});
