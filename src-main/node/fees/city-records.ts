// Holds and outstanding balances: city records other desks see too (refreshed from the legacy
// database like any entity, into the cache tables of migration 0009). A renewal is blocked while
// a hold on the licence or its business is not released, or while the business owes money.
import type Database from 'better-sqlite3';
import type { Hold } from '../../common/fees/index.ts';
import { unpaidFineCents } from '../enforcement/unpaid-fines.ts';

interface HoldRow {
  id: string;
  code: string | null;
  reason: string;
  placed_on: string | null;
}

/** Holds on the licence or its business in force on `on` (placed, not yet released). */
export function activeHolds(
  db: Database.Database,
  licenceId: string,
  businessId: string,
  on: string,
): Hold[] {
  const rows = db
    .prepare(
      `SELECT id, code, reason, placed_on FROM hold
        WHERE (licence_id = ? OR business_id = ?)
          AND (placed_on IS NULL OR placed_on <= ?)
          AND (released_on IS NULL OR released_on > ?)
        ORDER BY placed_on, id`,
    )
    .all(licenceId, businessId, on, on) as HoldRow[];
  return rows.map((r) => ({
    code: r.code ?? 'hold',
    reason: r.reason,
    ...(r.placed_on ? { placedOn: r.placed_on } : {}),
  }));
}

/**
 * What the business still owes from earlier charges, in cents (never below zero): its open
 * receivables, and its citations' fines still unpaid (enforcement/unpaid-fines.ts).
 */
export function outstandingBalanceCents(db: Database.Database, businessId: string): number {
  const owed = db
    .prepare('SELECT COALESCE(SUM(amount_cents), 0) FROM balance WHERE business_id = ?')
    .pluck()
    .get(businessId) as number;
  return Math.max(0, owed) + unpaidFineCents(db, businessId);
}
