// Migration 0011 (applications): a cache at 0010 with businesses gains applications and their
// requirement checklists (known statuses, kinds and states; an item belongs to an application) and
// the business look-up indexes the duplicate suggestions probe; the businesses stay.
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { eachCacheBefore, indexColumns, plan } from '../support/migration-cache.ts';

const cache = eachCacheBefore('0011_applications');

const application = (db: Database.Database, id: string, status: string) =>
  db
    .prepare(
      `INSERT INTO application (id, business_id, licence_type_code, status, created_at, created_by)
       VALUES (?, 'local:6f1c2d4e-0000-4000-8000-000000000001', 'FOOD', ?, '2026-11-20T10:00:00-06:00', 'clerk1')`,
    )
    .run(id, status);
const item = (db: Database.Database, app: string, code: string, kind: string, state: string) =>
  db
    .prepare(
      `INSERT INTO application_item (application_id, code, label_en, label_es, kind, required, state, position)
       VALUES (?, ?, 'Health inspection', 'Inspección sanitaria', ?, 1, ?, 1)`,
    )
    .run(app, code, kind, state);

describe('0011_applications', () => {
  it('adds the business look-up indexes over the businesses already cached', () => {
    const { db } = cache;
    db.prepare(
      `INSERT INTO business (id, name, address_line, phone, tax_id, refreshed_at)
       VALUES ('4711', 'Riverton Bakery LLC', '12 Main St', '(555) 201-3344', '12-3456789', 'x')`,
    ).run();
    const before = db.prepare('SELECT * FROM business').all();
    cache.apply();
    expect(db.prepare('SELECT * FROM business').all()).toEqual(before);
    expect(indexColumns(db, 'business_by_tax_id')).toEqual(['tax_id']);
    expect(indexColumns(db, 'business_by_phone')).toEqual(['phone']);
    expect(indexColumns(db, 'business_by_address')).toEqual(['address_line']);
    expect(plan(db, 'SELECT id FROM business WHERE phone = ?', '(555) 201-3344')).toMatch(
      /business_by_phone/,
    );
    expect(plan(db, 'SELECT id FROM business WHERE address_line LIKE ?', '12 %')).toMatch(
      /business_by_address/,
    );
    expect(db.prepare(`SELECT id FROM business WHERE address_line LIKE '12 m%'`).all()).toEqual([
      { id: '4711' },
    ]);
  });

  it('adds applications and their checklists with the states the counter uses', () => {
    const { db } = cache;
    cache.apply();
    application(db, 'APP-FRONT1-000001', 'open');
    expect(db.prepare('SELECT dismissed, licence_id FROM application').get()).toEqual({
      dismissed: '[]',
      licence_id: null,
    });
    expect(() => application(db, 'APP-FRONT1-000002', 'pending')).toThrow(/CHECK/);
    item(db, 'APP-FRONT1-000001', 'health', 'inspection', 'open');
    expect(() => item(db, 'APP-FRONT1-000001', 'health', 'inspection', 'passed')).toThrow(
      /UNIQUE|PRIMARY KEY/,
    );
    expect(() => item(db, 'APP-FRONT1-000001', 'fire', 'survey', 'open')).toThrow(/CHECK/);
    expect(() => item(db, 'APP-FRONT1-000001', 'zoning', 'approval', 'lost')).toThrow(/CHECK/);
    expect(() => item(db, 'APP-NONE', 'health', 'inspection', 'open')).toThrow(/FOREIGN KEY/);
    expect(plan(db, `SELECT id FROM application WHERE status = 'open' ORDER BY created_at`)).toMatch(
      /application_by_status/,
    );
  });
});
