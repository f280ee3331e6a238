// Migration 0001 (canonical tables): an empty file becomes a cache with the canonical model, sync
// state, data issues, the audit log and desk_meta; the tables are STRICT and a licence status
// outside the model is refused.
import { describe, expect, it } from 'vitest';
import { eachCacheBefore, columns, indexColumns, objects } from '../support/migration-cache.ts';

const cache = eachCacheBefore('0001_canonical_tables');

describe('0001_canonical_tables', () => {
  it('creates the canonical tables and their look-up indexes', () => {
    const { db } = cache;
    expect(objects(db, 'table')).toEqual([]);
    cache.apply();
    expect(objects(db, 'table')).toEqual([
      'audit_log',
      'business',
      'data_issue',
      'desk_meta',
      'fee_schedule',
      'inspection',
      'licence',
      'licence_type',
      'payment',
      'sync_state',
    ]);
    expect(columns(db, 'licence')).toEqual([
      'id',
      'business_id',
      'licence_type_code',
      'status',
      'issued_on',
      'expires_on',
      'fee_cents',
      'legacy_updated_at',
      'refreshed_at',
    ]);
    expect(objects(db, 'index')).toEqual([
      'data_issue_by_dataset',
      'fee_schedule_by_type',
      'inspection_by_licence',
      'licence_by_business',
      'licence_by_expiry',
      'payment_by_licence',
    ]);
    expect(indexColumns(db, 'payment_by_licence')).toEqual(['licence_id', 'paid_on']);
  });

  it('takes a refreshed business, licence and payment, and refuses what the model does not allow', () => {
    const { db } = cache;
    cache.apply();
    const at = '2026-11-20T06:00:00-06:00';
    db.prepare(
      `INSERT INTO business (id, name, dba_name, address_line, city, phone, refreshed_at)
       VALUES ('4711', 'Riverton Bakery LLC', 'Sweet Rise', '12 Main St', 'Riverton', '(555) 201-3344', ?)`,
    ).run(at);
    const licence = db.prepare(
      `INSERT INTO licence (id, business_id, licence_type_code, status, expires_on, fee_cents, refreshed_at)
       VALUES (?, '4711', 'FOOD', ?, '2026-12-31', 15000, ?)`,
    );
    licence.run('RV-0000001', 'active', at);
    expect(() => licence.run('RV-0000002', 'lost', at)).toThrow(/CHECK/);
    expect(() => licence.run('RV-0000001', 'active', at)).toThrow(/UNIQUE|PRIMARY KEY/);
    const payment = db.prepare(
      `INSERT INTO payment (id, licence_id, paid_on, amount_cents, method, refreshed_at) VALUES (?, 'RV-0000001', '2026-11-19', ?, 'cash', ?)`,
    );
    payment.run('P-1', 15000, at);
    // STRICT: a money column holds integer cents, never text.
    expect(() => payment.run('P-2', 'fifteen dollars', at)).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    expect(() => db.prepare(`INSERT INTO business (id, refreshed_at) VALUES ('4712', ?)`).run(at)).toThrow(
      /NOT NULL/,
    );
    db.prepare(`INSERT INTO desk_meta VALUES ('desk_id', 'FRONT1')`).run();
    expect(() => db.prepare(`INSERT INTO desk_meta VALUES ('desk_id', 'FRONT2')`).run()).toThrow(
      /UNIQUE|PRIMARY KEY/,
    );
    expect(db.prepare(`SELECT rows, rejected FROM sync_state`).all()).toEqual([]);
    db.prepare(`INSERT INTO sync_state (dataset) VALUES ('licence')`).run();
    expect(db.prepare(`SELECT rows, rejected FROM sync_state`).get()).toEqual({ rows: 0, rejected: 0 });
  });
});
