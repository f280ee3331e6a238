// What discovery learns about a legacy database: the catalog (tables, columns, declared types) and
// a bounded profile of each column. Produced by the discovery worker (the process that owns the
// ODBC calls), read by the detectors, the draft-bridge writer and the report.

/** The declared type of a column, in the few kinds that matter for reading it. */
export type ColumnKind =
  | 'char' // fixed width: padded with spaces
  | 'varchar'
  | 'longtext' // text / CLOB / LONG VARCHAR: no useful width
  | 'integer'
  | 'decimal'
  | 'float'
  | 'date'
  | 'timestamp'
  | 'time'
  | 'boolean'
  | 'binary'
  | 'other';

export interface ColumnType {
  kind: ColumnKind;
  /** The driver's name for it, e.g. "DECIMAL(7,0)", "bpchar", "nvarchar". */
  typeName: string;
  length: number | null;
  precision: number | null;
  scale: number | null;
}

export interface CatalogColumn {
  name: string;
  ordinal: number;
  type: ColumnType;
  nullable: boolean | null;
  /** The column's default, as the catalog writes it (identity columns show up here). */
  defaultValue: string | null;
  autoIncrement: boolean;
}

export interface CatalogTable {
  /** The name as the catalog spells it (case kept: the bridge quotes identifiers). */
  name: string;
  schema: string | null;
  /** The name a bridge file uses: TABLE, or SCHEMA.TABLE outside the default schema. */
  qualified: string;
  type: 'table' | 'view';
  columns: CatalogColumn[];
  /** Primary key columns from the catalog, in order (empty when the driver reports none). */
  primaryKey: string[];
}

export interface ValueCount {
  value: string | null;
  count: number;
}

export interface ColumnProfile extends CatalogColumn {
  rows: number;
  nonNull: number;
  /** Values that are blank text (spaces only); null for non-text columns. */
  blank: number | null;
  /** COUNT(DISTINCT), or an estimate from a sample on big tables (distinctEstimated). */
  distinct: number | null;
  distinctEstimated: boolean;
  min: string | null;
  max: string | null;
  /** The most frequent values with their counts (null included), most frequent first. */
  top: ValueCount[];
  /** Whether `top` was counted on a sample of the table rather than all of it. */
  topSampled: boolean;
  /** Up to sampleSize non-null values as text, exactly as the driver returned them (padding kept). */
  sample: string[];
  /** Why a part of the profile is missing, e.g. a statement the engine refused. */
  notes: string[];
}

export interface TableProfile extends Omit<CatalogTable, 'columns'> {
  rows: number;
  columns: ColumnProfile[];
  /** Every row of a small table (code tables), as text, at most smallTableRows. */
  contents: Record<string, string | null>[] | null;
  /** Set when the table could not be profiled at all. */
  error: string | null;
  seconds: number;
}

/** A foreign-key candidate checked against the data: the share of sampled values found in the key. */
export interface OverlapCheck {
  table: string;
  column: string;
  refTable: string;
  refColumn: string;
}

export interface OverlapResult extends OverlapCheck {
  checked: number;
  found: number;
  error: string | null;
}

export interface DiscoveryOptions {
  /** Values sampled per column for format detection. */
  sampleSize: number;
  /** Most frequent values kept per column. */
  topValues: number;
  /** Above this many rows, distinct counts and top values are worked out on a sample. */
  exactUpTo: number;
  /** Rows sampled for estimates on tables above exactUpTo. */
  estimateSample: number;
  /** Tables with at most this many rows are read whole (code tables). */
  smallTableRows: number;
}

export const defaultDiscoveryOptions: DiscoveryOptions = {
  sampleSize: 1000,
  topValues: 25,
  exactUpTo: 2_000_000,
  estimateSample: 100_000,
  smallTableRows: 50,
};
