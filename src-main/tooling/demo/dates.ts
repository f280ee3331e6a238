// Calendar arithmetic for the demo city, on whole days (no clock, no time zone): a date is a day
// number counted from 1970-01-01, and is written out in the legacy formats Riverton uses:
// CYYMMDD numbers (C = 0 for 19xx, 1 for 20xx) and YYYYMMDD / YYYYMMDDHHMMSS text.

const MS_PER_DAY = 86_400_000;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export const dayOf = (y: number, m: number, d: number): number =>
  Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);

/** The calendar date of a day number (integer arithmetic, Howard Hinnant's civil_from_days). */
export function ymdOf(day: number): Ymd {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** The day `months` later (or earlier), clamped to the end of a shorter month (Jan 31 + 1 = Feb 28/29). */
export function addMonths(day: number, months: number): number {
  const { y, m, d } = ymdOf(day);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return dayOf(ty, tm, Math.min(d, last));
}

/** IBM i style CYYMMDD: 2024-07-01 -> 1240701, 1995-03-15 -> 950315. */
export function toCyymmdd(day: number): number {
  const { y, m, d } = ymdOf(day);
  const c = Math.floor((y - 1900) / 100);
  if (c < 0 || c > 9) throw new RangeError(`year ${y} cannot be written as CYYMMDD`);
  return c * 1_000_000 + (y % 100) * 10_000 + m * 100 + d;
}

/** The day of a CYYMMDD number (no validation of impossible dates: 1240231 rolls over). */
export function fromCyymmdd(value: number): number {
  const c = Math.floor(value / 1_000_000);
  const yy = Math.floor(value / 10_000) % 100;
  return dayOf(1900 + 100 * c + yy, Math.floor(value / 100) % 100, value % 100);
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** YYYYMMDD text: 2024-07-01 -> '20240701'. */
export function toYyyymmdd(day: number): string {
  const { y, m, d } = ymdOf(day);
  return `${y}${p2(m)}${p2(d)}`;
}

/** YYYYMMDDHHMMSS text of a day and a time of day in seconds. */
export function toTimestamp(day: number, secondOfDay: number): string {
  const h = Math.floor(secondOfDay / 3600);
  const mi = Math.floor(secondOfDay / 60) % 60;
  return `${toYyyymmdd(day)}${p2(h)}${p2(mi)}${p2(secondOfDay % 60)}`;
}

/** ISO YYYY-MM-DD of a day (for messages and tests). */
export function isoOf(day: number): string {
  const { y, m, d } = ymdOf(day);
  return `${y}-${p2(m)}-${p2(d)}`;
}
