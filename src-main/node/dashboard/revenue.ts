// Revenue by day and by payment method. City-wide: the payment table holds every desk's payments
// as the legacy system had them at the last refresh, plus this desk's payments not sent yet
// (`local:<operation>` ids; once applied, the legacy row replaces them, so nothing counts twice).
// Voids and refunds are payment rows of their own with a negative amount (reversal_of names the
// payment they give back): net revenue is the plain sum, gross leaves them out.
import { paymentMethods, type PaymentMethod } from '../../common/model.ts';
import type { MethodCents, RevenueFigures } from '../../common/ops/dashboard-ops.ts';
import type { Cache } from '../cache/open-cache.ts';
import { eachDay, type Period } from './period.ts';
import { hasColumn } from './sources.ts';

interface DayMethodRow {
  day: string;
  method: string;
  net: number;
  gross: number;
  payments: number;
  reversed: number;
  reversals: number;
  provisional: number;
  provisionalCents: number;
}

export const noMethods = (): MethodCents => ({ cash: 0, check: 0, card: 0, other: 0 });

/** A method the legacy system spells otherwise (or leaves blank) counts as "other". */
export const methodOf = (value: string): PaymentMethod =>
  (paymentMethods as readonly string[]).includes(value) ? (value as PaymentMethod) : 'other';

/** When payments were last refreshed from the legacy system (null: never on this desk). */
export function paymentsRefreshedAt(db: Cache): string | null {
  return (
    (db.prepare(`SELECT last_completed_at FROM sync_state WHERE dataset = 'payment'`).pluck().get() as
      string | null | undefined) ?? null
  );
}

/** The SQL condition that tells a void or refund row (before migration 0007 only the sign tells). */
function reversalCondition(db: Cache): string {
  return hasColumn(db, 'payment', 'reversal_of')
    ? '(reversal_of IS NOT NULL OR amount_cents < 0)'
    : 'amount_cents < 0';
}

export function revenueFigures(db: Cache, period: Period): RevenueFigures {
  const reversal = reversalCondition(db);
  const rows = db
    .prepare(
      `SELECT paid_on AS day, method,
         SUM(amount_cents) AS net,
         SUM(CASE WHEN ${reversal} THEN 0 ELSE amount_cents END) AS gross,
         SUM(CASE WHEN ${reversal} THEN 0 ELSE 1 END) AS payments,
         SUM(CASE WHEN ${reversal} THEN ABS(amount_cents) ELSE 0 END) AS reversed,
         SUM(CASE WHEN ${reversal} THEN 1 ELSE 0 END) AS reversals,
         SUM(CASE WHEN id LIKE 'local:%' THEN 1 ELSE 0 END) AS provisional,
         SUM(CASE WHEN id LIKE 'local:%' THEN amount_cents ELSE 0 END) AS provisionalCents
       FROM payment
       WHERE paid_on BETWEEN ? AND ?
       GROUP BY paid_on, method`,
    )
    .all(period.from, period.to) as DayMethodRow[];

  const byDay = new Map(eachDay(period).map((date) => [date, { date, netCents: 0, byMethod: noMethods() }]));
  const figures: RevenueFigures = {
    scope: 'city',
    asOf: paymentsRefreshedAt(db),
    grossCents: 0,
    paymentCount: 0,
    reversedCents: 0,
    reversalCount: 0,
    netCents: 0,
    provisionalCount: 0,
    provisionalCents: 0,
    byMethod: noMethods(),
    byDay: [],
  };
  for (const r of rows) {
    const method = methodOf(r.method);
    const day = byDay.get(r.day);
    if (day) {
      day.netCents += r.net;
      day.byMethod[method] += r.net;
    }
    figures.grossCents += r.gross;
    figures.paymentCount += r.payments;
    figures.reversedCents += r.reversed;
    figures.reversalCount += r.reversals;
    figures.netCents += r.net;
    figures.provisionalCount += r.provisional;
    figures.provisionalCents += r.provisionalCents;
    figures.byMethod[method] += r.net;
  }
  figures.byDay = [...byDay.values()];
  return figures;
}
