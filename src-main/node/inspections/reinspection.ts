// When a failed inspection must be inspected again, by the kind's re-inspection rule: within N
// days of the failure, and (skipWeekends) a deadline on a Saturday or Sunday moves to the Friday
// before, so it stays within the days the code gives. Pure: ISO days in, an ISO day out.
import { addDays } from '../../common/licence-rules.ts';
import type { ReinspectionRule } from './inspection-rules.ts';

/** The last day of the re-inspection, or null when the result needs none (a pass, no rule). */
export function reinspectionDue(
  rule: ReinspectionRule | null,
  inspectedOn: string,
  result: 'pass' | 'fail',
): string | null {
  if (result !== 'fail' || !rule) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(inspectedOn))
    throw new RangeError(`inspectedOn must be a date as YYYY-MM-DD, got "${inspectedOn}"`);
  const due = addDays(inspectedOn, rule.withinDays);
  if (!rule.skipWeekends) return due;
  const weekday = new Date(`${due}T00:00:00Z`).getUTCDay(); // 0 Sunday, 6 Saturday
  return weekday === 6 ? addDays(due, -1) : weekday === 0 ? addDays(due, -2) : due;
}
