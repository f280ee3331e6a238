// The fixed lists and constants of PermitFlow, the second demo system: a permits and licensing
// product of the 2000s (SQL Server style) as installed in the fictional city of Lakeside, Oregon.
// Names, streets, trade words and inspection notes come from the Riverton lists (imported, not
// copied); what is listed here is PermitFlow's own: its codes, its fee history, its people.
// Change any of it only with PF_GENERATOR_VERSION.
import { dayOf } from '../dates.ts';
import { type InspectionKind, LICENCE_TYPES, type LicenceType } from '../word-lists.ts';

/** Bumped whenever the same (size, seed) would give different rows. Stored in PermitFlowDemo. */
export const PF_GENERATOR_VERSION = 1;

export const CITY = 'Lakeside';
export const STATE = 'OR';
/** The zone of PermitFlow's local datetimes (the bridge's time_zone). */
export const TIME_ZONE = 'America/Los_Angeles';
export const OTHER_CITIES = ['North Lakeside', 'Cedar Bay', 'Millport', 'Pine Harbor', 'Westlake'] as const;
export const ZIP_CODES = ['97034', '97035', '97036', '97038', '97039'] as const;
/** Exchanges of Lakeside phone numbers (area code 555, reserved for fiction). */
export const EXCHANGES = [301, 302, 305, 318, 322, 340, 347, 362] as const;

/** The oldest day on record: rows before go-live were converted from the city's older system. */
export const EARLIEST_DAY = dayOf(1996, 1, 1);
/** PermitFlow went live on this day; older permits, payments and inspections are converted rows. */
export const GO_LIVE_DAY = dayOf(2003, 7, 1);
/** When the conversion ran: ModifiedOn / CreatedOn of rows that nobody touched since. */
export const CONVERSION_AT = '2003-06-28 23:41:07.000';
export const CONVERSION_USER = 'CONVERSION';
/** Windows accounts of the licensing staff (ModifiedBy / CreatedBy), domain LAKESIDE. */
export const STAFF_ACCOUNTS = [
  'LAKESIDE\\jsmith',
  'LAKESIDE\\mlopez',
  'LAKESIDE\\tnguyen',
  'LAKESIDE\\kbrown',
  'LAKESIDE\\apatel',
  'LAKESIDE\\rwilson',
] as const;
export const NIGHTLY_JOB_ACCOUNT = 'LAKESIDE\\svc_permitflow';

/** PermitStatuses: StatusId and Name. */
export const PERMIT_STATUSES = [
  [1, 'Issued'],
  [2, 'Expired'],
  [3, 'Suspended'],
  [4, 'Revoked'],
  [5, 'Pending'],
  [6, 'Closed'],
] as const;
export type StatusId = (typeof PERMIT_STATUSES)[number][0];
export const STATUS = { issued: 1, expired: 2, suspended: 3, revoked: 4, pending: 5, closed: 6 } as const;
/** Target share of each status among live permits. */
export const STATUS_WEIGHTS: readonly (readonly [StatusId, number])[] = [
  [1, 58],
  [2, 20],
  [3, 3],
  [4, 2],
  [5, 6],
  [6, 11],
];

/** TenderTypes: TenderTypeId and Name (NULL in converted payments: the old system kept none). */
export const TENDER_TYPES = [
  [1, 'Cash'],
  [2, 'Check'],
  [3, 'Credit Card'],
  [4, 'ACH'],
] as const;

/** A permit type: PermitFlow's code and name, drawn like the Riverton type it stands for. */
export interface PermitType {
  id: number;
  code: string;
  name: string;
  isActive: boolean;
  /** The Riverton type whose weights, term, fees, trade words and inspections it uses (null: retired, unused). */
  like: LicenceType | null;
}

const riverton = (code: string): LicenceType => {
  const t = LICENCE_TYPES.find((x) => x.code === code);
  if (!t) throw new Error(`no Riverton licence type ${code}`);
  return t;
};

const TYPE_NAMES: readonly (readonly [riverton: string, code: string, name: string])[] = [
  ['GENL', 'BL', 'General Business License'],
  ['FOOD', 'FSE', 'Food Service Establishment'],
  ['LIQR', 'ALC', 'Liquor License - On Premises'],
  ['TAXI', 'VFH', 'Vehicle for Hire'],
  ['PEDL', 'MV', 'Mobile Vendor'],
  ['HOME', 'HO', 'Home Occupation'],
  ['CONT', 'CR', 'Contractor Registration'],
  ['SALN', 'PS', 'Personal Services'],
  ['AUTO', 'AR', 'Automotive Repair'],
  ['SECO', 'SH', 'Secondhand Dealer'],
  ['ENTR', 'EV', 'Entertainment Venue'],
  ['TOBC', 'TOB', 'Tobacco Retailer'],
  ['KENL', 'KEN', 'Kennel'],
  ['PAWN', 'PB', 'Pawnbroker'],
  ['MASS', 'ME', 'Massage Establishment'],
];

export const PERMIT_TYPES: readonly PermitType[] = [
  ...TYPE_NAMES.map(([like, code, name], i) => ({
    id: i + 1,
    code,
    name,
    isActive: true,
    like: riverton(like),
  })),
  // Retired types: still in the table (IsActive = 0), no permits of them left.
  { id: TYPE_NAMES.length + 1, code: 'AMU', name: 'Amusement Devices', isActive: false, like: null },
  { id: TYPE_NAMES.length + 2, code: 'PAY', name: 'Pay Telephone', isActive: false, like: null },
];

/**
 * Fee history: from each effective day, a type's annual fee is its Riverton 1995 base fee times
 * `factor` rounded to five dollars; the application fee (first term) and the late renewal rate
 * are the era's. Amounts are whole cents (the product stores them as DECIMAL(19,4)).
 */
export const FEE_ERAS = [
  { from: EARLIEST_DAY, factor: 1.0, application: 2500, latePercent: 10 },
  { from: GO_LIVE_DAY, factor: 1.25, application: 3000, latePercent: 10 },
  { from: dayOf(2008, 1, 1), factor: 1.4, application: 3750, latePercent: 10 },
  { from: dayOf(2012, 1, 1), factor: 1.6, application: 4000, latePercent: 15 },
  { from: dayOf(2016, 1, 1), factor: 1.75, application: 5000, latePercent: 15 },
  { from: dayOf(2020, 1, 1), factor: 1.9, application: 5000, latePercent: 15 },
  { from: dayOf(2024, 1, 1), factor: 2.2, application: 7550, latePercent: 20 },
] as const;
export const FEE_DESCRIPTIONS = {
  annual: 'Annual permit fee',
  application: 'Application fee',
  late: 'Late renewal fee',
} as const;

/** How PermitFlow names the inspection kinds (Inspections.InspectionType). */
export const INSPECTION_TYPE_NAMES: Record<InspectionKind, string> = {
  FIRE: 'Fire Safety',
  HLTH: 'Health',
  ZONE: 'Zoning Compliance',
  BLDG: 'Building',
};

/** Inspectors by kind, as PermitFlow stores them (full names). */
export const INSPECTORS: Record<InspectionKind, readonly string[]> = {
  FIRE: ['Robert Johnson', 'Diane Miller', "Kevin O'Brien", 'Amira Hassan'],
  HLTH: ['María García', 'Thanh Nguyễn', 'Sunil Patel', 'Lisa Williams'],
  ZONE: ['Jennifer Smith', 'Brian Anderson', 'Yu Chen'],
  BLDG: ['Carl Wright', 'Piotr Kowalski', 'Eric Davis'],
};

/** Outcomes as written by PermitFlow (NULL is pending); converted rows have them in upper case. */
export const OUTCOMES = ['Passed', 'Failed', 'Reinspection required', 'Cancelled'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Sentences an inspector adds around the findings of a failed inspection. */
export const NOTE_OPENINGS = [
  'Met with the owner on site.',
  'Manager on duty accompanied the inspection.',
  'Follow-up to the complaint received by phone.',
  'Routine annual inspection.',
  'Arrived at the scheduled time; the front door was locked, entered through the side entrance.',
  'Inspection requested by the applicant before opening.',
] as const;
export const NOTE_CLOSINGS = [
  'Owner was given a copy of the report and agreed to correct the items listed.',
  'Reinspection to be scheduled within 30 days.',
  'Items must be corrected before the permit can be renewed.',
  'Photos are in the shared drive under the permit number.',
  'Called the owner afterwards; voicemail left.',
] as const;

/** Names with letters beyond ASCII (nvarchar columns keep them); mixed into owners and names. */
export const UNICODE_FIRST_NAMES = [
  'José',
  'María',
  'Zoë',
  'François',
  'Renée',
  'Søren',
  'Łukasz',
  'Ángel',
  'Chloé',
  'Jürgen',
] as const;
export const UNICODE_SURNAMES = [
  'Nguyễn',
  'Müller',
  'Núñez',
  'Dvořák',
  'Øster',
  'Gómez',
  'Björk',
  'Lefèvre',
  'Šimić',
  'Çelik',
] as const;
/** Trade words some food businesses use instead of the Riverton ones. */
export const CAFE_WORDS = ['Café', 'Crêperie', 'Pâtisserie', 'Taquería', 'Brasserie'] as const;

/** Legal suffixes as PermitFlow's users typed them (from the Riverton list, in their case). */
export const SUFFIX_CASE: Record<string, string> = {
  LLC: 'LLC',
  INC: 'Inc',
  CO: 'Co.',
  CORP: 'Corp.',
  'INC.': 'Inc.',
  LTD: 'Ltd.',
};

/** DateEstablished written when the real date was not known: SQL Server's zero date. */
export const PLACEHOLDER_DATETIME = '1900-01-01 00:00:00.000';

/** The names of the test businesses someone left in production (all soft-deleted). */
export const TEST_BUSINESS_NAMES = ['TEST BUSINESS - DO NOT USE', 'Test Test', 'zz test record'] as const;

/** What an inspector asks for, item by item, in the long notes of a failed inspection. */
export const CORRECTIVE_ACTIONS = [
  'Correct immediately and keep corrected at all times.',
  'Correct before the reinspection; bring receipts for any work done by a contractor.',
  'Corrected on site during the inspection.',
  'Owner to submit a written plan of correction within 10 business days.',
  'Repeat violation from the previous inspection; a fee applies to the reinspection.',
  'Provide documentation of service by a licensed company.',
] as const;
