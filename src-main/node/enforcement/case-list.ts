// The case list and one case, read from the cache: every role may read them. Age is counted in
// days from the opening to today, or to the closing day once closed; open cases oldest first.
import { daysBetween } from '../../common/fees/dates.ts';
import type { Complaint, EnforcementCase, EnforcementCaseStatus } from '../../common/model.ts';
import type { CaseRow } from '../../common/ops/case-ops.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import type { Cache } from '../cache/open-cache.ts';
import { loadCase } from './case-records.ts';
import { caseVisits } from './case-visits.ts';

export interface CaseFilter {
  status: EnforcementCaseStatus | 'all';
  officer?: string | undefined;
  limit: number;
}

function toRow(db: Cache, kase: EnforcementCase, today: string): CaseRow {
  const until = kase.closedOn ?? today;
  return {
    case: kase,
    daysOpen: kase.openedOn ? Math.max(0, daysBetween(kase.openedOn, until)) : 0,
    complaints: db.prepare('SELECT count(*) FROM complaint WHERE case_id = ?').pluck().get(kase.id) as number,
    overdue: kase.status === 'open' && kase.correctBy !== null && kase.correctBy < today,
  };
}

export function listCases(
  db: Cache,
  filter: CaseFilter,
  today: string,
): { on: string; total: number; cases: CaseRow[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.status !== 'all') {
    where.push('status = ?');
    params.push(filter.status);
  }
  if (filter.officer) {
    where.push('officer = ?');
    params.push(filter.officer.trim().toUpperCase());
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db
    .prepare(`SELECT count(*) FROM enforcement_case ${clause}`)
    .pluck()
    .get(...params) as number;
  const rows = db
    .prepare(`SELECT * FROM enforcement_case ${clause} ORDER BY opened_on IS NULL, opened_on, id LIMIT ?`)
    .all(...params, filter.limit) as Record<string, unknown>[];
  return {
    on: today,
    total,
    cases: rows.map((r) => toRow(db, rowToRecord('enforcementCase', r) as EnforcementCase, today)),
  };
}

export function showCase(
  db: Cache,
  caseId: string,
  today: string,
): { row: CaseRow; complaints: Complaint[] } & ReturnType<typeof caseVisits> {
  const kase = loadCase(db, caseId);
  const complaints = (
    db.prepare('SELECT * FROM complaint WHERE case_id = ? ORDER BY received_on, id').all(kase.id) as Record<
      string,
      unknown
    >[]
  ).map((r) => rowToRecord('complaint', r) as Complaint);
  return { row: toRow(db, kase, today), complaints, ...caseVisits(db, kase) };
}
