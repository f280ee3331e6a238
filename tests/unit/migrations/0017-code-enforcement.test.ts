// Migration 0017 (code enforcement): a cache at 0016 gains complaints and enforcement cases, with
// the indexes the case list, the duplicate suggestion and the renewal check's unpaid fines are
// read by; the inspector's tables it had stay as they were.
import { describe, expect, it } from 'vitest';
import { columns, eachCacheBefore, indexColumns, plan } from '../support/migration-cache.ts';

const cache = eachCacheBefore('0017_code_enforcement');

describe('0017_code_enforcement', () => {
  it('adds complaints and cases, keeping the schedule', () => {
    const { db } = cache;
    db.prepare(
      `INSERT INTO scheduled_inspection (id, address, kind, scheduled_on, status, refreshed_at)
       VALUES ('7', '12 ELM ST', 'ZONE', '2026-12-07', 'scheduled', 'x')`,
    ).run();
    const before = db.prepare('SELECT rowid, * FROM scheduled_inspection').all();
    cache.apply();
    expect(db.prepare('SELECT rowid, * FROM scheduled_inspection').all()).toEqual(before);

    expect(columns(db, 'complaint')).toEqual([
      'id',
      'received_on',
      'channel',
      'address',
      'licence_id',
      'description',
      'status',
      'case_id',
      'refreshed_at',
    ]);
    expect(columns(db, 'enforcement_case')).toEqual([
      'id',
      'opened_on',
      'address',
      'business_id',
      'licence_id',
      'officer',
      'status',
      'correct_by',
      'fine_cents',
      'closed_on',
      'fine_paid_on',
      'legacy_updated_at',
      'refreshed_at',
    ]);
    expect(indexColumns(db, 'enforcement_case_by_status')).toEqual(['status', 'opened_on']);
    expect(indexColumns(db, 'complaint_by_case')).toEqual(['case_id']);

    const kase = db.prepare(
      `INSERT INTO enforcement_case (id, address, business_id, status, fine_cents, refreshed_at)
       VALUES (?, '12 ELM ST', ?, ?, ?, 'x')`,
    );
    kase.run('1', '10001', 'cited', 25000);
    kase.run('2', null, 'open', 0);
    expect(() => kase.run('3', null, 'open', '$250')).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => db.prepare(`INSERT INTO complaint (id, refreshed_at) VALUES ('C-1', 'x')`).run()).toThrow(
      /NOT NULL/,
    );
    expect(
      plan(
        db,
        `SELECT SUM(fine_cents) FROM enforcement_case WHERE business_id = ? AND status = 'cited' AND fine_cents > 0 AND fine_paid_on IS NULL`,
        '10001',
      ),
    ).toMatch(/enforcement_case_unpaid_by_business/);
    expect(
      plan(db, `SELECT id FROM enforcement_case WHERE officer = ? AND status = 'open'`, 'JSMITH'),
    ).toMatch(/enforcement_case_by_officer/);
    expect(plan(db, `SELECT id FROM complaint WHERE case_id = ?`, '1')).toMatch(/complaint_by_case/);
  });
});
