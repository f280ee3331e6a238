// A citation's fine, while unpaid, is money the business owes the city like any open receivable:
// the renewal check and the renewal queue add it to the business's balance (fees/city-records.ts),
// so renewal.balanceDue refuses the renewal at the counter. A fine cited on this desk counts at
// once, before the sync; one paid in the legacy system (ENFCAS.CASPAY) stops counting when the
// desk refreshes. A case at an unlicensed place has no business: its fine is on the case only.
import type Database from 'better-sqlite3';

/** The SQL sum of a business's unpaid fines (one parameter: the business id). */
export const UNPAID_FINES_SQL = `SELECT COALESCE(SUM(fine_cents), 0) FROM enforcement_case
  WHERE business_id = ? AND status = 'cited' AND fine_cents > 0 AND fine_paid_on IS NULL`;

/** What the business owes in fines still unpaid, in cents. */
export function unpaidFineCents(db: Database.Database, businessId: string): number {
  return db.prepare(UNPAID_FINES_SQL).pluck().get(businessId) as number;
}
