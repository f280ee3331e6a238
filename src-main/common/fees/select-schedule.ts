// Which published schedule applies on a date: for the licence type, the one with the latest
// effective date on or before that date. A schedule dated the same day as the renewal applies
// to it (effective dates are inclusive).
import type { FeeSchedule } from './fee-schedule.ts';

/** The schedule of `licenceTypeCode` in effect on `on`, or null when none had started yet. */
export function scheduleInEffect<S extends Pick<FeeSchedule, 'id' | 'licenceTypeCode' | 'effectiveOn'>>(
  schedules: readonly S[],
  licenceTypeCode: string,
  on: string,
): S | null {
  let best: S | null = null;
  for (const s of schedules) {
    if (s.licenceTypeCode !== licenceTypeCode || s.effectiveOn > on) continue;
    if (best && s.effectiveOn === best.effectiveOn) {
      // Two schedules starting the same day is a data error; picking one silently would charge
      // an amount nobody can justify.
      throw new RangeError(
        `Fee schedules ${best.id} and ${s.id} of licence type ${licenceTypeCode} both start on ${s.effectiveOn}.`,
      );
    }
    if (!best || s.effectiveOn > best.effectiveOn) best = s;
  }
  return best;
}
