// What differs between legacy engines in the SQL the bridge generates: identifier quoting, how a
// DECIMAL is read as exact text, how dates and timestamps are read as text, how text is cast to a
// sized VARCHAR (psqlODBC sizes its buffers by the declared width: `text` is 8190 characters,
// which slows fetches ~7x), paging, and the locking re-read that replay uses. Parameters are the
// ODBC marker `?` on every engine (the driver manager translates). SQL Server and Db2 for i are
// generated too; their SQL is pinned by tests (tests/unit/dialects.test.ts), not run here.
import type { dialects } from './bridge-schema.ts';

export type DialectName = (typeof dialects)[number];

export interface Dialect {
  name: DialectName;
  quote(identifier: string): string;
  decimalAsText(expr: string): string;
  textAsVarchar(expr: string, length: number): string;
  dateAsText(expr: string): string;
  timestampAsText(expr: string): string;
  limit(sql: string, rows: number): string;
  /** The table reference of a SELECT that re-reads rows to change them, locking them until commit. */
  lockingFrom(table: string): string;
  /** What follows WHERE in that SELECT to lock the rows read. */
  lockingSuffix: string;
  /**
   * Whether the driver streams a result through an ODBC block cursor correctly. MariaDB's
   * Connector/ODBC returns only the first block through node-odbc's cursor (measured here: every
   * later fetch is empty), so its reads page by key instead.
   */
  cursorStreaming: boolean;
  /**
   * Driver options that make it stream instead of caching the whole result on the client, added
   * to the connection string unless the desk's string sets them. psqlODBC, for one, reads every row into
   * memory before the first fetch unless UseDeclareFetch is on (measured here: 755 MB for a
   * 500,000-row table, against a flat footprint with it).
   */
  streamingOptions(fetchSize: number): Record<string, string>;
}

const quoteWith = (open: string, close: string) => (identifier: string) =>
  identifier
    .split('.')
    .map((part) => `${open}${part.replaceAll(close, close + close)}${close}`)
    .join('.');

export const dialectTable: Record<DialectName, Dialect> = {
  sqlite: {
    name: 'sqlite',
    dateAsText: (e) => `strftime('%Y-%m-%d', ${e})`,
    timestampAsText: (e) => `strftime('%Y-%m-%d %H:%M:%S', ${e})`,
    // SQLite locks the whole database for a write transaction (BEGIN IMMEDIATE), not rows.
    lockingFrom: (t) => t,
    lockingSuffix: '',
    cursorStreaming: true,
    // The SQLite ODBC driver reads a whole result with sqlite3_get_table unless StepAPI is on
    // (measured here: 151 MB against 92 MB peak for 250,000 rows).
    streamingOptions: () => ({ StepAPI: '1' }),
    quote: quoteWith('"', '"'),
    // SQLite stores DECIMAL as REAL or INTEGER; printf keeps two places without binary noise.
    decimalAsText: (e) => `CASE WHEN ${e} IS NULL THEN NULL ELSE CAST(${e} AS TEXT) END`,
    textAsVarchar: (e) => e,
    limit: (sql, n) => `${sql} LIMIT ${n}`,
  },
  postgres: {
    name: 'postgres',
    dateAsText: (e) => `TO_CHAR(${e}, 'YYYY-MM-DD')`,
    timestampAsText: (e) => `TO_CHAR(${e}, 'YYYY-MM-DD HH24:MI:SS')`,
    lockingFrom: (t) => t,
    lockingSuffix: ' FOR UPDATE',
    cursorStreaming: true,
    // Debian's odbcinst.ini turns psqlODBC's CommLog on, which writes every session's traffic to
    // /tmp/psqlodbc_*.log: off, so nothing a desk sends lands in a stray file.
    streamingOptions: (n) => ({ UseDeclareFetch: '1', Fetch: String(n), CommLog: '0', Debug: '0' }),
    quote: quoteWith('"', '"'),
    decimalAsText: (e) => `CAST(${e} AS VARCHAR(40))`,
    textAsVarchar: (e, n) => `CAST(${e} AS VARCHAR(${n}))`,
    limit: (sql, n) => `${sql} LIMIT ${n}`,
  },
  mariadb: {
    name: 'mariadb',
    dateAsText: (e) => `DATE_FORMAT(${e}, '%Y-%m-%d')`,
    timestampAsText: (e) => `DATE_FORMAT(${e}, '%Y-%m-%d %H:%i:%s')`,
    lockingFrom: (t) => t,
    lockingSuffix: ' FOR UPDATE',
    cursorStreaming: false,
    streamingOptions: () => ({}),
    quote: quoteWith('`', '`'),
    decimalAsText: (e) => `CAST(${e} AS CHAR(40))`,
    textAsVarchar: (e, n) => `CAST(${e} AS CHAR(${n}))`,
    limit: (sql, n) => `${sql} LIMIT ${n}`,
  },
  sqlserver: {
    name: 'sqlserver',
    dateAsText: (e) => `CONVERT(VARCHAR(10), ${e}, 23)`,
    timestampAsText: (e) => `CONVERT(VARCHAR(19), ${e}, 120)`,
    lockingFrom: (t) => `${t} WITH (UPDLOCK, ROWLOCK)`,
    lockingSuffix: '',
    cursorStreaming: true,
    streamingOptions: () => ({}),
    quote: quoteWith('[', ']'),
    decimalAsText: (e) => `CONVERT(VARCHAR(40), ${e})`,
    textAsVarchar: (e, n) => `CAST(${e} AS NVARCHAR(${n}))`,
    limit: (sql, n) => sql.replace(/^SELECT /i, `SELECT TOP (${n}) `),
  },
  db2i: {
    name: 'db2i',
    dateAsText: (e) => `VARCHAR_FORMAT(${e}, 'YYYY-MM-DD')`,
    timestampAsText: (e) => `VARCHAR_FORMAT(${e}, 'YYYY-MM-DD HH24:MI:SS')`,
    lockingFrom: (t) => t,
    // Read stability keeps the rows locked to the end of the unit of work (commitment control).
    lockingSuffix: ' FOR UPDATE WITH RS',
    cursorStreaming: true,
    streamingOptions: () => ({}),
    quote: quoteWith('"', '"'),
    decimalAsText: (e) => `VARCHAR(${e})`,
    textAsVarchar: (e, n) => `CAST(${e} AS VARCHAR(${n}))`,
    limit: (sql, n) => `${sql} FETCH FIRST ${n} ROWS ONLY`,
  },
};

/**
 * Write statements in bridge files name tables and columns as {NAME}, so one statement serves
 * every engine: each becomes the dialect's quoted identifier. ODBC escape sequences such as
 * {fn NOW()} or {d '2024-01-15'} contain a space and are left alone.
 */
export function expandIdentifiers(sql: string, dialect: Dialect): string {
  return sql.replace(/\{([A-Za-z_][A-Za-z0-9_$#@]*(?:\.[A-Za-z_][A-Za-z0-9_$#@]*)?)\}/g, (_, name: string) =>
    dialect.quote(name),
  );
}
