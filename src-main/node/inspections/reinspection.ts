// When a failed inspection must be inspected again, by the kind's re-inspection rule: within N
// days of the failure, and (skipWeekends) a deadline on a Saturday or Sunday moves to the Friday
// before, so it stays within the days the code gives. Pure: ISO days in, an ISO day out.
import type { ReinspectionRule } from './inspection-rules.ts';

const MS_PER_DAY = 86_400_000;

/** The last day of the re-inspection, or null when the result needs none (a pass, no rule). */
export function reinspectionDue(
  rule: ReinspectionRule | null,
  inspectedOn: string,
  result: 'pass' | 'fail',
): string | null {
  if (result !== 'fail' || !rule) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(inspectedOn);
  if (!m) throw new RangeError(`inspectedOn must be a date as YYYY-MM-DD, got "${inspectedOn}"`);
  const due = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) + rule.withinDays * MS_PER_DAY);
  if (rule.skipWeekends) {
    const weekday = due.getUTCDay(); // 0 Sunday, 6 Saturday
    if (weekday === 6) due.setUTCDate(due.getUTCDate() - 1);
    else if (weekday === 0) due.setUTCDate(due.getUTCDate() - 2);
  }
  return due.toISOString().slice(0, 10);
}
