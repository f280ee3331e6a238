// Fee quotes from the fee engine, renewal checks and the renewal queue (issue 5 points 2 and 4).
// Spread into the contract's operation table in contract.ts.
import { z } from 'zod';
import { FeeLine } from '../fees/fee-schedule.ts';
import { IsoDate, LicenceNumber, LicenceStatus } from '../model.ts';

/** Stable codes of what stops a renewal; the UI translates them, `message` is the English sentence. */
export const renewalProblemCodes = [
  'renewal.hold',
  'renewal.balanceDue',
  'renewal.tooEarly',
  'renewal.tooLate',
  'renewal.status',
  'renewal.noSchedule',
  'renewal.notFound',
  /** A renewal requirement of the licence type (requirements.yaml `renewal:`) is not met. */
  'renewal.requirement',
] as const;
export const RenewalProblemCode = z.enum(renewalProblemCodes);
export type RenewalProblemCode = z.infer<typeof RenewalProblemCode>;

export const RenewalProblem = z.object({
  code: RenewalProblemCode,
  message: z.string(),
  /** The numbers and dates behind the message, for the UI's own sentence. */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).default({}),
});
export type RenewalProblem = z.infer<typeof RenewalProblem>;

/** The engine's renewal quote, as it crosses the contract: every line with the numbers it came from. */
export const FeeQuote = z.object({
  scheduleId: z.string(),
  scheduleEffectiveOn: z.string(),
  expiresOn: IsoDate,
  asOf: IsoDate,
  daysLate: z.number().int().nonnegative(),
  window: z.object({
    status: z.enum(['allowed', 'tooEarly', 'tooLate']),
    opensOn: IsoDate.nullable(),
    closesOn: IsoDate.nullable(),
  }),
  feeLines: z.array(FeeLine),
  penaltyLines: z.array(FeeLine),
  lines: z.array(FeeLine),
  feeCents: z.number().int(),
  penaltyCents: z.number().int(),
  totalCents: z.number().int(),
});
export type FeeQuote = z.infer<typeof FeeQuote>;

/** Whether a licence can be renewed on a date, why not, what it would cost and until when. */
export const RenewalCheck = z.object({
  licenceId: z.string(),
  ok: z.boolean(),
  problems: z.array(RenewalProblem),
  quote: FeeQuote.nullable(),
  newExpiresOn: IsoDate.nullable(),
});
export type RenewalCheck = z.infer<typeof RenewalCheck>;

export const renewalQueueKinds = ['expiring', 'expired', 'delinquent', 'all'] as const;
export const RenewalQueueKind = z.enum(renewalQueueKinds);
export type RenewalQueueKind = z.infer<typeof RenewalQueueKind>;

export const RenewalQueueQuery = z.object({
  /**
   * expiring: active, expiring within `withinDays` from `on`; expired: expired within the last
   * `withinDays` days (still renewable late); delinquent: expired more than `withinDays` days ago
   * (or past the city's renewal window); all: every licence that is active or expired.
   */
  kind: RenewalQueueKind.default('expiring'),
  withinDays: z.number().int().min(0).max(3650).default(60),
  licenceTypeCode: z.string().max(20).optional(),
  /** Part of the licence number or the business name. */
  text: z.string().max(200).optional(),
  /** The day the queue is worked out for; today in the city's zone when absent. */
  on: IsoDate.optional(),
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).default(0),
});
export type RenewalQueueQuery = z.input<typeof RenewalQueueQuery>;

export const RenewalQueueRow = z.object({
  licenceId: z.string(),
  businessId: z.string(),
  businessName: z.string(),
  licenceTypeCode: z.string().nullable(),
  licenceTypeName: z.string().nullable(),
  status: LicenceStatus,
  expiresOn: IsoDate.nullable(),
  /** Negative: days until expiry; positive: days since. */
  daysLate: z.number().int(),
  /** Active holds on the licence or its business. */
  holds: z.number().int().nonnegative(),
  balanceCents: z.number().int(),
});
export type RenewalQueueRow = z.infer<typeof RenewalQueueRow>;

export const RenewalQueuePage = z.object({
  on: IsoDate,
  rows: z.array(RenewalQueueRow),
  total: z.number().int().nonnegative(),
  /** How many licences each kind holds with the same filters (for the filter's counts). */
  counts: z.object({ expiring: z.number().int(), expired: z.number().int(), delinquent: z.number().int() }),
  /** The licence types on the desk, for the type filter. */
  licenceTypes: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type RenewalQueuePage = z.infer<typeof RenewalQueuePage>;

export const feeOperations = {
  /** The renewal fee of a licence on a date (today by default), line by line, and what blocks it. */
  'fees.quote': {
    input: z.object({ licenceId: LicenceNumber, on: IsoDate.optional() }),
    output: RenewalCheck,
  },
  /** Licences to renew: expiring soon, recently expired or delinquent, with filters. */
  'renewals.queue': {
    input: RenewalQueueQuery,
    output: RenewalQueuePage,
  },
} as const;
