// Which of the dashboard's sources this desk's cache has: tables and columns arrive with
// migrations, so a desk (or a helper's half-landed part) without one shows "not available on this
// desk yet" rather than zeros that look like a quiet month.
import type { Cache } from '../cache/open-cache.ts';

export function hasTable(db: Cache, table: string): boolean {
  return !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
}

export function hasColumn(db: Cache, table: string, column: string): boolean {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).includes(
    column,
  );
}
