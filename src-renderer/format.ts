// Formatting of canonical values for display in the chosen language. The ISO values themselves are
// never changed: callers put them in <time dateTime>, only the visible text is localised.
import { type Language, localeOf } from './i18n/index.ts';

export const MISSING = '—';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const timestampFormats = new Map<string, Intl.DateTimeFormat>();
const clockFormats = new Map<string, Intl.DateTimeFormat>();
const moneyFormats = new Map<string, Intl.NumberFormat>();
const countFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (!value) {
    value = make();
    map.set(key, value);
  }
  return value;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (YYYY-MM-DD) in the language's medium style; no time zone shift. */
export function formatDate(iso: string | null | undefined, language: Language): string {
  if (!iso) return MISSING;
  const m = isoDate.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const format = cached(
    dateFormats,
    language,
    () => new Intl.DateTimeFormat(localeOf[language], { dateStyle: 'medium', timeZone: 'UTC' }),
  );
  return format.format(date);
}

/** A timestamp with offset, shown as date and time on this desk's clock. */
export function formatTimestamp(iso: string | null | undefined, language: Language): string {
  if (!iso) return MISSING;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const format = cached(
    timestampFormats,
    language,
    () => new Intl.DateTimeFormat(localeOf[language], { dateStyle: 'medium', timeStyle: 'short' }),
  );
  return format.format(date);
}

/**
 * A moment as the clerk's clock shows it: only the time when it is today ("2:05 PM"), the date
 * and time otherwise (an outage that began yesterday must not read as a few minutes old).
 */
export function formatClock(iso: string | null | undefined, language: Language, now = new Date()): string {
  if (!iso) return MISSING;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (date.toDateString() !== now.toDateString()) return formatTimestamp(iso, language);
  const format = cached(
    clockFormats,
    language,
    () => new Intl.DateTimeFormat(localeOf[language], { timeStyle: 'short' }),
  );
  return format.format(date);
}

/** Integer cents as currency, exactly (the amount is given to Intl as a decimal string). */
export function formatMoney(cents: number | null | undefined, language: Language): string {
  if (cents === null || cents === undefined || !Number.isInteger(cents)) return MISSING;
  const sign = cents < 0 ? '-' : '';
  const abs = String(Math.abs(cents)).padStart(3, '0');
  const decimal = `${sign}${abs.slice(0, -2)}.${abs.slice(-2)}`;
  const format = cached(
    moneyFormats,
    language,
    () => new Intl.NumberFormat(localeOf[language], { style: 'currency', currency: 'USD' }),
  );
  return format.format(decimal as `${number}`);
}

export function formatCount(value: number, language: Language): string {
  return cached(countFormats, language, () => new Intl.NumberFormat(localeOf[language])).format(value);
}

/** Trimmed text, or the dash for a missing or blank value (legacy CHAR columns pad with spaces). */
export function text(value: string | null | undefined): string {
  const trimmed = value?.trim();
  return trimmed ? trimmed : MISSING;
}
