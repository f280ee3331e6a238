// The supervisor's dashboard: every figure for a period, each from its own small query
// (revenue.ts, renewals.ts, applications.ts), after the role check: the service refuses a clerk,
// whatever the UI shows.
import type { DashboardFigures, DashboardPeriod } from '../../common/ops/dashboard-ops.ts';
import { zonedIso } from '../../common/time.ts';
import type { Desk } from '../desk/open-desk.ts';
import { assertAllowed, loadPolicy } from '../security/policy.ts';
import { applicationFigures, applicationsAvailable, backlogFigures } from './applications.ts';
import { type Period, resolvePeriod, todayIn } from './period.ts';
import { renewalFigures } from './renewals.ts';
import { revenueFigures } from './revenue.ts';
import { hasTable } from './sources.ts';

/** Refuses anyone but a supervisor or an admin, in plain words. */
export function assertMayViewDashboard(desk: Desk, actor: string): void {
  assertAllowed(loadPolicy(desk.paths.dataDir), actor, 'dashboard.view');
}

export function dashboardPeriod(desk: Desk, input: DashboardPeriod, now = new Date()): Period {
  return resolvePeriod(input, desk.timeZone, now);
}

/** The backlog is counted on the period's last day, or today when the period runs into the future. */
export function backlogDay(desk: Desk, period: Period, now = new Date()): string {
  const today = todayIn(desk.timeZone, now);
  return period.to < today ? period.to : today;
}

export function dashboardFigures(
  desk: Desk,
  actor: string,
  input: DashboardPeriod,
  now = new Date(),
): DashboardFigures {
  assertMayViewDashboard(desk, actor);
  const period = dashboardPeriod(desk, input, now);
  const db = desk.cache;
  // One read transaction: the sections agree with each other even while a refresh writes.
  return db.transaction((): DashboardFigures => ({
    from: period.from,
    to: period.to,
    timeZone: desk.timeZone,
    generatedAt: zonedIso(now, desk.timeZone),
    deskId: desk.config?.deskId ?? null,
    revenue: revenueFigures(db, period),
    renewals: hasTable(db, 'outbox') ? renewalFigures(db, period) : null,
    applications: applicationsAvailable(db) ? applicationFigures(db, period) : null,
    backlog: applicationsAvailable(db) ? backlogFigures(db, backlogDay(desk, period, now)) : null,
  }))();
}
