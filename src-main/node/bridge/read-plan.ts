// Turns an entity mapping of a bridge file into the SELECT the worker runs and the function that
// makes a canonical record of each fetched row; and, for incremental refresh, the reads of what
// changed: rows past a high-water mark of the entity's `changes` column, rows in key ranges (for
// chunks whose hash changed), and the canonical keys alone (to notice rows deleted in the legacy).
import type { z } from 'zod';
import type { EntityName } from '../../common/model.ts';
import { entitySchemas } from '../../common/model.ts';
import { keyField } from '../cache/canonical-tables.ts';
import type { BridgeFile, EntityMapping, FieldMapping } from './bridge-schema.ts';
import { type Dialect, expandIdentifiers } from './dialects.ts';
import { type RowChunk, RowChunker } from './row-chunks.ts';
import { type CompiledTransform, compileTransforms, type Raw, TransformProblem } from './transforms.ts';

export interface DataIssue {
  entity: EntityName;
  recordId: string | null;
  field: string;
  value: string | null;
  problem: string;
}

/**
 * The high-water mark of a `changes` column, as the legacy database holds it: a number, text (such
 * as Riverton's YYYYMMDDHHMMSS), or a date/time the driver gave as text. It is compared in SQL.
 */
export interface ChangeMark {
  value: string;
  kind: 'number' | 'text' | 'time';
}

/** Legacy key values in key order; a range runs after `after` (exclusive) up to `through` (inclusive). */
export interface KeyRange {
  after: Raw[] | null;
  through: Raw[] | null;
}

export interface ReadPlan {
  entity: EntityName;
  sql: string;
  /**
   * The read's SELECT with an extra filter (`where`: changedSince, inKeyRange) and, when
   * `ordered`, the key columns appended as k0, k1, ... and the rows in key order.
   */
  selectSql(options?: { where?: string | null; ordered?: boolean }): string;
  /** The aliases of the columns a row's content is read from (hashed by row_hash chunks). */
  valueAliases: string[];
  /** Counts the rows `sql` reads, for progress. */
  countSql: string;
  /** The legacy table, or the query file, the entity is read from (for messages). */
  source: string;
  /** Keyset paging, for drivers whose cursors do not stream: the next page after `after` (null: the first). */
  pageSql(after: Raw[] | null, rows: number, where?: string | null): string;
  /**
   * Re-reads one record by its legacy key (parameters `?`, in key order) and locks its row until
   * the transaction ends: replay compares it with the version the clerk saw before writing.
   */
  rereadSql: string;
  /** Number of leading key columns appended to each row as k0, k1, ... for pageSql. */
  keyAliases: string[];
  /** Makes a canonical record, or null when the row cannot be one (reported in issues). */
  toRecord(row: Record<string, Raw>, issues: DataIssue[]): Record<string, unknown> | null;
  /**
   * `SELECT MAX(column) AS M` over the entity's rows: the high-water mark of its `changes` column
   * (version, last_modified); null when the entity has none.
   */
  markSql: string | null;
  /** The mark in the answer of markSql (null: no row has a value), typed by the column the driver describes. */
  toMark(value: unknown, sqlType: number | undefined): ChangeMark | null;
  /**
   * A filter on the rows changed since `mark`. version: a greater value. last_modified: the mark
   * or later (the caller already went back by the overlap), and rows whose column is blank, which
   * no mark can date: Riverton's programs do not all stamp LICUPD/BUSUPD, so those rows are read
   * every time rather than missed for good.
   */
  changedSince(mark: ChangeMark): string;
  /** A filter on the rows whose legacy key lies in the range. */
  inKeyRange(range: KeyRange): string;
  /** Reading only what the canonical key is made of: every key the legacy holds, to notice deletes. */
  keys: {
    sql: string;
    pageSql(after: Raw[] | null, rows: number): string;
    /** The canonical key of the row (null: the row has none, and cannot be in the cache either). */
    toKey(row: Record<string, Raw>): string | null;
  };
  /** Hashes rows read in key order (selectSql ordered, or pageSql) into chunks (row_hash). */
  chunker(chunkSize: number): { add(row: Record<string, Raw>): RowChunk | null; finish(): RowChunk };
}

interface FieldReader {
  field: string;
  alias: string | null;
  constant?: Raw;
  transform: CompiledTransform;
}

interface Compiled {
  selects: string[];
  readers: FieldReader[];
  templates: Array<{ field: string; template: string }>;
}

/** The SELECT list and the field readers of the given fields of a mapping. */
function compileFields(
  bridge: BridgeFile,
  mapping: EntityMapping,
  dialect: Dialect,
  only?: Set<string>,
): Compiled {
  const selects: string[] = [];
  const readers: FieldReader[] = [];
  const templates: Array<{ field: string; template: string }> = [];
  Object.entries(mapping.columns).forEach(([field, spec]: [string, FieldMapping], i) => {
    if (only && !only.has(field)) return;
    if (typeof spec === 'object' && 'template' in spec) {
      templates.push({ field, template: spec.template });
      return;
    }
    if (typeof spec === 'object' && 'value' in spec) {
      readers.push({ field, alias: null, constant: spec.value, transform: (v) => v });
      return;
    }
    const column = typeof spec === 'string' ? spec : spec.column;
    const alias = `c${i}`;
    let expr = dialect.quote(column);
    if (typeof spec === 'object' && spec.type === 'decimal') expr = dialect.decimalAsText(expr);
    else if (typeof spec === 'object' && spec.type === 'date') expr = dialect.dateAsText(expr);
    else if (typeof spec === 'object' && spec.type === 'timestamp') expr = dialect.timestampAsText(expr);
    else if (typeof spec === 'object' && spec.type === 'text' && spec.length)
      expr = dialect.textAsVarchar(expr, spec.length);
    selects.push(`${expr} AS ${dialect.quote(alias)}`);
    const steps = typeof spec === 'object' && spec.transform ? [spec.transform].flat() : [];
    readers.push({ field, alias, transform: compileTransforms(steps, { timeZone: bridge.time_zone }) });
  });
  return { selects, readers, templates };
}

/** The fields the canonical key is made of: the key field and, for a template, what it names. */
function keyFields(entity: EntityName, mapping: EntityMapping): Set<string> {
  const wanted = new Set([keyField(entity)]);
  for (let grew = true; grew;) {
    grew = false;
    for (const field of [...wanted]) {
      const spec = mapping.columns[field];
      if (typeof spec !== 'object' || !('template' in spec)) continue;
      for (const [, name] of spec.template.matchAll(/\$\{([A-Za-z_]\w*)\}/g)) {
        if (!wanted.has(name!)) {
          wanted.add(name!);
          grew = true;
        }
      }
    }
  }
  return wanted;
}

/** Reads a row's fields through their transforms and templates (no schema check). */
function readFields(
  compiled: Compiled,
  row: Record<string, Raw>,
  stringFields: Set<string>,
  problems: Array<{ field: string; value: Raw; problem: string }>,
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const r of compiled.readers) {
    let raw: Raw =
      r.alias === null ? (r.constant ?? null) : normalise(row[r.alias] ?? row[r.alias.toUpperCase()] ?? null);
    try {
      raw = r.transform(raw);
    } catch (err) {
      if (!(err instanceof TransformProblem)) throw err;
      problems.push({ field: r.field, value: raw, problem: err.message });
      raw = null;
    }
    // Strings left blank after the transforms are "no value" in the canonical model.
    if (typeof raw === 'number' && stringFields.has(r.field)) raw = String(raw);
    record[r.field] = typeof raw === 'string' && raw.trim() === '' ? null : raw;
  }
  // Fields made from others, once those are read: "${a} ${b}" with blanks dropped.
  for (const t of compiled.templates) {
    let any = false;
    const text = t.template
      .replace(/\$\{([A-Za-z_]\w*)\}/g, (_, name: string) => {
        const v = record[name];
        if (v === null || v === undefined || v === '') return '';
        any = true;
        return String(v);
      })
      .replace(/\s+/g, ' ')
      .trim();
    record[t.field] = any ? text : null;
  }
  return record;
}

/** ODBC SQL types (sql.h) of numbers and of dates and times, for typing a mark. */
const numericSqlTypes = new Set([2, 3, 4, 5, 6, 7, 8, -5, -6]);
const timeSqlTypes = new Set([9, 10, 11, 91, 92, 93]);

export function buildReadPlan(
  bridge: BridgeFile,
  entity: EntityName,
  mapping: EntityMapping,
  dialect: Dialect,
): ReadPlan {
  const compiled = compileFields(bridge, mapping, dialect);
  const { selects } = compiled;
  // {NAME} in a filter is quoted for the engine, as in write statements and query files.
  const filterSql = mapping.where ? expandIdentifiers(mapping.where, dialect) : undefined;
  const where = filterSql ? ` WHERE ${filterSql}` : '';
  // A query_file entity reads from its SELECT as a derived table.
  const from = mapping.table
    ? ` FROM ${dialect.quote(mapping.table)}`
    : ` FROM (${expandIdentifiers(mapping.query ?? '', dialect)}) q`;
  const source = mapping.table ?? mapping.query_file ?? '(query)';
  const sql = `SELECT ${selects.join(', ')}${from}${where}`;
  const keyAliases = mapping.key.map((_, i) => `k${i}`);
  const keyCols = mapping.key.map((k) => dialect.quote(k));
  const keySelects = keyCols.map((k, i) => `${k} AS ${dialect.quote(keyAliases[i]!)}`);
  const keyMatch = keyCols.map((k) => `${k} = ?`).join(' AND ');
  const rereadSql =
    `SELECT ${selects.join(', ')}${mapping.table ? ` FROM ${dialect.lockingFrom(dialect.quote(mapping.table))}` : from}` +
    ` WHERE ${filterSql ? `(${filterSql}) AND ` : ''}${keyMatch}${dialect.lockingSuffix}`;
  // "After this key" spelled out (a > x OR a = x AND b > y ...), which every engine accepts;
  // SQL Server has no row-value comparison. Literals come from rows the worker read.
  const literal = (v: Raw) =>
    typeof v === 'number' || typeof v === 'bigint' ? String(v) : `'${String(v).replaceAll("'", "''")}'`;
  const afterKey = (after: Raw[]) => {
    const values = after.map(literal);
    const alternatives = keyCols.map((col, i) =>
      [...keyCols.slice(0, i).map((c, j) => `${c} = ${values[j]}`), `${col} > ${values[i]}`].join(' AND '),
    );
    return alternatives.length > 1 ? `(${alternatives.map((a) => `(${a})`).join(' OR ')})` : alternatives[0]!;
  };
  // The bridge's filter, the caller's (both bracketed: they may hold OR) and "after this key".
  const conditions = (extra: string | null | undefined, after: Raw[] | null = null) => {
    const all = [
      filterSql ? `(${filterSql})` : null,
      extra ? `(${extra})` : null,
      after ? afterKey(after) : null,
    ].filter((c): c is string => c !== null);
    return all.length ? ` WHERE ${all.join(' AND ')}` : '';
  };
  const orderBy = ` ORDER BY ${keyCols.join(', ')}`;
  const pageSql = (after: Raw[] | null, rows: number, extra?: string | null) =>
    dialect.limit(
      `SELECT ${[...selects, ...keySelects].join(', ')}${from}${conditions(extra, after)}${orderBy}`,
      rows,
    );
  const selectSql = (options: { where?: string | null; ordered?: boolean } = {}) =>
    options.ordered
      ? `SELECT ${[...selects, ...keySelects].join(', ')}${from}${conditions(options.where)}${orderBy}`
      : `SELECT ${selects.join(', ')}${from}${conditions(options.where)}`;

  const changes = mapping.changes;
  const changeColumn = changes.mode === 'version' || changes.mode === 'last_modified' ? changes.column : null;
  const markSql = changeColumn
    ? `SELECT MAX(${dialect.quote(changeColumn)}) AS ${dialect.quote('M')}${from}${where}`
    : null;
  const changedSince = (mark: ChangeMark) => {
    if (!changeColumn) throw new Error(`${entity} has no changes column to read changes by`);
    const col = dialect.quote(changeColumn);
    let value: string;
    if (mark.kind === 'number') {
      if (!/^-?\d+(\.\d+)?$/.test(mark.value)) throw new Error(`not a number mark: ${mark.value}`);
      value = mark.value;
    } else value = literal(mark.value);
    if (changes.mode === 'version') return `${col} > ${value}`;
    const blank = mark.kind === 'text' ? ` OR TRIM(${col}) = ''` : '';
    return `${col} >= ${value} OR ${col} IS NULL${blank}`;
  };
  const inKeyRange = (range: KeyRange) =>
    [range.after ? afterKey(range.after) : null, range.through ? `NOT ${afterKey(range.through)}` : null]
      .filter((c): c is string => c !== null)
      .join(' AND ') || '1 = 1';

  const schema = entitySchemas[entity];
  // Legacy keys are often numbers while the canonical ids are text: coerce where a string is expected.
  const stringFields = new Set(
    Object.entries(schema.shape)
      .filter(([, t]) => expectsString(t as z.ZodType))
      .map(([name]) => name),
  );
  const keyCompiled = compileFields(bridge, mapping, dialect, keyFields(entity, mapping));
  const keysSelect = keyCompiled.selects.length ? keyCompiled.selects : [`1 AS ${dialect.quote('c0')}`];
  const canonicalKey = keyField(entity);

  return {
    entity,
    sql,
    selectSql,
    valueAliases: compiled.readers.flatMap((r) => (r.alias ? [r.alias] : [])),
    countSql: `SELECT COUNT(*) AS ${dialect.quote('N')}${from}${where}`,
    source,
    pageSql,
    rereadSql,
    keyAliases,
    markSql,
    toMark(value, sqlType) {
      const v = normalise(value);
      if (v === null || String(v).trim() === '') return null;
      const kind =
        typeof value === 'number' || typeof value === 'bigint' || numericSqlTypes.has(sqlType ?? 0)
          ? 'number'
          : timeSqlTypes.has(sqlType ?? 0)
            ? 'time'
            : 'text';
      return { value: String(v).trim(), kind };
    },
    changedSince,
    inKeyRange,
    keys: {
      sql: `SELECT ${keysSelect.join(', ')}${from}${where}`,
      pageSql: (after, rows) =>
        dialect.limit(
          `SELECT ${[...keysSelect, ...keySelects].join(', ')}${from}${conditions(null, after)}${orderBy}`,
          rows,
        ),
      toKey(row) {
        const id = readFields(keyCompiled, row, stringFields, [])[canonicalKey];
        return typeof id === 'string' ? id : typeof id === 'number' ? String(id) : null;
      },
    },
    chunker(chunkSize) {
      const chunker = new RowChunker(chunkSize);
      const valueAliases = compiled.readers.flatMap((r) => (r.alias ? [r.alias] : []));
      const value = (row: Record<string, Raw>, alias: string) =>
        normalise(row[alias] ?? row[alias.toUpperCase()] ?? null);
      return {
        add: (row) =>
          chunker.add(
            keyAliases.map((k) => value(row, k)),
            valueAliases.map((a) => value(row, a)),
          ),
        finish: () => chunker.finish(),
      };
    },
    toRecord(row, issues) {
      const problems: Array<{ field: string; value: Raw; problem: string }> = [];
      const record = readFields(compiled, row, stringFields, problems);
      // Scratch fields (_name) feed templates only; they are not part of the canonical record.
      for (const key of Object.keys(record)) if (key.startsWith('_')) delete record[key];
      const id = typeof record.id === 'string' ? record.id : null;
      for (const p of problems) {
        issues.push({
          entity,
          recordId: id,
          field: p.field,
          value: p.value === null ? null : String(p.value),
          problem: p.problem,
        });
      }
      const parsed = schema.safeParse(record);
      if (parsed.success) return parsed.data as Record<string, unknown>;
      // A record that still breaks the canonical schema is set aside, never half-written.
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.');
        const value = record[field];
        issues.push({
          entity,
          recordId: id,
          field,
          value: value === null || value === undefined ? null : String(value),
          problem: `${issue.message}; the record was not loaded`,
        });
      }
      return null;
    },
  };
}

function expectsString(t: z.ZodType): boolean {
  const def = (t as unknown as { _zod: { def: { type: string; innerType?: z.ZodType } } })._zod.def;
  if (def.type === 'nullable' || def.type === 'optional')
    return def.innerType ? expectsString(def.innerType) : false;
  return def.type === 'string';
}

/** Driver values to what transforms expect: keys and numbers as text, BigInt kept exact. */
function normalise(v: unknown): Raw {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof ArrayBuffer) return Buffer.from(v).toString('latin1');
  return String(v);
}
