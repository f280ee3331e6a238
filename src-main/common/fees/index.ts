// The fee engine: pure functions over published schedules. See fee-schedule.ts for the data,
// and each file for the rule it applies (rounding in money.ts, dates in dates.ts).
export { addDays, addMonths, daysBetween, isIsoDate, monthsAfter } from './dates.ts';
export { formatBasisPoints, formatCents, percentOf } from './money.ts';
export * from './fee-schedule.ts';
export { scheduleInEffect } from './select-schedule.ts';
export { computeFee, type FeeResult } from './fee-calculator.ts';
export { computePenalties, type PenaltyResult } from './penalties.ts';
export { checkRenewalWindow, renewalWindowDates, type WindowCheck } from './renewal-window.ts';
export { blockerCodes, renewalBlockers, type Blocker, type BlockerCode } from './blockers.ts';
export { explainLines, sumLines } from './explain.ts';
export { quoteRenewal, type RenewalQuote } from './renewal-quote.ts';
export {
  buildSchedules,
  FeeRule,
  FeeRulesFile,
  noFeeRules,
  ruleSource,
  type BaseAmount,
  type FeeRulesFileInput,
} from './fee-rules.ts';
