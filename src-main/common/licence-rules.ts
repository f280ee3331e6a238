// Licence rules that do not depend on where the data lives.

/** Adds whole months to an ISO date, keeping the day or the month's last day (Jan 31 + 1 = Feb 28/29). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const MS_PER_DAY = 86_400_000;

/** Adds whole days to an ISO date (negative days go back). */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The new expiry date of a renewal: one term after the current expiry, so renewing early loses
 * nothing; a licence already expired (or never given a date) runs one term from today.
 */
export function renewalExpiry(
  currentExpiry: string | null,
  today: string,
  termMonths: number | null,
): string {
  const term = termMonths && termMonths > 0 ? termMonths : 12;
  const from = currentExpiry && currentExpiry >= today ? currentExpiry : today;
  return addMonths(from, term);
}

/** Statuses a renewal may start from: a suspended or closed licence needs a supervisor's decision first. */
export const renewableStatuses = ['active', 'expired'] as const;
