// The domain rules of replay: what makes a renewal or a payment a conflict, how a conflict reads
// field by field, and how "apply again" rebases a renewal on the legacy values.
import { describe, expect, it } from 'vitest';
import { changedFields, conflictFields, editableFields, rebase } from '../../src-main/common/replay-rules.ts';

const seen = {
  id: 'RV-0000042',
  status: 'active',
  expiresOn: '2027-03-31',
  licenceTypeCode: 'FOOD',
  feeCents: 45005,
  legacyUpdatedAt: '2026-01-05T17:35:21-06:00',
};
const renewal = {
  v: 1,
  licenceId: 'RV-0000042',
  newExpiresOn: '2028-03-31',
  feeCents: 45005,
  renewedAt: '2026-11-23T09:00:00-06:00',
};
const payment = {
  v: 1,
  licenceId: 'RV-0000042',
  amountCents: 1250,
  method: 'cash',
  paidOn: '2026-11-23',
  paidAt: '2026-11-23T09:00:00-06:00',
  receiptNo: 'P-FRONT1-000001',
};

describe('replay rules', () => {
  it('a renewal conflicts when the expiry, status, type or fee changed elsewhere, not when only the time stamp did', () => {
    expect(
      changedFields('renewLicence', seen, { ...seen, legacyUpdatedAt: '2026-11-01T00:00:00-06:00' }),
    ).toEqual([]);
    expect(
      changedFields('renewLicence', seen, { ...seen, expiresOn: '2028-03-31', status: 'active' }),
    ).toEqual(['expiresOn']);
    expect(changedFields('renewLicence', seen, { ...seen, status: 'suspended', feeCents: 50000 })).toEqual([
      'status',
      'feeCents',
    ]);
  });

  it('a payment never conflicts with changes to its licence: money taken is recorded', () => {
    expect(
      changedFields('recordPayment', seen, { ...seen, expiresOn: '2030-01-01', status: 'expired' }),
    ).toEqual([]);
  });

  it('shows a conflict as seen / mine / current per field, flagging what changed elsewhere', () => {
    const fields = conflictFields('renewLicence', renewal, seen, { ...seen, expiresOn: '2027-09-30' });
    expect(fields.find((f) => f.field === 'expiresOn')).toEqual({
      field: 'expiresOn',
      seen: '2027-03-31',
      mine: '2028-03-31',
      current: '2027-09-30',
      changedElsewhere: true,
    });
    expect(fields.find((f) => f.field === 'status')).toMatchObject({
      seen: 'active',
      mine: 'active',
      changedElsewhere: false,
    });
    const gone = conflictFields('recordPayment', payment, seen, null);
    expect(gone.find((f) => f.field === 'amountCents')).toMatchObject({
      seen: null,
      mine: 1250,
      current: null,
      changedElsewhere: false,
    });
    expect(gone.find((f) => f.field === 'status')).toMatchObject({ current: null, changedElsewhere: true });
  });

  it('apply again renews from the expiry the legacy holds now; edits are offered per command', () => {
    const rebased = rebase(
      'renewLicence',
      renewal,
      { ...seen, expiresOn: '2027-09-30', feeCents: 47000 },
      '2026-11-23',
      12,
    );
    expect(rebased).toMatchObject({ newExpiresOn: '2028-09-30', feeCents: 47000, licenceId: 'RV-0000042' });
    // Lapsed meanwhile: one term from today.
    expect(
      rebase('renewLicence', renewal, { ...seen, expiresOn: '2026-01-31' }, '2026-11-23', 6).newExpiresOn,
    ).toBe('2027-05-23');
    expect(rebase('recordPayment', payment, seen, '2026-11-23', 12)).toEqual(payment);
    // quoted by the fee engine: what was charged stays, whatever fee the legacy record has now
    const quoted = {
      ...renewal,
      feeCents: 28595,
      charge: {
        scheduleId: 'S',
        asOf: '2026-11-23',
        daysLate: 87,
        feeCents: 21500,
        penaltyCents: 7095,
        lines: [],
      },
    };
    expect(rebase('renewLicence', quoted, { ...seen, feeCents: 47000 }, '2026-11-23', 12).feeCents).toBe(
      28595,
    );
    expect(editableFields('renewLicence', renewal)).toEqual({ newExpiresOn: '2028-03-31' });
    expect(editableFields('recordPayment', payment)).toEqual({
      licenceId: 'RV-0000042',
      amountCents: 1250,
      method: 'cash',
    });
  });
});
