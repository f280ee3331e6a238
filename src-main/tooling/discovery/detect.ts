// What a column's profile says about how the legacy system stores its values: dates kept as
// YYYYMMDD text, CYYMMDD numbers, MM/DD/YY text or serial day numbers; timestamps as text;
// placeholder values keyed when the real one was unknown; CHAR padding; upper-case text; yes/no
// flags; code columns; money; key and foreign-key candidates. Pure functions over the profile,
// so each detector is tested on crafted samples (tests/unit/discovery-detect.test.ts).
import { type DateFormat, parseLegacyDate, TransformProblem } from '../../node/bridge/transforms.ts';
import type { ColumnKind, ColumnProfile, ColumnType, OverlapCheck, TableProfile } from './profile-types.ts';

// ---- declared types ------------------------------------------------------------------------------

/** ODBC SQL type codes (sql.h / sqlext.h) for drivers whose type names say little. */
const odbcKinds: Record<number, ColumnKind> = {
  1: 'char',
  [-8]: 'char',
  12: 'varchar',
  [-9]: 'varchar',
  [-1]: 'longtext',
  [-10]: 'longtext',
  2: 'decimal',
  3: 'decimal',
  4: 'integer',
  5: 'integer',
  [-5]: 'integer',
  [-6]: 'integer',
  6: 'float',
  7: 'float',
  8: 'float',
  9: 'date',
  91: 'date',
  10: 'time',
  92: 'time',
  11: 'timestamp',
  93: 'timestamp',
  [-7]: 'boolean',
  16: 'boolean',
  [-2]: 'binary',
  [-3]: 'binary',
  [-4]: 'binary',
  [-11]: 'varchar',
};

const namedKinds: Array<[RegExp, ColumnKind]> = [
  [/^(n?char|character|bpchar|nchar|graphic)$/, 'char'],
  [
    /^(n?varchar2?|character varying|varying character|nvarchar2|string|uuid|uniqueidentifier|citext|sysname|vargraphic)$/,
    'varchar',
  ],
  [
    /^(n?text|tinytext|mediumtext|longtext|clob|nclob|dbclob|long varchar|long|memo|xml|json|jsonb)$/,
    'longtext',
  ],
  [
    /^(int|integer|int2|int4|int8|smallint|bigint|tinyint|mediumint|serial|bigserial|smallserial|counter|autoincrement)( unsigned)?$/,
    'integer',
  ],
  [/^(decimal|numeric|number|dec|money|smallmoney|currency)( unsigned)?$/, 'decimal'],
  [/^(float|float4|float8|real|double|double precision|decfloat)( unsigned)?$/, 'float'],
  [/^date$/, 'date'],
  [
    /^(datetime|datetime2|smalldatetime|timestamp|timestamptz|datetimeoffset|timestamp with(out)? time zone)$/,
    'timestamp',
  ],
  [/^(time|timetz|time with(out)? time zone)$/, 'time'],
  [/^(bit|bool|boolean|yesno)$/, 'boolean'],
  [
    /^(binary|varbinary|bytea|blob|tinyblob|mediumblob|longblob|image|rowversion|long varbinary|raw)$/,
    'binary',
  ],
];

export interface CatalogTypeInfo {
  typeName: string;
  dataType: number | null;
  columnSize: number | null;
  decimalDigits: number | null;
}

/**
 * The kind, width and scale of a column from what the ODBC catalog reports. Type names win over
 * the numeric code (the SQLite driver reports every column as VARCHAR but names it "DECIMAL(7,0)");
 * widths in the name win over COLUMN_SIZE (which some drivers fill with other things).
 */
export function classifyColumn(info: CatalogTypeInfo): ColumnType {
  const typeName = info.typeName.trim();
  const m = /^([a-z][a-z0-9 _]*?)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?\s*(unsigned)?\s*$/i.exec(typeName);
  const base = (m?.[1] ?? typeName).toLowerCase().replace(/\s+/g, ' ');
  const first = m?.[2] !== undefined ? Number(m[2]) : null;
  const second = m?.[3] !== undefined ? Number(m[3]) : null;
  let kind: ColumnKind | undefined = namedKinds.find(([re]) => re.test(base))?.[1];
  // SQL Server's "timestamp" is a row version (binary), which its driver reports as BINARY.
  if (base === 'timestamp' && (info.dataType === -2 || info.dataType === -3)) kind = 'binary';
  kind ??= info.dataType !== null ? odbcKinds[info.dataType] : undefined;
  kind ??= 'other';
  const size = first ?? info.columnSize;
  if (kind === 'decimal') {
    const money = /money|currency/.test(base);
    return {
      kind,
      typeName,
      length: null,
      precision:
        first ?? (info.columnSize && info.columnSize > 0 ? info.columnSize : null) ?? (money ? 19 : null),
      scale: second ?? (first !== null ? 0 : (info.decimalDigits ?? (money ? 4 : null))),
    };
  }
  if (kind === 'char' || kind === 'varchar') {
    return { kind, typeName, length: size && size > 0 ? size : null, precision: null, scale: null };
  }
  if (kind === 'integer') return { kind, typeName, length: null, precision: null, scale: 0 };
  return { kind, typeName, length: null, precision: null, scale: null };
}

export const isTextKind = (k: ColumnKind) => k === 'char' || k === 'varchar' || k === 'longtext';
export const isNumberKind = (k: ColumnKind) => k === 'integer' || k === 'decimal' || k === 'float';

// ---- dates and timestamps ----------------------------------------------------------------------

export type DateStorage = 'text' | 'number' | 'native' | 'native-timestamp';

export interface DateFinding {
  /** The `{ date: FORMAT }` transform that reads it. */
  format: DateFormat;
  storage: DateStorage;
  /** Share of the non-blank, non-zero sampled values that are real dates in this format. */
  share: number;
  /** Sampled values that are not real dates (up to 5), e.g. 19990231. */
  invalid: string[];
  /** How many sampled values were blank or all zeros (no date). */
  empty: number;
}

export interface TimestampFinding {
  storage: 'text' | 'native';
  /** yyyymmddhhmmss: 14 digits; iso: YYYY-MM-DD HH:MM:SS text. */
  style: 'yyyymmddhhmmss' | 'iso' | 'native';
  share: number;
  invalid: string[];
  empty: number;
}

const DATE_NAME = /(date|dte|dt$|_dt|day|iss|exp|opn|eff|on$|_at$|[a-z]At$|time|paid|since|until|thru|when)/i;
const MIN_YEAR = 1850;
const MAX_YEAR = 2150;

const trimValue = (v: string) => v.trim().replace(/\.0+$/, '');
const isEmptyDate = (v: string) => v === '' || /^0+$/.test(v) || /^0{4}-0{2}-0{2}/.test(v);

function realDate(value: string, format: DateFormat): boolean {
  try {
    const iso = parseLegacyDate(value, format);
    if (iso === null) return false;
    const year = Number(iso.slice(0, 4));
    return year >= MIN_YEAR && year <= MAX_YEAR;
  } catch (err) {
    if (err instanceof TransformProblem) return false;
    throw err;
  }
}

/** The shapes a value must have before it is worth trying as a date of that format. */
const dateShapes: Record<DateFormat, RegExp> = {
  yyyymmdd: /^(1[89]|2[01])\d{6}$/,
  cyymmdd: /^[012]?\d{6}$/,
  mmddyyyy: /^\d{1,2}[/-]\d{1,2}[/-]\d{4}$/,
  mmddyy: /^\d{1,2}[/-]\d{1,2}[/-]\d{2}$/,
  iso: /^\d{4}-\d{2}-\d{2}$/,
  serial: /^\d{4,5}(\.\d+)?$/,
};

/**
 * How a column stores dates, from sampled values: the format most values are real dates in
 * (at least 80% of the values that are not blank or zeros, so some dirt does not hide it).
 */
export function detectDateFormat(
  values: string[],
  type: Pick<ColumnType, 'kind' | 'scale' | 'precision'>,
  name = '',
): DateFinding | null {
  const trimmed = values.map(trimValue);
  const present = trimmed.filter((v) => !isEmptyDate(v));
  const empty = trimmed.length - present.length;
  if (type.kind === 'date') {
    return { format: 'iso', storage: 'native', share: 1, invalid: [], empty };
  }
  if (type.kind === 'timestamp') {
    // A datetime that always holds midnight is a date in disguise (SQL Server datetime columns).
    if (present.length === 0 || !present.every((v) => /^\d{4}-\d{2}-\d{2}([ T]00:00(:00(\.0+)?)?)?$/.test(v)))
      return null;
    return { format: 'iso', storage: 'native-timestamp', share: 1, invalid: [], empty };
  }
  if (present.length < 3) return null;
  let candidates: DateFormat[];
  let storage: DateStorage;
  if (isTextKind(type.kind)) {
    candidates = ['yyyymmdd', 'iso', 'mmddyyyy', 'mmddyy', 'cyymmdd'];
    storage = 'text';
  } else if (type.kind === 'integer' || (type.kind === 'decimal' && (type.scale ?? 0) === 0)) {
    candidates = ['yyyymmdd', 'cyymmdd'];
    // Serial day numbers look like any other number: only with a name that says "date".
    if (DATE_NAME.test(name)) candidates.push('serial');
    storage = 'number';
  } else if (type.kind === 'float' && DATE_NAME.test(name)) {
    candidates = ['serial'];
    storage = 'number';
  } else return null;

  let best: DateFinding | null = null;
  for (const format of candidates) {
    const shaped = present.filter((v) => dateShapes[format].test(v));
    // Most values must at least look like this format; then most of those must be real dates.
    if (shaped.length < present.length * 0.8) continue;
    const invalid = present.filter((v) => !dateShapes[format].test(v) || !realDate(v, format));
    const share = (present.length - invalid.length) / present.length;
    if (share < 0.8) continue;
    if (format === 'cyymmdd' && !cyymmddPlausible(present)) continue;
    if (format === 'serial' && !serialPlausible(present)) continue;
    if (!best || share > best.share) {
      best = { format, storage, share, invalid: [...new Set(invalid)].slice(0, 5), empty };
    }
  }
  return best;
}

/** CYYMMDD needs some 7-digit values (21st century) or a 6-7 digit spread, not a run of small ids. */
function cyymmddPlausible(values: string[]): boolean {
  const lengths = values.map((v) => v.length);
  return (
    lengths.every((l) => l === 6 || l === 7) && values.some((v) => v.length === 7 || Number(v) > 500_000)
  );
}

/** Serial days between 1927 and 2119, and not all within a few hundred (keys counting up). */
function serialPlausible(values: string[]): boolean {
  const days = values.map(Number);
  return days.every((d) => d >= 10_000 && d <= 80_000) && new Set(days.map((d) => Math.floor(d))).size > 1;
}

const TS14 = /^(1[89]|2[01])\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([01]\d|2[0-3])[0-5]\d[0-5]\d$/;
const TS_ISO = /^\d{4}-\d{2}-\d{2}[ T]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$/;

/** Timestamps kept as text: 14 digits (YYYYMMDDHHMMSS) or ISO-like text; native ones with times. */
export function detectTimestamp(
  values: string[],
  type: Pick<ColumnType, 'kind' | 'precision' | 'scale'>,
): TimestampFinding | null {
  const trimmed = values.map((v) => v.trim());
  const present = trimmed.filter((v) => !isEmptyDate(v));
  const empty = trimmed.length - present.length;
  if (type.kind === 'timestamp') {
    if (detectDateFormat(values, type)) return null; // midnight only: a date
    return { storage: 'native', style: 'native', share: 1, invalid: [], empty };
  }
  if (!isTextKind(type.kind) || present.length < 3) return null;
  for (const [style, re] of [
    ['yyyymmddhhmmss', TS14],
    ['iso', TS_ISO],
  ] as const) {
    const invalid = present.filter((v) => !re.test(v));
    const share = (present.length - invalid.length) / present.length;
    if (share >= 0.8)
      return { storage: 'text', style, share, invalid: [...new Set(invalid)].slice(0, 5), empty };
  }
  return null;
}

// ---- placeholders ------------------------------------------------------------------------------

export interface Placeholder {
  value: string;
  count: number;
  /** Share of the non-null values. */
  share: number;
  reason: string;
}

/** Dates that legacy systems key when the real one is unknown, in the forms they are stored in. */
const SENTINEL_DATES = new Set([
  '19000101',
  '1900-01-01',
  '18991230',
  '1899-12-30',
  '18000101',
  '99991231',
  '9999-12-31',
  '99999999',
  '0001-01-01',
  '17530101',
  '1753-01-01',
  '19700101',
  '1970-01-01',
  '9991231', // CYYMMDD 2899-12-31
]);

const PLACEHOLDER_TEXT =
  /^(unknown|unk|n\/?a|none|null|tbd|tba|xx+|\?+|-+|\.+|x|zz+|test|999-?999-?9999|000-?000-?0000|0{9,10}|9{9,10}|00-?0{7}|000-?00-?0000|999-?99-?9999)$/i;

/**
 * Values keyed in place of a real one. For date columns: one value far more frequent than a
 * date should be (ten times the average, three times the next most frequent date, and at least
 * 0.5% of the rows), or a well-known
 * sentinel such as 1900-01-01 or 9999-12-31. For text: words such as UNKNOWN, N/A, TBD, XXX and
 * numbers such as 999-999-9999. Blank and all-zero values are not placeholders: readers already
 * treat them as no value.
 */
export function detectPlaceholders(
  profile: Pick<ColumnProfile, 'top' | 'nonNull' | 'distinct' | 'type'>,
  date: DateFinding | null,
): Placeholder[] {
  const out: Placeholder[] = [];
  const nonNull = Math.max(profile.nonNull, 1);
  const distinct = Math.max(profile.distinct ?? profile.top.length, 1);
  const expected = nonNull / distinct;
  // The most frequent real value that is not a sentinel: a placeholder stands far above it too.
  const counts = profile.top
    .filter((t) => t.value !== null && !isEmptyDate(trimValue(t.value)))
    .map((t) => t.count)
    .sort((a, b) => b - a);
  const runnerUp = (count: number) => counts.find((c) => c < count) ?? 0;
  for (const { value, count } of profile.top) {
    if (value === null) continue;
    const v = trimValue(value);
    if (isEmptyDate(v)) continue;
    const share = count / nonNull;
    const asDate = v.replace(/[ T]00:00(:00(\.0+)?)?$/, '');
    if (date) {
      if (SENTINEL_DATES.has(asDate)) {
        out.push({ value: asDate, count, share, reason: 'a date systems key when the real one is unknown' });
      } else if (
        distinct >= 10 &&
        count >= 3 &&
        count >= 10 * expected &&
        count >= 3 * runnerUp(count) &&
        share >= 0.005
      ) {
        out.push({
          value: asDate,
          count,
          share,
          reason: `${Math.round(count / expected)}× more frequent than a typical date in this column`,
        });
      }
    } else if (isTextKind(profile.type.kind) && PLACEHOLDER_TEXT.test(v)) {
      out.push({ value: v, count, share, reason: 'a word or number keyed when the real value is unknown' });
    }
  }
  return out;
}

// ---- text shape --------------------------------------------------------------------------------

export interface PaddingFinding {
  /** Declared fixed width (CHAR): the engine pads every value. */
  fixedWidth: boolean;
  /** Share of sampled values with trailing spaces. */
  trailing: number;
  /** Share of sampled values with leading spaces. */
  leading: number;
  /** Share of sampled values with runs of spaces inside. */
  inner: number;
}

export function detectPadding(values: string[], type: Pick<ColumnType, 'kind'>): PaddingFinding | null {
  if (!isTextKind(type.kind)) return null;
  const nonBlank = values.filter((v) => v.trim() !== '');
  const n = Math.max(nonBlank.length, 1);
  return {
    fixedWidth: type.kind === 'char',
    trailing: nonBlank.filter((v) => /\s$/.test(v)).length / n,
    leading: nonBlank.filter((v) => /^\s/.test(v)).length / n,
    inner: nonBlank.filter((v) => /\S\s{2,}\S/.test(v)).length / n,
  };
}

/** The share of values with words that are written all in capitals. */
export function upperCaseShare(values: string[]): number {
  const lettered = values.filter((v) => /\p{L}{2,}/u.test(v));
  if (lettered.length < 5) return 0;
  return lettered.filter((v) => v === v.toUpperCase()).length / lettered.length;
}

/** Whether the text is (almost) all upper case, as 1990s systems keyed it. */
export function detectUpperCase(values: string[]): boolean {
  return upperCaseShare(values) >= 0.9;
}

// ---- flags, codes, money, keys -----------------------------------------------------------------

export type FlagStyle = 'Y/N' | 'T/F' | '1/0' | '-1/0' | 'true/false';

const flagSets: Array<[FlagStyle, string[]]> = [
  ['Y/N', ['Y', 'N', 'YES', 'NO']],
  ['T/F', ['T', 'F']],
  ['-1/0', ['-1', '0']],
  ['1/0', ['1', '0']],
  ['true/false', ['TRUE', 'FALSE']],
];

/** Yes/no columns: booleans, or at most two distinct values from one of the usual pairs. */
export function detectFlag(profile: Pick<ColumnProfile, 'top' | 'distinct' | 'type'>): FlagStyle | null {
  const values = new Set(
    profile.top
      .filter((t) => t.value !== null && t.value.trim() !== '')
      .map((t) => trimValue(t.value!).toUpperCase()),
  );
  if (profile.type.kind === 'boolean')
    return values.has('TRUE') || values.has('FALSE') ? 'true/false' : '1/0';
  // Every distinct value must be among the frequent ones counted, or some may be missing here.
  if (values.size === 0 || values.size > 2 || (profile.distinct ?? 0) > profile.top.length) return null;
  if (!isTextKind(profile.type.kind) && profile.type.kind !== 'integer' && profile.type.kind !== 'decimal')
    return null;
  for (const [style, allowed] of flagSets) {
    if ([...values].every((v) => allowed.includes(v))) {
      // A lone 0 or 1 is a constant, not a flag; "-1" says Access even alone.
      if (values.size < 2 && (values.has('0') || values.has('1'))) return null;
      return style;
    }
  }
  return null;
}

/** Code columns: few distinct short values, each used by many rows (status, method, result). */
export function detectCodes(
  profile: Pick<ColumnProfile, 'top' | 'distinct' | 'nonNull' | 'rows' | 'type'>,
  maxCodes = 20,
): Array<{ value: string; count: number }> | null {
  const { kind, length, scale } = profile.type;
  const codeLike =
    ((kind === 'char' || kind === 'varchar') && (length === null || length <= 50)) ||
    kind === 'integer' ||
    (kind === 'decimal' && (scale ?? 0) === 0);
  if (!codeLike || profile.distinct === null || profile.distinct === 0 || profile.distinct > maxCodes)
    return null;
  if (profile.nonNull < Math.max(2 * profile.distinct, 4)) return null;
  const codes = new Map<string, number>();
  for (const t of profile.top) {
    if (t.value === null) continue;
    const key = trimValue(t.value);
    codes.set(key, (codes.get(key) ?? 0) + t.count);
  }
  return [...codes].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

const MONEY_NAME = /(amt|amount|fee|price|total|bal|cost|paid|charge|due|money|penalty|fine|rate|sum)/i;

/** Money: DECIMAL with cents (or four places, SQL Server's money), or a money type. */
export function detectMoney(type: ColumnType, name: string): boolean {
  if (/money|currency/i.test(type.typeName)) return true;
  if (type.kind === 'decimal') {
    const scale = type.scale ?? 0;
    return scale === 2 || (scale === 4 && MONEY_NAME.test(name)) || (scale > 0 && MONEY_NAME.test(name));
  }
  return type.kind === 'float' && MONEY_NAME.test(name);
}

/** A key candidate: every row has a value and no two rows share one (or the catalog says so). */
export function isKeyCandidate(
  profile: Pick<ColumnProfile, 'rows' | 'nonNull' | 'distinct' | 'distinctEstimated' | 'blank'>,
  inPrimaryKey = false,
): boolean {
  if (inPrimaryKey) return true;
  return (
    profile.rows > 0 &&
    profile.nonNull === profile.rows &&
    !profile.distinctEstimated &&
    profile.distinct === profile.rows &&
    (profile.blank ?? 0) === 0
  );
}

// ---- all of a column -----------------------------------------------------------------------------

export interface ColumnFindings {
  date: DateFinding | null;
  timestamp: TimestampFinding | null;
  placeholders: Placeholder[];
  padding: PaddingFinding | null;
  upperCase: boolean;
  /** Share of the sampled values keyed all in capitals (some systems mix converted rows in capitals). */
  upperShare: number;
  flag: FlagStyle | null;
  codes: Array<{ value: string; count: number }> | null;
  money: boolean;
  key: boolean;
  /** Set once foreign keys are checked against the data: the key this column's values are found in. */
  references: { table: string; column: string; found: number; checked: number } | null;
  /** Short labels for people, e.g. "date as CYYMMDD number", "placeholder 19870101". */
  labels: string[];
}

/** Every detector over one column's profile. */
export function analyseColumn(profile: ColumnProfile, inPrimaryKey = false): ColumnFindings {
  const values = [...profile.sample];
  const key = isKeyCandidate(profile, inPrimaryKey);
  // A declared key is no date; a unique column may well be (small tables, timestamps).
  const date =
    inPrimaryKey || profile.autoIncrement ? null : detectDateFormat(values, profile.type, profile.name);
  const timestamp = date ? null : detectTimestamp(values, profile.type);
  const flag = date || timestamp ? null : detectFlag(profile);
  const codes = date || timestamp || flag || key ? null : detectCodes(profile);
  const money = !date && !timestamp && !flag && detectMoney(profile.type, profile.name);
  const padding = detectPadding(values, profile.type);
  const upperShare = isTextKind(profile.type.kind) && !date && !timestamp ? upperCaseShare(values) : 0;
  const upperCase = upperShare >= 0.9;
  const placeholders = detectPlaceholders(profile, date);
  const labels: string[] = [];
  if (key) labels.push(inPrimaryKey ? 'primary key' : 'key candidate (unique, never empty)');
  if (date) labels.push(dateLabel(date));
  if (date && date.invalid.length) labels.push(`not real dates: ${date.invalid.join(', ')}`);
  if (timestamp)
    labels.push(
      timestamp.style === 'native'
        ? 'timestamp'
        : timestamp.style === 'yyyymmddhhmmss'
          ? 'timestamp as YYYYMMDDHHMMSS text'
          : 'timestamp as text',
    );
  for (const p of placeholders) labels.push(`placeholder ${p.value}`);
  if (money) labels.push('money');
  if (flag) labels.push(`yes/no flag (${flag})`);
  if (codes) {
    const listed = codes.slice(0, 8).map((c) => (c.value === '' ? '(blank)' : c.value));
    labels.push(`codes: ${listed.join(', ')}${codes.length > 8 ? ` and ${codes.length - 8} more` : ''}`);
  }
  if (padding?.fixedWidth || (padding && padding.trailing > 0.5)) labels.push('CHAR padding');
  if (padding && padding.leading > 0) labels.push(`leading spaces (${pct(padding.leading)})`);
  if (padding && padding.inner > 0) labels.push(`double spaces (${pct(padding.inner)})`);
  if (upperCase) labels.push('upper case');
  else if (upperShare >= 0.05 && !codes) labels.push(`${pct(upperShare)} in capitals`);
  return {
    date,
    timestamp,
    placeholders,
    padding,
    upperCase,
    upperShare,
    flag,
    codes,
    money,
    key,
    references: null,
    labels,
  };
}

export function dateLabel(d: DateFinding): string {
  if (d.storage === 'native') return 'date';
  if (d.storage === 'native-timestamp') return 'date kept in a datetime (always midnight)';
  const names: Record<DateFormat, string> = {
    yyyymmdd: 'YYYYMMDD',
    cyymmdd: 'CYYMMDD',
    mmddyy: 'MM/DD/YY',
    mmddyyyy: 'MM/DD/YYYY',
    iso: 'YYYY-MM-DD',
    serial: 'serial day number',
  };
  return `date as ${names[d.format]} ${d.storage === 'text' ? 'text' : 'number'}`;
}

const pct = (x: number) => `${x < 0.01 && x > 0 ? '<1' : Math.round(x * 100)}%`;

// ---- relations between tables --------------------------------------------------------------------

/** Splits PascalCase, camelCase and snake_case names into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

export const normalName = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Businesses -> business, PermitStatuses -> permitstatus, Types -> type. */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (/(ss|us|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (/ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/[^s]s$/.test(w)) return w.slice(0, -1);
  return w;
}

/**
 * The prefix every column of a table starts with, in 1990s short-name schemas (BUSNO, BUSNAM,
 * BUSDBA -> BUS), or '' when the columns share none.
 */
export function columnPrefix(columns: string[]): string {
  if (columns.length < 2) return '';
  let prefix = columns[0]!.toUpperCase();
  for (const c of columns) {
    const u = c.toUpperCase();
    let i = 0;
    while (i < prefix.length && i < u.length && prefix[i] === u[i]) i++;
    prefix = prefix.slice(0, i);
  }
  prefix = prefix.replace(/_+$/, '');
  return prefix.length >= 2 && prefix.length <= 4 ? prefix : '';
}

/** The part of a column's name after its table's prefix: LICBUS -> BUS. */
export function columnStem(column: string, prefix: string): string {
  const u = column.toUpperCase();
  return prefix && u.startsWith(prefix) && u.length > prefix.length
    ? u.slice(prefix.length).replace(/^_+/, '')
    : u;
}

/**
 * How strongly a column's name says it refers to another table's key: 3 for BusinessId ->
 * Businesses.BusinessId or LICBUS -> BUSMST.BUSNO (its stem is BUSMST's column prefix), 2 for a
 * partial match (LICTYP -> RVLTYP), 0 for none.
 */
export function referenceNameScore(
  column: string,
  columnTablePrefix: string,
  refTable: string,
  refKey: string,
  refPrefix: string,
): number {
  const c = normalName(column);
  const k = normalName(refKey);
  const generic = ['id', 'code', 'no', 'num', 'number', 'key'];
  if (c === k && !generic.includes(k)) return 3;
  const tableWords = nameWords(refTable.split('.').pop()!);
  const tableBase = singular(tableWords.join(''));
  const stem = columnStem(column, columnTablePrefix);
  if (refPrefix && stem === refPrefix) return 3;
  if (tableBase.length >= 3 && c.startsWith(tableBase) && generic.includes(c.slice(tableBase.length)))
    return 3;
  const refName = normalName(refTable.split('.').pop()!);
  if (stem.length >= 3 && refName.toUpperCase().endsWith(stem)) return 2.5;
  if (tableBase.length >= 3 && c.includes(tableBase)) return 2;
  if (stem.length >= 3 && refName.toUpperCase().includes(stem.slice(0, 3)) && stem !== refPrefix) return 1.5;
  // LICSTS -> RVSTAT.STCODE: the stem starts with the code table's column prefix.
  if (refPrefix.length >= 2 && stem.startsWith(refPrefix)) return 1;
  return 0;
}

export interface ReferenceCandidate extends OverlapCheck {
  nameScore: number;
}

/**
 * Column pairs worth checking against the data as foreign keys: a column whose name points at
 * another table's single-column key, with a type that can hold the same values.
 */
export function referenceCandidates(tables: TableProfile[], keys: Map<string, string>): ReferenceCandidate[] {
  const out: ReferenceCandidate[] = [];
  const prefixes = new Map(tables.map((t) => [t.qualified, columnPrefix(t.columns.map((c) => c.name))]));
  for (const table of tables) {
    for (const column of table.columns) {
      if (keys.get(table.qualified) === column.name) continue;
      if (column.type.kind === 'binary' || column.type.kind === 'boolean' || column.type.kind === 'date')
        continue;
      for (const ref of tables) {
        if (ref === table) continue;
        const refKey = keys.get(ref.qualified);
        if (!refKey) continue;
        const refColumn = ref.columns.find((c) => c.name === refKey)!;
        if (isTextKind(column.type.kind) !== isTextKind(refColumn.type.kind)) continue;
        const score = referenceNameScore(
          column.name,
          prefixes.get(table.qualified) ?? '',
          ref.name,
          refKey,
          prefixes.get(ref.qualified) ?? '',
        );
        if (score > 0)
          out.push({
            table: table.qualified,
            column: column.name,
            refTable: ref.qualified,
            refColumn: refKey,
            nameScore: score,
          });
      }
    }
  }
  return out.sort((a, b) => b.nameScore - a.nameScore).slice(0, 200);
}
