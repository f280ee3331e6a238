// Everything the counter needs to renew a licence on a date: the schedule in effect, the fee and
// its lines, the late penalties and theirs, whether the window allows it, and what blocks it.
// The schedule is the one in effect on the day the renewal is taken (`asOf`) unless the caller
// names another date (`scheduleOn`, e.g. the first day of the new term, where a city bills so).
import { computeFee } from './fee-calculator.ts';
import { Declared, type DeclaredInput, type FeeLine, type FeeSchedule, type Hold } from './fee-schedule.ts';
import { computePenalties } from './penalties.ts';
import { type Blocker, renewalBlockers } from './blockers.ts';
import { checkRenewalWindow, type WindowCheck } from './renewal-window.ts';
import { scheduleInEffect } from './select-schedule.ts';

export interface RenewalQuote {
  scheduleId: string;
  scheduleEffectiveOn: string;
  expiresOn: string;
  asOf: string;
  window: WindowCheck;
  daysLate: number;
  feeLines: FeeLine[];
  penaltyLines: FeeLine[];
  /** Fee lines then penalty lines: what a screen lists above the total. */
  lines: FeeLine[];
  feeCents: number;
  penaltyCents: number;
  totalCents: number;
  blockers: Blocker[];
  canRenew: boolean;
}

export function quoteRenewal(args: {
  schedules: readonly FeeSchedule[];
  licenceTypeCode: string;
  expiresOn: string;
  asOf: string;
  scheduleOn?: string;
  declared?: DeclaredInput;
  holds?: readonly Hold[];
  outstandingBalanceCents?: number;
}): RenewalQuote | null {
  const schedule = scheduleInEffect(args.schedules, args.licenceTypeCode, args.scheduleOn ?? args.asOf);
  if (!schedule) return null;
  const fee = computeFee(schedule.components, Declared.parse(args.declared ?? {}));
  const penalties = computePenalties({
    feeCents: fee.feeCents,
    expiresOn: args.expiresOn,
    asOf: args.asOf,
    latePenalty: schedule.latePenalty,
  });
  const window = checkRenewalWindow(args.expiresOn, args.asOf, schedule.renewalWindow);
  const blockers = renewalBlockers({
    holds: args.holds ?? [],
    outstandingBalanceCents: args.outstandingBalanceCents ?? 0,
    window,
    expiresOn: args.expiresOn,
  });
  return {
    scheduleId: schedule.id,
    scheduleEffectiveOn: schedule.effectiveOn,
    expiresOn: args.expiresOn,
    asOf: args.asOf,
    window,
    daysLate: penalties.daysLate,
    feeLines: fee.lines,
    penaltyLines: penalties.lines,
    lines: [...fee.lines, ...penalties.lines],
    feeCents: fee.feeCents,
    penaltyCents: penalties.penaltyCents,
    totalCents: fee.feeCents + penalties.penaltyCents,
    blockers,
    canRenew: blockers.length === 0,
  };
}
