// The supervisor's numbers (issue 5 point 7): applications received and issued, renewals on time
// and late, revenue by day and by payment method, the backlog by age; each section also as CSV.
// Spread into the contract's operation table in contract.ts.
//
// Every section says where its numbers come from (`scope`): 'city' figures are read from tables
// the desk refreshes from the legacy system (all desks' payments), as of that refresh; 'desk'
// figures are what was done at this desk (its outbox and audit log, its applications). A section
// whose source this desk does not have yet is null: the screen says so instead of showing zeros.
import { z } from 'zod';
import { DocumentLanguage, PrintedDocument } from './document-ops.ts';
import { IsoDate, IsoTimestamp } from '../model.ts';

/** The longest period one request may cover (a year and a bit: a fiscal year with some slack). */
export const DASHBOARD_MAX_DAYS = 400;
/** The period shown when none is asked for: the last 30 days, today included. */
export const DASHBOARD_DEFAULT_DAYS = 30;

export const DashboardPeriod = z
  .object({
    /** First day, inclusive (the city's calendar); default: 29 days before `to`. */
    from: IsoDate.optional(),
    /** Last day, inclusive; default: today in the city's time zone. */
    to: IsoDate.optional(),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, {
    message: 'from must be on or before to',
    path: ['from'],
  });
export type DashboardPeriod = z.input<typeof DashboardPeriod>;

export const DashboardScope = z.enum(['city', 'desk']);
export type DashboardScope = z.infer<typeof DashboardScope>;

export const MethodCents = z.object({
  cash: z.number().int(),
  check: z.number().int(),
  card: z.number().int(),
  other: z.number().int(),
});
export type MethodCents = z.infer<typeof MethodCents>;

export const RevenueFigures = z.object({
  scope: z.literal('city'),
  /** When the desk last finished refreshing payments from the legacy system (null: never). */
  asOf: IsoTimestamp.nullable(),
  /** Payments received (before voids and refunds), their count, and the money given back. */
  grossCents: z.number().int(),
  paymentCount: z.number().int().nonnegative(),
  /** Voids and refunds in the period, as a positive amount. */
  reversedCents: z.number().int().nonnegative(),
  reversalCount: z.number().int().nonnegative(),
  netCents: z.number().int(),
  /** Of the above, taken at this desk and not in the legacy system yet (provisional receipts). */
  provisionalCount: z.number().int().nonnegative(),
  provisionalCents: z.number().int(),
  /** Net by method over the period. */
  byMethod: MethodCents,
  /** Every day of the period (zeros included), net by method. */
  byDay: z.array(z.object({ date: IsoDate, netCents: z.number().int(), byMethod: MethodCents })),
});
export type RevenueFigures = z.infer<typeof RevenueFigures>;

export const RenewalFigures = z.object({
  scope: z.literal('desk'),
  /** Renewals taken at this desk in the period (counter and batch runs); a change replaced or discarded after a conflict counts once or not at all. */
  total: z.number().int().nonnegative(),
  /** Renewed on or before the day the licence expired. */
  onTime: z.number().int().nonnegative(),
  /** Renewed after it had expired. */
  late: z.number().int().nonnegative(),
  /** Of the late ones: the average days late (null when none was late). */
  averageDaysLate: z.number().nullable(),
  /** Of all: how many still wait to reach the legacy system. */
  waiting: z.number().int().nonnegative(),
  feesCents: z.number().int(),
  penaltiesCents: z.number().int(),
  byDay: z.array(z.object({ date: IsoDate, onTime: z.number().int(), late: z.number().int() })),
});
export type RenewalFigures = z.infer<typeof RenewalFigures>;

export const ApplicationFigures = z.object({
  scope: z.literal('desk'),
  received: z.number().int().nonnegative(),
  issued: z.number().int().nonnegative(),
  /** Received in the period and withdrawn since. */
  withdrawn: z.number().int().nonnegative(),
  byDay: z.array(z.object({ date: IsoDate, received: z.number().int(), issued: z.number().int() })),
});
export type ApplicationFigures = z.infer<typeof ApplicationFigures>;

export const backlogBuckets = ['0-7', '8-30', '31-90', '91+'] as const;
export const BacklogBucket = z.enum(backlogBuckets);
export type BacklogBucket = z.infer<typeof BacklogBucket>;

export const BacklogFigures = z.object({
  scope: z.literal('desk'),
  /** Applications still open on this day (the period's last day), by how long they have waited. */
  asOf: IsoDate,
  open: z.number().int().nonnegative(),
  buckets: z.array(z.object({ bucket: BacklogBucket, count: z.number().int().nonnegative() })),
  oldestDays: z.number().int().nullable(),
});
export type BacklogFigures = z.infer<typeof BacklogFigures>;

export const DashboardFigures = z.object({
  from: IsoDate,
  to: IsoDate,
  /** The city's time zone the days are counted in. */
  timeZone: z.string(),
  generatedAt: IsoTimestamp,
  deskId: z.string().nullable(),
  /** null: the source of that section is not on this desk yet (the screen says so). */
  revenue: RevenueFigures.nullable(),
  renewals: RenewalFigures.nullable(),
  applications: ApplicationFigures.nullable(),
  backlog: BacklogFigures.nullable(),
});
export type DashboardFigures = z.infer<typeof DashboardFigures>;

export const dashboardSections = ['revenue', 'renewals', 'applications', 'backlog'] as const;
export const DashboardSection = z.enum(dashboardSections);
export type DashboardSection = z.infer<typeof DashboardSection>;

export const dashboardOperations = {
  /** Every figure of the dashboard for a period (supervisors and admins). */
  'dashboard.get': {
    input: DashboardPeriod,
    output: DashboardFigures,
  },
  /** One section as CSV (RFC 4180, UTF-8 with BOM), also kept on the desk under documents/reports. */
  'dashboard.csv': {
    input: z.object({
      from: IsoDate.optional(),
      to: IsoDate.optional(),
      section: DashboardSection,
      language: DocumentLanguage.default('en'),
    }),
    output: PrintedDocument,
  },
} as const;
