// The UI's one format module (src-renderer/format.ts): money and dates in English and Spanish,
// and the one "today", on a fixed clock and around midnight.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  centsToDecimal,
  formatClock,
  formatDate,
  formatMoney,
  formatRate,
  formatShortDay,
  formatTimestamp,
  localTimeZone,
  MISSING,
  today,
} from '../../src-renderer/format.ts';

// ICU puts a narrow no-break space before "AM"/"a.m."; the tests compare the words, not the space.
const plain = (s: string) => s.replace(/\s/g, ' ');

beforeAll(() => {
  // The machine's clock for timestamps and the default "today": a city six hours behind UTC in
  // November (Node reads TZ again when it changes).
  process.env.TZ = 'America/Chicago';
});

afterEach(() => {
  vi.useRealTimers();
});

describe('money', () => {
  it('shows integer cents exactly as US dollars in both languages', () => {
    expect(formatMoney(123456789, 'en')).toBe('$1,234,567.89');
    expect(formatMoney(123456789, 'es')).toBe('$1,234,567.89');
    expect(formatMoney(29, 'en')).toBe('$0.29');
    expect(formatMoney(-123405, 'en')).toBe('-$1,234.05');
    expect(formatMoney(0, 'es')).toBe('$0.00');
  });

  it('shows the dash for a missing or non-integer amount', () => {
    expect(formatMoney(null, 'en')).toBe(MISSING);
    expect(formatMoney(undefined, 'es')).toBe(MISSING);
    expect(formatMoney(12.5, 'en')).toBe(MISSING);
  });

  it('turns cents into a decimal string without floating point', () => {
    expect(centsToDecimal(12345)).toBe('123.45');
    expect(centsToDecimal(5)).toBe('0.05');
    expect(centsToDecimal(-5)).toBe('-0.05');
    expect(centsToDecimal(100)).toBe('1.00');
  });

  it('shows basis points as a percentage', () => {
    expect(formatRate(1500, 'en')).toBe('15%');
    expect(formatRate(1250, 'es')).toBe('12.5%');
  });
});

describe('dates', () => {
  it('shows a calendar date in the language, without shifting it by the time zone', () => {
    expect(formatDate('2026-11-03', 'en')).toBe('Nov 3, 2026');
    expect(formatDate('2026-11-03', 'es')).toBe('3 nov 2026');
    // Midnight UTC of 1 January is still 31 December in Chicago; a calendar date must not move.
    expect(formatDate('2027-01-01', 'en')).toBe('Jan 1, 2027');
    expect(formatShortDay('2026-11-03', 'en')).toBe('Nov 3');
    expect(formatShortDay('2026-11-03', 'es')).toBe('3 nov');
  });

  it('leaves an unreadable value as it is and shows the dash for a missing one', () => {
    expect(formatDate('not a date', 'en')).toBe('not a date');
    expect(formatDate(null, 'es')).toBe(MISSING);
    expect(formatTimestamp(undefined, 'en')).toBe(MISSING);
  });

  it('shows a timestamp on the machine clock in the language', () => {
    expect(plain(formatTimestamp('2026-11-23T15:30:05Z', 'en'))).toBe('Nov 23, 2026, 9:30 AM');
    expect(plain(formatTimestamp('2026-11-23T15:30:05Z', 'es'))).toBe('23 nov 2026, 9:30 a.m.');
  });

  it('shows only the time for a moment today and the date too for one before midnight', () => {
    const now = new Date('2026-11-23T06:10:00Z'); // 00:10 in Chicago
    expect(plain(formatClock('2026-11-23T06:05:00Z', 'en', now))).toBe('12:05 AM');
    // 23:55 the evening before, ten minutes earlier: yesterday, so the date is shown.
    expect(plain(formatClock('2026-11-23T05:55:00Z', 'en', now))).toBe('Nov 22, 2026, 11:55 PM');
    expect(plain(formatClock('2026-11-23T05:55:00Z', 'es', now))).toBe('22 nov 2026, 11:55 p.m.');
  });
});

describe('today', () => {
  it('is the calendar day in the given zone, turning at its midnight, not UTC', () => {
    expect(today(new Date('2026-11-23T05:59:59Z'), 'America/Chicago')).toBe('2026-11-22');
    expect(today(new Date('2026-11-23T06:00:00Z'), 'America/Chicago')).toBe('2026-11-23');
    expect(today(new Date('2026-11-23T05:59:59Z'), 'UTC')).toBe('2026-11-23');
  });

  it("defaults to this machine's zone and clock", () => {
    expect(localTimeZone()).toBe('America/Chicago');
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2027-01-01T05:30:00Z')); // 23:30 on New Year's Eve in Chicago
    expect(today()).toBe('2026-12-31');
    vi.setSystemTime(new Date('2027-01-01T06:00:00Z'));
    expect(today()).toBe('2027-01-01');
  });
});
