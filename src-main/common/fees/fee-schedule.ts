// What a city publishes about a licence type's money, as data: the fee components, the renewal
// window and the late-penalty rules, each schedule in effect from a date until the next one.
// Amounts are integer cents, rates are basis points (1500 = 15%), dates are ISO YYYY-MM-DD.
import { z } from 'zod';
import { isIsoDate } from './dates.ts';

const Date_ = z.string().refine(isIsoDate, 'expected a real date as YYYY-MM-DD');
const NonNegativeCents = z.number().int().nonnegative();
const BasisPoints = z.number().int().nonnegative();
/** A short stable name the UI translates and the audit log records (e.g. 'base', 'seats'). */
const Code = z.string().regex(/^[a-z][a-zA-Z0-9_.-]*$/, 'expected a short code such as base or per_seat');

/** A flat amount: "Base fee $150.00". */
export const BaseComponent = z.object({
  kind: z.literal('base'),
  code: Code,
  label: z.string().min(1),
  amountCents: NonNegativeCents,
});

/** Cents per declared unit, after any units included free: "$5.00 per seat over 10". */
export const PerUnitComponent = z.object({
  kind: z.literal('perUnit'),
  code: Code,
  label: z.string().min(1),
  /** Which declared quantity counts (seats, vehicles, employees): a key of `declared.units`. */
  unit: z.string().min(1),
  centsPerUnit: NonNegativeCents,
  includedUnits: z.number().int().nonnegative().default(0),
});

/** A share of a declared amount such as gross receipts, rounded half up to the cent. */
export const PercentageComponent = z.object({
  kind: z.literal('percentage'),
  code: Code,
  label: z.string().min(1),
  /** Which declared amount it is a share of: a key of `declared.amountsCents`. */
  of: z.string().min(1),
  basisPoints: BasisPoints,
});

/** The fee is at least this: a small total is lifted to it (penalties come on top). */
export const MinimumComponent = z.object({
  kind: z.literal('minimum'),
  code: Code,
  label: z.string().min(1),
  amountCents: NonNegativeCents,
});

export const FeeComponent = z.discriminatedUnion('kind', [
  BaseComponent,
  PerUnitComponent,
  PercentageComponent,
  MinimumComponent,
]);
export type FeeComponent = z.infer<typeof FeeComponent>;

/** A length of time counted in days or calendar months. */
export const Period = z.object({
  unit: z.enum(['days', 'months']),
  count: z.number().int().nonnegative(),
});
export type Period = z.infer<typeof Period>;

/**
 * When a renewal may be taken, around the expiry date: from `opensBefore` before it (that day
 * included) to `closesAfter` after it (that day included). Later than that the licence needs a
 * new application. "From 90 days before expiry to 12 months after":
 * { opensBefore: { unit: 'days', count: 90 }, closesAfter: { unit: 'months', count: 12 } }.
 */
export const RenewalWindow = z.object({
  opensBefore: Period,
  closesAfter: Period,
});
export type RenewalWindow = z.infer<typeof RenewalWindow>;

/**
 * Percentage tiers: each tier adds its rate of the fee once the renewal is `fromDayLate` days late
 * (day 1 is the day after expiry), and again every `repeatEveryDays` after that when given. The
 * sum of the tiers is capped at `capBasisPoints` of the fee when given.
 */
export const TierPenaltyRule = z.object({
  kind: z.literal('tiers'),
  code: Code,
  tiers: z
    .array(
      z.object({
        fromDayLate: z.number().int().positive(),
        basisPoints: BasisPoints,
        repeatEveryDays: z.number().int().positive().optional(),
      }),
    )
    .min(1),
  capBasisPoints: BasisPoints.optional(),
});

/**
 * Interest of `basisPointsPerMonth` of the fee for each month late, counted from the expiry date
 * as whole months elapsed or months started. The monthly charge is rounded half up to the cent,
 * then multiplied by the months (the city's "1% a month" is the published step). Simple interest
 * on the fee only: never on penalties or earlier interest.
 */
export const MonthlyInterestRule = z.object({
  kind: z.literal('monthlyInterest'),
  code: Code,
  basisPointsPerMonth: BasisPoints,
  monthCounting: z.enum(['whole', 'started']),
  maxMonths: z.number().int().positive().optional(),
});

/**
 * The fee doubles for each period of `everyDays` days late, counted as whole periods elapsed or
 * periods started; the penalty is what the doubling adds to the fee (fee × (2^n − 1)).
 */
export const DoublingPenaltyRule = z.object({
  kind: z.literal('doubling'),
  code: Code,
  everyDays: z.number().int().positive(),
  periodCounting: z.enum(['whole', 'started']),
  maxDoublings: z.number().int().positive().optional(),
});

export const PenaltyRule = z.discriminatedUnion('kind', [
  TierPenaltyRule,
  MonthlyInterestRule,
  DoublingPenaltyRule,
]);
export type PenaltyRule = z.infer<typeof PenaltyRule>;
export type TierPenaltyRule = z.infer<typeof TierPenaltyRule>;
export type MonthlyInterestRule = z.infer<typeof MonthlyInterestRule>;
export type DoublingPenaltyRule = z.infer<typeof DoublingPenaltyRule>;

/**
 * Late penalties: nothing while the renewal is at most `graceDays` days late; after that every
 * rule applies, each counting days late from the expiry date (the grace period waives, it does
 * not move the due date). Rules add up; each is computed on the fee alone.
 */
export const LatePenalty = z.object({
  graceDays: z.number().int().nonnegative().default(0),
  rules: z.array(PenaltyRule),
});
export type LatePenalty = z.infer<typeof LatePenalty>;
export type LatePenaltyInput = z.input<typeof LatePenalty>;

export const FeeSchedule = z.object({
  id: z.string().min(1),
  licenceTypeCode: z.string().min(1),
  /** In effect from this date (included) until the next schedule of the same licence type. */
  effectiveOn: Date_,
  components: z.array(FeeComponent).min(1),
  renewalWindow: RenewalWindow.optional(),
  latePenalty: LatePenalty.optional(),
});
export type FeeSchedule = z.infer<typeof FeeSchedule>;
export type FeeScheduleInput = z.input<typeof FeeSchedule>;

/** What the business declares for the fee: counts by unit and amounts by name (in cents). */
export const Declared = z.object({
  units: z.record(z.string(), z.number().int().nonnegative()).default({}),
  amountsCents: z.record(z.string(), NonNegativeCents).default({}),
});
export type Declared = z.infer<typeof Declared>;
export type DeclaredInput = z.input<typeof Declared>;

/** A hold on a business or licence that stops a renewal until someone lifts it. */
export const Hold = z.object({
  /** Stable code of the kind of hold (e.g. 'zoning', 'inspection', 'returned_check'). */
  code: z.string().min(1),
  /** Why, in plain words, as the person who placed it wrote it. */
  reason: z.string().min(1),
  placedOn: Date_.optional(),
  placedBy: z.string().optional(),
});
export type Hold = z.infer<typeof Hold>;

/**
 * One line of a computed amount, with the numbers it was computed from, so a screen can show how
 * it was computed. `code` is stable for translation; `label` is the English text; `detail` holds
 * the inputs (cents, basis points, days, months, dates) the UI may format in another language.
 */
export const FeeLine = z.object({
  code: z.string(),
  label: z.string(),
  amountCents: z.number().int(),
  detail: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
});
export type FeeLine = z.infer<typeof FeeLine>;
