// The one place the UI formats canonical values for display in the chosen language (dates,
// timestamps, money, counts, rates) and works out "today". The ISO values themselves are never
// changed: callers put them in <time dateTime>, only the visible text is localised.
import { todayIn } from '../src-main/common/time.ts';
import { type Language, localeOf } from './i18n/index.ts';

export const MISSING = '—';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const timestampFormats = new Map<string, Intl.DateTimeFormat>();
const clockFormats = new Map<string, Intl.DateTimeFormat>();
const moneyFormats = new Map<string, Intl.NumberFormat>();
const countFormats = new Map<string, Intl.NumberFormat>();
const rateFormats = new Map<string, Intl.NumberFormat>();
const shortDayFormats = new Map<string, Intl.DateTimeFormat>();

function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (!value) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** The time zone of this machine's clock (the one the browser shows times in). */
export function localTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The calendar day (YYYY-MM-DD) at `now` in `timeZone`: the one "today" of the UI.
 *
 * The desk decides with the city's day (`todayIn(desk.timeZone)` in src-main), by the same
 * function. Where the UI knows the city's zone (the dashboard's figures carry it) it passes it;
 * elsewhere it uses this machine's zone, which is the city's at a counter, and is only used to
 * explain beforehand what the desk will check again.
 */
export function today(now: Date = new Date(), timeZone: string = localTimeZone()): string {
  return todayIn(timeZone, now);
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

/** A calendar date as a short axis label ("Nov 3" / "3 nov"); the tables carry the full dates. */
export function formatShortDay(iso: string, language: Language): string {
  const m = isoDate.exec(iso);
  if (!m) return iso;
  const format = cached(
    shortDayFormats,
    language,
    () => new Intl.DateTimeFormat(localeOf[language], { month: 'short', day: 'numeric', timeZone: 'UTC' }),
  );
  return format.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
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
  if (today(date) !== today(now)) return formatTimestamp(iso, language);
  const format = cached(
    clockFormats,
    language,
    () => new Intl.DateTimeFormat(localeOf[language], { timeStyle: 'short' }),
  );
  return format.format(date);
}

/** Integer cents as a plain decimal string, by string arithmetic (12345 -> "123.45", -5 -> "-0.05"). */
export function centsToDecimal(cents: number): string {
  const abs = String(Math.abs(cents)).padStart(3, '0');
  return `${cents < 0 ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

/** Integer cents as currency, exactly (the amount is given to Intl as a decimal string). */
export function formatMoney(cents: number | null | undefined, language: Language): string {
  if (cents === null || cents === undefined || !Number.isInteger(cents)) return MISSING;
  const decimal = centsToDecimal(cents);
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

/** 1500 basis points -> "15%" (or "15 %" as the language writes it). */
export function formatRate(basisPoints: number, language: Language): string {
  const format = cached(
    rateFormats,
    language,
    () => new Intl.NumberFormat(localeOf[language], { style: 'percent', maximumFractionDigits: 2 }),
  );
  return format.format(basisPoints / 10_000);
}

/** Trimmed text, or the dash for a missing or blank value (legacy CHAR columns pad with spaces). */
export function text(value: string | null | undefined): string {
  const trimmed = value?.trim();
  return trimmed ? trimmed : MISSING;
}
