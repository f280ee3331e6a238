import { describe, expect, it } from 'vitest';
import {
  compileTransforms,
  decimalTextToCents,
  formatPhone,
  localTimestampToIso,
  parseLegacyDate,
  parseLegacyTimestamp,
  TransformProblem,
  titleCase,
} from '../../src-main/node/bridge/transforms.ts';
import { expectEach } from './support/each-case.ts';

describe('legacy dates', () => {
  it('reads YYYYMMDD text, and treats blank and zeros as no date', () => {
    expect(parseLegacyDate('20240115', 'yyyymmdd')).toBe('2024-01-15');
    expect(parseLegacyDate('        ', 'yyyymmdd')).toBeNull();
    expect(parseLegacyDate('00000000', 'yyyymmdd')).toBeNull();
    expect(parseLegacyDate(null, 'yyyymmdd')).toBeNull();
  });
  it('refuses impossible dates instead of rolling them over', () => {
    expect(() => parseLegacyDate('19990231', 'yyyymmdd')).toThrow(TransformProblem);
    expect(() => parseLegacyDate('20011345', 'yyyymmdd')).toThrow(/not a real date/);
    expect(() => parseLegacyDate('2024011', 'yyyymmdd')).toThrow(/YYYYMMDD/);
  });
  it('reads CYYMMDD numbers and their text form from a DECIMAL cast', () => {
    expect(parseLegacyDate(1240115, 'cyymmdd')).toBe('2024-01-15');
    expect(parseLegacyDate('991231', 'cyymmdd')).toBe('1999-12-31');
    expect(parseLegacyDate('0991231', 'cyymmdd')).toBe('1999-12-31');
    expect(parseLegacyDate('1240115.0', 'cyymmdd')).toBe('2024-01-15');
    expect(parseLegacyDate(0, 'cyymmdd')).toBeNull();
  });
  it('reads MM/DD/YY with a century pivot, and serial day numbers', () => {
    expect(parseLegacyDate('03/07/49', 'mmddyy')).toBe('2049-03-07');
    expect(parseLegacyDate('03/07/50', 'mmddyy')).toBe('1950-03-07');
    expect(parseLegacyDate('3/7/1998', 'mmddyyyy')).toBe('1998-03-07');
    expect(parseLegacyDate(45306, 'serial')).toBe('2024-01-15');
  });
  it('turns placeholder dates into no date through the date step', () => {
    const t = compileTransforms([{ date: { format: 'yyyymmdd', placeholders: ['19870101'] } }], {
      timeZone: 'UTC',
    });
    expect(t('19870101')).toBeNull();
    expect(t('19870102')).toBe('1987-01-02');
  });
});

describe('legacy timestamps', () => {
  it('attaches the city offset, winter and summer', () => {
    expect(parseLegacyTimestamp('20240115093000', 'America/Chicago')).toBe('2024-01-15T09:30:00-06:00');
    expect(parseLegacyTimestamp('20240715093000', 'America/Chicago')).toBe('2024-07-15T09:30:00-05:00');
    expect(parseLegacyTimestamp('              ', 'America/Chicago')).toBeNull();
    expect(localTimestampToIso(2024, 3, 10, 12, 0, 0, 'Europe/Madrid')).toBe('2024-03-10T12:00:00+01:00');
  });
  it('gets the offset right on the days clocks change', () => {
    expect(parseLegacyTimestamp('20240310013000', 'America/Chicago')).toBe('2024-03-10T01:30:00-06:00');
    expect(parseLegacyTimestamp('20240310033000', 'America/Chicago')).toBe('2024-03-10T03:30:00-05:00');
    expect(parseLegacyTimestamp('20241103000500', 'America/Chicago')).toBe('2024-11-03T00:05:00-05:00');
    expect(parseLegacyTimestamp('20241103050000', 'America/Chicago')).toBe('2024-11-03T05:00:00-06:00');
    // the day after, cached, still right
    expect(parseLegacyTimestamp('20241104050000', 'America/Chicago')).toBe('2024-11-04T05:00:00-06:00');
  });
});

describe('money', () => {
  it('reads DECIMAL text into exact cents', () => {
    expect(decimalTextToCents('1234.50')).toBe(123450);
    expect(decimalTextToCents('0.07')).toBe(7);
    expect(decimalTextToCents('-12.3')).toBe(-1230);
    expect(decimalTextToCents('15')).toBe(1500);
    expect(decimalTextToCents('.5')).toBe(50);
    expect(decimalTextToCents('99999999999.99')).toBe(9999999999999);
    expect(decimalTextToCents('')).toBeNull();
  });
  it('refuses floats, fractions of a cent and non-numbers', () => {
    expect(() => decimalTextToCents(12.34)).toThrow(/type: decimal/);
    expect(() => decimalTextToCents('1.005')).toThrow(/fractions of a cent/);
    expect(() => decimalTextToCents('12,50')).toThrow(/not an amount/);
    expect(decimalTextToCents('1.500')).toBe(150);
  });
});

describe('text', () => {
  it('title-cases legacy upper-case names, keeping abbreviations', () => {
    expectEach(titleCase, {
      'MAIN ST BBQ & GRILL LLC': 'Main St BBQ & Grill LLC',
      'HOUSE OF THE RISING SUN': 'House of the Rising Sun',
      "O'BRIEN, MCDONALD": "O'Brien, McDonald",
      'LIQUOR ON-PREMISES': 'Liquor On-Premises',
      'GOLDEN DRAGON SALOON INC.': 'Golden Dragon Saloon Inc.',
      'JOE’S   DINER  #2': 'Joe’s   Diner  #2',
    });
  });
  it('formats phone numbers and keeps what it cannot read', () => {
    expectEach(formatPhone, {
      '5552013344': '(555) 201-3344',
      '555-201-3344': '(555) 201-3344',
      'ext 12': 'ext 12',
    });
  });
  it('maps codes, with a fallback, and reports unknown codes', () => {
    const t = compileTransforms([{ map: { A: 'active', E: 'expired' } }], { timeZone: 'UTC' });
    expect(t('A ')).toBe('active');
    expect(() => t('Z')).toThrow(/code "Z"/);
    const withFallback = compileTransforms([{ map: { A: 'active', '*': 'unknown' } }], { timeZone: 'UTC' });
    expect(withFallback('Z')).toBe('unknown');
  });
  it('chains steps in order', () => {
    const t = compileTransforms(['collapse_spaces', 'title_case'], { timeZone: 'UTC' });
    expect(t('  RIVERSIDE   BAKERY  ')).toBe('Riverside Bakery');
    const yn = compileTransforms(['yes_no'], { timeZone: 'UTC' });
    expect([yn('Y'), yn('-1'), yn('0'), yn(' ')]).toEqual([true, true, false, null]);
  });
});

describe('legacy code pages', () => {
  it('repairs text a driver handed over as Latin-1', () => {
    const cp437 = compileTransforms([{ decode: 'cp437' }], { timeZone: 'UTC' });
    expect(cp437('CAF\u0082 \u00a5O \u00a4')).toBe('CAFé ÑO ñ');
    const win = compileTransforms([{ decode: 'windows-1252' }], { timeZone: 'UTC' });
    expect(win('\u0093Joe\u0092s\u0094 \u0080 5')).toBe('“Joe’s” € 5');
    expect(win('plain ascii')).toBe('plain ascii');
  });
});
