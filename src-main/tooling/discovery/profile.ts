// Profiles a legacy table with bounded SQL: a row count, one aggregate statement per column
// (non-null and blank counts, distinct count, MIN/MAX as text), the most frequent values per column
// (grouped by the engine, at most topValues rows back) and one sample of at most sampleSize rows
// for format detection. Nothing reads a whole table into memory; on tables above exactUpTo rows the
// distinct counts and frequent values are worked out on a sample and marked as estimates.
// DECIMAL, dates and timestamps are read as text through the dialect (drivers make DECIMAL lossy).
// Runs inside the discovery worker.
import type odbc from 'odbc';
import type { Dialect } from '../../node/bridge/dialects.ts';
import { driverMessage } from '../../node/bridge/odbc-errors.ts';
import type {
  CatalogColumn,
  CatalogTable,
  ColumnProfile,
  DiscoveryOptions,
  OverlapCheck,
  OverlapResult,
  TableProfile,
  ValueCount,
} from './profile-types.ts';

type Row = Record<string, unknown>;

function get(row: Row | undefined, alias: string): unknown {
  if (!row) return undefined;
  if (alias in row) return row[alias];
  const lower = alias.toLowerCase();
  for (const [k, v] of Object.entries(row)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** Driver values as text: BigInt exact, binary as Latin-1, booleans as true/false. */
export function valueText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof ArrayBuffer) return Buffer.from(v).toString('latin1');
  if (Buffer.isBuffer(v)) return v.toString('latin1');
  return String(v);
}

const count = (v: unknown): number => {
  const n = Number(typeof v === 'bigint' ? Number(v) : v);
  return Number.isFinite(n) ? n : 0;
};

/** The column read as text the way the bridge would read it (exact DECIMAL, ISO dates). */
export function valueExpression(column: CatalogColumn, expr: string, dialect: Dialect): string | null {
  switch (column.type.kind) {
    case 'binary':
      return null;
    case 'decimal':
      return dialect.decimalAsText(expr);
    case 'date':
      return dialect.dateAsText(expr);
    case 'timestamp':
      return dialect.timestampAsText(expr);
    case 'longtext':
      return dialect.textAsVarchar(expr, 2000);
    default:
      return expr;
  }
}

/** Whether the engine can count distinct values of the column and group by it. */
const canCompare = (column: CatalogColumn, dialect: Dialect) =>
  column.type.kind !== 'binary' &&
  !(column.type.kind === 'longtext' && (dialect.name === 'sqlserver' || dialect.name === 'db2i'));

/** Whether MIN and MAX apply (PostgreSQL has none for booleans). */
const canOrder = (column: CatalogColumn, dialect: Dialect) =>
  canCompare(column, dialect) && column.type.kind !== 'boolean' && column.type.kind !== 'longtext';

const isText = (column: CatalogColumn) => ['char', 'varchar', 'longtext'].includes(column.type.kind);

export async function profileTable(
  connection: odbc.Connection,
  table: CatalogTable,
  dialect: Dialect,
  options: DiscoveryOptions,
  onColumn?: (done: number, total: number) => void,
): Promise<TableProfile> {
  const started = performance.now();
  const q = (s: string) => dialect.quote(s);
  const from = q(table.qualified);
  const run = async (sql: string): Promise<Row[]> => [...((await connection.query(sql)) as unknown as Row[])];
  const base = { ...table, columns: [] as ColumnProfile[], contents: null, seconds: 0 };

  let rows: number;
  try {
    rows = count(get((await run(`SELECT COUNT(*) AS ${q('n')} FROM ${from}`))[0], 'n'));
  } catch (err) {
    return { ...base, rows: 0, error: `could not be counted: ${driverMessage(err)}`, seconds: 0 };
  }
  const sampled = rows > options.exactUpTo;
  const sampleSource = sampled
    ? `(${dialect.limit(`SELECT * FROM ${from}`, options.estimateSample)}) s`
    : from;

  // One sample of the rows, every column as text, for format detection (and whole small tables).
  const exprs = table.columns.map((c, i) => {
    const e = valueExpression(c, q(c.name), dialect);
    return e === null ? null : `${e} AS ${q(`v${i}`)}`;
  });
  let sampleRows: Row[] = [];
  const tableNotes: string[] = [];
  if (exprs.some((e) => e !== null)) {
    try {
      sampleRows = await run(
        dialect.limit(
          `SELECT ${exprs.filter((e) => e !== null).join(', ')} FROM ${from}`,
          options.sampleSize,
        ),
      );
    } catch (err) {
      tableNotes.push(`the sample could not be read: ${driverMessage(err)}`);
    }
  }

  const columns: ColumnProfile[] = [];
  for (const [i, column] of table.columns.entries()) {
    const notes = [...tableNotes];
    const col = q(column.name);
    const value = valueExpression(column, col, dialect);
    const aggregates: string[] = [`COUNT(${col}) AS ${q('nn')}`];
    if (canCompare(column, dialect) && !sampled) aggregates.push(`COUNT(DISTINCT ${col}) AS ${q('nd')}`);
    if (canOrder(column, dialect) && value !== null) {
      aggregates.push(`${valueExpression(column, `MIN(${col})`, dialect)} AS ${q('mn')}`);
      aggregates.push(`${valueExpression(column, `MAX(${col})`, dialect)} AS ${q('mx')}`);
    }
    if (isText(column) && canCompare(column, dialect))
      aggregates.push(`SUM(CASE WHEN RTRIM(LTRIM(${col})) = '' THEN 1 ELSE 0 END) AS ${q('nb')}`);
    const profile: ColumnProfile = {
      ...column,
      rows,
      nonNull: 0,
      blank: null,
      distinct: null,
      distinctEstimated: false,
      min: null,
      max: null,
      top: [],
      topSampled: sampled,
      sample: [],
      notes,
    };
    try {
      const agg = (await run(`SELECT ${aggregates.join(', ')} FROM ${from}`))[0];
      profile.nonNull = count(get(agg, 'nn'));
      if (!sampled && canCompare(column, dialect)) profile.distinct = count(get(agg, 'nd'));
      profile.min = valueText(get(agg, 'mn'));
      profile.max = valueText(get(agg, 'mx'));
      if (isText(column) && canCompare(column, dialect)) profile.blank = count(get(agg, 'nb'));
    } catch (err) {
      notes.push(`counts could not be read: ${driverMessage(err)}`);
    }
    if (sampled && canCompare(column, dialect)) {
      try {
        const est = (
          await run(
            `SELECT COUNT(${col}) AS ${q('nn')}, COUNT(DISTINCT ${col}) AS ${q('nd')} FROM ${sampleSource}`,
          )
        )[0];
        profile.distinct = estimateDistinct(count(get(est, 'nd')), count(get(est, 'nn')), profile.nonNull);
        profile.distinctEstimated = true;
      } catch (err) {
        notes.push(`distinct values could not be estimated: ${driverMessage(err)}`);
      }
    }
    if (value !== null && canCompare(column, dialect) && column.type.kind !== 'longtext') {
      try {
        const top = await run(
          dialect.limit(
            `SELECT ${value} AS ${q('v')}, COUNT(*) AS ${q('n')} FROM ${sampleSource} GROUP BY ${col} ORDER BY 2 DESC, 1`,
            options.topValues,
          ),
        );
        profile.top = top.map((r): ValueCount => ({
          value: valueText(get(r, 'v')),
          count: count(get(r, 'n')),
        }));
      } catch (err) {
        notes.push(`frequent values could not be read: ${driverMessage(err)}`);
      }
    }
    if (exprs[i] !== null) {
      for (const r of sampleRows) {
        const v = valueText(get(r, `v${i}`));
        if (v !== null) profile.sample.push(v);
      }
    }
    columns.push(profile);
    onColumn?.(i + 1, table.columns.length);
  }

  let contents: Record<string, string | null>[] | null = null;
  if (rows <= options.smallTableRows && sampleRows.length === rows) {
    contents = sampleRows.map((r) =>
      Object.fromEntries(
        table.columns.map((c, i) => [c.name, exprs[i] === null ? null : valueText(get(r, `v${i}`))]),
      ),
    );
  }
  return {
    ...table,
    rows,
    columns,
    contents,
    error: null,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * The number of distinct values of a big table from those of a sample: scaled up in proportion
 * when nearly every sampled value was new, hardly at all when values repeat (codes). Rough, and
 * shown as an estimate.
 */
export function estimateDistinct(sampleDistinct: number, sampleNonNull: number, nonNull: number): number {
  if (sampleNonNull === 0) return 0;
  const ratio = sampleDistinct / sampleNonNull;
  return Math.min(nonNull, Math.round(sampleDistinct * (nonNull / sampleNonNull) ** ratio));
}

/** Whether a column's sampled values are found in another table's key (foreign-key evidence). */
export async function checkOverlap(
  connection: odbc.Connection,
  check: OverlapCheck,
  textColumn: boolean,
  dialect: Dialect,
  sample = 500,
): Promise<OverlapResult> {
  const q = (s: string) => dialect.quote(s);
  const col = q(check.column);
  const notBlank = textColumn ? ` AND RTRIM(LTRIM(${col})) <> ''` : '';
  const inner = dialect.limit(
    `SELECT ${col} AS ${q('v')} FROM ${q(check.table)} WHERE ${col} IS NOT NULL${notBlank}`,
    sample,
  );
  const sql =
    `SELECT COUNT(*) AS ${q('n')}, SUM(CASE WHEN EXISTS (SELECT 1 FROM ${q(check.refTable)} r WHERE r.${q(check.refColumn)} = s.${q('v')}) THEN 1 ELSE 0 END) AS ${q('f')}` +
    ` FROM (${inner}) s`;
  try {
    const row = [...((await connection.query(sql)) as unknown as Row[])][0];
    return { ...check, checked: count(get(row, 'n')), found: count(get(row, 'f')), error: null };
  } catch (err) {
    return { ...check, checked: 0, found: 0, error: driverMessage(err) };
  }
}
