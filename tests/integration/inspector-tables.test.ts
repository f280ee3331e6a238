// The inspector's legacy tables through the Riverton bridge on real parts: the demo city is made
// on SQLite, PostgreSQL and MariaDB, the desk's first sync reads INSSCH, INSCHK, VIOLTN and ORDSEC
// through ODBC, and the cache holds scheduled inspections (some today, in Riverton), checklists,
// violations and ordinances with the canonical types: CHAR padding gone, dates ISO, codes mapped.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rivertonToday } from '../../src-main/tooling/demo/create-demo-city.ts';
import { kindRules, loadInspectionRules } from '../../src-main/node/inspections/inspection-rules.ts';
import { computeResult } from '../../src-main/node/inspections/grade.ts';
import type { ChecklistOutcome } from '../../src-main/common/model.ts';
import { deskUnderTest, engines } from './support/desk-under-test.ts';

const rules = loadInspectionRules(join(import.meta.dirname, '../../bridges/riverton/inspections.yaml'));
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

describe.each(engines)("the inspector's tables on %s", (engine) => {
  const t = deskUnderTest('inspector-tables', { engine, size: 400, seed: 5 });

  it('finds the schedule, with inspections today and overdue for the inspectors', () => {
    const today = rivertonToday(new Date());
    const rows = t.cached<Record<string, unknown>>('SELECT * FROM scheduled_inspection');
    expect(rows.length).toBeGreaterThan(200);
    for (const r of rows) {
      expect(r.scheduled_on).toMatch(isoDate);
      expect(['scheduled', 'done', 'cancelled', 'no_show']).toContain(r.status);
      expect([null, 'pass', 'fail']).toContain(r.result);
      expect([null, 'A', 'B', 'C', 'F']).toContain(r.grade);
      expect(r.score === null || Number.isInteger(r.score)).toBe(true);
      expect(r.window_start === null || /^\d{2}:\d{2}$/.test(String(r.window_start))).toBe(true);
      expect(r.licence_id === null ? r.address : r.licence_id).toMatch(/\S$/); // no CHAR padding
      if (r.inspector !== null) expect(r.inspector).toMatch(/^[A-Z]+$/);
    }
    const open = rows.filter((r) => r.status === 'scheduled');
    expect(open.some((r) => r.scheduled_on === today && r.inspector !== null)).toBe(true);
    expect(open.some((r) => String(r.scheduled_on) < today)).toBe(true);
    expect(rows.some((r) => r.licence_id === null && r.address !== null)).toBe(true);
  });

  it('finds checklists whose score and grade the rules give again, and violations citing ordinances', () => {
    const checks = t.cached<{
      id: string;
      inspection_id: string;
      item_code: string;
      outcome: ChecklistOutcome;
      note: string | null;
    }>('SELECT * FROM checklist_result ORDER BY inspection_id, item_code');
    expect(checks.length).toBeGreaterThan(1000);
    // Keyed by the inspection and the line's position, as the desk will write them.
    expect(
      checks
        .filter((c) => c.inspection_id === checks[0]!.inspection_id)
        .map((c) => c.id)
        .sort(),
    ).toEqual(
      checks
        .filter((c) => c.inspection_id === checks[0]!.inspection_id)
        .map((_, i) => `${checks[0]!.inspection_id}:${i + 1}`)
        .sort(),
    );
    const done = new Map(
      t
        .cached<{ id: string; kind: string; score: number; grade: string }>(
          `SELECT id, kind, score, grade FROM scheduled_inspection WHERE status = 'done' AND result IS NOT NULL`,
        )
        .map((r) => [r.id, r]),
    );
    for (const [id, lines] of Map.groupBy(checks, (c) => c.inspection_id)) {
      const s = done.get(id)!;
      const r = computeResult(
        kindRules(rules, s.kind)!,
        Object.fromEntries(lines.map((l) => [l.item_code, l.outcome])),
      );
      expect([s.score, s.grade], `inspection ${id}`).toEqual([r.score, r.grade]);
    }

    const ordinances = t.cached<{
      section: string;
      title_es: string;
      default_severity: string;
      correction_days: number;
    }>('SELECT * FROM ordinance');
    expect(ordinances.length).toBeGreaterThan(30);
    expect(ordinances.every((o) => Number.isInteger(o.correction_days) && o.title_es.length > 3)).toBe(true);
    const sections = new Set(ordinances.map((o) => o.section));
    const violations = t.cached<{
      inspection_id: string;
      ordinance_section: string;
      severity: string;
      correct_by: string | null;
      status: string;
    }>('SELECT * FROM violation');
    expect(violations.length).toBeGreaterThan(50);
    for (const v of violations) {
      expect(sections.has(v.ordinance_section), v.ordinance_section).toBe(true);
      expect(['minor', 'major', 'critical']).toContain(v.severity);
      expect(['open', 'corrected', 'cited']).toContain(v.status);
      if (v.correct_by !== null) expect(v.correct_by).toMatch(isoDate);
    }
    expect(
      t.cached(
        'SELECT * FROM data_issue WHERE dataset IN (?, ?, ?, ?)',
        'scheduledInspection',
        'checklistResult',
        'violation',
        'ordinance',
      ),
    ).toEqual([]);
  });
});
