// Keeps the licence_search FTS5 index in step with the canonical tables. Phone numbers are indexed
// as written and as bare digits, so "555-201", "(555) 201" and "555201" all find the same licence.
import type { Cache } from './open-cache.ts';

/** One licence's search document; the incremental update (sync/refresh-search.ts) uses it too. */
export const documentSql = `
  SELECT l.rowid AS rowid, l.id AS licence_no, b.name AS business_name, b.dba_name, b.owner_name,
         concat_ws(' ', b.address_line, b.city, b.postal_code) AS address,
         concat_ws(' ', b.phone, digits_only(b.phone)) AS phone
  FROM licence l JOIN business b ON b.id = l.business_id`;

/** The SQL functions documentSql needs, on this connection. */
export function registerSearchFunctions(db: Cache): void {
  db.function('digits_only', { deterministic: true }, (v: unknown) =>
    v == null ? null : String(v).replace(/\D/g, '') || null,
  );
}

/** Rebuilds the whole index; used after a full refresh. */
export function rebuildSearchIndex(db: Cache): void {
  registerSearchFunctions(db);
  db.transaction(() => {
    db.exec(`INSERT INTO licence_search (licence_search) VALUES ('delete-all')`);
    db.exec(
      `INSERT INTO licence_search (rowid, licence_no, business_name, dba_name, owner_name, address, phone) ${documentSql}`,
    );
  }).immediate();
}
