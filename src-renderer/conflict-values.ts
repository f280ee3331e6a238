// How the fields of a conflict read for people: a translated label, and the value formatted by
// what it is (a date, money, a status, a payment method, a moment), never the raw stored form.
import type { TFunction } from 'i18next';
import { licenceStatuses, paymentMethods } from '../src-main/common/model.ts';
import { formatDate, formatMoney, formatTimestamp, MISSING } from './format.ts';
import type { Language } from './i18n/index.ts';

export type FieldValue = string | number | null;
export type FieldKind = 'date' | 'money' | 'status' | 'method' | 'timestamp' | 'text';

export function fieldKind(field: string): FieldKind {
  if (field === 'status') return 'status';
  if (field === 'method') return 'method';
  if (/Cents$/.test(field)) return 'money';
  if (/On$/.test(field)) return 'date';
  if (/At$/.test(field)) return 'timestamp';
  return 'text';
}

export function fieldLabel(field: string, t: TFunction): string {
  return t(`fields.${field}`, { defaultValue: field });
}

const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);

export function formatFieldValue(field: string, value: FieldValue, t: TFunction, language: Language): string {
  if (value === null || value === '') return MISSING;
  switch (fieldKind(field)) {
    case 'money':
      return typeof value === 'number' ? formatMoney(value, language) : String(value);
    case 'date':
      return formatDate(String(value), language);
    case 'timestamp':
      return formatTimestamp(String(value), language);
    case 'status':
      return isOneOf(licenceStatuses, value) ? t(`status.${value}`) : String(value);
    case 'method':
      return isOneOf(paymentMethods, value) ? t(`paymentMethod.${value}`) : String(value);
    default:
      return String(value).trim() || MISSING;
  }
}

/** The business a conflict is about when it has no licence yet (a new business): the name typed. */
export function conflictName(conflict: {
  fields: ReadonlyArray<{ field: string; mine: FieldValue }>;
}): string {
  const name = conflict.fields.find((f) => f.field === 'name')?.mine;
  return name === null || name === undefined ? '' : String(name);
}
