// Turns an entity mapping of a bridge file into the SELECT the worker runs and the function that
// makes a canonical record of each fetched row.
import type { z } from 'zod';
import type { EntityName } from '../../common/model.ts';
import { entitySchemas } from '../../common/model.ts';
import type { BridgeFile, EntityMapping, FieldMapping } from './bridge-schema.ts';
import { type Dialect, expandIdentifiers } from './dialects.ts';
import { type CompiledTransform, compileTransforms, type Raw, TransformProblem } from './transforms.ts';

export interface DataIssue {
  entity: EntityName;
  recordId: string | null;
  field: string;
  value: string | null;
  problem: string;
}

export interface ReadPlan {
  entity: EntityName;
  sql: string;
  /** Counts the rows `sql` reads, for progress. */
  countSql: string;
  /** The legacy table, or the query file, the entity is read from (for messages). */
  source: string;
  /** Keyset paging, for drivers whose cursors do not stream: the next page after `after` (null: the first). */
  pageSql(after: Raw[] | null, rows: number): string;
  /**
   * Re-reads one record by its legacy key (parameters `?`, in key order) and locks its row until
   * the transaction ends: replay compares it with the version the clerk saw before writing.
   */
  rereadSql: string;
  /** Number of leading key columns appended to each row as k0, k1, ... for pageSql. */
  keyAliases: string[];
  /** Makes a canonical record, or null when the row cannot be one (reported in issues). */
  toRecord(row: Record<string, Raw>, issues: DataIssue[]): Record<string, unknown> | null;
}

interface FieldReader {
  field: string;
  alias: string | null;
  constant?: Raw;
  transform: CompiledTransform;
}

export function buildReadPlan(
  bridge: BridgeFile,
  entity: EntityName,
  mapping: EntityMapping,
  dialect: Dialect,
): ReadPlan {
  const selects: string[] = [];
  const readers: FieldReader[] = [];
  const templates: Array<{ field: string; template: string }> = [];
  Object.entries(mapping.columns).forEach(([field, spec]: [string, FieldMapping], i) => {
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
  const pageSql = (after: Raw[] | null, rows: number) => {
    const conditions = filterSql ? [`(${filterSql})`] : [];
    if (after) {
      // "After this key" spelled out (a > x OR a = x AND b > y ...), which every engine accepts;
      // SQL Server has no row-value comparison. Literals come from the previous page.
      const literal = (v: Raw) =>
        typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`;
      const values = after.map(literal);
      const alternatives = keyCols.map((col, i) =>
        [...keyCols.slice(0, i).map((c, j) => `${c} = ${values[j]}`), `${col} > ${values[i]}`].join(' AND '),
      );
      conditions.push(
        alternatives.length > 1 ? `(${alternatives.map((a) => `(${a})`).join(' OR ')})` : alternatives[0]!,
      );
    }
    const filter = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
    return dialect.limit(
      `SELECT ${[...selects, ...keySelects].join(', ')}${from}${filter} ORDER BY ${keyCols.join(', ')}`,
      rows,
    );
  };
  const schema = entitySchemas[entity];
  // Legacy keys are often numbers while the canonical ids are text: coerce where a string is expected.
  const stringFields = new Set(
    Object.entries(schema.shape)
      .filter(([, t]) => expectsString(t as z.ZodType))
      .map(([name]) => name),
  );

  return {
    entity,
    sql,
    countSql: `SELECT COUNT(*) AS ${dialect.quote('N')}${from}${where}`,
    source,
    pageSql,
    rereadSql,
    keyAliases,
    toRecord(row, issues) {
      const record: Record<string, unknown> = {};
      const problems: Array<{ field: string; value: Raw; problem: string }> = [];
      for (const r of readers) {
        let raw: Raw =
          r.alias === null
            ? (r.constant ?? null)
            : normalise(row[r.alias] ?? row[r.alias.toUpperCase()] ?? null);
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
      for (const t of templates) {
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
