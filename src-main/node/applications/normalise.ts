// How two ways of writing the same business are made comparable, and how alike two businesses
// are, for duplicate suggestions. Pure functions: the unit tests pin every rule down.

/** Legal-form words that say nothing about which business it is ("Acme Inc" is "Acme"). */
const LEGAL_FORMS = new Set([
  'inc',
  'incorporated',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'co',
  'company',
  'corp',
  'corporation',
  'pllc',
  'pc',
  'plc',
  'the',
]);

/** Lower case, accents off, & as "and", punctuation as spaces, legal forms dropped. */
export function nameTokens(name: string | null | undefined): string[] {
  if (!name) return [];
  const text = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`.]/g, '') // "Joe's" and "Joes" are one word, "L.L.C." is "llc"
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  return text.split(' ').filter((w) => w && !LEGAL_FORMS.has(w));
}

export const normaliseName = (name: string | null | undefined): string => nameTokens(name).join(' ');

const STREET_WORDS: Record<string, string> = {
  street: 'st',
  avenue: 'ave',
  av: 'ave',
  boulevard: 'blvd',
  road: 'rd',
  drive: 'dr',
  lane: 'ln',
  court: 'ct',
  place: 'pl',
  highway: 'hwy',
  parkway: 'pkwy',
  terrace: 'ter',
  circle: 'cir',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  suite: 'ste',
  apartment: 'apt',
  unit: 'ste',
  '#': 'ste',
};

/** "123 North Main Street, Suite 4" and "123 N. Main St Ste 4" both become "123 n main st ste 4". */
export function normaliseStreet(address: string | null | undefined): string {
  if (!address) return '';
  return address
    .toLowerCase()
    .replace(/#/g, ' # ')
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .split(' ')
    .filter(Boolean)
    .map((w) => STREET_WORDS[w] ?? w)
    .join(' ');
}

/** The digits of a phone number, without a leading US country code. */
export function phoneDigits(phone: string | null | undefined): string {
  const d = (phone ?? '').replace(/\D/g, '');
  return d.length === 11 && d.startsWith('1') ? d.slice(1) : d;
}

/** A tax id compared as its letters and digits ("12-3456789" is "123456789"). */
export const normaliseTaxId = (taxId: string | null | undefined): string =>
  (taxId ?? '').replace(/[^A-Za-z0-9]/g, '').toUpperCase();

/** Trigrams of a normalised name, padded so short words still count. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.split(' ').filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** Dice coefficient over trigrams: 1 for the same text, 0 for nothing in common. */
function dice(a: string, b: string): number {
  if (a === b) return 1;
  const ta = trigrams(a);
  const tb = trigrams(b);
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return (2 * common) / (ta.size + tb.size);
}

/**
 * How alike two normalised names are, 0..1: the trigram Dice coefficient of the whole names, but
 * no more than the average, over the words of the shorter name, of each word's best match in the
 * other. The second keeps one long common word from making different businesses alike
 * ("Martinez Enterprises" and "Walker Enterprises"); a typo in one word costs little
 * ("Joes Diner" and "Joes Dinner").
 */
export function nameSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const [short, long] = a.split(' ').length <= b.split(' ').length ? [a, b] : [b, a];
  const longWords = long.split(' ');
  const shortWords = short.split(' ');
  let sum = 0;
  for (const w of shortWords) sum += Math.max(...longWords.map((o) => dice(w, o)));
  // Words of the longer name matched by none of the shorter's also count against it.
  const byWords = sum / Math.max(shortWords.length, longWords.length - 1);
  return Math.min(dice(a, b), Math.min(1, byWords));
}

export type MatchReason = 'same_name' | 'similar_name' | 'same_address' | 'same_phone' | 'same_tax_id';

export interface BusinessFacts {
  name: string;
  dbaName?: string | null;
  addressLine?: string | null;
  phone?: string | null;
  taxId?: string | null;
}

/** Names at least this alike are "similar" (e.g. "Joe's Diner" and "Joes Dinner LLC"). */
export const SIMILAR_NAME = 0.6;

/**
 * Why a cached business may be the one being typed in, and a score to rank by (a tax id weighs
 * most, then phone, the name and the address). Null when nothing matches.
 */
export function matchBusiness(
  typed: BusinessFacts,
  candidate: BusinessFacts,
): { score: number; reasons: MatchReason[]; nameSimilarity: number } | null {
  const reasons: MatchReason[] = [];
  let score = 0;
  const typedNames = [typed.name, typed.dbaName].map(normaliseName).filter(Boolean);
  const theirNames = [candidate.name, candidate.dbaName].map(normaliseName).filter(Boolean);
  let best = 0;
  for (const a of typedNames) for (const b of theirNames) best = Math.max(best, nameSimilarity(a, b));
  if (best === 1) {
    reasons.push('same_name');
    score += 50;
  } else if (best >= SIMILAR_NAME) {
    reasons.push('similar_name');
    score += Math.round(50 * best);
  }
  const street = normaliseStreet(typed.addressLine);
  if (street && street === normaliseStreet(candidate.addressLine)) {
    reasons.push('same_address');
    score += 30;
  }
  const phone = phoneDigits(typed.phone);
  if (phone.length >= 7 && phone === phoneDigits(candidate.phone)) {
    reasons.push('same_phone');
    score += 40;
  }
  const tax = normaliseTaxId(typed.taxId);
  if (tax && tax === normaliseTaxId(candidate.taxId)) {
    reasons.push('same_tax_id');
    score += 100;
  }
  return reasons.length ? { score, reasons, nameSimilarity: Math.round(best * 100) / 100 } : null;
}
