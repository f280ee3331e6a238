// The renewal queue: licences that can be renewed, by how their expiry stands on a day.
//   expiring    expires within the next `withinDays` days (from the day itself)
//   expired     expired within the last `withinDays` days
//   delinquent  expired longer ago than that, but still inside the city's renewal window
//               (the longest "closesAfter" of the fee rules; without rules, any time)
//   all         the three together
// Only statuses a renewal may start from are listed (licence-rules.ts renewableStatuses).
// Indexes on (status, expires_on) and (licence_type_code, status, expires_on) in migration 0009
// keep it quick on a large desk: the page is chosen first, its holds and balances read after.
import type Database from 'better-sqlite3';
import { addDays, addMonths, daysBetween, type FeeRulesFile } from '../../common/fees/index.ts';
import { renewableStatuses } from '../../common/licence-rules.ts';
import {
  RenewalQueueQuery,
  type RenewalQueueKind,
  type RenewalQueuePage,
  type RenewalQueueRow,
} from '../../common/ops/fee-ops.ts';
import { zonedIso } from '../../common/time.ts';
import type { Desk } from '../desk/open-desk.ts';
import { deskFeeRules } from '../fees/load-fee-rules.ts';
import { UNPAID_FINES_SQL } from '../enforcement/unpaid-fines.ts';

/** The earliest expiry still renewable on `on`: the longest window any rule leaves open. */
export function oldestRenewableExpiry(rules: FeeRulesFile, on: string): string | null {
  const all = [rules.default, ...Object.values(rules.types)].flatMap((r) => r ?? []);
  if (all.length === 0) return null;
  let oldest: string | null = on;
  for (const rule of all) {
    const close = rule.renewalWindow?.closesAfter;
    if (!close) return null; // a rule without a window: renewable however late
    const from = close.unit === 'days' ? addDays(on, -close.count) : addMonths(on, -close.count);
    if (oldest === null || from < oldest) oldest = from;
  }
  return oldest;
}

interface Bounds {
  from: string | null;
  to: string | null; // both inclusive
}

function boundsOf(kind: RenewalQueueKind, on: string, withinDays: number, oldest: string | null): Bounds {
  const soonest = addDays(on, withinDays);
  const recent = addDays(on, -withinDays);
  switch (kind) {
    case 'expiring':
      return { from: on, to: soonest };
    case 'expired':
      return { from: recent, to: addDays(on, -1) };
    case 'delinquent':
      return { from: oldest, to: addDays(recent, -1) };
    default:
      return { from: oldest, to: soonest };
  }
}

function whereOf(b: Bounds, typeCode: string | undefined, text: string | undefined) {
  const parts = [`l.status IN (${renewableStatuses.map(() => '?').join(', ')})`, 'l.expires_on IS NOT NULL'];
  const params: unknown[] = [...renewableStatuses];
  if (b.from) {
    parts.push('l.expires_on >= ?');
    params.push(b.from);
  }
  if (b.to) {
    parts.push('l.expires_on <= ?');
    params.push(b.to);
  }
  if (typeCode) {
    parts.push('l.licence_type_code = ?');
    params.push(typeCode);
  }
  const t = text?.trim();
  if (t) {
    // Licence number or business name; LIKE's wildcards in the text are taken literally.
    const like = `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(`(l.id LIKE ? ESCAPE '\\' OR b.name LIKE ? ESCAPE '\\' OR b.dba_name LIKE ? ESCAPE '\\')`);
    params.push(like, like, like);
  }
  return { sql: parts.join(' AND '), params };
}

export function renewalQueueIn(
  db: Database.Database,
  rules: FeeRulesFile,
  query: RenewalQueueQuery & { on: string },
): RenewalQueuePage {
  const q = RenewalQueueQuery.parse(query);
  const on = query.on;
  const oldest = oldestRenewableExpiry(rules, on);
  const join = 'FROM licence l JOIN business b ON b.id = l.business_id';
  const count = (kind: RenewalQueueKind) => {
    const w = whereOf(boundsOf(kind, on, q.withinDays, oldest), q.licenceTypeCode, q.text);
    // The business is joined only when the text needs its name.
    const from = q.text?.trim() ? join : 'FROM licence l';
    return db
      .prepare(`SELECT count(*) ${from} WHERE ${w.sql}`)
      .pluck()
      .get(...w.params) as number;
  };
  const counts = { expiring: count('expiring'), expired: count('expired'), delinquent: count('delinquent') };
  const total = q.kind === 'all' ? counts.expiring + counts.expired + counts.delinquent : counts[q.kind];

  const w = whereOf(boundsOf(q.kind, on, q.withinDays, oldest), q.licenceTypeCode, q.text);
  // Soonest first for licences still to expire; most overdue first otherwise.
  const order = q.kind === 'expiring' ? 'l.expires_on ASC, l.id' : 'l.expires_on ASC, l.id';
  const page = db
    .prepare(
      `SELECT l.id, l.business_id, b.name AS business_name, l.licence_type_code, t.name AS type_name,
              l.status, l.expires_on
         ${join} LEFT JOIN licence_type t ON t.code = l.licence_type_code
        WHERE ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...w.params, q.limit, q.offset) as Array<{
    id: string;
    business_id: string;
    business_name: string;
    licence_type_code: string | null;
    type_name: string | null;
    status: RenewalQueueRow['status'];
    expires_on: string;
  }>;
  const holds = db.prepare(
    `SELECT count(*) FROM hold WHERE (licence_id = ? OR business_id = ?)
        AND (placed_on IS NULL OR placed_on <= ?) AND (released_on IS NULL OR released_on > ?)`,
  );
  const balance = db.prepare('SELECT COALESCE(SUM(amount_cents), 0) FROM balance WHERE business_id = ?');
  // A citation's unpaid fine is owed like a receivable (enforcement/unpaid-fines.ts).
  const fines = db.prepare(UNPAID_FINES_SQL);
  const rows: RenewalQueueRow[] = page.map((r) => ({
    licenceId: r.id,
    businessId: r.business_id,
    businessName: r.business_name,
    licenceTypeCode: r.licence_type_code,
    licenceTypeName: r.type_name,
    status: r.status,
    expiresOn: r.expires_on,
    daysLate: daysBetween(r.expires_on, on),
    holds: holds.pluck().get(r.id, r.business_id, on, on) as number,
    balanceCents:
      Math.max(0, balance.pluck().get(r.business_id) as number) +
      (fines.pluck().get(r.business_id) as number),
  }));
  const licenceTypes = db.prepare('SELECT code, name FROM licence_type ORDER BY name').all() as Array<{
    code: string;
    name: string;
  }>;
  return { on, rows, total, counts, licenceTypes };
}

/** The queue on the desk (today in the city's zone unless `on` is given). */
export function renewalQueue(desk: Desk, query: RenewalQueueQuery, now = new Date()): RenewalQueuePage {
  const on = query.on ?? zonedIso(now, desk.timeZone).slice(0, 10);
  return renewalQueueIn(desk.cache, deskFeeRules(desk), { ...query, on });
}
