// Keeps the licence search index in step after an incremental refresh by re-indexing only the
// licences whose document may have changed, instead of rebuilding it (about 2 s at 200,000
// licences, for what is usually a handful of rows). The index is contentless with
// contentless_delete=1, so one licence's document is dropped by its rowid.
//
// The document is the one cache/search-index.ts builds (a unit test compares an incrementally
// updated index with a rebuilt one).
import type { Cache } from '../cache/open-cache.ts';
import { documentSql, registerSearchFunctions } from '../cache/search-index.ts';

export interface SearchChanges {
  /** Licences written or removed (their rowids). */
  licenceRowids: Iterable<number>;
  /** Businesses written or removed: their licences' documents carry the business's name and address. */
  businessIds: Iterable<string>;
}

/** Re-indexes the licences named, and those of the businesses named; returns how many documents. */
export function updateSearchIndex(db: Cache, changes: SearchChanges): number {
  const rowids = new Set(changes.licenceRowids);
  const ofBusiness = db.prepare('SELECT rowid FROM licence WHERE business_id = ?').pluck();
  for (const id of changes.businessIds) for (const r of ofBusiness.all(id) as number[]) rowids.add(r);
  if (rowids.size === 0) return 0;
  registerSearchFunctions(db);
  const drop = db.prepare('DELETE FROM licence_search WHERE rowid = ?');
  const add = db.prepare(
    `INSERT INTO licence_search (rowid, licence_no, business_name, dba_name, owner_name, address, phone)
     ${documentSql} WHERE l.rowid = ?`,
  );
  db.transaction(() => {
    for (const rowid of rowids) {
      drop.run(rowid);
      add.run(rowid);
    }
  }).immediate();
  return rowids.size;
}
