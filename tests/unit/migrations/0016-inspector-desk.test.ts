// Migration 0016 (inspector's desk): a cache at 0015 gains scheduled inspections, checklist
// results, violations and the ordinance code table, with the indexes the inspector's day and the
// open violations are read by; the inspection history it had stays as it was.
import { describe, expect, it } from 'vitest';
import { columns, eachCacheBefore, indexColumns, plan } from '../support/migration-cache.ts';

const cache = eachCacheBefore('0016_inspector_desk');

describe('0016_inspector_desk', () => {
  it('adds the schedule, checklists, violations and ordinances, keeping the inspection history', () => {
    const { db } = cache;
    db.prepare(
      `INSERT INTO inspection (id, licence_id, inspected_on, kind, result, refreshed_at)
       VALUES ('1', 'RV-0000001', '2026-10-01', 'HLTH', 'pass', 'x'), ('2', 'RV-0000002', NULL, 'FIRE', 'pending', 'x')`,
    ).run();
    const before = db.prepare('SELECT rowid, * FROM inspection ORDER BY rowid').all();
    cache.apply();
    expect(db.prepare('SELECT rowid, * FROM inspection ORDER BY rowid').all()).toEqual(before);

    expect(columns(db, 'scheduled_inspection')).toEqual([
      'id',
      'licence_id',
      'address',
      'ward',
      'kind',
      'scheduled_on',
      'window_start',
      'window_end',
      'inspector',
      'status',
      'result',
      'score',
      'grade',
      'refreshed_at',
    ]);
    expect(columns(db, 'checklist_result')).toEqual([
      'id',
      'inspection_id',
      'item_code',
      'outcome',
      'note',
      'refreshed_at',
    ]);
    expect(columns(db, 'violation')).toEqual([
      'id',
      'inspection_id',
      'ordinance_section',
      'severity',
      'description',
      'correct_by',
      'status',
      'refreshed_at',
    ]);
    expect(columns(db, 'ordinance')).toEqual([
      'section',
      'title_en',
      'title_es',
      'default_severity',
      'correction_days',
      'refreshed_at',
    ]);
    expect(indexColumns(db, 'scheduled_inspection_by_inspector_day')).toEqual(['inspector', 'scheduled_on']);
    expect(indexColumns(db, 'checklist_result_by_inspection')).toEqual(['inspection_id', 'item_code']);

    const schedule = db.prepare(
      `INSERT INTO scheduled_inspection (id, licence_id, address, kind, scheduled_on, inspector, status, score, refreshed_at)
       VALUES (?, ?, ?, 'HLTH', '2026-12-07', 'MGARCIA', 'scheduled', ?, 'x')`,
    );
    schedule.run('S-1', 'RV-0000001', null, null);
    schedule.run('S-2', null, '1200 N MAIN ST', 88);
    expect(() => schedule.run('S-3', null, null, '88 points')).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    expect(() =>
      db
        .prepare(
          `INSERT INTO scheduled_inspection (id, kind, status, refreshed_at) VALUES ('S-4', 'HLTH', 'scheduled', 'x')`,
        )
        .run(),
    ).toThrow(/NOT NULL/);
    expect(
      plan(
        db,
        `SELECT id FROM scheduled_inspection WHERE inspector = ? AND scheduled_on = ?`,
        'MGARCIA',
        '2026-12-07',
      ),
    ).toMatch(/scheduled_inspection_by_inspector_day/);
    expect(
      plan(
        db,
        `SELECT id FROM scheduled_inspection WHERE status = 'scheduled' AND scheduled_on < ?`,
        '2026-12-07',
      ),
    ).toMatch(/scheduled_inspection_by_status_day/);
    expect(plan(db, `SELECT id FROM violation WHERE inspection_id = ?`, 'S-1')).toMatch(
      /violation_by_inspection/,
    );

    db.prepare(
      `INSERT INTO ordinance (section, title_en, title_es, default_severity, correction_days, refreshed_at)
       VALUES ('8-2-140', 'Hand sinks', 'Lavamanos', 'major', 10, 'x')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO ordinance (section, title_en, title_es, default_severity, correction_days, refreshed_at)
         VALUES ('8-2-140', 'Again', 'Otra vez', 'minor', 5, 'x')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
  });
});
