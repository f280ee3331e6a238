// Whether a renewal may be taken on a date, given the licence's expiry and the schedule's window.
// Both ends are inclusive: a window "from 90 days before expiry to 12 months after" of a licence
// expiring 2026-06-30 opens on 2026-04-01 and closes on 2027-06-30 (the last day it is taken).
// Days late count from the expiry date: renewing on the expiry day is on time (0 days late).
import { addDays, addMonths, daysBetween } from './dates.ts';
import type { Period, RenewalWindow } from './fee-schedule.ts';

export type WindowCheck =
  | { status: 'allowed'; opensOn: string | null; closesOn: string | null; daysLate: number }
  | { status: 'tooEarly'; opensOn: string; closesOn: string | null; daysLate: number }
  | { status: 'tooLate'; opensOn: string | null; closesOn: string; daysLate: number };

function shift(iso: string, period: Period, direction: 1 | -1): string {
  return period.unit === 'days'
    ? addDays(iso, direction * period.count)
    : addMonths(iso, direction * period.count);
}

/** The first and the last day a renewal may be taken; null ends when there is no window. */
export function renewalWindowDates(expiresOn: string, window: RenewalWindow | undefined) {
  return {
    opensOn: window ? shift(expiresOn, window.opensBefore, -1) : null,
    closesOn: window ? shift(expiresOn, window.closesAfter, 1) : null,
  };
}

export function checkRenewalWindow(
  expiresOn: string,
  asOf: string,
  window: RenewalWindow | undefined,
): WindowCheck {
  const { opensOn, closesOn } = renewalWindowDates(expiresOn, window);
  const daysLate = Math.max(0, daysBetween(expiresOn, asOf));
  if (opensOn !== null && asOf < opensOn) return { status: 'tooEarly', opensOn, closesOn, daysLate };
  if (closesOn !== null && asOf > closesOn) return { status: 'tooLate', opensOn, closesOn, daysLate };
  return { status: 'allowed', opensOn, closesOn, daysLate };
}
