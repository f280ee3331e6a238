// Riverton's legacy schema (a 1990s licensing system): the tables, their columns and the SQL that
// creates and fills them on SQLite, PostgreSQL and MariaDB. The DDL has the same shape on the three
// engines: the same upper-case names (quoted, so PostgreSQL keeps the case), CHAR/DECIMAL types,
// every column NOT NULL (the legacy system writes blanks and zeros, never NULL).
//
// Generated rows hold logical values: CHAR values unpadded (the SQL pads them to the column width,
// as a legacy CHAR column holds them), DECIMAL values as integers in units of the column's scale —
// a DECIMAL(9,2) amount is integer cents (12550 = 125.50), a DECIMAL(7,0) date is its CYYMMDD number.

export type DemoEngine = 'sqlite' | 'postgres' | 'mariadb';

export type ColumnDef =
  | { name: string; kind: 'integer' }
  | { name: string; kind: 'char' | 'varchar'; length: number }
  | { name: string; kind: 'decimal'; precision: number; scale: number };

export interface TableDef {
  name: TableName;
  description: string;
  columns: readonly ColumnDef[];
  /** One column, or several (INSCHK is keyed by its inspection and item). */
  primaryKey?: string | readonly string[];
}

/** The tables that hold the city (everything but the RVDEMO marker). */
export const DATA_TABLES = [
  'RVSTAT',
  'RVLTYP',
  'RVFEE',
  'BUSMST',
  'LICMST',
  'PAYHST',
  'INSPCT',
  'RVHOLD',
  'ARBAL',
  'ORDSEC',
  'INSSCH',
  'INSCHK',
  'VIOLTN',
  'CMPLNT',
  'ENFCAS',
] as const;
export type DataTableName = (typeof DATA_TABLES)[number];
export const TABLE_NAMES = ['RVDEMO', ...DATA_TABLES] as const;
export type TableName = (typeof TABLE_NAMES)[number];

const int = (name: string): ColumnDef => ({ name, kind: 'integer' });
const char = (name: string, length: number): ColumnDef => ({
  name,
  kind: 'char',
  length,
});
const varchar = (name: string, length: number): ColumnDef => ({
  name,
  kind: 'varchar',
  length,
});
const dec = (name: string, precision: number, scale: number): ColumnDef => ({
  name,
  kind: 'decimal',
  precision,
  scale,
});

export const TABLES: Record<TableName, TableDef> = {
  RVDEMO: {
    name: 'RVDEMO',
    description: 'marker: these tables were made by the demo generator (version, seed, size, when)',
    columns: [int('GENVER'), int('SEED'), int('SIZE'), char('CREATED', 14)],
  },
  RVSTAT: {
    name: 'RVSTAT',
    description: 'licence status codes',
    columns: [char('STCODE', 1), char('STDESC', 20)],
    primaryKey: 'STCODE',
  },
  RVLTYP: {
    name: 'RVLTYP',
    description: 'licence types',
    columns: [char('LTCODE', 4), char('LTDESC', 40), dec('LTTERM', 3, 0)],
    primaryKey: 'LTCODE',
  },
  RVFEE: {
    name: 'RVFEE',
    description: 'fee schedule by licence type and effective date',
    columns: [int('FSNO'), char('FSLTYP', 4), dec('FSEFDT', 7, 0), dec('FSAMT', 9, 2), char('FSDESC', 30)],
    primaryKey: 'FSNO',
  },
  BUSMST: {
    name: 'BUSMST',
    description: 'business master',
    columns: [
      int('BUSNO'),
      char('BUSNAM', 40),
      char('BUSDBA', 40),
      char('BUSOWN', 40),
      char('BUSAD1', 40),
      char('BUSCTY', 20),
      char('BUSST', 2),
      char('BUSZIP', 10),
      char('BUSPHN', 14),
      char('BUSTAX', 11),
      char('BUSOPN', 8),
      char('BUSUPD', 14),
    ],
    primaryKey: 'BUSNO',
  },
  LICMST: {
    name: 'LICMST',
    description: 'licence master',
    columns: [
      char('LICNO', 10),
      int('LICBUS'),
      char('LICTYP', 4),
      char('LICSTS', 1),
      dec('LICISS', 7, 0),
      dec('LICEXP', 7, 0),
      dec('LICFEE', 9, 2),
      char('LICUPD', 14),
    ],
    primaryKey: 'LICNO',
  },
  PAYHST: {
    name: 'PAYHST',
    description: 'payment history',
    columns: [
      int('PAYNO'),
      char('PAYLIC', 10),
      char('PAYDTE', 8),
      dec('PAYAMT', 9, 2),
      char('PAYMTH', 2),
      char('PAYRCT', 10),
      // A void (PAYMTH VD) or refund (RF) is a row of its own with a negative amount; PAYREF is the
      // PAYNO it reverses (0 on ordinary payments).
      int('PAYREF'),
    ],
    primaryKey: 'PAYNO',
  },
  INSPCT: {
    name: 'INSPCT',
    description: 'inspections',
    columns: [
      int('INSNO'),
      char('INSLIC', 10),
      dec('INSDTE', 7, 0),
      char('INSTYP', 4),
      char('INSRES', 1),
      char('INSBY', 8),
      varchar('INSNOT', 200),
    ],
    primaryKey: 'INSNO',
  },
  // Holds stop renewals (issue 5): on a licence (HLDLIC) or on a whole business (HLDBUS, HLDLIC
  // blank). Placed and released dates as YYYYMMDD text; a blank release date: still in force.
  RVHOLD: {
    name: 'RVHOLD',
    description: 'holds on licences and businesses',
    columns: [
      int('HLDNO'),
      char('HLDLIC', 10),
      int('HLDBUS'),
      char('HLDCOD', 4),
      varchar('HLDRSN', 80),
      char('HLDPLC', 8),
      char('HLDREL', 8),
    ],
    primaryKey: 'HLDNO',
  },
  // Accounts receivable: open charges a business still owes (returned checks, unpaid fees).
  ARBAL: {
    name: 'ARBAL',
    description: 'open receivables by business',
    columns: [
      int('ARNO'),
      int('ARBUS'),
      char('ARLIC', 10),
      dec('ARAMT', 9, 2),
      dec('ARDUE', 7, 0),
      char('ARDESC', 30),
    ],
    primaryKey: 'ARNO',
  },
  // The inspector's tables (issue 13), added to the system later than INSPCT. INSPCT stays the
  // history: a done schedule row points at the INSPCT row the result was posted to (SCHINS).
  ORDSEC: {
    name: 'ORDSEC',
    description: 'ordinance code sections, with plain-words titles for notices (en, es)',
    columns: [
      char('ORDSEC', 12),
      varchar('ORDTEN', 80),
      varchar('ORDTES', 80),
      char('ORDSEV', 1),
      dec('ORDDAY', 3, 0),
    ],
    primaryKey: 'ORDSEC',
  },
  INSSCH: {
    name: 'INSSCH',
    description: 'inspection schedule: planned, done, cancelled and missed inspections',
    columns: [
      int('SCHNO'),
      // The INSPCT row a done inspection was posted to (0: none: not done, or no licence).
      int('SCHINS'),
      char('SCHLIC', 10),
      // The site when there is no licence (blank when there is one).
      char('SCHADR', 40),
      char('SCHWRD', 2),
      char('SCHTYP', 4),
      dec('SCHDTE', 7, 0),
      // Time window code: A 08-10, B 10-12, C 13-15, D 15-17, blank any time.
      char('SCHWIN', 1),
      char('SCHBY', 8),
      // S scheduled, D done, C cancelled, N no show.
      char('SCHSTS', 1),
      // P pass, F fail, blank none yet.
      char('SCHRES', 1),
      // 0: not scored.
      dec('SCHSCR', 3, 0),
      char('SCHGRD', 1),
    ],
    primaryKey: 'SCHNO',
  },
  INSCHK: {
    name: 'INSCHK',
    description: 'checklist lines of done inspections (P pass, F fail, N not applicable)',
    // Keyed by the inspection and the line's position (docs/design/inspector-desk.md, "Decisions").
    columns: [int('CHKSCH'), int('CHKSEQ'), char('CHKITM', 6), char('CHKOUT', 1), varchar('CHKNOT', 80)],
    primaryKey: ['CHKSCH', 'CHKSEQ'],
  },
  VIOLTN: {
    name: 'VIOLTN',
    description:
      'violations cited at inspections (severity 1 minor, 2 major, 3 critical; O open, C corrected, T ticketed)',
    // Keyed by the inspection and the violation's position, like INSCHK.
    columns: [
      int('VIOSCH'),
      int('VIOSEQ'),
      char('VIOSEC', 12),
      char('VIOSEV', 1),
      varchar('VIODSC', 120),
      char('VIODUE', 8),
      char('VIOSTS', 1),
    ],
    primaryKey: ['VIOSCH', 'VIOSEQ'],
  },
  // Code enforcement (issue 13 point 4), added to the system in the 1990s beside the inspections:
  // complaints as the clerk took them, and the cases opened on them. A complaint on a case points
  // at it (CMPCAS); a case at a licensed site names the business and licence, else only the address.
  CMPLNT: {
    name: 'CMPLNT',
    description: 'complaints received (P phone, W walk-in, I web; N new, O on a case, D dismissed)',
    columns: [
      int('CMPNO'),
      dec('CMPRCV', 7, 0),
      char('CMPCHN', 1),
      char('CMPADR', 40),
      // Blank: the address has no licence on file.
      char('CMPLIC', 10),
      varchar('CMPDSC', 200),
      char('CMPSTS', 1),
      // The case it was put on (0: none yet).
      int('CMPCAS'),
    ],
    primaryKey: 'CMPNO',
  },
  ENFCAS: {
    name: 'ENFCAS',
    description: 'code enforcement cases (O open, C corrected, T cited, X dismissed)',
    columns: [
      int('CASNO'),
      dec('CASOPN', 7, 0),
      char('CASADR', 40),
      // 0 and blank: no business or licence at the address.
      int('CASBUS'),
      char('CASLIC', 10),
      // The officer working it (blank: not assigned).
      char('CASOFF', 8),
      char('CASSTS', 1),
      // The day the site must be corrected by (0: none keyed).
      dec('CASDUE', 7, 0),
      // The citation's fine (0: none) and the day it was paid (0: not paid).
      dec('CASFIN', 9, 2),
      dec('CASCLS', 7, 0),
      dec('CASPAY', 7, 0),
      char('CASUPD', 14),
    ],
    primaryKey: 'CASNO',
  },
};

/** Secondary indexes, named like the legacy logical files. Created after the rows are loaded. */
export const INDEXES = [
  { name: 'LICMSTL1', table: 'LICMST', column: 'LICBUS' },
  { name: 'PAYHSTL1', table: 'PAYHST', column: 'PAYLIC' },
  { name: 'INSPCTL1', table: 'INSPCT', column: 'INSLIC' },
  { name: 'INSSCHL1', table: 'INSSCH', column: 'SCHLIC' },
] as const;

// ---- rows ------------------------------------------------------------------------------------

export type RvdemoRow = {
  GENVER: number;
  SEED: number;
  SIZE: number;
  CREATED: string;
};
export type RvstatRow = { STCODE: string; STDESC: string };
export type RvltypRow = { LTCODE: string; LTDESC: string; LTTERM: number };
export type RvfeeRow = {
  FSNO: number;
  FSLTYP: string;
  FSEFDT: number;
  FSAMT: number;
  FSDESC: string;
};
export type BusmstRow = {
  BUSNO: number;
  BUSNAM: string;
  BUSDBA: string;
  BUSOWN: string;
  BUSAD1: string;
  BUSCTY: string;
  BUSST: string;
  BUSZIP: string;
  BUSPHN: string;
  BUSTAX: string;
  BUSOPN: string;
  BUSUPD: string;
};
export type LicmstRow = {
  LICNO: string;
  LICBUS: number;
  LICTYP: string;
  LICSTS: string;
  LICISS: number;
  LICEXP: number;
  LICFEE: number;
  LICUPD: string;
};
export type PayhstRow = {
  PAYNO: number;
  PAYLIC: string;
  PAYDTE: string;
  PAYAMT: number;
  PAYMTH: string;
  PAYRCT: string;
  PAYREF: number;
};
export type InspctRow = {
  INSNO: number;
  INSLIC: string;
  INSDTE: number;
  INSTYP: string;
  INSRES: string;
  INSBY: string;
  INSNOT: string;
};
export type RvholdRow = {
  HLDNO: number;
  HLDLIC: string;
  HLDBUS: number;
  HLDCOD: string;
  HLDRSN: string;
  HLDPLC: string;
  HLDREL: string;
};
export type ArbalRow = {
  ARNO: number;
  ARBUS: number;
  ARLIC: string;
  ARAMT: number;
  ARDUE: number;
  ARDESC: string;
};

export type OrdsecRow = { ORDSEC: string; ORDTEN: string; ORDTES: string; ORDSEV: string; ORDDAY: number };
export type InsschRow = {
  SCHNO: number;
  SCHINS: number;
  SCHLIC: string;
  SCHADR: string;
  SCHWRD: string;
  SCHTYP: string;
  SCHDTE: number;
  SCHWIN: string;
  SCHBY: string;
  SCHSTS: string;
  SCHRES: string;
  SCHSCR: number;
  SCHGRD: string;
};
export type InschkRow = { CHKSCH: number; CHKSEQ: number; CHKITM: string; CHKOUT: string; CHKNOT: string };
export type VioltnRow = {
  VIOSCH: number;
  VIOSEQ: number;
  VIOSEC: string;
  VIOSEV: string;
  VIODSC: string;
  VIODUE: string;
  VIOSTS: string;
};

export type CmplntRow = {
  CMPNO: number;
  CMPRCV: number;
  CMPCHN: string;
  CMPADR: string;
  CMPLIC: string;
  CMPDSC: string;
  CMPSTS: string;
  CMPCAS: number;
};
export type EnfcasRow = {
  CASNO: number;
  CASOPN: number;
  CASADR: string;
  CASBUS: number;
  CASLIC: string;
  CASOFF: string;
  CASSTS: string;
  CASDUE: number;
  CASFIN: number;
  CASCLS: number;
  CASPAY: number;
  CASUPD: string;
};

export interface RowOf {
  RVDEMO: RvdemoRow;
  RVSTAT: RvstatRow;
  RVLTYP: RvltypRow;
  RVFEE: RvfeeRow;
  BUSMST: BusmstRow;
  LICMST: LicmstRow;
  PAYHST: PayhstRow;
  INSPCT: InspctRow;
  RVHOLD: RvholdRow;
  ARBAL: ArbalRow;
  ORDSEC: OrdsecRow;
  INSSCH: InsschRow;
  INSCHK: InschkRow;
  VIOLTN: VioltnRow;
  CMPLNT: CmplntRow;
  ENFCAS: EnfcasRow;
}
export type AnyRow = Record<string, string | number>;

// ---- SQL -------------------------------------------------------------------------------------

export function quoteIdent(engine: DemoEngine, name: string): string {
  return engine === 'mariadb' ? `\`${name.replaceAll('`', '``')}\`` : `"${name.replaceAll('"', '""')}"`;
}

function columnType(c: ColumnDef): string {
  switch (c.kind) {
    case 'integer':
      return 'INTEGER';
    case 'char':
      return `CHAR(${c.length})`;
    case 'varchar':
      return `VARCHAR(${c.length})`;
    case 'decimal':
      return `DECIMAL(${c.precision},${c.scale})`;
  }
}

function columnDefault(c: ColumnDef): string {
  return c.kind === 'char' || c.kind === 'varchar' ? "''" : '0';
}

export function createTableSql(engine: DemoEngine, table: TableName): string {
  const t = TABLES[table];
  const q = (n: string) => quoteIdent(engine, n);
  const cols = t.columns.map((c) => `${q(c.name)} ${columnType(c)} DEFAULT ${columnDefault(c)} NOT NULL`);
  if (t.primaryKey) cols.push(`PRIMARY KEY (${[t.primaryKey].flat().map(q).join(', ')})`);
  const tail = engine === 'mariadb' ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4' : '';
  return `CREATE TABLE ${q(table)} (${cols.join(', ')})${tail}`;
}

export function dropTableSql(engine: DemoEngine, table: string): string {
  return `DROP TABLE IF EXISTS ${quoteIdent(engine, table)}`;
}

export function createIndexSql(engine: DemoEngine, index: (typeof INDEXES)[number]): string {
  const q = (n: string) => quoteIdent(engine, n);
  return `CREATE INDEX ${q(index.name)} ON ${q(index.table)} (${q(index.column)})`;
}

/** A DECIMAL literal from its unscaled integer: (12550, 2) -> '125.50', (-5, 2) -> '-0.05'. */
export function decimalText(units: number, scale: number): string {
  if (!Number.isSafeInteger(units))
    throw new RangeError(`decimal units must be a safe integer, got ${units}`);
  if (scale === 0) return String(units);
  const sign = units < 0 ? '-' : '';
  const digits = String(Math.abs(units)).padStart(scale + 1, '0');
  return `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** The text a CHAR column holds: the value cut to the column width and padded with spaces. */
export const padChar = (value: string, length: number): string => value.slice(0, length).padEnd(length, ' ');

/**
 * A SQL literal of one value. Strings have quotes doubled (and, for MariaDB, backslashes doubled:
 * its default sql_mode treats a backslash as an escape). The data is generated, never user input.
 */
export function sqlLiteral(engine: DemoEngine, column: ColumnDef, value: string | number): string {
  switch (column.kind) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        throw new TypeError(`${column.name}: expected an integer, got ${String(value)}`);
      }
      return String(value);
    case 'decimal':
      if (typeof value !== 'number')
        throw new TypeError(`${column.name}: expected a number, got ${String(value)}`);
      return decimalText(value, column.scale);
    case 'char':
    case 'varchar': {
      if (typeof value !== 'string')
        throw new TypeError(`${column.name}: expected text, got ${String(value)}`);
      let text = column.kind === 'char' ? padChar(value, column.length) : value.slice(0, column.length);
      if (text.includes("'")) text = text.replaceAll("'", "''");
      if (engine === 'mariadb' && text.includes('\\')) text = text.replaceAll('\\', '\\\\');
      return `'${text}'`;
    }
  }
}

type RowRenderer = (row: AnyRow) => string;
const renderers = new Map<string, RowRenderer>();

/** A compiled function that writes one row as a parenthesised list of literals, in column order. */
function rowRenderer(engine: DemoEngine, table: TableName): RowRenderer {
  const key = `${engine}.${table}`;
  let render = renderers.get(key);
  if (!render) {
    const columns = TABLES[table].columns;
    render = (row) => {
      let out = '(';
      for (let i = 0; i < columns.length; i++) {
        const c = columns[i]!;
        const v = row[c.name];
        if (v === undefined) throw new TypeError(`${table}.${c.name} is missing from a generated row`);
        if (i > 0) out += ',';
        out += sqlLiteral(engine, c, v);
      }
      return `${out})`;
    };
    renderers.set(key, render);
  }
  return render;
}

/** One multi-row INSERT of the given rows (all of the same table). */
export function insertSql(engine: DemoEngine, table: TableName, rows: readonly AnyRow[]): string {
  const q = (n: string) => quoteIdent(engine, n);
  const render = rowRenderer(engine, table);
  let sql = `INSERT INTO ${q(table)} (${TABLES[table].columns.map((c) => q(c.name)).join(',')}) VALUES `;
  for (let i = 0; i < rows.length; i++) sql += i === 0 ? render(rows[i]!) : `,${render(rows[i]!)}`;
  return sql;
}
