// The deterministic generator of Lakeside's PermitFlow data. Rows depend only on (size, seed):
// each business draws from two seeded streams of its own (its shape, then its text and times),
// dates are computed against the Riverton generator's fixed "today" (2026-11-01), never the clock.
// Rows come out in batches, table by table, interleaved as the businesses are made, so memory
// stays bounded at any size: at most one batch per table is held.
//
// size = number of Permits rows, soft-deleted ones included (about 1 in 80 is IsDeleted = 1).
import { addMonths, dayOf, isoOf, ymdOf } from '../dates.ts';
import { checkDemoParams, mixedCase } from '../generator.ts';
import { Rng, streamSeed } from '../prng.ts';
import {
  DIRECTIONS,
  ENTITY_WORDS,
  FIRST_NAMES,
  INSPECTION_NOTES,
  type InspectionKind,
  LEGAL_SUFFIXES,
  NAME_WORDS,
  INSPECTORS as OLD_SYSTEM_INSPECTORS,
  QUALITY_WORDS,
  RESTAURANT_NAMES,
  STREETS,
  SURNAMES,
  TODAY_DAY,
} from '../word-lists.ts';
import type {
  BusinessRow,
  FeeScheduleRow,
  InspectionRow,
  PaymentRow,
  PermitRow,
  PermitStatusRow,
  PermitTypeRow,
  PfDataTable,
  PfRowOf,
  TenderTypeRow,
} from './schema.ts';
import {
  CAFE_WORDS,
  CITY,
  CONVERSION_AT,
  CONVERSION_USER,
  CORRECTIVE_ACTIONS,
  EARLIEST_DAY,
  EXCHANGES,
  FEE_DESCRIPTIONS,
  FEE_ERAS,
  GO_LIVE_DAY,
  INSPECTION_TYPE_NAMES,
  INSPECTORS,
  NIGHTLY_JOB_ACCOUNT,
  NOTE_CLOSINGS,
  NOTE_OPENINGS,
  OTHER_CITIES,
  type Outcome,
  PERMIT_STATUSES,
  PERMIT_TYPES,
  type PermitType,
  PLACEHOLDER_DATETIME,
  STAFF_ACCOUNTS,
  STATE,
  STATUS,
  STATUS_WEIGHTS,
  type StatusId,
  SUFFIX_CASE,
  TENDER_TYPES,
  TEST_BUSINESS_NAMES,
  UNICODE_FIRST_NAMES,
  UNICODE_SURNAMES,
  ZIP_CODES,
} from './word-lists.ts';

export const DEFAULT_BATCH_SIZE = 500;
/** New permit numbers: 'LK-', the year applied, a 6-digit sequence within the year. */
export const PERMIT_NUMBER_PATTERN = /^LK-\d{4}-\d{6,}$/;
/** Permits converted from the older system kept its numbers: 'YY-NNNNN' (perhaps with a trailing space). */
export const CONVERTED_PERMIT_NUMBER_PATTERN = /^\d{2}-\d{5,} ?$/;
/** Share of business rows that are soft-deleted duplicates, merged into the business they repeat. */
export const MERGED_DUPLICATE_RATE = 0.015;
/** Share of permits keyed in error and soft-deleted. */
export const DELETED_PERMIT_RATE = 0.012;

export type PfBatch = {
  [T in PfDataTable]: { table: T; rows: PfRowOf[T][] };
}[PfDataTable];

export interface PermitDemoParams {
  size: number;
  seed: number;
  batchSize?: number;
}

// ---- code tables and fees --------------------------------------------------------------------

export const permitStatusRows = (): PermitStatusRow[] =>
  PERMIT_STATUSES.map(([StatusId, Name]) => ({ StatusId, Name }));

export const tenderTypeRows = (): TenderTypeRow[] =>
  TENDER_TYPES.map(([TenderTypeId, Name]) => ({ TenderTypeId, Name }));

/** Permit types; retired ones (no Riverton model) keep a 12-month term. */
export const permitTypeRows = (): PermitTypeRow[] =>
  PERMIT_TYPES.map((t) => ({
    PermitTypeId: t.id,
    Code: t.code,
    Name: t.name,
    TermMonths: t.like?.term ?? 12,
    IsActive: t.isActive,
  }));

interface Fees {
  from: number;
  annual: number;
  application: number;
  late: number;
}

const feeSteps: ReadonlyMap<number, readonly Fees[]> = new Map(
  PERMIT_TYPES.map((t) => {
    const base = t.like?.baseFee1995 ?? 5000;
    return [
      t.id,
      FEE_ERAS.map((era) => {
        const annual = Math.round((base * era.factor) / 500) * 500;
        return {
          from: era.from,
          annual,
          application: era.application,
          late: Math.round((annual * era.latePercent) / 100),
        };
      }),
    ];
  }),
);

/** The fees of a permit type in effect on a day (cents). */
export function feesOn(permitTypeId: number, day: number): Fees {
  const steps = feeSteps.get(permitTypeId);
  if (!steps) throw new RangeError(`unknown permit type ${permitTypeId}`);
  let current = steps[0]!;
  for (const s of steps) if (s.from <= day) current = s;
  return current;
}

/** FeeSchedules: annual, application and late fees per type and era; the converted late fees lack a description. */
export function feeScheduleRows(): FeeScheduleRow[] {
  const rows: FeeScheduleRow[] = [];
  let id = 1;
  for (const t of PERMIT_TYPES) {
    for (const s of feeSteps.get(t.id)!) {
      const EffectiveDate = isoOf(s.from);
      const converted = s.from < GO_LIVE_DAY;
      rows.push({
        FeeScheduleId: id++,
        PermitTypeId: t.id,
        EffectiveDate,
        Amount: s.annual,
        Description: FEE_DESCRIPTIONS.annual,
      });
      rows.push({
        FeeScheduleId: id++,
        PermitTypeId: t.id,
        EffectiveDate,
        Amount: s.application,
        Description: FEE_DESCRIPTIONS.application,
      });
      rows.push({
        FeeScheduleId: id++,
        PermitTypeId: t.id,
        EffectiveDate,
        Amount: s.late,
        Description: converted ? null : FEE_DESCRIPTIONS.late,
      });
    }
  }
  return rows;
}

// ---- dates and times -------------------------------------------------------------------------

const p2 = (n: number) => String(n).padStart(2, '0');
const p3 = (n: number) => String(n).padStart(3, '0');

/** 'YYYY-MM-DD HH:MM:SS.mmm' (SQL Server's style 121) of a day and a second of the day. */
export function datetimeText(day: number, second: number, ms = 0): string {
  return `${isoOf(day)} ${p2(Math.floor(second / 3600))}:${p2(Math.floor(second / 60) % 60)}:${p2(second % 60)}.${p3(ms)}`;
}
const midnight = (day: number) => datetimeText(day, 0);
/** SQL Server's datetime ticks in 1/300 s: milliseconds end in 0, 3 or 7. */
const ticks = (rng: Rng) => Math.round((rng.int(0, 299) * 10) / 3);
const officeSecond = (rng: Rng) => rng.int(8 * 3600, 17 * 3600 - 1);
/** GETDATE() during office hours of a day. */
const stamp = (rng: Rng, day: number) => datetimeText(day, officeSecond(rng), ticks(rng));

// ---- shapes: how many rows, on which days ----------------------------------------------------
// A business's shape (its kind, permits, terms, payments and inspection days) comes from one
// stream and its text and times from another, so exact counts come from the shapes alone.

type BusinessKind = 'normal' | 'duplicate' | 'merged' | 'test' | 'idle';

interface PaymentShape {
  day: number;
  amount: number;
  refund: boolean;
}

interface PermitShape {
  type: PermitType;
  status: StatusId;
  deleted: boolean;
  /** Day the application was made (the first day on record). */
  applied: number;
  /** Start days of the terms on record, oldest first; empty for a pending application. */
  terms: number[];
  /** Expiry of the current (or last) term; null for pending and for some closed permits. */
  expiry: number | null;
  payments: PaymentShape[];
  /** Inspection days, oldest first; one may be after today (scheduled). */
  visits: number[];
}

interface BusinessShape {
  kind: BusinessKind;
  /** For duplicates: the slot in the ring of recent businesses repeated. */
  duplicateOf: number;
  permits: PermitShape[];
}

const RECENT = 500;
const PERMITS_PER_BUSINESS: readonly (readonly [number, number])[] = [
  [1, 80],
  [2, 15],
  [3, 5],
];
const TERMS_ON_RECORD: readonly (readonly [number, number])[] = [
  [1, 40],
  [2, 24],
  [3, 14],
  [4, 9],
  [5, 5],
  [6, 3],
  [8, 2],
  [10, 1.5],
  [14, 1],
  [20, 0.5],
];
const ACTIVE_TYPES = PERMIT_TYPES.filter((t) => t.like !== null);
const TYPE_WEIGHTS = ACTIVE_TYPES.map((t) => [t, t.like!.weight] as const);

function shapePermit(rng: Rng, type: PermitType, deleted: boolean): PermitShape {
  const like = type.like!;
  const term = like.term;
  if (deleted) {
    // Keyed in error after go-live and deleted: a pending application, or a duplicate issue.
    const applied = rng.int(GO_LIVE_DAY, TODAY_DAY);
    const issued = rng.chance(0.3);
    return {
      type,
      status: issued ? STATUS.issued : STATUS.pending,
      deleted,
      applied,
      terms: issued ? [applied] : [],
      expiry: issued ? addMonths(applied, term) : null,
      payments: [],
      visits: [],
    };
  }
  const status = rng.weighted(STATUS_WEIGHTS);
  if (status === STATUS.pending) {
    const applied = TODAY_DAY - rng.int(0, 120);
    const payments: PaymentShape[] = rng.chance(0.7)
      ? [
          {
            day: Math.min(applied + rng.int(0, 3), TODAY_DAY),
            amount: feesOn(type.id, applied).application,
            refund: false,
          },
        ]
      : [];
    const visits = rng.chance(0.3) ? [TODAY_DAY + rng.int(1, 30)] : [];
    return { type, status, deleted, applied, terms: [], expiry: null, payments, visits };
  }
  let start: number;
  switch (status) {
    case STATUS.issued:
      start = rng.int(addMonths(TODAY_DAY, -term) + 1, TODAY_DAY);
      break;
    case STATUS.expired: {
      const gap = rng.chance(0.6) ? rng.int(1, 3 * 365) : rng.int(3 * 365, 18 * 365);
      start = addMonths(TODAY_DAY - gap, -term);
      break;
    }
    case STATUS.suspended:
      start = addMonths(TODAY_DAY + rng.int(-200, term * 30), -term);
      break;
    default:
      start = addMonths(rng.int(addMonths(EARLIEST_DAY, term), TODAY_DAY + term * 30), -term);
  }
  if (start > TODAY_DAY) start = TODAY_DAY - rng.int(0, 60);
  if (start < EARLIEST_DAY) start = EARLIEST_DAY + rng.int(0, 180);
  let expiry = addMonths(start, term);
  // An issued permit is current: renewed in place, its expiry after today.
  while (status === STATUS.issued && expiry <= TODAY_DAY) expiry = addMonths(++start, term);
  let n = rng.weighted(TERMS_ON_RECORD);
  while (n > 1 && addMonths(start, -(n - 1) * term) < EARLIEST_DAY) n--;
  const terms: number[] = [];
  for (let k = n - 1; k >= 0; k--) terms.push(addMonths(start, -k * term));
  const applied = Math.max(EARLIEST_DAY, terms[0]! - rng.int(0, 21));
  const noExpiry = (status === STATUS.revoked || status === STATUS.closed) && rng.chance(0.03);

  // One payment per term (the application fee with the first, a late fee when renewed late), some
  // split in two, a late fee now and then refunded; the old system's payments were converted for
  // three permits in four.
  const payments: PaymentShape[] = [];
  const historyConverted = rng.chance(0.75);
  for (let k = 0; k < terms.length; k++) {
    const due = terms[k]!;
    if (due < GO_LIVE_DAY && !historyConverted) continue;
    const fees = feesOn(type.id, due);
    const late = k > 0 && rng.chance(0.15);
    let amount = fees.annual + (k === 0 ? fees.application : 0) + (late ? fees.late : 0);
    let day = late ? due + rng.int(1, 60) : due - rng.int(0, k === 0 ? 14 : 30);
    day = Math.max(EARLIEST_DAY, Math.min(day, TODAY_DAY));
    const unpaidRest = status === STATUS.suspended && k === terms.length - 1 && rng.chance(0.5);
    if (unpaidRest || rng.chance(0.08)) {
      const first = Math.round((amount * rng.pick([0.25, 0.4, 0.5])) / 100) * 100;
      payments.push({ day, amount: first, refund: false });
      amount -= first;
      const restDay = day + rng.int(7, 45);
      if (!unpaidRest && restDay <= TODAY_DAY) payments.push({ day: restDay, amount, refund: false });
    } else payments.push({ day, amount, refund: false });
    if (late && rng.chance(0.08)) {
      const refundDay = day + rng.int(1, 20);
      if (refundDay <= TODAY_DAY) payments.push({ day: refundDay, amount: -fees.late, refund: true });
    }
  }

  const visits: number[] = [];
  const count = rng.poisson(like.inspections);
  if (count > 0) {
    const from = terms[0]!;
    const to = Math.max(from, Math.min(expiry, TODAY_DAY));
    for (let v = 0; v < count; v++) visits.push(rng.int(from, to));
    visits.sort((x, y) => x - y);
  }
  if (status === STATUS.issued && rng.chance(0.04)) visits.push(TODAY_DAY + rng.int(1, 45));
  return { type, status, deleted, applied, terms, expiry: noExpiry ? null : expiry, payments, visits };
}

/** Draws the shapes of Lakeside's businesses in order. */
class Shaper {
  private readonly seed: number;
  private readonly size: number;
  private originals = 0;
  permitsMade = 0;

  constructor(size: number, seed: number) {
    this.size = size;
    this.seed = seed;
  }

  /** The shape of business number b (0-based); call in order while permitsMade < size. */
  next(b: number): BusinessShape {
    const rng = new Rng(streamSeed(this.seed, b, 20));
    const ring = Math.min(this.originals, RECENT);
    const roll = rng.next();
    let kind: BusinessKind = 'normal';
    if (roll < MERGED_DUPLICATE_RATE) kind = ring >= 50 ? 'merged' : 'normal';
    else if (roll < 0.025) kind = ring >= 50 ? 'duplicate' : 'normal';
    else if (roll < 0.0258) kind = 'test';
    else if (roll < 0.0558) kind = 'idle';
    const duplicateOf = kind === 'merged' || kind === 'duplicate' ? rng.int(0, ring - 1) : -1;
    const want = kind === 'normal' ? rng.weighted(PERMITS_PER_BUSINESS) : kind === 'duplicate' ? 1 : 0;
    const count = Math.min(want, this.size - this.permitsMade);
    const permits: PermitShape[] = [];
    for (let i = 0; i < count; i++) {
      permits.push(shapePermit(rng, rng.weighted(TYPE_WEIGHTS), rng.chance(DELETED_PERMIT_RATE)));
    }
    this.permitsMade += count;
    if (kind === 'normal' || kind === 'idle') this.originals++;
    return { kind, duplicateOf, permits };
  }
}

// ---- text ------------------------------------------------------------------------------------

interface Identity {
  legal: string;
  trade: string | null;
  first: string | null;
  last: string | null;
  street: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  phoneDigits: string;
  phone: string | null;
  fein: string | null;
}

/** Riverton's upper-case words as PermitFlow's users typed them: 'JOE'S BAR & GRILL' -> 'Joe's Bar & Grill'. */
const typed = (upper: string) => mixedCase(upper.replace(/\bRIVERTON\b/g, 'LAKESIDE'));
const suffixOf = (rng: Rng) => SUFFIX_CASE[rng.pick(LEGAL_SUFFIXES)]!;
const suffixes = new Set(Object.values(SUFFIX_CASE));

const PHONE_FORMATS: readonly (readonly [(a: string, b: string, c: string, rng: Rng) => string, number])[] = [
  [(a, b, c) => `(${a}) ${b}-${c}`, 50],
  [(a, b, c) => `${a}-${b}-${c}`, 25],
  [(a, b, c) => `${a}.${b}.${c}`, 8],
  [(a, b, c) => `${a}${b}${c}`, 7],
  [(_, b, c) => `${b}-${c}`, 4],
  [(a, b, c) => `(${a})${b}-${c}`, 3],
  [(a, b, c, rng) => `${a}-${b}-${c} x${rng.int(10, 299)}`, 3],
];
const phoneText = (rng: Rng, d: string) =>
  rng.weighted(PHONE_FORMATS)(d.slice(0, 3), d.slice(3, 6), d.slice(6), rng);

function personName(rng: Rng): { first: string; last: string } {
  return {
    first: rng.chance(0.05) ? rng.pick(UNICODE_FIRST_NAMES) : typed(rng.pick(FIRST_NAMES)),
    last: rng.chance(0.05) ? rng.pick(UNICODE_SURNAMES) : typed(rng.pick(SURNAMES)),
  };
}

function tradeName(rng: Rng, type: PermitType, first: string, last: string): string {
  const like = type.like!;
  const noun = typed(rng.pick(like.nouns));
  const restaurant = like.code === 'FOOD' || like.code === 'LIQR';
  if (like.code === 'FOOD' && rng.chance(0.08))
    return `${rng.pick(CAFE_WORDS)} ${typed(rng.pick(NAME_WORDS))}`;
  const form = rng.weighted<string>([
    ['word', 25],
    ['surname', 20],
    ['possessive', 14],
    ['street', 10],
    ['quality', 10],
    ['the', restaurant ? 8 : 4],
    ['restaurant', restaurant ? 12 : 0],
  ]);
  switch (form) {
    case 'surname':
      return `${last} ${noun}`;
    case 'possessive':
      return `${first}'s ${noun}`;
    case 'street':
      return `${typed(rng.pick(STREETS)[0])} ${noun}`;
    case 'quality':
      return `${typed(rng.pick(QUALITY_WORDS))} ${noun}`;
    case 'the':
      return `The ${typed(rng.pick(NAME_WORDS))} ${noun}`;
    case 'restaurant':
      return `${typed(rng.pick(RESTAURANT_NAMES))} ${noun}`;
    default:
      return `${typed(rng.pick(NAME_WORDS))} ${noun}`;
  }
}

function newIdentity(rng: Rng, type: PermitType): Identity {
  const { first, last } = personName(rng);
  const like = type.like!;
  const trade = tradeName(rng, type, first, last);
  const soleLikely = like.code === 'HOME' || like.code === 'PEDL' || like.code === 'TAXI';
  let legal: string;
  let dba: string | null = null;
  if (rng.chance(soleLikely ? 0.5 : 0.3)) {
    legal = rng.chance(soleLikely ? 0.8 : 0.45)
      ? `${first} ${last}`
      : `${last} ${typed(rng.pick(ENTITY_WORDS))} ${suffixOf(rng)}`;
    dba = trade;
  } else {
    legal = rng.chance(soleLikely ? 0.1 : 0.45) ? `${trade} ${suffixOf(rng)}` : trade;
  }
  const corporate = suffixes.has(legal.split(' ').pop()!);
  const noOwner = corporate && rng.chance(0.4);
  const lastOnly = !noOwner && rng.chance(0.02);

  const [streetName, suffix, directional] = rng.pick(STREETS);
  let street = `${rng.int(100, 19_999)} ${directional && rng.chance(0.8) ? `${rng.pick(DIRECTIONS)} ` : ''}${typed(streetName)}`;
  if (suffix) street += ` ${typed(suffix)}`;
  if (rng.chance(0.08)) {
    street += rng.pick([
      ` Ste ${rng.int(1, 4) * 100 + rng.int(0, 20)}`,
      ` Suite ${rng.int(1, 4) * 100 + rng.int(0, 20)}`,
      ` #${rng.int(1, 40)}`,
      ` Unit ${String.fromCharCode(65 + rng.int(0, 5))}`,
    ]);
  }
  const cityRoll = rng.next();
  const city =
    cityRoll < 0.9
      ? CITY
      : cityRoll < 0.95
        ? rng.pick(OTHER_CITIES)
        : cityRoll < 0.97
          ? CITY.toUpperCase()
          : cityRoll < 0.98
            ? `${CITY} `
            : cityRoll < 0.99
              ? CITY.toLowerCase()
              : null;
  const stateRoll = rng.next();
  const state = stateRoll < 0.96 ? STATE : stateRoll < 0.97 ? 'or' : stateRoll < 0.98 ? 'Or' : null;
  let zip: string | null = rng.chance(0.03) ? null : rng.pick(ZIP_CODES);
  if (zip && rng.chance(0.12)) zip += `-${rng.int(1000, 9999)}`;
  const phoneDigits = `555${rng.pick(EXCHANGES)}${String(rng.int(0, 9999)).padStart(4, '0')}`;
  const phone = rng.chance(0.08) ? null : phoneText(rng, phoneDigits);
  const feinDigits = `${rng.int(10, 99)}${rng.int(1_000_000, 9_999_999)}`;
  const feinRoll = rng.next();
  const fein =
    feinRoll < (soleLikely ? 0.2 : 0.6)
      ? `${feinDigits.slice(0, 2)}-${feinDigits.slice(2)}`
      : feinRoll < (soleLikely ? 0.22 : 0.65)
        ? feinDigits
        : null;
  return {
    legal,
    trade: dba,
    first: noOwner || lastOnly ? null : first,
    last: noOwner ? null : last,
    street: rng.chance(0.02) ? null : street,
    city,
    state,
    zip,
    phoneDigits,
    phone,
    fein,
  };
}

/** The same business entered again: another spelling or case of the name, the same phone or FEIN. */
function nearDuplicate(rng: Rng, source: Identity): Identity {
  const dup: Identity = { ...source };
  let name = source.legal;
  const how = rng.weighted<string>([
    ['upper', 30],
    ['suffix', 25],
    ['and', 15],
    ['spaces', 15],
    ['period', 15],
  ]);
  const words = name.split(' ');
  const lastWord = words[words.length - 1]!;
  if (how === 'upper') name = name.toUpperCase();
  else if (how === 'suffix')
    name = suffixes.has(lastWord) ? words.slice(0, -1).join(' ') : `${name} ${suffixOf(rng)}`;
  else if (how === 'and' && name.includes(' & ')) name = name.replace(' & ', ' and ');
  else if (how === 'period' && suffixes.has(lastWord))
    name = `${words.slice(0, -1).join(' ')} ${lastWord.endsWith('.') ? lastWord.slice(0, -1) : `${lastWord}.`}`;
  if (name === source.legal) name = name.replace(' ', '  ');
  dup.legal = name;
  if (source.trade && rng.chance(0.3)) dup.trade = null;
  if (source.street && rng.chance(0.4))
    dup.street = source.street.replace(/ St\b/, ' Street').replace(/ Ave\b/, ' Avenue');
  const keepPhone = source.phone !== null && (source.fein === null || rng.chance(0.6));
  dup.phone = keepPhone ? phoneText(rng, source.phoneDigits) : null;
  dup.fein = !keepPhone || rng.chance(0.5) ? source.fein : null;
  return dup;
}

/** Typing habits: converted rows in capitals; now and then lower case, double or trailing spaces. */
function keyedIn(rng: Rng, id: Identity, converted: boolean): Identity {
  const out = { ...id };
  const up = (s: string | null) => (s === null ? null : s.toUpperCase());
  if (rng.chance(converted ? 0.6 : 0.03)) {
    out.legal = out.legal.toUpperCase();
    out.trade = up(out.trade);
    out.first = up(out.first);
    out.last = up(out.last);
    out.street = up(out.street);
    out.city = up(out.city);
  } else if (rng.chance(0.01)) out.legal = out.legal.toLowerCase();
  if (rng.chance(0.02)) out.legal = out.legal.replace(' ', '  ');
  if (rng.chance(0.01)) out.legal = `${out.legal} `;
  if (rng.chance(0.005)) out.legal = ` ${out.legal}`;
  if (out.first && rng.chance(0.01)) out.first = out.first.toLowerCase();
  return out;
}

const sentence = (text: string) => {
  const t = text === text.toUpperCase() ? text.charAt(0) + text.slice(1).toLowerCase() : text;
  return /[.!?]$/.test(t) ? t : `${t}.`;
};

function findings(kind: InspectionKind, rng: Rng): string {
  return sentence(rng.pick(rng.chance(0.8) ? INSPECTION_NOTES[kind] : INSPECTION_NOTES.any));
}

/** Notes of an inspection: none, a line, or (for some failures) a long itemised report. */
function inspectionNotes(rng: Rng, kind: InspectionKind, outcome: Outcome | null): string | null {
  let notes: string | null = null;
  if (outcome === null) notes = rng.chance(0.1) ? 'Scheduled by phone with the owner.' : null;
  else if (outcome === 'Cancelled')
    notes = rng.pick(['Cancelled at owner request.', 'Business closed at the scheduled time.']);
  else if (outcome === 'Passed') notes = rng.chance(0.4) ? sentence(rng.pick(INSPECTION_NOTES.pass)) : null;
  else if (rng.chance(0.9)) {
    const parts: string[] = [];
    if (rng.chance(0.5)) parts.push(rng.pick(NOTE_OPENINGS));
    if (rng.chance(0.12)) {
      // The long form: numbered items, one per line (Windows line ends, as the product's text box wrote them).
      const items = rng.int(6, 14);
      const lines: string[] = [];
      for (let i = 1; i <= items; i++)
        lines.push(`Item ${i}: ${findings(kind, rng)} ${rng.pick(CORRECTIVE_ACTIONS)}`);
      parts.push(`Findings:\r\n${lines.join('\r\n')}`);
    } else {
      const n = rng.int(1, 4);
      for (let i = 0; i < n; i++) parts.push(findings(kind, rng));
    }
    if (rng.chance(0.6)) parts.push(rng.pick(NOTE_CLOSINGS));
    notes = parts.join(' ');
  }
  // Pasted from a word processor: curly apostrophes.
  if (notes && rng.chance(0.05)) notes = notes.replaceAll("'", '\u2019');
  return notes;
}

const TENDERS_CONVERTED: readonly (readonly [number | null, number])[] = [
  [null, 60],
  [1, 15],
  [2, 25],
];
const TENDERS_2000S: readonly (readonly [number | null, number])[] = [
  [1, 30],
  [2, 50],
  [3, 20],
];
const TENDERS_2010S: readonly (readonly [number | null, number])[] = [
  [1, 15],
  [2, 35],
  [3, 45],
  [4, 5],
];
const TENDERS_LATER: readonly (readonly [number | null, number])[] = [
  [1, 8],
  [2, 20],
  [3, 57],
  [4, 15],
];
const YEAR_2011 = dayOf(2011, 1, 1);
const YEAR_2019 = dayOf(2019, 1, 1);

function tenderType(rng: Rng, day: number): number | null {
  return rng.weighted(
    day < GO_LIVE_DAY
      ? TENDERS_CONVERTED
      : day < YEAR_2011
        ? TENDERS_2000S
        : day < YEAR_2019
          ? TENDERS_2010S
          : TENDERS_LATER,
  );
}

const OUTCOME_WEIGHTS: readonly (readonly [Outcome, number])[] = [
  ['Passed', 72],
  ['Failed', 10],
  ['Reinspection required', 15],
  ['Cancelled', 3],
];

// ---- the walk --------------------------------------------------------------------------------

/**
 * Yields Lakeside's rows in batches of at most `batchSize` rows of one table: the code tables
 * first (PermitStatuses, TenderTypes, PermitTypes, FeeSchedules), then Businesses, Permits,
 * Payments and Inspections batches interleaved.
 */
export function* generatePermitDemo(params: PermitDemoParams): Generator<PfBatch, void, undefined> {
  const { size, seed } = params;
  const batchSize = params.batchSize ?? DEFAULT_BATCH_SIZE;
  checkDemoParams(size, seed);
  if (!Number.isSafeInteger(batchSize) || batchSize < 1)
    throw new RangeError('batchSize must be a positive integer');

  for (const [table, rows] of [
    ['PermitStatuses', permitStatusRows()],
    ['TenderTypes', tenderTypeRows()],
    ['PermitTypes', permitTypeRows()],
    ['FeeSchedules', feeScheduleRows()],
  ] as const) {
    for (let i = 0; i < rows.length; i += batchSize)
      yield { table, rows: rows.slice(i, i + batchSize) } as PfBatch;
  }

  let businesses: BusinessRow[] = [];
  let permits: PermitRow[] = [];
  let payments: PaymentRow[] = [];
  let inspections: InspectionRow[] = [];
  const recent: Identity[] = [];
  let originals = 0;
  const shaper = new Shaper(size, seed);
  const numbersByYear = new Map<number, number>();
  let businessId = 0;
  let permitId = 0;
  let paymentId = 0;
  let inspectionId = 0;
  let rowVer = 2000;
  // SQL Server 2012 and later may skip 1,000 identity values after a restart.
  const nextId = (rng: Rng, id: number) => id + (rng.chance(0.0005) ? 1000 : 1);

  for (let b = 0; shaper.permitsMade < size; b++) {
    const shape = shaper.next(b);
    const rng = new Rng(streamSeed(seed, b, 21));
    businessId = nextId(rng, businessId);
    const firstDay =
      shape.permits.length > 0
        ? Math.min(...shape.permits.map((p) => p.applied))
        : rng.int(shape.kind === 'idle' ? EARLIEST_DAY : GO_LIVE_DAY, TODAY_DAY - 30);
    const converted = firstDay < GO_LIVE_DAY;

    let id: Identity;
    if (shape.kind === 'merged' || shape.kind === 'duplicate')
      id = nearDuplicate(rng, recent[shape.duplicateOf]!);
    else if (shape.kind === 'test') {
      id = {
        legal: rng.pick(TEST_BUSINESS_NAMES),
        trade: null,
        first: null,
        last: null,
        street: null,
        city: CITY,
        state: STATE,
        zip: null,
        phoneDigits: '',
        phone: null,
        fein: null,
      };
    } else {
      id = newIdentity(rng, shape.permits[0]?.type ?? rng.pick(ACTIVE_TYPES));
      recent[originals++ % RECENT] = id;
      id = keyedIn(rng, id, converted);
    }

    const createdOn = converted
      ? CONVERSION_AT
      : stamp(rng, Math.max(GO_LIVE_DAY, firstDay - rng.int(0, 10)));
    const createdBy = converted ? CONVERSION_USER : rng.pick(STAFF_ACCOUNTS);
    const createdDay = converted ? GO_LIVE_DAY - 3 : Math.max(GO_LIVE_DAY, firstDay - 10);
    let modifiedOn = createdOn;
    let modifiedBy: string = createdBy;
    const deleted = shape.kind === 'merged' || shape.kind === 'test';
    if (deleted || rng.chance(0.7)) {
      modifiedOn = stamp(rng, rng.int(Math.max(createdDay + 1, GO_LIVE_DAY), TODAY_DAY - 1));
      modifiedBy = rng.pick(STAFF_ACCOUNTS);
    }
    if (modifiedOn < createdOn) modifiedOn = createdOn;
    const established = rng.next();
    const establishedDay = rng.chance(0.1) ? firstDay - rng.int(365, 25 * 365) : firstDay - rng.int(0, 730);
    rowVer += rng.int(1, 6);
    businesses.push({
      BusinessId: businessId,
      LegalName: id.legal,
      TradeName: id.trade !== null && rng.chance(0.01) ? '' : id.trade,
      OwnerFirstName: id.first,
      OwnerLastName: id.last,
      Street1: id.street,
      City: id.city,
      StateCode: id.state,
      Zip: id.zip,
      PhoneNumber: id.phone,
      FEIN: id.fein,
      DateEstablished:
        established < 0.08 ? null : established < 0.13 ? PLACEHOLDER_DATETIME : midnight(establishedDay),
      IsDeleted: deleted,
      CreatedOn: createdOn,
      CreatedBy: createdBy,
      ModifiedOn: modifiedOn,
      ModifiedBy: modifiedBy,
      RowVer: rowVer,
    });
    if (businesses.length >= batchSize) {
      yield { table: 'Businesses', rows: businesses };
      businesses = [];
    }

    for (const permit of shape.permits) {
      permitId = nextId(rng, permitId);
      const appliedYear = ymdOf(permit.applied).y;
      const seq = (numbersByYear.get(appliedYear) ?? 0) + 1;
      numbersByYear.set(appliedYear, seq);
      const permitConverted = permit.applied < GO_LIVE_DAY;
      const number = permitConverted
        ? `${String(appliedYear % 100).padStart(2, '0')}-${String(seq).padStart(5, '0')}${rng.chance(0.02) ? ' ' : ''}`
        : `LK-${appliedYear}-${String(seq).padStart(6, '0')}`;
      const current = permit.terms[permit.terms.length - 1] ?? null;

      let lastPaid = 0;
      for (const pay of permit.payments) {
        paymentId = nextId(rng, paymentId);
        const payConverted = pay.day < GO_LIVE_DAY;
        payments.push({
          PaymentId: paymentId,
          PermitId: permitId,
          ReceivedAt: stamp(rng, pay.day),
          Amount: pay.amount,
          TenderType: pay.refund ? 2 : tenderType(rng, pay.day),
          ReceiptNumber: payConverted
            ? null
            : rng.chance(0.01)
              ? null
              : `${pay.refund ? 'RF' : 'R'}${String(paymentId).padStart(8, '0')}`,
        });
        lastPaid = Math.max(lastPaid, pay.day);
        if (payments.length >= batchSize) {
          yield { table: 'Payments', rows: payments };
          payments = [];
        }
      }

      const pCreatedOn = permitConverted ? CONVERSION_AT : stamp(rng, permit.applied);
      const pCreatedBy = permitConverted ? CONVERSION_USER : rng.pick(STAFF_ACCOUNTS);
      let changedDay: number;
      let pModifiedBy: string = rng.pick(STAFF_ACCOUNTS);
      let pModifiedOn: string;
      if (permit.status === STATUS.expired && permit.expiry !== null && permit.expiry + 1 <= TODAY_DAY) {
        // The nightly job marks permits expired the night after they lapse.
        changedDay = permit.expiry + 1;
        pModifiedBy = NIGHTLY_JOB_ACCOUNT;
        pModifiedOn = datetimeText(changedDay, 3600 + rng.int(0, 1799), ticks(rng));
      } else {
        changedDay =
          permit.status === STATUS.issued || permit.status === STATUS.pending || current === null
            ? Math.max(lastPaid, current ?? permit.applied)
            : rng.int(current, Math.min(permit.expiry ?? TODAY_DAY, TODAY_DAY));
        pModifiedOn = stamp(rng, changedDay);
      }
      if (changedDay < GO_LIVE_DAY) {
        pModifiedOn = CONVERSION_AT;
        pModifiedBy = CONVERSION_USER;
      }
      // Issued by the button (now, with the time) or with a date typed in (midnight).
      const issuedOn =
        current === null
          ? null
          : rng.chance(0.35)
            ? datetimeText(current, officeSecond(rng), ticks(rng))
            : midnight(current);
      if (pModifiedOn < pCreatedOn) pModifiedOn = pCreatedOn;
      if (issuedOn !== null && current! >= GO_LIVE_DAY && pModifiedOn < issuedOn) pModifiedOn = issuedOn;
      const feeDay = current ?? permit.applied;
      rowVer += rng.int(1, 6);
      permits.push({
        PermitId: permitId,
        PermitNumber: number,
        BusinessId: businessId,
        PermitTypeId: permit.type.id,
        StatusId: permit.status,
        IssuedOn: issuedOn,
        ExpiresOn:
          permit.expiry === null
            ? null
            : rng.chance(0.12)
              ? datetimeText(permit.expiry, 86_399, 997)
              : midnight(permit.expiry),
        AnnualFee: feeDay < GO_LIVE_DAY && rng.chance(0.3) ? null : feesOn(permit.type.id, feeDay).annual,
        IsDeleted: permit.deleted,
        CreatedOn: pCreatedOn,
        CreatedBy: pCreatedBy,
        ModifiedOn: pModifiedOn,
        ModifiedBy: pModifiedBy,
        RowVer: rowVer,
      });
      if (permits.length >= batchSize) {
        yield { table: 'Permits', rows: permits };
        permits = [];
      }

      for (const day of permit.visits) {
        inspectionId = nextId(rng, inspectionId);
        const like = permit.type.like!;
        const kind = rng.weighted(like.inspectionKinds);
        const old = day < GO_LIVE_DAY;
        const pending = day > TODAY_DAY || (day >= TODAY_DAY - 30 && rng.chance(0.35));
        const outcome: Outcome | null = pending ? null : rng.weighted(OUTCOME_WEIGHTS);
        const slot = 8 * 3600 + 1800 * rng.int(0, 15);
        let completedAt: string | null = null;
        if (outcome !== null && outcome !== 'Cancelled') {
          const later = rng.chance(0.1) ? Math.min(day + rng.int(1, 3), TODAY_DAY) : day;
          completedAt = datetimeText(
            later,
            later === day ? slot + rng.int(900, 7200) : officeSecond(rng),
            ticks(rng),
          );
        }
        let outcomeText: string | null = outcome;
        if (outcomeText !== null && old) outcomeText = outcomeText.toUpperCase();
        if (outcomeText !== null && rng.chance(0.005)) outcomeText += ' ';
        inspections.push({
          InspectionId: inspectionId,
          PermitId: permitId,
          ScheduledFor: datetimeText(day, slot),
          CompletedAt: completedAt,
          InspectionType: old ? kind : INSPECTION_TYPE_NAMES[kind],
          Outcome: outcomeText,
          InspectorName: rng.chance(0.02)
            ? null
            : old
              ? rng.pick(OLD_SYSTEM_INSPECTORS[kind])
              : rng.pick(INSPECTORS[kind]),
          Notes: inspectionNotes(rng, kind, outcome),
        });
        if (inspections.length >= batchSize) {
          yield { table: 'Inspections', rows: inspections };
          inspections = [];
        }
      }
    }
  }
  if (businesses.length > 0) yield { table: 'Businesses', rows: businesses };
  if (permits.length > 0) yield { table: 'Permits', rows: permits };
  if (payments.length > 0) yield { table: 'Payments', rows: payments };
  if (inspections.length > 0) yield { table: 'Inspections', rows: inspections };
}

/** Exact rows per table the generator makes for (size, seed), from the shapes alone (no text is made). */
export function countPermitDemo(size: number, seed: number): Record<PfDataTable, number> {
  checkDemoParams(size, seed);
  const counts: Record<PfDataTable, number> = {
    PermitStatuses: PERMIT_STATUSES.length,
    TenderTypes: TENDER_TYPES.length,
    PermitTypes: PERMIT_TYPES.length,
    FeeSchedules: feeScheduleRows().length,
    Businesses: 0,
    Permits: 0,
    Payments: 0,
    Inspections: 0,
  };
  const shaper = new Shaper(size, seed);
  for (let b = 0; shaper.permitsMade < size; b++) {
    const shape = shaper.next(b);
    counts.Businesses++;
    for (const p of shape.permits) {
      counts.Permits++;
      counts.Payments += p.payments.length;
      counts.Inspections += p.visits.length;
    }
  }
  return counts;
}
