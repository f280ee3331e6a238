// The discovery detectors on crafted samples: declared types as each ODBC driver reports them,
// dates kept as text or numbers, timestamps as text, placeholders, padding, case, flags, codes,
// money, keys, and the names that say one table refers to another.
import { describe, expect, it } from 'vitest';
import {
  analyseColumn,
  classifyColumn,
  columnPrefix,
  columnStem,
  detectCodes,
  detectDateFormat,
  detectFlag,
  detectMoney,
  detectPadding,
  detectPlaceholders,
  detectTimestamp,
  detectUpperCase,
  isKeyCandidate,
  nameWords,
  referenceNameScore,
  singular,
} from '../../src-main/tooling/discovery/detect.ts';
import { columnType, profileOf } from './support/column-profiles.ts';

const type = columnType;

const days = (from: string, n: number, step = 1) => {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  for (let i = 0; i < n; i++) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + step);
  }
  return out;
};
const yyyymmdd = (iso: string) => iso.replaceAll('-', '');
const cyymmdd = (iso: string) =>
  String((Number(iso.slice(0, 4)) - 1900) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10)));

describe('declared types, as each driver reports them', () => {
  it('reads widths from the SQLite driver’s type names (it calls every column VARCHAR)', () => {
    expect(
      classifyColumn({ typeName: 'DECIMAL(7,0)', dataType: 12, columnSize: 0, decimalDigits: 10 }),
    ).toMatchObject({
      kind: 'decimal',
      precision: 7,
      scale: 0,
    });
    expect(
      classifyColumn({ typeName: 'CHAR(10)', dataType: 12, columnSize: 10, decimalDigits: 10 }),
    ).toMatchObject({
      kind: 'char',
      length: 10,
    });
    expect(classifyColumn({ typeName: 'INTEGER', dataType: 4, columnSize: 9, decimalDigits: 10 }).kind).toBe(
      'integer',
    );
  });
  it('reads psqlODBC and MariaDB names with sizes from COLUMN_SIZE and DECIMAL_DIGITS', () => {
    expect(
      classifyColumn({ typeName: 'bpchar', dataType: 1, columnSize: 14, decimalDigits: null }),
    ).toMatchObject({
      kind: 'char',
      length: 14,
    });
    expect(
      classifyColumn({ typeName: 'numeric', dataType: 2, columnSize: 19, decimalDigits: 4 }),
    ).toMatchObject({
      kind: 'decimal',
      precision: 19,
      scale: 4,
    });
    expect(classifyColumn({ typeName: 'CHAR', dataType: -8, columnSize: 2, decimalDigits: null }).kind).toBe(
      'char',
    );
    expect(
      classifyColumn({ typeName: 'text', dataType: -1, columnSize: 8190, decimalDigits: null }).kind,
    ).toBe('longtext');
    expect(classifyColumn({ typeName: 'bool', dataType: -7, columnSize: 1, decimalDigits: null }).kind).toBe(
      'boolean',
    );
    expect(
      classifyColumn({ typeName: 'timestamp', dataType: 93, columnSize: 26, decimalDigits: 3 }).kind,
    ).toBe('timestamp');
    expect(
      classifyColumn({ typeName: 'DATETIME', dataType: 93, columnSize: 23, decimalDigits: 3 }).kind,
    ).toBe('timestamp');
  });
  it('knows SQL Server’s timestamp is a row version, and money has four places', () => {
    expect(
      classifyColumn({ typeName: 'timestamp', dataType: -2, columnSize: 8, decimalDigits: null }).kind,
    ).toBe('binary');
    expect(
      classifyColumn({ typeName: 'money', dataType: 3, columnSize: 19, decimalDigits: 4 }),
    ).toMatchObject({
      kind: 'decimal',
      scale: 4,
    });
  });
  it('falls back on the ODBC type code for names it does not know', () => {
    expect(
      classifyColumn({ typeName: 'GRAPHIC VARYING', dataType: -9, columnSize: 30, decimalDigits: null }).kind,
    ).toBe('varchar');
    expect(
      classifyColumn({ typeName: 'weird', dataType: 91, columnSize: null, decimalDigits: null }).kind,
    ).toBe('date');
  });
});

describe('dates kept as text or numbers', () => {
  const iso = days('1995-01-17', 400, 23);

  it('finds YYYYMMDD text, through blanks, zeros and some impossible dates', () => {
    const values = [...iso.map(yyyymmdd), '        ', '00000000', '19990231', '20011345'];
    const d = detectDateFormat(values, type('char', { length: 8 }));
    expect(d).toMatchObject({ format: 'yyyymmdd', storage: 'text', empty: 2 });
    expect(d!.invalid).toEqual(['19990231', '20011345']);
    expect(d!.share).toBeGreaterThan(0.99);
  });
  it('finds CYYMMDD in DECIMAL(7,0), across both centuries, with 0 for no date', () => {
    const values = [...iso.map(cyymmdd), '0', '0'];
    expect(values).toContain('950117');
    expect(values.some((v) => v.startsWith('1') && v.length === 7)).toBe(true);
    expect(detectDateFormat(values, type('decimal', { precision: 7, scale: 0 }))).toMatchObject({
      format: 'cyymmdd',
      storage: 'number',
      empty: 2,
    });
  });
  it('finds YYYYMMDD kept as a number', () => {
    expect(detectDateFormat(iso.map(yyyymmdd), type('integer'))).toMatchObject({
      format: 'yyyymmdd',
      storage: 'number',
    });
  });
  it('finds MM/DD/YY and MM/DD/YYYY text', () => {
    const mdy = iso.map((d) => `${d.slice(5, 7)}/${d.slice(8, 10)}/${d.slice(2, 4)}`);
    expect(detectDateFormat(mdy, type('varchar'))?.format).toBe('mmddyy');
    const mdyyyy = iso.map((d) => `${Number(d.slice(5, 7))}/${Number(d.slice(8, 10))}/${d.slice(0, 4)}`);
    expect(detectDateFormat(mdyyyy, type('varchar'))?.format).toBe('mmddyyyy');
  });
  it('finds ISO dates in text, and native dates', () => {
    expect(detectDateFormat(iso, type('varchar'))).toMatchObject({ format: 'iso', storage: 'text' });
    expect(detectDateFormat(iso, type('date'))).toMatchObject({ format: 'iso', storage: 'native' });
  });
  it('finds serial day numbers only when the name says date', () => {
    const serial = iso.map((d) => String(Math.round((Date.parse(d) - Date.UTC(1899, 11, 30)) / 86_400_000)));
    expect(detectDateFormat(serial, type('integer'), 'OPENDATE')).toMatchObject({ format: 'serial' });
    expect(detectDateFormat(serial, type('integer'), 'AMOUNT')).toBeNull();
  });
  it('calls a datetime that is always midnight a date, and one with times a timestamp', () => {
    const midnight = iso.map((d) => `${d} 00:00:00`);
    expect(detectDateFormat(midnight, type('timestamp'))).toMatchObject({ storage: 'native-timestamp' });
    expect(detectTimestamp(midnight, type('timestamp'))).toBeNull();
    const times = iso.map((d, i) => `${d} ${String(i % 24).padStart(2, '0')}:15:00`);
    expect(detectDateFormat(times, type('timestamp'))).toBeNull();
    expect(detectTimestamp(times, type('timestamp'))).toMatchObject({ storage: 'native' });
  });
  it('does not take keys, amounts or codes for dates', () => {
    const keys = Array.from({ length: 500 }, (_, i) => String(10001 + i));
    expect(detectDateFormat(keys, type('integer'), 'BUSNO')).toBeNull();
    const big = Array.from({ length: 500 }, (_, i) => String(1000000 + i * 7));
    expect(detectDateFormat(big, type('integer'), 'SEQ')).toBeNull();
    const amounts = Array.from({ length: 200 }, (_, i) => `${100 + i}.50`);
    expect(detectDateFormat(amounts, type('decimal', { precision: 9, scale: 2 }))).toBeNull();
    expect(detectDateFormat(['A', 'E', 'S', 'C'], type('char'))).toBeNull();
  });
});

describe('timestamps kept as text', () => {
  it('finds YYYYMMDDHHMMSS with blanks, and ISO-like text', () => {
    const ts = Array.from(
      { length: 50 },
      (_, i) => `2024${String((i % 12) + 1).padStart(2, '0')}15093${i % 10}00`,
    );
    expect(detectTimestamp([...ts, '              '], type('char'))).toMatchObject({
      style: 'yyyymmddhhmmss',
      storage: 'text',
      empty: 1,
    });
    expect(
      detectTimestamp(['2024-01-15 09:30:00', '2024-02-01T10:00', '2023-12-31 23:59:59'], type('varchar')),
    ).toMatchObject({
      style: 'iso',
    });
    expect(detectTimestamp(['hello', 'world', 'again'], type('varchar'))).toBeNull();
  });
});

describe('placeholders', () => {
  it('finds a date keyed far more often than any real date (19870101)', () => {
    const real = days('1990-01-01', 1200, 7).map(yyyymmdd);
    const values = [
      ...real,
      ...Array(45).fill('19870101'),
      ...Array(50).fill('        '),
      ...Array(40).fill('00000000'),
    ];
    const p = profileOf('BUSOPN', type('char', { length: 8 }), values);
    const found = analyseColumn(p);
    expect(found.date?.format).toBe('yyyymmdd');
    expect(found.placeholders.map((x) => x.value)).toEqual(['19870101']);
    expect(found.labels).toContain('placeholder 19870101');
    // blank and all-zero values are no date already, not placeholders
    expect(found.placeholders.some((x) => x.value.trim() === '' || /^0+$/.test(x.value))).toBe(false);
  });
  it('finds sentinels such as 1900-01-01 even when rare', () => {
    const values = [
      ...days('2001-03-01', 300, 3).map((d) => `${d} 00:00:00`),
      '1900-01-01 00:00:00',
      '1900-01-01 00:00:00',
    ];
    const found = analyseColumn(profileOf('DateEstablished', type('timestamp'), values));
    expect(found.date?.storage).toBe('native-timestamp');
    expect(found.placeholders.map((x) => x.value)).toEqual(['1900-01-01']);
  });
  it('leaves busy days alone: a few dates somewhat more frequent are real', () => {
    const values = [
      ...days('2020-01-01', 800, 1).map(cyymmdd),
      ...Array(8).fill('1261101'),
      ...Array(7).fill('1261031'),
    ];
    const p = profileOf('INSDTE', type('decimal', { precision: 7, scale: 0 }), values);
    expect(detectPlaceholders(p, detectDateFormat(p.sample, p.type))).toEqual([]);
  });
  it('finds placeholder words and numbers in text', () => {
    const values = [
      ...Array.from({ length: 100 }, (_, i) => `12-${String(1000000 + i * 13)}`),
      ...Array(3).fill('UNKNOWN'),
      ...Array(5).fill('000-00-0000'),
      ...Array(2).fill('N/A'),
    ];
    const p = profileOf('BUSTAX', type('char', { length: 11 }), values);
    expect(
      detectPlaceholders(p, null)
        .map((x) => x.value)
        .sort(),
    ).toEqual(['000-00-0000', 'N/A', 'UNKNOWN']);
  });
});

describe('text shape', () => {
  it('sees CHAR padding, leading spaces and runs of spaces', () => {
    const pad = detectPadding(
      ['ACME LLC    ', ' BOB  CAFE  ', 'ZED         ', '            '],
      type('char', { length: 12 }),
    );
    expect(pad).toMatchObject({ fixedWidth: true, trailing: 1, leading: 1 / 3, inner: 1 / 3 });
    expect(detectPadding(['a', 'b'], type('integer'))).toBeNull();
  });
  it('sees upper-case text, allowing a few mixed-case rows', () => {
    const names = Array.from({ length: 50 }, (_, i) => (i < 47 ? `ACME ${i} LLC` : `Acme ${i} Llc`));
    expect(detectUpperCase(names)).toBe(true);
    expect(detectUpperCase(['Main Street', 'Oak Avenue', 'Elm Court', 'Pine Road', 'Ash Lane'])).toBe(false);
    expect(detectUpperCase(['12', '34'])).toBe(false);
  });
});

describe('flags, codes, money and keys', () => {
  it('finds yes/no flags in their usual spellings', () => {
    expect(detectFlag(profileOf('ACTIVE', type('char', { length: 1 }), ['Y', 'N', 'Y', 'Y ', '']))).toBe(
      'Y/N',
    );
    expect(detectFlag(profileOf('DELETED', type('integer'), ['-1', '0', '0']))).toBe('-1/0');
    expect(detectFlag(profileOf('IsDeleted', type('integer'), ['1', '0', '0']))).toBe('1/0');
    expect(detectFlag(profileOf('IsDeleted', type('boolean'), ['1', '0']))).toBe('1/0');
    expect(detectFlag(profileOf('IsActive', type('boolean'), ['true', 'false']))).toBe('true/false');
    expect(detectFlag(profileOf('ZERO', type('integer'), ['0', '0']))).toBeNull();
    expect(detectFlag(profileOf('STS', type('char'), ['A', 'E', 'S']))).toBeNull();
  });
  it('lists the codes of a code column with their counts, and not of a name column', () => {
    const status = profileOf('LICSTS', type('char', { length: 1 }), [
      ...Array(60).fill('A'),
      ...Array(20).fill('E'),
      ...Array(5).fill('S'),
      ...Array(10).fill('C'),
    ]);
    expect(detectCodes(status)).toEqual([
      { value: 'A', count: 60 },
      { value: 'E', count: 20 },
      { value: 'C', count: 10 },
      { value: 'S', count: 5 },
    ]);
    const names = profileOf(
      'BUSNAM',
      type('char', { length: 40 }),
      Array.from({ length: 100 }, (_, i) => `NAME ${i}`),
    );
    expect(detectCodes(names)).toBeNull();
    expect(detectCodes(profileOf('RARE', type('char', { length: 1 }), ['A', 'B', 'C']))).toBeNull();
  });
  it('finds money in DECIMAL with cents or four places, and not in dates or counts', () => {
    expect(detectMoney(type('decimal', { precision: 9, scale: 2 }), 'PAYAMT')).toBe(true);
    expect(detectMoney(type('decimal', { precision: 19, scale: 4 }), 'Amount')).toBe(true);
    expect(detectMoney(type('decimal', { typeName: 'money', precision: 19, scale: 4 }), 'X')).toBe(true);
    expect(detectMoney(type('decimal', { precision: 7, scale: 0 }), 'LICEXP')).toBe(false);
    expect(detectMoney(type('integer'), 'LTTERM')).toBe(false);
    expect(
      analyseColumn(profileOf('PAYAMT', type('decimal', { precision: 9, scale: 2 }), ['12.5', '100'])),
    ).toMatchObject({
      money: true,
      date: null,
    });
  });
  it('calls a column a key when it is unique and never empty, or the catalog says so', () => {
    const keys = profileOf('BUSNO', type('integer'), ['1', '2', '3']);
    expect(isKeyCandidate(keys)).toBe(true);
    expect(isKeyCandidate(profileOf('X', type('integer'), ['1', '1', '2']))).toBe(false);
    expect(isKeyCandidate(profileOf('X', type('integer'), ['1', null, '2']))).toBe(false);
    expect(isKeyCandidate({ ...keys, distinctEstimated: true })).toBe(false);
    expect(isKeyCandidate(profileOf('X', type('integer'), ['1', '1']), true)).toBe(true);
  });
});

describe('names that say one table refers to another', () => {
  it('splits and singularises names', () => {
    expect(nameWords('PermitTypeId')).toEqual(['permit', 'type', 'id']);
    expect(nameWords('LICENSE_TYPE_CODE')).toEqual(['license', 'type', 'code']);
    expect(singular('Businesses')).toBe('business');
    expect(singular('PermitStatuses')).toBe('permitstatus');
    expect(singular('PermitTypes')).toBe('permittype');
    expect(singular('Categories')).toBe('category');
  });
  it('finds the prefix 1990s schemas put on every column', () => {
    expect(columnPrefix(['BUSNO', 'BUSNAM', 'BUSDBA', 'BUSUPD'])).toBe('BUS');
    expect(columnPrefix(['LTCODE', 'LTDESC', 'LTTERM'])).toBe('LT');
    expect(columnPrefix(['PermitId', 'PermitNumber', 'BusinessId'])).toBe('');
    expect(columnStem('LICBUS', 'LIC')).toBe('BUS');
  });
  it('scores BusinessId -> Businesses and LICBUS -> BUSMST high, unrelated names zero', () => {
    expect(referenceNameScore('BusinessId', '', 'Businesses', 'BusinessId', '')).toBe(3);
    expect(referenceNameScore('TenderType', '', 'TenderTypes', 'TenderTypeId', '')).toBeGreaterThanOrEqual(2);
    expect(referenceNameScore('LICBUS', 'LIC', 'BUSMST', 'BUSNO', 'BUS')).toBe(3);
    expect(referenceNameScore('PAYLIC', 'PAY', 'LICMST', 'LICNO', 'LIC')).toBe(3);
    expect(referenceNameScore('LICTYP', 'LIC', 'RVLTYP', 'LTCODE', 'LT')).toBeGreaterThanOrEqual(2);
    expect(referenceNameScore('PermitTypeId', '', 'PermitTypes', 'PermitTypeId', '')).toBe(3);
    expect(referenceNameScore('City', '', 'Permits', 'PermitId', '')).toBe(0);
    // a generic key name alone says nothing
    expect(referenceNameScore('Id', '', 'Things', 'Id', '')).toBe(0);
  });
});
