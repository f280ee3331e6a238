// Late penalties on a fee, by the rules of the schedule. Days late count from the expiry date
// (the day after expiry is day 1). Within the grace period nothing is charged; after it every
// rule applies as if there had been no grace (a grace period waives, it does not move the date).
// Each rule is computed on the fee alone (no penalty on a penalty), each line rounded half up to
// the cent on its own, and the rules add up.
import { daysBetween, monthsAfter } from './dates.ts';
import type {
  DoublingPenaltyRule,
  FeeLine,
  LatePenalty,
  MonthlyInterestRule,
  TierPenaltyRule,
} from './fee-schedule.ts';
import { formatBasisPoints, formatCents, percentOf } from './money.ts';

export interface PenaltyResult {
  daysLate: number;
  lines: FeeLine[];
  penaltyCents: number;
}

export function computePenalties(args: {
  feeCents: number;
  expiresOn: string;
  /** The day the renewal is paid (or quoted). */
  asOf: string;
  latePenalty: LatePenalty | undefined;
}): PenaltyResult {
  const { feeCents, expiresOn, asOf, latePenalty } = args;
  const daysLate = Math.max(0, daysBetween(expiresOn, asOf));
  const lines: FeeLine[] = [];
  if (!latePenalty || daysLate === 0 || latePenalty.rules.length === 0) {
    return { daysLate, lines, penaltyCents: 0 };
  }
  const graceDays = latePenalty.graceDays ?? 0;
  if (daysLate <= graceDays) {
    lines.push({
      code: 'penalty.grace',
      label: `Within the ${graceDays}-day grace period (${daysLate} ${plural(daysLate, 'day')} late): no late penalty`,
      amountCents: 0,
      detail: { graceDays, daysLate },
    });
    return { daysLate, lines, penaltyCents: 0 };
  }
  for (const rule of latePenalty.rules) {
    if (rule.kind === 'tiers') lines.push(...tierLines(rule, feeCents, daysLate));
    else if (rule.kind === 'monthlyInterest') lines.push(...interestLines(rule, feeCents, expiresOn, asOf));
    else lines.push(...doublingLines(rule, feeCents, daysLate));
  }
  return { daysLate, lines, penaltyCents: lines.reduce((s, l) => s + l.amountCents, 0) };
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

function dayRange(from: number, to: number | null): string {
  return to === null ? `${from} days late or more` : `${from}–${to} days late`;
}

/** One line per tier reached (and per repetition of a repeating tier), then the cap if it bites. */
function tierLines(rule: TierPenaltyRule, feeCents: number, daysLate: number): FeeLine[] {
  const tiers = [...rule.tiers].sort((a, b) => a.fromDayLate - b.fromDayLate);
  const lines: FeeLine[] = [];
  tiers.forEach((tier, i) => {
    if (daysLate < tier.fromDayLate) return;
    const next = tiers[i + 1];
    const occurrences = tier.repeatEveryDays
      ? 1 + Math.floor((daysLate - tier.fromDayLate) / tier.repeatEveryDays)
      : 1;
    for (let k = 0; k < occurrences; k++) {
      const from = tier.fromDayLate + k * (tier.repeatEveryDays ?? 0);
      const to = tier.repeatEveryDays ? from + tier.repeatEveryDays - 1 : next ? next.fromDayLate - 1 : null;
      const amountCents = percentOf(feeCents, tier.basisPoints);
      lines.push({
        code: 'penalty.tier',
        label: `Late penalty ${formatBasisPoints(tier.basisPoints)} of ${formatCents(feeCents)} (${dayRange(from, to)})`,
        amountCents,
        detail: {
          rule: rule.code,
          basisPoints: tier.basisPoints,
          feeCents,
          fromDayLate: from,
          toDayLate: to,
          daysLate,
        },
      });
    }
  });
  if (rule.capBasisPoints !== undefined) {
    const uncapped = lines.reduce((s, l) => s + l.amountCents, 0);
    const capCents = percentOf(feeCents, rule.capBasisPoints);
    if (uncapped > capCents) {
      lines.push({
        code: 'penalty.cap',
        label: `Capped at ${formatBasisPoints(rule.capBasisPoints)} of ${formatCents(feeCents)} (${formatCents(capCents)})`,
        amountCents: capCents - uncapped,
        detail: {
          rule: rule.code,
          capBasisPoints: rule.capBasisPoints,
          capCents,
          uncappedCents: uncapped,
          feeCents,
        },
      });
    }
  }
  return lines;
}

function interestLines(
  rule: MonthlyInterestRule,
  feeCents: number,
  expiresOn: string,
  asOf: string,
): FeeLine[] {
  const counted = monthsAfter(expiresOn, asOf, rule.monthCounting);
  const months = rule.maxMonths !== undefined ? Math.min(counted, rule.maxMonths) : counted;
  if (months === 0) return [];
  const monthlyCents = percentOf(feeCents, rule.basisPointsPerMonth);
  return [
    {
      code: 'penalty.interest',
      label: `Interest ${formatBasisPoints(rule.basisPointsPerMonth)} × ${months} ${plural(months, 'month')} of ${formatCents(feeCents)}`,
      amountCents: monthlyCents * months,
      detail: {
        rule: rule.code,
        basisPointsPerMonth: rule.basisPointsPerMonth,
        monthCounting: rule.monthCounting,
        months,
        monthlyCents,
        feeCents,
      },
    },
  ];
}

function doublingLines(rule: DoublingPenaltyRule, feeCents: number, daysLate: number): FeeLine[] {
  const counted =
    rule.periodCounting === 'whole'
      ? Math.floor(daysLate / rule.everyDays)
      : Math.ceil(daysLate / rule.everyDays);
  const doublings = rule.maxDoublings !== undefined ? Math.min(counted, rule.maxDoublings) : counted;
  if (doublings === 0) return [];
  const multiplied = BigInt(feeCents) * 2n ** BigInt(doublings);
  if (multiplied > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(
      `A fee doubled ${doublings} times is too large to compute; the rule needs a maximum.`,
    );
  }
  const doubledCents = Number(multiplied);
  return [
    {
      code: 'penalty.doubling',
      label: `Fee doubled ${doublings} ${plural(doublings, 'time')} (every ${rule.everyDays} days late; ${daysLate} ${plural(daysLate, 'day')} late): ${formatCents(feeCents)} becomes ${formatCents(doubledCents)}`,
      amountCents: doubledCents - feeCents,
      detail: {
        rule: rule.code,
        everyDays: rule.everyDays,
        periodCounting: rule.periodCounting,
        daysLate,
        doublings,
        feeCents,
        doubledCents,
      },
    },
  ];
}
