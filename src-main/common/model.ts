// The canonical model: what every bridge maps its legacy tables to, and what the cache stores.
// Money is integer cents; dates are ISO YYYY-MM-DD; timestamps are ISO with offset.
import { z } from 'zod';

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
export const IsoTimestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/);
/** Cents as the desk reads them (legacy rows, totals, quotes): any whole number, so a legacy row past the limit below still reads. */
export const Cents = z.number().int();

/** A licence number a person types (or a provisional local:<operation> id), in the contract's inputs. */
export const LicenceNumber = z
  .string({ error: 'A licence number is needed.' })
  .min(1, 'A licence number is needed.')
  .max(64, 'A licence number is at most 64 characters.');

/**
 * The most one amount a person gives may be: $1,000,000.00. Every amount in the contract's inputs
 * (payments, cash tendered, refunds, drawer float and counts) is held to it on every entry point
 * (UI, serve, command line), because the legacy money columns are DECIMAL(10,2): a larger amount
 * would be taken at the counter, then refused by the legacy database and block replay.
 */
export const MAX_CENTS = 100_000_000;
export const maxCentsMessage = 'An amount is at most $1,000,000.00.';
export const wholeCentsMessage = 'An amount is a whole number of cents.';
export const positiveCentsMessage = 'An amount is more than $0.00.';
export const countedCentsMessage = 'An amount is $0.00 or more.';

/** An amount a person gives, in the contract's inputs: a whole number of cents, at most MAX_CENTS. */
export const Money = z
  .number({ error: wholeCentsMessage })
  .int(wholeCentsMessage)
  .max(MAX_CENTS, maxCentsMessage);
/** A payment or refund: more than 0. */
export const PositiveMoney = Money.positive(positiveCentsMessage);
/** A float or a count: 0 or more. */
export const CountedMoney = Money.nonnegative(countedCentsMessage);

// 'revoked': withdrawn by the city for cause; 'closed': the business stopped trading or gave it up.
export const licenceStatuses = ['active', 'expired', 'suspended', 'closed', 'revoked', 'unknown'] as const;
export const LicenceStatus = z.enum(licenceStatuses);
export type LicenceStatus = z.infer<typeof LicenceStatus>;

export const paymentMethods = ['cash', 'check', 'card', 'other'] as const;
export const PaymentMethod = z.enum(paymentMethods, {
  error: `A payment method is one of ${paymentMethods.join(', ')}.`,
});
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const inspectionResults = ['pass', 'fail', 'reinspect', 'pending', 'unknown'] as const;
export const InspectionResult = z.enum(inspectionResults);

export const Business = z.object({
  id: z.string().min(1),
  name: z.string(),
  dbaName: z.string().nullable(),
  ownerName: z.string().nullable(),
  addressLine: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  postalCode: z.string().nullable(),
  phone: z.string().nullable(),
  taxId: z.string().nullable(),
  openedOn: IsoDate.nullable(),
  legacyUpdatedAt: IsoTimestamp.nullable(),
});
export type Business = z.infer<typeof Business>;

export const LicenceType = z.object({
  code: z.string().min(1),
  name: z.string(),
  termMonths: z.number().int().nullable(),
});
export type LicenceType = z.infer<typeof LicenceType>;

export const FeeScheduleEntry = z.object({
  id: z.string().min(1),
  licenceTypeCode: z.string(),
  effectiveOn: IsoDate.nullable(),
  amountCents: Cents,
  description: z.string().nullable(),
});
export type FeeScheduleEntry = z.infer<typeof FeeScheduleEntry>;

export const Licence = z.object({
  id: z.string().min(1), // the licence number clerks read and type
  businessId: z.string(),
  licenceTypeCode: z.string().nullable(),
  status: LicenceStatus,
  issuedOn: IsoDate.nullable(),
  expiresOn: IsoDate.nullable(),
  feeCents: Cents.nullable(),
  legacyUpdatedAt: IsoTimestamp.nullable(),
});
export type Licence = z.infer<typeof Licence>;

export const Payment = z.object({
  id: z.string().min(1),
  licenceId: z.string(),
  paidOn: IsoDate.nullable(),
  amountCents: Cents,
  method: PaymentMethod,
  receiptNo: z.string().nullable(),
  /** A void or refund is a payment row of its own (negative amount) that points at the payment it reverses. */
  reversalOf: z.string().nullable().optional(),
  reversalKind: z.enum(['void', 'refund']).nullable().optional(),
});
export type Payment = z.infer<typeof Payment>;

export const Inspection = z.object({
  id: z.string().min(1),
  licenceId: z.string(),
  inspectedOn: IsoDate.nullable(),
  kind: z.string().nullable(),
  result: InspectionResult,
  inspector: z.string().nullable(),
  notes: z.string().nullable(),
});
export type Inspection = z.infer<typeof Inspection>;

// ---- the inspector's desk (issue 13) ----------------------------------------------------------
// `inspection` above is history as the licence page shows it (Riverton's INSPCT). A scheduled
// inspection is the inspector's work item: planned for a day and a time window, assigned, then
// done (with a result, a score and a grade from its checklist), cancelled or missed (no_show).

export const scheduledInspectionStatuses = ['scheduled', 'done', 'cancelled', 'no_show'] as const;
export const ScheduledInspectionStatus = z.enum(scheduledInspectionStatuses);
export type ScheduledInspectionStatus = z.infer<typeof ScheduledInspectionStatus>;
export const scheduledInspectionResults = ['pass', 'fail'] as const;
export const ScheduledInspectionResult = z.enum(scheduledInspectionResults);
/** A letter grade: A, B and C pass; F is a failed inspection. */
export const inspectionGrades = ['A', 'B', 'C', 'F'] as const;
export const InspectionGrade = z.enum(inspectionGrades);
/** A time of day as HH:MM (24 hours), in the city's time zone. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM');

export const ScheduledInspection = z.object({
  id: z.string().min(1),
  /** The licence inspected; null for a site without one (new construction, a complaint). */
  licenceId: z.string().nullable(),
  /** The site when there is no licence (with a licence, the business's address is the site). */
  address: z.string().nullable(),
  ward: z.string().nullable(),
  kind: z.string().min(1),
  scheduledOn: IsoDate,
  windowStart: TimeOfDay.nullable(),
  windowEnd: TimeOfDay.nullable(),
  /** The inspector's legacy user id (RJOHNSON), as the desk's accounts are named. */
  inspector: z.string().nullable(),
  status: ScheduledInspectionStatus,
  result: ScheduledInspectionResult.nullable(),
  score: z.number().int().min(0).max(100).nullable(),
  grade: InspectionGrade.nullable(),
});
export type ScheduledInspection = z.infer<typeof ScheduledInspection>;

export const checklistOutcomes = ['pass', 'fail', 'na'] as const;
export const ChecklistOutcome = z.enum(checklistOutcomes);
export type ChecklistOutcome = z.infer<typeof ChecklistOutcome>;

/** One item of a done inspection's checklist; the items of each kind are in inspections.yaml. */
export const ChecklistResult = z.object({
  id: z.string().min(1), // inspectionId + ':' + the line's position (1, 2, ...)
  inspectionId: z.string().min(1),
  itemCode: z.string().min(1),
  outcome: ChecklistOutcome,
  note: z.string().nullable(),
});
export type ChecklistResult = z.infer<typeof ChecklistResult>;

export const violationSeverities = ['minor', 'major', 'critical'] as const;
export const ViolationSeverity = z.enum(violationSeverities);
export type ViolationSeverity = z.infer<typeof ViolationSeverity>;
export const violationStatuses = ['open', 'corrected', 'cited'] as const;
export const ViolationStatus = z.enum(violationStatuses);

/** A violation found at an inspection; it always cites a section of the ordinance code table. */
export const Violation = z.object({
  id: z.string().min(1), // inspectionId + ':' + the violation's position (1, 2, ...)
  inspectionId: z.string().min(1),
  ordinanceSection: z.string().min(1),
  severity: ViolationSeverity,
  description: z.string().nullable(),
  correctBy: IsoDate.nullable(),
  status: ViolationStatus,
});
export type Violation = z.infer<typeof Violation>;

/** A section of the city's code, with its title in plain words for the notice (en, es). */
export const Ordinance = z.object({
  section: z.string().min(1),
  titleEn: z.string().min(1),
  titleEs: z.string().min(1),
  defaultSeverity: ViolationSeverity,
  /** Days a violation of it is normally given to be corrected. */
  correctionDays: z.number().int().min(0),
});
export type Ordinance = z.infer<typeof Ordinance>;

// ---- code enforcement (issue 13 point 4) -------------------------------------------------------
// A complaint is what someone reported about a place (a licensed business or a bare address); a
// case is the city's work on that place: opened on one or more complaints, assigned to an officer,
// inspected, then closed as corrected, cited with a fine, or dismissed. An unpaid fine on a cited
// case is a balance the business owes: its renewals are refused until it is paid.

export const complaintChannels = ['phone', 'walk_in', 'web'] as const;
export const ComplaintChannel = z.enum(complaintChannels);
export type ComplaintChannel = z.infer<typeof ComplaintChannel>;
export const complaintStatuses = ['new', 'on_case', 'dismissed'] as const;
export const ComplaintStatus = z.enum(complaintStatuses);

export const Complaint = z.object({
  id: z.string().min(1),
  receivedOn: IsoDate.nullable(),
  channel: ComplaintChannel.nullable(),
  /** The place complained about, as the caller gave it. */
  address: z.string().nullable(),
  /** The licence at that place, when there is one. */
  licenceId: z.string().nullable(),
  description: z.string().nullable(),
  status: ComplaintStatus,
  /** The case it was put on (null: none yet). */
  caseId: z.string().nullable(),
});
export type Complaint = z.infer<typeof Complaint>;

export const enforcementCaseStatuses = ['open', 'corrected', 'cited', 'dismissed'] as const;
export const EnforcementCaseStatus = z.enum(enforcementCaseStatuses);
export type EnforcementCaseStatus = z.infer<typeof EnforcementCaseStatus>;

export const EnforcementCase = z.object({
  id: z.string().min(1),
  openedOn: IsoDate.nullable(),
  address: z.string().nullable(),
  /** The business and licence at the address, when there are (null: an unlicensed place). */
  businessId: z.string().nullable(),
  licenceId: z.string().nullable(),
  /** The officer's legacy user id (JSMITH); null: not assigned. */
  officer: z.string().nullable(),
  status: EnforcementCaseStatus,
  /** The day the site must be corrected by. */
  correctBy: IsoDate.nullable(),
  /** A citation's fine (0: none), and the day it was paid (null: not paid). */
  fineCents: Cents,
  closedOn: IsoDate.nullable(),
  finePaidOn: IsoDate.nullable(),
  legacyUpdatedAt: IsoTimestamp.nullable(),
});
export type EnforcementCase = z.infer<typeof EnforcementCase>;

/** One code of a legacy code table (statuses, payment methods, inspection kinds…), with its label. */
export const CodeValue = z.object({
  id: z.string().min(1), // codeTable + ':' + code
  codeTable: z.string().min(1),
  code: z.string(),
  label: z.string().nullable(),
});
export type CodeValue = z.infer<typeof CodeValue>;

/** A hold that stops renewals of a licence, or of every licence of a business, until released. */
export const HoldRecord = z.object({
  id: z.string().min(1),
  licenceId: z.string().nullable(),
  businessId: z.string().nullable(),
  /** The kind of hold (zoning, inspection, returned_check…): a code the city keeps. */
  code: z.string().nullable(),
  reason: z.string().min(1),
  placedOn: IsoDate.nullable(),
  releasedOn: IsoDate.nullable(),
});
export type HoldRecord = z.infer<typeof HoldRecord>;

/** An open charge a business still owes (a receivable); any amount owed blocks renewals. */
export const BalanceRecord = z.object({
  id: z.string().min(1),
  businessId: z.string(),
  licenceId: z.string().nullable(),
  amountCents: Cents,
  dueOn: IsoDate.nullable(),
  description: z.string().nullable(),
});
export type BalanceRecord = z.infer<typeof BalanceRecord>;

/** The canonical entities a bridge can map, with the schema of one record of each. */
export const entitySchemas = {
  business: Business,
  licenceType: LicenceType,
  feeSchedule: FeeScheduleEntry,
  licence: Licence,
  payment: Payment,
  inspection: Inspection,
  codeValue: CodeValue,
  hold: HoldRecord,
  balance: BalanceRecord,
  scheduledInspection: ScheduledInspection,
  checklistResult: ChecklistResult,
  violation: Violation,
  ordinance: Ordinance,
  complaint: Complaint,
  enforcementCase: EnforcementCase,
} as const;
export type EntityName = keyof typeof entitySchemas;
export const entityNames = Object.keys(entitySchemas) as EntityName[];
export type EntityRecord<E extends EntityName> = z.infer<(typeof entitySchemas)[E]>;
