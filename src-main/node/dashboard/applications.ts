// New applications taken at this desk (the application table is the desk's own: the legacy
// system has none): how many were received and issued in the period, day by day, and the
// backlog: the ones still open on the period's last day, by how long they had waited.
import {
  type ApplicationFigures,
  type BacklogBucket,
  type BacklogFigures,
  backlogBuckets,
} from '../../common/ops/dashboard-ops.ts';
import type { Cache } from '../cache/open-cache.ts';
import { daysBetween, eachDay, type Period } from './period.ts';
import { hasTable } from './sources.ts';

export interface ApplicationRow {
  id: string;
  businessId: string;
  businessName: string | null;
  licenceTypeCode: string;
  status: string;
  receivedOn: string;
  issuedOn: string | null;
  licenceId: string | null;
}

export const applicationsAvailable = (db: Cache): boolean => hasTable(db, 'application');

/** Applications received or issued in the period (the CSV's rows). */
export function applicationRows(db: Cache, period: Period): ApplicationRow[] {
  return db
    .prepare(
      `SELECT a.id, a.business_id AS businessId, b.name AS businessName, a.licence_type_code AS licenceTypeCode,
         a.status, substr(a.created_at, 1, 10) AS receivedOn, substr(a.issued_at, 1, 10) AS issuedOn,
         a.licence_id AS licenceId
       FROM application a LEFT JOIN business b ON b.id = a.business_id
       WHERE substr(a.created_at, 1, 10) BETWEEN @from AND @to OR substr(a.issued_at, 1, 10) BETWEEN @from AND @to
       ORDER BY a.created_at, a.id`,
    )
    .all({ from: period.from, to: period.to }) as ApplicationRow[];
}

export function applicationFigures(
  db: Cache,
  period: Period,
  rows = applicationRows(db, period),
): ApplicationFigures {
  const byDay = new Map(eachDay(period).map((date) => [date, { date, received: 0, issued: 0 }]));
  const inPeriod = (d: string | null) => d !== null && d >= period.from && d <= period.to;
  let received = 0;
  let issued = 0;
  let withdrawn = 0;
  for (const r of rows) {
    if (inPeriod(r.receivedOn)) {
      received++;
      byDay.get(r.receivedOn)!.received++;
      if (r.status === 'withdrawn') withdrawn++;
    }
    if (r.status === 'issued' && inPeriod(r.issuedOn)) {
      issued++;
      byDay.get(r.issuedOn!)!.issued++;
    }
  }
  return { scope: 'desk', received, issued, withdrawn, byDay: [...byDay.values()] };
}

export function bucketOf(ageDays: number): BacklogBucket {
  if (ageDays <= 7) return '0-7';
  if (ageDays <= 30) return '8-30';
  if (ageDays <= 90) return '31-90';
  return '91+';
}

export interface BacklogRow extends ApplicationRow {
  ageDays: number;
  bucket: BacklogBucket;
}

/**
 * The applications open on `asOf`: received by then and not issued by then. A withdrawn one left
 * the backlog, but the desk does not record when, so it is left out whatever the day.
 */
export function backlogRows(db: Cache, asOf: string): BacklogRow[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.business_id AS businessId, b.name AS businessName, a.licence_type_code AS licenceTypeCode,
         a.status, substr(a.created_at, 1, 10) AS receivedOn, substr(a.issued_at, 1, 10) AS issuedOn,
         a.licence_id AS licenceId
       FROM application a LEFT JOIN business b ON b.id = a.business_id
       WHERE substr(a.created_at, 1, 10) <= @asOf
         AND (a.status = 'open' OR (a.status = 'issued' AND substr(a.issued_at, 1, 10) > @asOf))
       ORDER BY a.created_at, a.id`,
    )
    .all({ asOf }) as ApplicationRow[];
  return rows.map((r) => {
    const ageDays = daysBetween(r.receivedOn, asOf);
    return { ...r, ageDays, bucket: bucketOf(ageDays) };
  });
}

export function backlogFigures(db: Cache, asOf: string, rows = backlogRows(db, asOf)): BacklogFigures {
  const counts = new Map<BacklogBucket, number>(backlogBuckets.map((b) => [b, 0]));
  for (const r of rows) counts.set(r.bucket, (counts.get(r.bucket) ?? 0) + 1);
  return {
    scope: 'desk',
    asOf,
    open: rows.length,
    buckets: backlogBuckets.map((bucket) => ({ bucket, count: counts.get(bucket) ?? 0 })),
    oldestDays: rows.length ? Math.max(...rows.map((r) => r.ageDays)) : null,
  };
}
