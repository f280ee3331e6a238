// The deterministic generator of Riverton's legacy licensing data. Rows depend only on (size, seed):
// each business draws from its own two seeded streams (shape, then text), dates are computed
// against a fixed "today" (GENERATOR_TODAY), never the clock. Rows come out in batches, table by table, interleaved as the
// businesses are made, so memory stays bounded at any size: at most one batch per table is held.
//
// size = number of licences (LICMST rows). LICNO is 'RV-' followed by a 7-digit sequence number
// ('RV-0000001' ... 'RV-9999999'), in the order the licences are generated.
import { addMonths, dayOf, toCyymmdd, toTimestamp, toYyyymmdd, ymdOf } from './dates.ts';
import { EnforcementWork, type EnforcementRows } from './enforcement-work.ts';
import { InspectorWork, type InspectorRows, ordinanceRows, scheduleDayOf, wardOf } from './inspector-work.ts';
import { Rng, streamSeed } from './prng.ts';
import type {
  BusmstRow,
  DataTableName,
  ArbalRow,
  InspctRow,
  RvholdRow,
  LicmstRow,
  PayhstRow,
  RowOf,
  RvfeeRow,
  RvltypRow,
  RvstatRow,
} from './schema.ts';
import {
  ABBREVIATIONS,
  AREA_CODE,
  CITY,
  DIRECTIONS,
  ENTITY_WORDS,
  FEE_DESCRIPTIONS,
  FEE_ERAS,
  FIRST_NAMES,
  IMPOSSIBLE_OPENED_DATES,
  INSPECTION_NOTES,
  INSPECTORS,
  LEGAL_SUFFIXES,
  LICENCE_TYPES,
  type LicenceType,
  NAME_WORDS,
  OTHER_CITIES,
  PLACEHOLDER_OPENED_DATES,
  QUALITY_WORDS,
  RESTAURANT_NAMES,
  STATE,
  STATUS_CODES,
  STATUS_WEIGHTS,
  type StatusCode,
  GENERATOR_TODAY,
  STREETS,
  SURNAMES,
  SYSTEM_START_DAY,
  TODAY_DAY,
  UNITS,
  ZIP_CODES,
} from './word-lists.ts';

export const MAX_SIZE = 9_999_999;
export const MAX_SEED = 2_147_483_647;
export const DEFAULT_BATCH_SIZE = 500;
/** The first business number (BUSNO); businesses are numbered in the order they are made. */
export const FIRST_BUSNO = 10_001;

/** Format of licence numbers: 'RV-' and a 7-digit sequence number. */
export const LICNO_PATTERN = /^RV-\d{7}$/;
export const licenceNumber = (index: number): string => `RV-${String(index + 1).padStart(7, '0')}`;

/** Share of businesses that are the same business keyed in again (near-duplicates). */
export const DUPLICATE_RATE = 0.02;
/** Share of rows whose last-update column (BUSUPD, LICUPD) is blank. */
export const BLANK_UPDATE_RATE = 0.1;

export type DemoBatch = {
  [T in DataTableName]: { table: T; rows: RowOf[T][] };
}[DataTableName];

export interface DemoParams {
  size: number;
  seed: number;
  batchSize?: number;
  /**
   * The demo's today (YYYY-MM-DD), that the open inspection schedule is made around: some
   * inspections on it, some overdue, some ahead. Default GENERATOR_TODAY. Only INSSCH's open rows
   * and VIOLTN's open/corrected statuses depend on it; every other row depends on (size, seed) alone.
   */
  today?: string;
}

/** Throws a RangeError naming the problem when size or seed is out of range. */
export function checkDemoParams(size: number, seed: number): void {
  if (!Number.isSafeInteger(size) || size < 1 || size > MAX_SIZE) {
    throw new RangeError(`size must be a whole number of licences from 1 to ${MAX_SIZE}, got ${size}`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`seed must be a whole number from 0 to ${MAX_SEED}, got ${seed}`);
  }
}

// ---- code tables -----------------------------------------------------------------------------

export function statusRows(): RvstatRow[] {
  return STATUS_CODES.map(([STCODE, STDESC]) => ({ STCODE, STDESC }));
}

export function licenceTypeRows(): RvltypRow[] {
  return LICENCE_TYPES.map((t) => ({
    LTCODE: t.code,
    LTDESC: t.description,
    LTTERM: t.term,
  }));
}

interface FeeStep {
  from: number;
  base: number;
  application: number;
  late: number;
}

const eraDay = (year: number) =>
  year === 1995 ? SYSTEM_START_DAY : Math.round(Date.UTC(year, 6, 1) / 86_400_000);

/** Fees in effect by type, oldest first (the RVFEE rows, as lookup steps). */
const feeSteps: ReadonlyMap<string, readonly FeeStep[]> = new Map(
  LICENCE_TYPES.map((t) => {
    const steps: FeeStep[] = [];
    for (const era of FEE_ERAS) {
      if ((era.skip as readonly string[]).includes(t.code)) continue;
      const base = Math.round((t.baseFee1995 * era.factor) / 25) * 25;
      steps.push({
        from: eraDay(era.year),
        base,
        application: era.application,
        late: Math.round((base * era.latePercent) / 100),
      });
    }
    return [t.code, steps];
  }),
);

export function feeScheduleRows(): RvfeeRow[] {
  const rows: RvfeeRow[] = [];
  let no = 1;
  for (const t of LICENCE_TYPES) {
    for (const s of feeSteps.get(t.code)!) {
      const FSEFDT = toCyymmdd(s.from);
      rows.push({
        FSNO: no++,
        FSLTYP: t.code,
        FSEFDT,
        FSAMT: s.base,
        FSDESC: FEE_DESCRIPTIONS.base,
      });
      rows.push({
        FSNO: no++,
        FSLTYP: t.code,
        FSEFDT,
        FSAMT: s.application,
        FSDESC: FEE_DESCRIPTIONS.application,
      });
      rows.push({
        FSNO: no++,
        FSLTYP: t.code,
        FSEFDT,
        FSAMT: s.late,
        FSDESC: FEE_DESCRIPTIONS.late,
      });
    }
  }
  return rows;
}

/** The fees of a licence type in effect on a day (amounts in cents). */
export function feesOn(typeCode: string, day: number): { base: number; application: number; late: number } {
  const steps = feeSteps.get(typeCode);
  if (!steps) throw new RangeError(`unknown licence type ${typeCode}`);
  let current = steps[0]!;
  for (const s of steps) if (s.from <= day) current = s;
  return current;
}

// ---- text helpers ----------------------------------------------------------------------------

const fit = (text: string, width: number) => text.slice(0, width);

/** 'RIVERSIDE BAKERY' -> 'Riverside Bakery' (how a newer front end keyed some rows). */
export function mixedCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|[\s\-/&])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
}

const shortToLong = new Map(ABBREVIATIONS.map(([s, l]) => [s, l]));
const longToShort = new Map(ABBREVIATIONS.map(([s, l]) => [l, s]));

/** Swaps one abbreviation for its long form or back ('MAIN ST' <-> 'MAIN STREET'); null when none applies. */
function swapAbbreviation(rng: Rng, text: string): string | null {
  const words = text.split(' ');
  const candidates = words
    .map((w, i) => [w, i] as const)
    .filter(([w, i]) => i > 0 && (shortToLong.has(w) || longToShort.has(w)));
  if (candidates.length === 0) return null;
  const [word, at] = rng.pick(candidates);
  words[at] = shortToLong.get(word) ?? longToShort.get(word)!;
  return words.join(' ');
}

const streetSuffixLong = (s: string) => shortToLong.get(s) ?? s;

/** How BUSPHN was keyed: '(555) 201-3344', '555-201-3344', '5552013344', ... */
const PHONE_FORMATS: readonly (readonly [(a: string, b: string, c: string) => string, number])[] = [
  [(a, b, c) => `(${a}) ${b}-${c}`, 45],
  [(a, b, c) => `${a}-${b}-${c}`, 25],
  [(a, b, c) => `${a}${b}${c}`, 12],
  [(a, b, c) => `${a}.${b}.${c}`, 6],
  [(_, b, c) => `${b}-${c}`, 6],
  [(a, b, c) => `${a} ${b} ${c}`, 6],
];

function phoneText(rng: Rng, digits: string): string {
  return rng.weighted(PHONE_FORMATS)(digits.slice(0, 3), digits.slice(3, 6), digits.slice(6));
}

function secondsOfBusinessDay(rng: Rng): number {
  return rng.int(7 * 3600, 18 * 3600 + 3599);
}

// ---- businesses ------------------------------------------------------------------------------

interface Identity {
  busNo: number;
  name: string;
  dba: string;
  owner: string;
  ownerFirst: string;
  ownerLast: string;
  address: string;
  city: string;
  zip: string;
  phoneDigits: string;
  phone: string;
  tax: string;
}

const NAME_FORMS: readonly (readonly [string, number])[] = [
  ['word', 25],
  ['surname', 20],
  ['possessive', 14],
  ['street', 10],
  ['quality', 10],
  ['the', 4],
];
const NAME_FORMS_RESTAURANT: readonly (readonly [string, number])[] = [
  ['word', 25],
  ['surname', 20],
  ['possessive', 14],
  ['street', 10],
  ['quality', 10],
  ['the', 8],
  ['restaurant', 12],
];
/** BUSOWN forms: 'GONZALEZ, MARIA' mostly, sometimes 'MARIA GONZALEZ' or with a middle initial. */
const OWNER_FORMS: readonly (readonly [number, number])[] = [
  [0, 78],
  [1, 14],
  [2, 8],
];
const LICENCES_PER_BUSINESS: readonly (readonly [number, number])[] = [
  [1, 80],
  [2, 15],
  [3, 5],
];
const RESULTS: readonly (readonly [string, number])[] = [
  ['P', 75],
  ['F', 10],
  ['R', 15],
];

function tradeName(rng: Rng, type: LicenceType, first: string, last: string): string {
  const noun = rng.pick(type.nouns);
  const street = rng.pick(STREETS);
  const restaurant = type.code === 'FOOD' || type.code === 'LIQR';
  const form = rng.weighted(restaurant ? NAME_FORMS_RESTAURANT : NAME_FORMS);
  switch (form) {
    case 'surname':
      return `${last} ${noun}`;
    case 'possessive':
      return `${first}'S ${noun}`;
    case 'street':
      return `${street[0]} ${streetSuffixLong(street[1] || 'STREET')} ${noun}`;
    case 'quality':
      return `${rng.pick(QUALITY_WORDS)} ${noun}`;
    case 'the':
      return `THE ${rng.pick(NAME_WORDS)} ${noun}`;
    case 'restaurant':
      return `${rng.pick(RESTAURANT_NAMES)} ${noun}`;
    default:
      return `${rng.pick(NAME_WORDS)} ${noun}`;
  }
}

function newIdentity(rng: Rng, busNo: number, type: LicenceType): Identity {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(SURNAMES);
  const ownerForm = rng.weighted(OWNER_FORMS);
  const owner =
    ownerForm === 0
      ? `${last}, ${first}`
      : ownerForm === 1
        ? `${first} ${last}`
        : `${last}, ${first} ${String.fromCharCode(65 + rng.int(0, 25))}`;
  const trade = tradeName(rng, type, first, last);
  const soleProprietorLikely = type.code === 'HOME' || type.code === 'PEDL' || type.code === 'TAXI';
  let name: string;
  let dba = '';
  if (rng.chance(soleProprietorLikely ? 0.5 : 0.3)) {
    name = rng.chance(soleProprietorLikely ? 0.8 : 0.45)
      ? `${first} ${last}`
      : `${last} ${rng.pick(ENTITY_WORDS)} ${rng.pick(LEGAL_SUFFIXES)}`;
    dba = trade;
  } else {
    name = rng.chance(soleProprietorLikely ? 0.1 : 0.45) ? `${trade} ${rng.pick(LEGAL_SUFFIXES)}` : trade;
  }
  const [streetName, suffix, directional] = rng.pick(STREETS);
  let address = `${rng.int(100, 9899)} ${directional && rng.chance(0.8) ? `${rng.pick(DIRECTIONS)} ` : ''}${streetName}`;
  if (suffix) address += ` ${suffix}`;
  if (rng.chance(0.08)) {
    const unit = rng.pick(UNITS);
    address +=
      unit === '#'
        ? ` # ${rng.int(1, 40)}`
        : ` ${unit} ${rng.chance(0.5) ? rng.int(1, 4) * 100 + rng.int(0, 20) : String.fromCharCode(65 + rng.int(0, 5))}`;
  }
  const city = rng.chance(0.92) ? CITY : rng.pick(OTHER_CITIES);
  let zip = rng.chance(0.02) ? '' : rng.pick(ZIP_CODES);
  if (zip && rng.chance(0.1)) zip += `-${rng.int(1000, 9999)}`;
  const phoneDigits = `${AREA_CODE}${rng.int(201, 299)}${String(rng.int(0, 9999)).padStart(4, '0')}`;
  const phone = rng.chance(0.1) ? '' : phoneText(rng, phoneDigits);
  const taxRoll = rng.next();
  const taxDigits = `${rng.int(10, 99)}${rng.int(1_000_000, 9_999_999)}`;
  const tax =
    taxRoll < 0.67 ? `${taxDigits.slice(0, 2)}-${taxDigits.slice(2)}` : taxRoll < 0.71 ? taxDigits : '';
  return {
    busNo,
    name: fit(name, 40),
    dba: fit(dba, 40),
    owner: fit(owner, 40),
    ownerFirst: first,
    ownerLast: last,
    address: fit(address, 40),
    city,
    zip,
    phoneDigits,
    phone,
    tax,
  };
}

/** The same business keyed in again: other spelling, spacing or case, but the same phone or tax id. */
function nearDuplicate(rng: Rng, busNo: number, source: Identity): Identity {
  const dup: Identity = { ...source, busNo };
  let name = source.name;
  const changes = rng.int(1, 2);
  for (let i = 0; i < changes; i++) {
    const how = rng.weighted<string>([
      ['abbreviation', 35],
      ['legal', 20],
      ['case', 20],
      ['spaces', 25],
    ]);
    if (how === 'abbreviation') name = swapAbbreviation(rng, name) ?? name.replace(' ', '  ');
    else if (how === 'legal') {
      const parts = name.split(' ');
      const last = parts[parts.length - 1]!;
      if ((LEGAL_SUFFIXES as readonly string[]).includes(last)) {
        parts.pop();
        if (rng.chance(0.5)) parts.push(last === 'LLC' ? 'L.L.C.' : last === 'INC' ? 'INC.' : `${last},`);
      } else parts.push(rng.pick(LEGAL_SUFFIXES));
      name = parts.join(' ');
    } else if (how === 'case') name = mixedCase(name);
    else name = rng.chance(0.5) ? ` ${name}` : name.replace(' ', '  ');
  }
  if (name === source.name) name = `${name.replace(' ', '  ')}`;
  dup.name = fit(name, 40);
  if (source.dba && rng.chance(0.3)) dup.dba = '';
  if (rng.chance(0.5)) dup.address = fit(swapAbbreviation(rng, source.address) ?? source.address, 40);
  if (rng.chance(0.3)) dup.owner = fit(`${source.ownerFirst} ${source.ownerLast}`, 40);
  // Keep at least one of phone and tax id, so the pair can be found again.
  const keepPhone = source.phone !== '' && (source.tax === '' || rng.chance(0.6));
  dup.phone = keepPhone ? (rng.chance(0.5) ? source.phone : phoneText(rng, source.phoneDigits)) : '';
  dup.tax = !keepPhone || rng.chance(0.5) ? source.tax : '';
  return dup;
}

function openedText(rng: Rng, day: number): string {
  const roll = rng.next();
  if (roll < 0.04) return '';
  if (roll < 0.07) return '00000000';
  if (roll < 0.1) return PLACEHOLDER_OPENED_DATES[0];
  if (roll < 0.11) return rng.pick(IMPOSSIBLE_OPENED_DATES);
  return toYyyymmdd(day);
}

// ---- shapes: how many rows, on which days ----------------------------------------------------
// Each business draws its shape (duplicate or not, licences, their terms, payments and inspection
// days) from one stream and its text (names, codes, notes) from another, so the exact row counts
// of a city can be had by drawing the shapes only (countDemoCity), without making any text.

interface PaymentShape {
  day: number;
  amount: number;
}

interface LicenceShape {
  type: LicenceType;
  status: StatusCode;
  /** Start days of the terms on record, oldest first; the last is the current (or last) term. */
  terms: number[];
  expiry: number;
  /** Closed licences keyed without an expiry date (LICEXP = 0). */
  noExpiry: boolean;
  payments: PaymentShape[];
  /** Inspection days, oldest first. */
  visits: number[];
}

interface BusinessShape {
  /** Slot in the ring of recent businesses this one duplicates, or -1 for a new business. */
  duplicateOf: number;
  licences: LicenceShape[];
}

const TERMS_ON_RECORD: readonly (readonly [number, number])[] = [
  [1, 42],
  [2, 24],
  [3, 14],
  [4, 8],
  [5, 5],
  [6, 3],
  [7, 1.6],
  [8, 1],
  [10, 0.8],
  [14, 0.4],
  [20, 0.2],
];
const PARTIAL_SHARES = [0.25, 0.4, 0.5] as const;

function shapeLicence(rng: Rng, type: LicenceType): LicenceShape {
  const status = rng.weighted(STATUS_WEIGHTS);
  const term = type.term;
  let start: number;
  let expiry: number;
  switch (status) {
    case 'A': {
      start = rng.int(addMonths(TODAY_DAY, -term) + 1, TODAY_DAY);
      expiry = addMonths(start, term);
      while (expiry <= TODAY_DAY) expiry = addMonths(++start, term);
      break;
    }
    case 'E': {
      const gap = rng.chance(0.6) ? rng.int(1, 3 * 365) : rng.int(3 * 365, 20 * 365);
      expiry = TODAY_DAY - gap;
      start = addMonths(expiry, -term);
      break;
    }
    case 'S': {
      expiry = TODAY_DAY + rng.int(-365, term * 30);
      start = addMonths(expiry, -term);
      break;
    }
    default: {
      expiry = rng.int(addMonths(SYSTEM_START_DAY, term), TODAY_DAY + term * 30);
      start = addMonths(expiry, -term);
    }
  }
  if (start > TODAY_DAY) start = TODAY_DAY - rng.int(0, 60);
  if (start < SYSTEM_START_DAY) start = SYSTEM_START_DAY + rng.int(0, 180);
  // The expiry is always the issue date plus the term (going back a term from Feb 29 and forward
  // again lands on Feb 28, so it is computed from the start, never kept from above).
  expiry = addMonths(start, term);
  let n = rng.weighted(TERMS_ON_RECORD);
  while (n > 1 && addMonths(start, -(n - 1) * term) < SYSTEM_START_DAY) n--;
  const terms: number[] = [];
  for (let k = n - 1; k >= 0; k--) terms.push(addMonths(start, -k * term));
  const noExpiry = status === 'C' && rng.chance(0.04);

  // Payments: one per term on record (the application fee with the first, a late penalty when paid
  // after the term began), some split in two partial payments, the rest of a suspended licence's
  // last term sometimes never paid; a few licences were converted without their payment history.
  const payments: PaymentShape[] = [];
  if (!rng.chance(0.03)) {
    for (let k = 0; k < terms.length; k++) {
      const due = terms[k]!;
      const fees = feesOn(type.code, due);
      const late = k > 0 && rng.chance(0.15);
      let amount = fees.base + (k === 0 ? fees.application : 0) + (late ? fees.late : 0);
      let day = late ? due + rng.int(1, 60) : due - rng.int(0, k === 0 ? 14 : 30);
      day = Math.max(SYSTEM_START_DAY, Math.min(day, TODAY_DAY));
      const unpaidRest = status === 'S' && k === terms.length - 1 && rng.chance(0.5);
      if (unpaidRest || rng.chance(0.08)) {
        const first = Math.round((amount * rng.pick(PARTIAL_SHARES)) / 100) * 100;
        payments.push({ day, amount: first });
        amount -= first;
        const restDay = day + rng.int(7, 45);
        if (!unpaidRest && restDay <= TODAY_DAY) payments.push({ day: restDay, amount });
      } else payments.push({ day, amount });
    }
  }

  // Inspections over the licence's life.
  const count = rng.poisson(type.inspections);
  const visits: number[] = [];
  if (count > 0) {
    const from = terms[0]!;
    const to = Math.max(from, Math.min(expiry, TODAY_DAY));
    for (let v = 0; v < count; v++) visits.push(rng.int(from, to));
    visits.sort((x, y) => x - y);
  }
  return { type, status, terms, expiry, noExpiry, payments, visits };
}

/** Payment methods by era: cards came in the 2000s and took over after 2010. */
const METHODS_1990S: readonly (readonly [string, number])[] = [
  ['CA', 40],
  ['CK', 50],
  ['MO', 10],
];
const METHODS_2000S: readonly (readonly [string, number])[] = [
  ['CA', 25],
  ['CK', 45],
  ['CC', 20],
  ['MO', 10],
];
const METHODS_LATER: readonly (readonly [string, number])[] = [
  ['CA', 15],
  ['CK', 25],
  ['CC', 55],
  ['MO', 5],
];
const DAY_2000 = dayOf(2000, 1, 1);
const DAY_2010 = dayOf(2010, 1, 1);

function paymentMethod(rng: Rng, day: number): string {
  return rng.weighted(day < DAY_2000 ? METHODS_1990S : day < DAY_2010 ? METHODS_2000S : METHODS_LATER);
}

const RECENT = 500;
const TYPE_WEIGHTS = LICENCE_TYPES.map((t) => [t, t.weight] as const);

/** Draws the shapes of a city's businesses in order (the state is the ring of recent businesses' types). */
class Shaper {
  private readonly seed: number;
  private readonly recentTypes: LicenceType[] = [];
  private originals = 0;
  licencesMade = 0;
  readonly size: number;

  constructor(size: number, seed: number) {
    this.size = size;
    this.seed = seed;
  }

  /** The shape of business number b (0-based); call in order while licencesMade < size. */
  next(b: number): BusinessShape {
    const rng = new Rng(streamSeed(this.seed, b, 0));
    const duplicate = this.recentTypes.length >= 50 && rng.chance(DUPLICATE_RATE);
    const duplicateOf = duplicate ? rng.int(0, this.recentTypes.length - 1) : -1;
    const want = duplicate ? 1 : rng.weighted(LICENCES_PER_BUSINESS);
    const count = Math.min(want, this.size - this.licencesMade);
    const primary = duplicate ? this.recentTypes[duplicateOf]! : rng.weighted(TYPE_WEIGHTS);
    const licences = [shapeLicence(rng, primary)];
    for (let i = 1; i < count; i++) {
      let t = rng.weighted(TYPE_WEIGHTS);
      if (t === primary) t = rng.weighted(TYPE_WEIGHTS);
      licences.push(shapeLicence(rng, t));
    }
    this.licencesMade += count;
    if (!duplicate) {
      this.recentTypes[ringSlot(this.originals++)] = primary;
    }
    return { duplicateOf, licences };
  }
}

/** Where the n-th new business goes in the ring of recent ones (the oldest is replaced once full). */
const ringSlot = (n: number) => n % RECENT;

// ---- holds and balances -----------------------------------------------------------------------

// Holds and open balances block renewals (issue 5). They are chosen by position, not drawn from
// the random streams, so adding them changed no other row of any city already generated.
/** Every HOLD_EVERY-th licence carries a hold; a fifth of those are on the whole business. */
export const HOLD_EVERY = 61;
/** Every BALANCE_EVERY-th business owes an open charge. */
export const BALANCE_EVERY = 47;

const HOLD_REASONS = [
  ['ZONE', 'ZONING REVIEW PENDING - SEE PLANNING DEPT'],
  ['INSP', 'FAILED FIRE INSPECTION NOT CLEARED'],
  ['RCHK', 'RETURNED CHECK NOT MADE GOOD'],
  ['CODE', 'CODE ENFORCEMENT CASE OPEN'],
  ['TAX ', 'STATE SALES TAX PERMIT NOT ON FILE'],
] as const;
const BALANCE_REASONS = ['RETURNED CHECK FEE', 'REINSPECTION FEE', 'UNPAID LATE PENALTY', 'FALSE ALARM FEE'];

export const hasHold = (licenceIndex: number) => licenceIndex % HOLD_EVERY === HOLD_EVERY - 1;
export const hasBalance = (businessIndex: number) => businessIndex % BALANCE_EVERY === BALANCE_EVERY - 1;

function holdRow(holdNo: number, licenceIndex: number, licNo: string, busNo: number): RvholdRow {
  const n = Math.floor(licenceIndex / HOLD_EVERY);
  const [code, reason] = HOLD_REASONS[n % HOLD_REASONS.length]!;
  const placed = TODAY_DAY - 5 - ((n * 37) % 400);
  // A third of the holds were lifted three weeks after they were placed.
  const released = n % 3 === 2 ? Math.min(placed + 21, TODAY_DAY - 1) : null;
  const onBusiness = n % 5 === 4;
  return {
    HLDNO: holdNo,
    HLDLIC: onBusiness ? '' : licNo,
    HLDBUS: onBusiness ? busNo : 0,
    HLDCOD: code,
    HLDRSN: reason,
    HLDPLC: toYyyymmdd(placed),
    HLDREL: released === null ? '' : toYyyymmdd(released),
  };
}

function balanceRow(arNo: number, businessIndex: number, busNo: number, licNo: string): ArbalRow {
  const n = Math.floor(businessIndex / BALANCE_EVERY);
  return {
    ARNO: arNo,
    ARBUS: busNo,
    ARLIC: n % 2 === 0 ? licNo : '',
    ARAMT: 25_00 + (n % 13) * 10_00,
    ARDUE: toCyymmdd(TODAY_DAY - 10 - ((n * 29) % 300)),
    ARDESC: BALANCE_REASONS[n % BALANCE_REASONS.length]!,
  };
}

// ---- the walk --------------------------------------------------------------------------------

/**
 * Yields the city's rows in batches of at most `batchSize` rows of one table: the code tables
 * first (RVSTAT, RVLTYP, RVFEE), then BUSMST, LICMST, PAYHST and INSPCT batches interleaved.
 */
export function* generateDemoCity(params: DemoParams): Generator<DemoBatch, void, undefined> {
  const { size, seed } = params;
  const batchSize = params.batchSize ?? DEFAULT_BATCH_SIZE;
  checkDemoParams(size, seed);
  if (!Number.isSafeInteger(batchSize) || batchSize < 1)
    throw new RangeError('batchSize must be a positive integer');

  for (const [table, rows] of [
    ['RVSTAT', statusRows()],
    ['RVLTYP', licenceTypeRows()],
    ['RVFEE', feeScheduleRows()],
    ['ORDSEC', ordinanceRows()],
  ] as const) {
    for (let i = 0; i < rows.length; i += batchSize) {
      yield { table, rows: rows.slice(i, i + batchSize) } as DemoBatch;
    }
  }

  let businesses: BusmstRow[] = [];
  let licences: LicmstRow[] = [];
  let payments: PayhstRow[] = [];
  let inspections: InspctRow[] = [];
  let holds: RvholdRow[] = [];
  let balances: ArbalRow[] = [];
  let holdNo = 1;
  let arNo = 1;
  const recent: Identity[] = [];
  const shaper = new Shaper(size, seed);
  let originals = 0;
  let licenceIndex = 0;
  let payNo = 1;
  let insNo = 1;
  const inspector = new InspectorWork(scheduleDayOf(params.today ?? GENERATOR_TODAY));
  const work: InspectorRows = { schedule: [], checks: [], violations: [] };
  const enforcement = new EnforcementWork();
  const cases: EnforcementRows = { complaints: [], cases: [] };

  for (let b = 0; shaper.licencesMade < size; b++) {
    const shape = shaper.next(b);
    const rng = new Rng(streamSeed(seed, b, 1));
    // The inspector's tables draw from a stream of their own, so the older tables stay as they were.
    const workRng = new Rng(streamSeed(seed, b, 2));
    const ward = wardOf(workRng);
    const busNo = FIRST_BUSNO + b;
    const source = shape.duplicateOf >= 0 ? recent[shape.duplicateOf]! : null;
    const firstDay = Math.min(...shape.licences.map((l) => l.terms[0]!));

    const id = source ? nearDuplicate(rng, busNo, source) : newIdentity(rng, busNo, shape.licences[0]!.type);
    if (!source) recent[ringSlot(originals++)] = id;
    // Dirt: a few rows keyed in mixed case, stray spaces.
    let { name, dba, owner, address, city } = id;
    if (!source && rng.chance(0.04)) {
      name = mixedCase(name);
      dba = mixedCase(dba);
      owner = mixedCase(owner);
      address = mixedCase(address);
      city = mixedCase(city);
    }
    if (!source && rng.chance(0.03)) name = ` ${name}`;
    if (!source && rng.chance(0.03)) name = name.replace(' ', '  ');
    if (rng.chance(0.02)) address = address.replace(' ', '  ');
    if (rng.chance(0.02)) owner = owner.replace(', ', rng.chance(0.5) ? ',' : ' ,');
    if (rng.chance(0.02)) dba = dba.replace(' ', '  ');

    const opened = rng.chance(0.1) ? firstDay - rng.int(365, 25 * 365) : firstDay - rng.int(0, 730);
    const busUpdated = rng.chance(BLANK_UPDATE_RATE)
      ? ''
      : toTimestamp(rng.int(firstDay, TODAY_DAY - 1), secondsOfBusinessDay(rng));
    businesses.push({
      BUSNO: busNo,
      BUSNAM: fit(name, 40),
      BUSDBA: fit(dba, 40),
      BUSOWN: fit(owner, 40),
      BUSAD1: fit(address, 40),
      BUSCTY: fit(city, 20),
      BUSST: STATE,
      BUSZIP: id.zip,
      BUSPHN: id.phone,
      BUSTAX: id.tax,
      BUSOPN: openedText(rng, opened),
      BUSUPD: busUpdated,
    });
    if (businesses.length >= batchSize) {
      yield { table: 'BUSMST', rows: businesses };
      businesses = [];
    }

    if (hasBalance(b)) {
      balances.push(balanceRow(arNo++, b, busNo, licenceNumber(licenceIndex)));
      if (balances.length >= batchSize) {
        yield { table: 'ARBAL', rows: balances };
        balances = [];
      }
    }

    const firstLicNo = licenceNumber(licenceIndex);
    for (const lic of shape.licences) {
      if (hasHold(licenceIndex)) {
        holds.push(holdRow(holdNo++, licenceIndex, licenceNumber(licenceIndex), busNo));
        if (holds.length >= batchSize) {
          yield { table: 'RVHOLD', rows: holds };
          holds = [];
        }
      }
      const licNo = licenceNumber(licenceIndex++);
      const current = lic.terms[lic.terms.length - 1]!;
      let lastPaid = 0;
      for (const pay of lic.payments) {
        const no = payNo++;
        const yy = String(ymdOf(pay.day).y % 100).padStart(2, '0');
        payments.push({
          PAYNO: no,
          PAYLIC: licNo,
          PAYDTE: toYyyymmdd(pay.day),
          PAYAMT: pay.amount,
          PAYMTH: paymentMethod(rng, pay.day),
          PAYRCT: rng.chance(0.02) ? '' : `${yy}${String(no).padStart(8, '0')}`,
          PAYREF: 0,
        });
        lastPaid = Math.max(lastPaid, pay.day);
        if (payments.length >= batchSize) {
          yield { table: 'PAYHST', rows: payments };
          payments = [];
        }
      }

      let updated = '';
      if (!rng.chance(BLANK_UPDATE_RATE)) {
        switch (lic.status) {
          case 'A':
            updated = toTimestamp(Math.max(lastPaid, current), secondsOfBusinessDay(rng));
            break;
          case 'E':
            // The nightly expiry job marks licences the day after they lapse.
            updated = toTimestamp(Math.min(lic.expiry + 1, TODAY_DAY), 2 * 3600 + 15 * 60 + rng.int(0, 1799));
            break;
          default:
            updated = toTimestamp(
              rng.int(current, Math.min(lic.expiry, TODAY_DAY)),
              secondsOfBusinessDay(rng),
            );
        }
      }
      licences.push({
        LICNO: licNo,
        LICBUS: busNo,
        LICTYP: lic.type.code,
        LICSTS: lic.status,
        LICISS: toCyymmdd(current),
        LICEXP: lic.noExpiry ? 0 : toCyymmdd(lic.expiry),
        LICFEE: feesOn(lic.type.code, current).base,
        LICUPD: updated,
      });
      if (licences.length >= batchSize) {
        yield { table: 'LICMST', rows: licences };
        licences = [];
      }

      for (const day of lic.visits) {
        const kind = rng.weighted(lic.type.inspectionKinds);
        // Recent inspections may still be pending (a blank result).
        const result = day >= TODAY_DAY - 45 && rng.chance(0.4) ? ' ' : rng.weighted(RESULTS);
        let note = '';
        if (result === 'P' && rng.chance(0.3)) note = rng.pick(INSPECTION_NOTES.pass);
        else if ((result === 'F' || result === 'R') && rng.chance(0.75)) {
          note = rng.pick(rng.chance(0.8) ? INSPECTION_NOTES[kind] : INSPECTION_NOTES.any);
          if (rng.chance(0.25)) note += `; ${rng.pick(INSPECTION_NOTES[kind])}`;
        }
        const row: InspctRow = {
          INSNO: insNo++,
          INSLIC: licNo,
          INSDTE: toCyymmdd(day),
          INSTYP: kind,
          INSRES: result,
          INSBY: rng.pick(INSPECTORS[kind]),
          INSNOT: note,
        };
        inspections.push(row);
        inspector.visit(
          workRng,
          { licNo, licType: lic.type.code, ward, kind, day, result, inspector: row.INSBY, insNo: row.INSNO },
          work,
        );
        if (inspections.length >= batchSize) {
          yield { table: 'INSPCT', rows: inspections };
          inspections = [];
        }
      }
      if (lic.status === 'A' && lic.type.inspections >= 0.3 && workRng.chance(0.2)) {
        const kind = workRng.weighted(lic.type.inspectionKinds);
        inspector.open(
          workRng,
          { licNo, licType: lic.type.code, ward, kind, inspector: workRng.pick(INSPECTORS[kind]) },
          work,
        );
      }
    }
    if (workRng.chance(0.02)) inspector.bareSite(workRng, ward, work);
    // Complaints and cases draw from a fourth stream, so the tables above stay as they were.
    enforcement.business(
      new Rng(streamSeed(seed, b, 3)),
      { busNo, licNo: firstLicNo, address: id.address },
      cases,
    );
    yield* fullBatches(work, cases, batchSize, false);
  }
  yield* fullBatches(work, cases, batchSize, true);
  if (businesses.length > 0) yield { table: 'BUSMST', rows: businesses };
  if (licences.length > 0) yield { table: 'LICMST', rows: licences };
  if (payments.length > 0) yield { table: 'PAYHST', rows: payments };
  if (inspections.length > 0) yield { table: 'INSPCT', rows: inspections };
  if (holds.length > 0) yield { table: 'RVHOLD', rows: holds };
  if (balances.length > 0) yield { table: 'ARBAL', rows: balances };
}

/**
 * The inspector's and code enforcement's rows as batches of batchSize (the rest too when `all`),
 * emptied from `work` and `cases`.
 */
function* fullBatches(
  work: InspectorRows,
  cases: EnforcementRows,
  batchSize: number,
  all: boolean,
): Generator<DemoBatch> {
  for (const [table, rows] of [
    ['INSSCH', work.schedule],
    ['INSCHK', work.checks],
    ['VIOLTN', work.violations],
    ['CMPLNT', cases.complaints],
    ['ENFCAS', cases.cases],
  ] as const) {
    let at = 0;
    while (rows.length - at >= batchSize || (all && at < rows.length)) {
      yield { table, rows: rows.slice(at, at + batchSize) } as DemoBatch;
      at += batchSize;
    }
    rows.splice(0, at);
  }
}

/**
 * Exact rows per table the generator makes for (size, seed). The older tables are counted from the
 * shapes alone (no text is made); the inspector's tables (INSSCH, INSCHK, VIOLTN) follow the kind
 * and result of each INSPCT row, which are drawn with the text, so they are counted by generating,
 * and so are complaints and cases (CMPLNT, ENFCAS: cheap, and drawn with their rows).
 */
export function countDemoCity(size: number, seed: number): Record<DataTableName, number> {
  checkDemoParams(size, seed);
  const counts: Record<DataTableName, number> = {
    RVSTAT: STATUS_CODES.length,
    RVLTYP: LICENCE_TYPES.length,
    RVFEE: feeScheduleRows().length,
    BUSMST: 0,
    LICMST: 0,
    PAYHST: 0,
    INSPCT: 0,
    RVHOLD: 0,
    ARBAL: 0,
    ORDSEC: ordinanceRows().length,
    INSSCH: 0,
    INSCHK: 0,
    VIOLTN: 0,
    CMPLNT: 0,
    ENFCAS: 0,
  };
  const shaper = new Shaper(size, seed);
  for (let b = 0; shaper.licencesMade < size; b++) {
    const shape = shaper.next(b);
    counts.BUSMST++;
    if (hasBalance(b)) counts.ARBAL++;
    for (const lic of shape.licences) {
      if (hasHold(counts.LICMST)) counts.RVHOLD++;
      counts.LICMST++;
      counts.PAYHST += lic.payments.length;
      counts.INSPCT += lic.visits.length;
    }
  }
  const generated = ['INSSCH', 'INSCHK', 'VIOLTN', 'CMPLNT', 'ENFCAS'] as const;
  for (const batch of generateDemoCity({ size, seed, batchSize: 5000 }))
    if ((generated as readonly string[]).includes(batch.table)) counts[batch.table] += batch.rows.length;
  return counts;
}
