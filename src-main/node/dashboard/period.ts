// The period a dashboard covers: whole days of the city's calendar, `from` and `to` inclusive.
// Default: the last 30 days, today (in the city's time zone, not the machine's) the last of them.
import { errorText, WorkbenchError } from '../../common/errors.ts';
import {
  DASHBOARD_DEFAULT_DAYS,
  DASHBOARD_MAX_DAYS,
  type DashboardPeriod,
} from '../../common/ops/dashboard-ops.ts';
import { todayIn } from '../../common/time.ts';

export interface Period {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(iso: string): number {
  const m = isoDay.exec(iso);
  const n = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  // 2026-02-30 parses to March 2nd: a date that does not round-trip is not a date.
  if (!m || Number.isNaN(n) || new Date(n).toISOString().slice(0, 10) !== iso) {
    throw new WorkbenchError('invalid_input', errorText('dashboard.bad_date', { date: iso }), {
      date: errorText('field.date_format', {}),
    });
  }
  return n / DAY_MS;
}

const dayIso = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

export const addDays = (iso: string, days: number): string => dayIso(dayNumber(iso) + days);

/** Whole days from `a` to `b` (negative when b is before a). */
export const daysBetween = (a: string, b: string): number => dayNumber(b) - dayNumber(a);

/** Every day from `from` to `to`, both included. */
export function eachDay(period: Period): string[] {
  const first = dayNumber(period.from);
  const last = dayNumber(period.to);
  const days: string[] = [];
  for (let n = first; n <= last; n++) days.push(dayIso(n));
  return days;
}

export { todayIn };

export function resolvePeriod(input: DashboardPeriod, timeZone: string, now = new Date()): Period {
  const to =
    input.to ?? (input.from ? addDays(input.from, DASHBOARD_DEFAULT_DAYS - 1) : todayIn(timeZone, now));
  const from = input.from ?? addDays(to, -(DASHBOARD_DEFAULT_DAYS - 1));
  const days = daysBetween(from, to) + 1;
  if (days < 1) {
    throw new WorkbenchError('invalid_input', errorText('dashboard.period_reversed', { from, to }), {
      from: errorText('field.from_before_to', {}),
    });
  }
  if (days > DASHBOARD_MAX_DAYS) {
    throw new WorkbenchError(
      'invalid_input',
      errorText('dashboard.period_too_long', { days, maxDays: DASHBOARD_MAX_DAYS }),
      { from: errorText('field.at_most_days', { days: DASHBOARD_MAX_DAYS }) },
    );
  }
  return { from, to };
}
