// The value transforms a bridge file can name. Each takes the value the ODBC driver returned
// (string, number, bigint or null) and returns the canonical value, or reports a problem: a
// problem never stops a sync, it makes the field null and is recorded as a data issue for IT.
import { z } from 'zod';
import { formatOffset, zoneOffsetMinutes } from '../../common/time.ts';

export type Raw = string | number | bigint | boolean | null;
export class TransformProblem extends Error {}

export interface TransformContext {
  /** IANA time zone of the city, for legacy local timestamps. */
  timeZone: string;
}

// ---- dates -----------------------------------------------------------------------------------

const pad2 = (n: number) => String(n).padStart(2, '0');

function isoDate(y: number, m: number, d: number, raw: Raw): string {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || d < 1 || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d || y < 1800) {
    throw new TransformProblem(`"${String(raw)}" is not a real date`);
  }
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

const digitsOf = (raw: Raw) => String(raw).trim().replace(/\.0+$/, '');

export const dateFormats = ['yyyymmdd', 'cyymmdd', 'mmddyy', 'mmddyyyy', 'iso', 'serial'] as const;
export type DateFormat = (typeof dateFormats)[number];

/** Parses a legacy date. Blank and all-zero values are "no date" (null), not a problem. */
export function parseLegacyDate(raw: Raw, format: DateFormat, pivot = 50): string | null {
  if (raw === null) return null;
  const text = digitsOf(raw);
  if (text === '' || /^0+$/.test(text)) return null;
  switch (format) {
    case 'yyyymmdd': {
      if (!/^\d{8}$/.test(text)) throw new TransformProblem(`"${text}" is not a YYYYMMDD date`);
      return isoDate(+text.slice(0, 4), +text.slice(4, 6), +text.slice(6, 8), raw);
    }
    case 'cyymmdd': {
      // IBM i style: C is the century offset from 1900 (0 = 19xx, 1 = 20xx), then YYMMDD.
      if (!/^\d{6,7}$/.test(text)) throw new TransformProblem(`"${text}" is not a CYYMMDD date`);
      const t = text.padStart(7, '0');
      return isoDate(1900 + 100 * +t[0]! + +t.slice(1, 3), +t.slice(3, 5), +t.slice(5, 7), raw);
    }
    case 'mmddyy':
    case 'mmddyyyy': {
      const m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(String(raw).trim());
      if (!m) throw new TransformProblem(`"${String(raw).trim()}" is not an MM/DD/YY date`);
      let y = +m[3]!;
      if (m[3]!.length === 2) y += y < pivot ? 2000 : 1900;
      return isoDate(y, +m[1]!, +m[2]!, raw);
    }
    case 'iso': {
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(raw).trim());
      if (!m) throw new TransformProblem(`"${String(raw).trim()}" is not an ISO date`);
      return isoDate(+m[1]!, +m[2]!, +m[3]!, raw);
    }
    case 'serial': {
      // Access/Excel serial day numbers: day 0 is 1899-12-30 (Excel's 1900 leap-year bug included).
      const n = Number(text);
      if (!Number.isFinite(n)) throw new TransformProblem(`"${text}" is not a serial day number`);
      const dt = new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86_400_000);
      return isoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate(), raw);
    }
  }
}

// Converting a wall-clock time needs the zone's offset, which changes only on DST days: remember
// each day's offset when it is the same at both ends of the day (most days), else work it out.
const dayOffsets = new Map<string, number | null>();

function offsetAtWallTime(wall: number, timeZone: string): number {
  const exact = () => {
    const first = zoneOffsetMinutes(wall, timeZone);
    return zoneOffsetMinutes(wall - first * 60_000, timeZone); // second pass settles DST edges
  };
  const day = Math.floor(wall / 86_400_000);
  const key = `${timeZone}|${day}`;
  let cached = dayOffsets.get(key);
  if (cached === undefined) {
    const startOfDay = day * 86_400_000;
    const atStart = zoneOffsetMinutes(
      startOfDay - zoneOffsetMinutes(startOfDay, timeZone) * 60_000,
      timeZone,
    );
    const endOfDay = startOfDay + 86_399_000;
    const atEnd = zoneOffsetMinutes(endOfDay - zoneOffsetMinutes(endOfDay, timeZone) * 60_000, timeZone);
    cached = atStart === atEnd ? atStart : null;
    if (dayOffsets.size > 100_000) dayOffsets.clear();
    dayOffsets.set(key, cached);
  }
  return cached ?? exact();
}

/** A wall-clock time in the city's zone as ISO 8601 with its offset, e.g. 2024-03-10T09:30:00-05:00. */
export function localTimestampToIso(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  timeZone: string,
): string {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const offset = offsetAtWallTime(wall, timeZone);
  return `${isoDate(y, mo, d, `${y}${mo}${d}`)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}${formatOffset(offset)}`;
}

export function parseLegacyTimestamp(raw: Raw, timeZone: string): string | null {
  if (raw === null) return null;
  const text = String(raw).trim();
  if (text === '' || /^0+$/.test(text)) return null;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[ T]?(\d{2}):?(\d{2}):?(\d{2})?)?/.exec(text);
  if (!m) throw new TransformProblem(`"${text}" is not a timestamp`);
  const [h, mi, s] = [+(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) throw new TransformProblem(`"${text}" is not a real time`);
  return localTimestampToIso(+m[1]!, +m[2]!, +m[3]!, h, mi, s, timeZone);
}

// ---- money -----------------------------------------------------------------------------------

/** Exact decimal text ("1234.5", "-0.07", "12") to integer cents; never through floating point. */
export function decimalTextToCents(raw: Raw): number | null {
  if (raw === null) return null;
  if (typeof raw === 'number' && !Number.isInteger(raw)) {
    throw new TransformProblem(
      'money arrived as a floating-point number; declare the column `type: decimal`',
    );
  }
  const text = String(raw).trim();
  if (text === '') return null;
  const m = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new TransformProblem(`"${text}" is not an amount`);
  const frac = (m[3] ?? '').padEnd(2, '0');
  if (/[1-9]/.test(frac.slice(2))) throw new TransformProblem(`"${text}" has fractions of a cent`);
  const cents = BigInt(m[2] || '0') * 100n + BigInt(frac.slice(0, 2));
  const signed = m[1] === '-' ? -cents : cents;
  if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new TransformProblem(`"${text}" is too large an amount`);
  }
  return Number(signed);
}

// ---- text ------------------------------------------------------------------------------------

const smallWords = new Set(['of', 'and', 'the', 'a', 'an', 'in', 'on', 'at', 'for', 'de', 'la', 'y', 'del']);
const keepUpper = new Set([
  'LLC',
  'LLP',
  'LP',
  'DBA',
  'USA',
  'II',
  'III',
  'IV',
  'BBQ',
  'PC',
  'PLLC',
  'NE',
  'NW',
  'SE',
  'SW',
]);

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** "MAIN ST BBQ & GRILL LLC" -> "Main St BBQ & Grill LLC": for legacy all-caps names. */
export function titleCase(text: string): string {
  // One pass over the words (letters, digits, apostrophes); separators stay as they are.
  return text.toLowerCase().replace(/[\p{L}\p{N}'’]+/gu, (word: string, offset: number) => {
    const upper = word.toUpperCase();
    if (keepUpper.has(upper)) return upper;
    if (offset > 0 && smallWords.has(word) && text[offset - 1] === ' ' && text[offset + word.length] !== '-')
      return word;
    if (word.length > 2 && word.startsWith('mc')) return `Mc${capitalise(word.slice(2))}`;
    if (word.length > 2 && (word.startsWith("o'") || word.startsWith('o’'))) {
      return `O${word[1]}${capitalise(word.slice(2))}`;
    }
    return capitalise(word);
  });
}

/** US-style phone numbers to "(555) 201-3344"; anything else is kept as written. */
export function formatPhone(text: string): string {
  const digits = text.replace(/\D/g, '');
  const d = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  if (d.length === 10) return `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`;
  if (d.length === 7) return `${d.slice(0, 3)}-${d.slice(3)}`;
  return text;
}

// ---- code pages -------------------------------------------------------------------------------

// Drivers that do not know a column's code page hand its bytes over as Latin-1 characters; taking
// those bytes back and decoding them with the right code page repairs the text.
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

function isKnownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

export function codePageDecoder(label: string): (text: string) => string {
  if (label === 'cp437') {
    return (text) => text.replace(/[\u0080-\u00ff]/g, (c) => CP437_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  const decoder = new TextDecoder(label);
  return (text) => (/[\u0080-\uffff]/.test(text) ? decoder.decode(Buffer.from(text, 'latin1')) : text);
}

// ---- the step table --------------------------------------------------------------------------

const stringOf = (v: Raw): string | null => (v === null ? null : String(v));

/** A transform step as written in bridge.yaml: a bare name, or a one-key object with options. */
export const TransformStep = z.union([
  z.enum([
    'trim',
    'collapse_spaces',
    'upper',
    'lower',
    'title_case',
    'blank_to_null',
    'digits',
    'integer',
    'cents',
    'phone',
    'yes_no',
    'timestamp',
  ]),
  z.strictObject({
    date: z.union([
      z.enum(dateFormats),
      z.strictObject({
        format: z.enum(dateFormats),
        placeholders: z.array(z.union([z.string(), z.number()])).optional(),
        pivot: z.number().int().min(0).max(99).optional(),
      }),
    ]),
  }),
  z.strictObject({
    map: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  }),
  z.strictObject({ default: z.union([z.string(), z.number(), z.boolean(), z.null()]) }),
  z.strictObject({
    /** Text stored in a legacy code page: cp437 or any WHATWG label (windows-1252, iso-8859-15, ibm866, …). */
    decode: z
      .string()
      .refine((label) => label === 'cp437' || isKnownEncoding(label), 'is not a code page this desk knows'),
  }),
  z.strictObject({ null_if: z.array(z.union([z.string(), z.number()])) }),
]);
export type TransformStep = z.infer<typeof TransformStep>;

export type CompiledTransform = (value: Raw) => Raw;

/** Compiles a list of steps into one function. Unknown map codes and bad values throw TransformProblem. */
export function compileTransforms(steps: TransformStep[], ctx: TransformContext): CompiledTransform {
  const fns = steps.map((step) => compileStep(step, ctx));
  return (value) => {
    let v = value;
    for (const fn of fns) v = fn(v);
    return v;
  };
}

function compileStep(step: TransformStep, ctx: TransformContext): CompiledTransform {
  if (typeof step === 'string') {
    switch (step) {
      case 'trim':
        return (v) => (typeof v === 'string' ? v.trim() : v);
      case 'collapse_spaces':
        return (v) => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : v);
      case 'upper':
        return (v) => (typeof v === 'string' ? v.toUpperCase() : v);
      case 'lower':
        return (v) => (typeof v === 'string' ? v.toLowerCase() : v);
      case 'title_case':
        return (v) => (typeof v === 'string' ? titleCase(v) : v);
      case 'blank_to_null':
        return (v) => (typeof v === 'string' && v.trim() === '' ? null : v);
      case 'digits':
        return (v) => (v === null ? null : String(v).replace(/\D/g, '') || null);
      case 'phone':
        return (v) => (typeof v === 'string' ? (v.trim() === '' ? null : formatPhone(v.trim())) : v);
      case 'integer':
        return (v) => {
          if (v === null) return null;
          const t = String(v).trim().replace(/\.0+$/, '');
          if (t === '') return null;
          if (!/^[+-]?\d+$/.test(t)) throw new TransformProblem(`"${t}" is not a whole number`);
          const n = Number(t);
          if (!Number.isSafeInteger(n)) throw new TransformProblem(`"${t}" is too large`);
          return n;
        };
      case 'cents':
        return (v) => decimalTextToCents(v);
      case 'yes_no':
        return (v) => {
          if (v === null) return null;
          const t = String(v).trim().toUpperCase();
          if (['Y', 'YES', 'T', 'TRUE', '1', '-1'].includes(t)) return true;
          if (['N', 'NO', 'F', 'FALSE', '0'].includes(t)) return false;
          if (t === '') return null;
          throw new TransformProblem(`"${t}" is not yes or no`);
        };
      case 'timestamp':
        return (v) => parseLegacyTimestamp(v, ctx.timeZone);
    }
  }
  if ('date' in step) {
    const spec = typeof step.date === 'string' ? { format: step.date } : step.date;
    const placeholders = new Set((spec.placeholders ?? []).map((p) => String(p).trim()));
    return (v) => {
      if (v !== null && placeholders.has(digitsOf(v))) return null;
      return parseLegacyDate(v, spec.format, spec.pivot);
    };
  }
  if ('map' in step) {
    const table = new Map(Object.entries(step.map).map(([k, val]) => [k.trim(), val]));
    return (v) => {
      const key = stringOf(v)?.trim() ?? '';
      if (table.has(key)) return table.get(key) as Raw;
      if (table.has('*')) return table.get('*') as Raw; // "*" is the map's fallback for other codes
      throw new TransformProblem(`code "${key}" is not in the code map`);
    };
  }
  if ('default' in step) return (v) => (v === null || v === '' ? step.default : v);
  if ('decode' in step) {
    const decode = codePageDecoder(step.decode);
    return (v) => (typeof v === 'string' ? decode(v) : v);
  }
  const nulls = new Set(step.null_if.map((x) => String(x).trim()));
  return (v) => (v !== null && nulls.has(String(v).trim()) ? null : v);
}
