// Money, dates and times as printed on documents, per language (en-US and es-US both write
// $1,234.50; dates read "November 23, 2026" / "23 de noviembre de 2026").
import { type DocLanguage, localeOf } from './doc-text.ts';

/** Integer cents as dollars, exactly (no floating point): 123450 -> "$1,234.50", -500 -> "-$5.00". */
export function formatMoney(cents: number, _language: DocLanguage = 'en'): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
  const abs = Math.abs(cents);
  const dollars = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents < 0 ? '-' : ''}$${dollars}.${String(abs % 100).padStart(2, '0')}`;
}

// Intl puts narrow and no-break spaces in times ("9:30 AM", "a. m."): printed as plain spaces.
const plainSpaces = (s: string) => s.replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ');

/** An ISO date (YYYY-MM-DD) written out in the language; text that is not a date is returned as is. */
export function formatDate(isoDate: string | null | undefined, language: DocLanguage): string {
  if (!isoDate) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return plainSpaces(
    new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' }).format(at),
  );
}

/**
 * An ISO timestamp with its offset (as common/time.ts zonedIso writes them, in the city's zone),
 * written as the wall-clock time it already holds: no conversion to the machine's zone.
 */
export function formatDateTime(isoTimestamp: string | null | undefined, language: DocLanguage): string {
  if (!isoTimestamp) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(isoTimestamp);
  if (!m) return formatDate(isoTimestamp, language);
  const at = new Date(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)),
  );
  return plainSpaces(
    new Intl.DateTimeFormat(localeOf(language), {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(at),
  );
}

/** A business row's last address line as the post office writes it: "Riverton, IL 60542" (parts left out when empty). */
export function cityStateZip(row: Record<string, unknown> | undefined): string | null {
  const str = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
  const stateZip = [str(row?.state), str(row?.postal_code)].filter(Boolean).join(' ');
  return [str(row?.city), stateZip].filter(Boolean).join(', ') || null;
}
