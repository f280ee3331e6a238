// Renewals taken at this desk (at the counter and by batch runs, both through the renewLicence
// command): read from the desk's outbox, which keeps each one with the licence as the clerk saw it.
// The legacy system keeps no renewal events, so there is no city-wide count to show.
//
// On time: renewed on or before the day the licence expired (the expiry it had when renewed);
// late: after. A renewal that ended in a conflict and was applied again or edited counts once, as
// its replacement (whose own time stamp and base it carries); a discarded one does not count.
import type { RenewalFigures } from '../../common/ops/dashboard-ops.ts';
import type { Cache } from '../cache/open-cache.ts';
import { daysBetween, eachDay, type Period } from './period.ts';
import { hasTable } from './sources.ts';

export interface RenewalRow {
  operationId: string;
  renewedOn: string;
  renewedAt: string;
  actor: string;
  licenceId: string;
  /** The expiry the licence had when it was renewed (null: not known). */
  previousExpiresOn: string | null;
  newExpiresOn: string | null;
  daysLate: number;
  late: boolean;
  feeCents: number;
  penaltyCents: number;
  /** The outbox status: applied (in the legacy system), pending, conflict or failed. */
  status: string;
}

interface OutboxRow {
  operation_id: string;
  actor: string;
  status: string;
  renewed_at: string;
  licence_id: string;
  new_expires_on: string | null;
  fee_cents: number | null;
  charge_fee: number | null;
  charge_penalty: number | null;
  charge_days_late: number | null;
  previous_expires_on: string | null;
}

export function renewalRows(db: Cache, period: Period): RenewalRow[] {
  // Before replay's conflict table exists nothing can have been replaced.
  const replaced = hasTable(db, 'conflict')
    ? `AND NOT EXISTS (SELECT 1 FROM conflict c WHERE c.operation_id = o.operation_id
         AND c.resolution IN ('apply_again', 'edit', 'discard'))`
    : '';
  const rows = db
    .prepare(
      `SELECT o.operation_id, o.actor, o.status,
         json_extract(o.payload, '$.renewedAt') AS renewed_at,
         json_extract(o.payload, '$.licenceId') AS licence_id,
         json_extract(o.payload, '$.newExpiresOn') AS new_expires_on,
         json_extract(o.payload, '$.feeCents') AS fee_cents,
         json_extract(o.payload, '$.charge.feeCents') AS charge_fee,
         json_extract(o.payload, '$.charge.penaltyCents') AS charge_penalty,
         json_extract(o.payload, '$.charge.daysLate') AS charge_days_late,
         json_extract(o.base, '$[0].record.expiresOn') AS previous_expires_on
       FROM outbox o
       WHERE o.command = 'renewLicence'
         AND substr(json_extract(o.payload, '$.renewedAt'), 1, 10) BETWEEN ? AND ?
         ${replaced}
       ORDER BY o.seq`,
    )
    .all(period.from, period.to) as OutboxRow[];
  return rows.map((r) => {
    const renewedOn = r.renewed_at.slice(0, 10);
    const known = r.previous_expires_on && /^\d{4}-\d{2}-\d{2}$/.test(r.previous_expires_on);
    // The expiry as seen decides; the fee engine's days late stand in when it was not recorded.
    const daysLate = known
      ? Math.max(0, daysBetween(r.previous_expires_on as string, renewedOn))
      : (r.charge_days_late ?? 0);
    const feeCents = r.charge_fee ?? r.fee_cents ?? 0;
    return {
      operationId: r.operation_id,
      renewedOn,
      renewedAt: r.renewed_at,
      actor: r.actor,
      licenceId: r.licence_id,
      previousExpiresOn: known ? r.previous_expires_on : null,
      newExpiresOn: r.new_expires_on,
      daysLate,
      late: daysLate > 0,
      feeCents,
      penaltyCents: r.charge_penalty ?? 0,
      status: r.status,
    };
  });
}

export function renewalFigures(db: Cache, period: Period, rows = renewalRows(db, period)): RenewalFigures {
  const byDay = new Map(eachDay(period).map((date) => [date, { date, onTime: 0, late: 0 }]));
  let late = 0;
  let daysLate = 0;
  let waiting = 0;
  let feesCents = 0;
  let penaltiesCents = 0;
  for (const r of rows) {
    const day = byDay.get(r.renewedOn);
    if (r.late) {
      late++;
      daysLate += r.daysLate;
      if (day) day.late++;
    } else if (day) day.onTime++;
    if (r.status !== 'applied') waiting++;
    feesCents += r.feeCents;
    penaltiesCents += r.penaltyCents;
  }
  return {
    scope: 'desk',
    total: rows.length,
    onTime: rows.length - late,
    late,
    averageDaysLate: late ? Math.round((daysLate / late) * 10) / 10 : null,
    waiting,
    feesCents,
    penaltiesCents,
    byDay: [...byDay.values()],
  };
}
