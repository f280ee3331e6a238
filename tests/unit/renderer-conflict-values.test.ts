// The fields of a conflict as people read them (src-renderer/conflict-values.ts): labels from the
// translations, values formatted by what they are — dates, money, statuses, methods, moments.
import { describe, expect, it } from 'vitest';
import { fieldKind, fieldLabel, formatFieldValue } from '../../src-renderer/conflict-values.ts';
import { testI18n } from './support/renderer-i18n.ts';
import { expectEach } from './support/each-case.ts';

const i18n = testI18n();

describe('conflict fields', () => {
  it('know what kind of value each field holds', () => {
    expectEach(fieldKind, {
      expiresOn: 'date',
      newExpiresOn: 'date',
      feeCents: 'money',
      amountCents: 'money',
      status: 'status',
      method: 'method',
      legacyUpdatedAt: 'timestamp',
      licenceTypeCode: 'text',
    });
  });

  it('read in English and Spanish, never as the stored form', () => {
    const t = i18n.getFixedT('en');
    expect(fieldLabel('expiresOn', t)).toBe('Expiry date');
    expect(formatFieldValue('expiresOn', '2027-01-02', t, 'en')).toBe('Jan 2, 2027');
    expect(formatFieldValue('feeCents', 32250, t, 'en')).toBe('$322.50');
    expect(formatFieldValue('status', 'active', t, 'en')).toBe('Active');
    expect(formatFieldValue('method', 'check', t, 'en')).toBe('Check');
    expect(formatFieldValue('expiresOn', null, t, 'en')).toBe('—');
    expect(formatFieldValue('licenceTypeCode', ' MASS ', t, 'en')).toBe('MASS');
    const tEs = i18n.getFixedT('es');
    expect(fieldLabel('expiresOn', tEs)).toBe('Fecha de vencimiento');
    expect(formatFieldValue('status', 'expired', tEs, 'es')).toBe('Vencida');
    expect(formatFieldValue('method', 'cash', tEs, 'es')).toBe('Efectivo');
  });

  it('fall back to the name and the raw value for what they do not know', () => {
    const t = i18n.getFixedT('en');
    expect(fieldLabel('someNewField', t)).toBe('someNewField');
    expect(formatFieldValue('status', 'pending_review', t, 'en')).toBe('pending_review');
  });
});
