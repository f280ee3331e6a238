import { describe, expect, it } from 'vitest';
import { addMonths, renewalExpiry } from '../../src-main/common/licence-rules.ts';

describe('renewal dates', () => {
  it('adds months keeping the last day of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 12)).toBe('2027-11-15');
    expect(addMonths('2026-12-31', 24)).toBe('2028-12-31');
  });
  it('renews one term after the current expiry when renewed early', () => {
    expect(renewalExpiry('2027-01-15', '2026-11-23', 12)).toBe('2028-01-15');
  });
  it('renews one term from today when the licence has expired or has no date', () => {
    expect(renewalExpiry('2025-06-30', '2026-11-23', 12)).toBe('2027-11-23');
    expect(renewalExpiry(null, '2026-11-23', 24)).toBe('2028-11-23');
    expect(renewalExpiry('2026-11-23', '2026-11-23', null)).toBe('2027-11-23');
  });
});
