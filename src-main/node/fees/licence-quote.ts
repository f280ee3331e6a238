// The engine's renewal quote for one licence on the desk: the legacy base amounts of its type
// (feeSchedule entity), the city's fee rules (fees.yaml), its holds and its business's balance.
import type Database from 'better-sqlite3';
import {
  buildSchedules,
  type FeeRulesFile,
  quoteRenewal,
  type RenewalQuote,
} from '../../common/fees/index.ts';
import { activeHolds, outstandingBalanceCents } from './city-records.ts';

export interface LicenceForQuote {
  id: string;
  businessId: string;
  licenceTypeCode: string | null;
  expiresOn: string | null;
  feeCents: number | null;
}

interface FeeRow {
  id: string;
  licence_type_code: string;
  effective_on: string | null;
  amount_cents: number;
  description: string | null;
}

/** The quote, or null when no fee is in effect for the licence's type on that day. */
export function quoteLicence(
  db: Database.Database,
  rules: FeeRulesFile,
  licence: LicenceForQuote,
  on: string,
): RenewalQuote | null {
  const typeCode = licence.licenceTypeCode ?? '';
  const baseAmounts = (
    db
      .prepare(
        'SELECT id, licence_type_code, effective_on, amount_cents, description FROM fee_schedule WHERE licence_type_code = ?',
      )
      .all(typeCode) as FeeRow[]
  ).map((r) => ({
    id: r.id,
    licenceTypeCode: r.licence_type_code,
    effectiveOn: r.effective_on,
    amountCents: r.amount_cents,
    description: r.description,
  }));
  const schedules = buildSchedules({
    rules,
    licenceTypeCode: typeCode,
    baseAmounts,
    fallbackBaseCents: licence.feeCents ?? 0,
  });
  return quoteRenewal({
    schedules,
    licenceTypeCode: typeCode,
    // A licence never given an expiry date is renewed as if it expired today: on time.
    expiresOn: licence.expiresOn ?? on,
    asOf: on,
    holds: activeHolds(db, licence.id, licence.businessId, on),
    outstandingBalanceCents: outstandingBalanceCents(db, licence.businessId),
  });
}
