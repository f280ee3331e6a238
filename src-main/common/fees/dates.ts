// Calendar arithmetic on ISO dates (YYYY-MM-DD) without time zones: a licence expires on a day,
// not at an instant, so every helper works on UTC midnights and never on the desk's clock.
import { addMonths } from '../licence-rules.ts';

export { addMonths };

const DAY_MS = 86_400_000;

/** Midnight UTC of an ISO date, in milliseconds; throws on a date that does not exist (2027-02-29). */
function utcMs(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`Not a date as YYYY-MM-DD: ${iso}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`No such date: ${iso}`);
  }
  return ms;
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date `days` days after `iso` (before, when negative). */
export function addDays(iso: string, days: number): string {
  return fromUtcMs(utcMs(iso) + days * DAY_MS);
}

/** Whole days from `from` to `to`: 1 for the next day, negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMs(to) - utcMs(from)) / DAY_MS);
}

/** True when `iso` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(iso: string): boolean {
  try {
    utcMs(iso);
    return true;
  } catch {
    return false;
  }
}

/**
 * Calendar months from `start` to `date`, counted two ways (months end on the same day of the
 * month as `start`, or on the month's last day when it is shorter: a period starting Jan 31 ends
 * Feb 28/29, then Mar 31):
 * - `whole`: the months fully elapsed (Jan 15 -> Mar 14 is 1, -> Mar 15 is 2);
 * - `started`: the months begun (Jan 15 -> Jan 16 is 1, -> Feb 15 is 1, -> Feb 16 is 2).
 * Zero when `date` is not after `start`.
 */
export function monthsAfter(start: string, date: string, counting: 'whole' | 'started'): number {
  if (date <= start) return 0;
  // Estimate from the calendar fields, then step to the exact count (at most a step or two).
  const [sy, sm] = start.split('-').map(Number) as [number, number];
  const [dy, dm] = date.split('-').map(Number) as [number, number];
  let whole = Math.max(0, (dy - sy) * 12 + (dm - sm) - 1);
  while (addMonths(start, whole + 1) <= date) whole += 1;
  while (whole > 0 && addMonths(start, whole) > date) whole -= 1;
  if (counting === 'whole') return whole;
  return addMonths(start, whole) === date ? whole : whole + 1;
}
