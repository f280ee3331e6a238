// Migration 0009 (fees and holds): a cache at 0008 gains holds (on a licence or on a whole
// business) and open balances, and the indexes the renewal queue filters by; the licences stay.
import { describe, expect, it } from 'vitest';
import { eachCacheBefore, columns, indexColumns, plan } from '../support/migration-cache.ts';

const cache = eachCacheBefore('0009_fees_and_holds');

describe('0009_fees_and_holds', () => {
  it('adds holds and balances and the renewal queue indexes, keeping the licences', () => {
    const { db } = cache;
    db.prepare(
      `INSERT INTO licence (id, business_id, licence_type_code, status, expires_on, refreshed_at)
       VALUES ('RV-0000001', '4711', 'FOOD', 'active', '2026-12-31', 'x'), ('RV-0000002', '4712', 'LIQ', 'revoked', NULL, 'x')`,
    ).run();
    const before = db.prepare('SELECT rowid, * FROM licence ORDER BY rowid').all();
    cache.apply();
    expect(db.prepare('SELECT rowid, * FROM licence ORDER BY rowid').all()).toEqual(before);
    expect(columns(db, 'hold')).toEqual([
      'id',
      'licence_id',
      'business_id',
      'code',
      'reason',
      'placed_on',
      'released_on',
      'refreshed_at',
    ]);
    expect(indexColumns(db, 'licence_by_status_expiry')).toEqual(['status', 'expires_on']);
    expect(indexColumns(db, 'licence_by_type_status_expiry')).toEqual([
      'licence_type_code',
      'status',
      'expires_on',
    ]);
    expect(indexColumns(db, 'balance_by_business')).toEqual(['business_id']);
    expect(
      plan(
        db,
        `SELECT id FROM licence WHERE status = 'active' AND expires_on BETWEEN ? AND ?`,
        '2026-12-01',
        '2026-12-31',
      ),
    ).toMatch(/licence_by_status_expiry/);
    expect(
      plan(db, `SELECT id FROM hold WHERE licence_id = ? AND released_on IS NULL`, 'RV-0000001'),
    ).toMatch(/hold_by_licence/);
    expect(plan(db, `SELECT id FROM hold WHERE business_id = ?`, '4711')).toMatch(/hold_by_business/);

    const hold = db.prepare(
      `INSERT INTO hold (id, licence_id, business_id, code, reason, placed_on, refreshed_at) VALUES (?, ?, ?, 'ZON', ?, '2026-10-01', 'x')`,
    );
    hold.run('H-1', 'RV-0000001', null, 'zoning review');
    hold.run('H-2', null, '4712', 'unpaid taxes');
    expect(() => hold.run('H-3', 'RV-0000001', null, null)).toThrow(/NOT NULL/);
    const balance = db.prepare(
      `INSERT INTO balance (id, business_id, licence_id, amount_cents, due_on, refreshed_at) VALUES (?, '4711', 'RV-0000001', ?, '2026-09-30', 'x')`,
    );
    balance.run('AR-1', 4500);
    expect(() => balance.run('AR-2', '45 dollars')).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() =>
      db.prepare(`INSERT INTO balance (id, amount_cents, refreshed_at) VALUES ('AR-3', 100, 'x')`).run(),
    ).toThrow(/NOT NULL/);
  });
});
