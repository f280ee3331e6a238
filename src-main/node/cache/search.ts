// Search as the clerk types. Every word typed must match the start of a word in the business or
// DBA name, owner, licence number, address or phone; results are ranked by FTS5's bm25.
import type { LicenceSummary } from '../../common/contract.ts';
import type { Statement } from 'better-sqlite3';
import type { Cache } from './open-cache.ts';

/** Words of the typed text as an FTS5 query of prefix terms; null when nothing searchable was typed. */
export function toMatchQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' ');
}

export function searchLicences(
  db: Cache,
  text: string,
  limit: number,
): { results: LicenceSummary[]; more: boolean } {
  const match = toMatchQuery(text);
  if (!match) return { results: [], more: false };
  // Ranking every match costs most when the text is one or two characters (a large share of the
  // city matches) and helps least; then the cheaper index order is used, and ranking starts with
  // the third character typed.
  const ranked = text.replace(/[^\p{L}\p{N}]/gu, '').length >= 3;
  const q = queries(db);
  const rows = (ranked ? q.ranked : q.unranked).all(match, limit + 1) as LicenceSummary[];
  return { results: rows.slice(0, limit), more: rows.length > limit };
}

const statements = new WeakMap<Cache, { ranked: Statement; unranked: Statement }>();
function queries(db: Cache) {
  let q = statements.get(db);
  if (!q) {
    q = { ranked: db.prepare(searchSql('ORDER BY s.rank')), unranked: db.prepare(searchSql('')) };
    statements.set(db, q);
  }
  return q;
}

function searchSql(order: string): string {
  return `SELECT l.id AS licenceId, b.id AS businessId, b.name AS businessName, b.dba_name AS dbaName,
              b.owner_name AS ownerName, b.address_line AS addressLine, t.name AS licenceTypeName,
              l.status AS status, l.expires_on AS expiresOn,
              (SELECT count(*) FROM outbox o
                WHERE o.status IN ('pending', 'conflict') AND json_extract(o.payload, '$.licenceId') = l.id
                  AND (o.status = 'pending' OR EXISTS
                       (SELECT 1 FROM conflict c WHERE c.operation_id = o.operation_id AND c.status = 'open'))
              ) AS pendingChanges
       FROM licence_search s
       JOIN licence l ON l.rowid = s.rowid
       JOIN business b ON b.id = l.business_id
       LEFT JOIN licence_type t ON t.code = l.licence_type_code
       WHERE licence_search MATCH ?
       ${order}
       LIMIT ?`;
}
