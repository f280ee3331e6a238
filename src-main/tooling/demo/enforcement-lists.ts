// The fixed lists Riverton's code enforcement tables (CMPLNT complaints, ENFCAS cases) are drawn
// from: how complaints came in, what people complained about, who works the cases, the fines.
// Change any of them only with GENERATOR_VERSION.

/** CMPCHN: P phone, W walk-in at the counter, I the city's web form (from 2003). */
export const CHANNELS: readonly (readonly [string, number])[] = [
  ['P', 60],
  ['W', 25],
  ['I', 15],
];

/** What people said about a licensed business (keyed by the clerk who took the call, capitals). */
export const LICENSED_COMPLAINTS: readonly string[] = [
  'NOISE LATE AT NIGHT FROM BUSINESS',
  'TRASH AND GREASE BEHIND BUILDING',
  'CUSTOMERS PARKING ON LAWN',
  'SIGN BLOCKING SIDEWALK',
  'ROACHES SEEN IN KITCHEN',
  'SELLING ALCOHOL TO MINORS',
  'EXIT DOOR CHAINED SHUT',
  'OPEN PAST PERMITTED HOURS',
  'SMOKE AND ODOR FROM VENTS',
  'OUTDOOR STORAGE OF MATERIALS',
];

/** What people said about an address with no licence on file. */
export const UNLICENSED_COMPLAINTS: readonly string[] = [
  'BUSINESS OPERATING WITHOUT LICENSE',
  'AUTO REPAIR IN DRIVEWAY',
  'SELLING FOOD FROM HOUSE',
  'UNPERMITTED CONSTRUCTION',
  'JUNK VEHICLES IN YARD',
  'ROOMS RENTED BY THE NIGHT',
  'VENDOR ON CORNER NO PERMIT',
  'CAR LOT ON VACANT PARCEL',
];

/** The officers who work cases (code enforcement sits with zoning and building). */
export const ENFORCEMENT_OFFICERS = ['JSMITH', 'BANDERSO', 'YCHEN', 'CWRIGHT', 'EDAVIS'] as const;

/** How closed cases ended: C corrected, T cited (ticketed), X dismissed (unfounded). */
export const CASE_ENDINGS: readonly (readonly [string, number])[] = [
  ['C', 70],
  ['T', 18],
  ['X', 12],
];

/** Fines in cents a citation carried. */
export const FINES: readonly (readonly [number, number])[] = [
  [100_00, 35],
  [250_00, 30],
  [500_00, 20],
  [750_00, 10],
  [1000_00, 5],
];

/** Days a case gives to correct before the re-inspection. */
export const CASE_DEADLINE_DAYS = 30;
