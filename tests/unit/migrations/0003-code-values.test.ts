// Migration 0003 (code values): a cache at 0002 gains code_value, one label per legacy code table
// and code; what was cached before stays.
import { describe, expect, it } from 'vitest';
import { eachCacheBefore, columns } from '../support/migration-cache.ts';

const cache = eachCacheBefore('0003_code_values');

describe('0003_code_values', () => {
  it('adds code_value, unique per code table and code, and keeps the cached rows', () => {
    const { db } = cache;
    db.prepare(
      `INSERT INTO licence_type (code, name, term_months, refreshed_at) VALUES ('FOOD', 'Food service', 12, 'x')`,
    ).run();
    cache.apply();
    expect(columns(db, 'code_value')).toEqual(['id', 'code_table', 'code', 'label', 'refreshed_at']);
    expect(db.prepare('SELECT code, name, term_months FROM licence_type').all()).toEqual([
      { code: 'FOOD', name: 'Food service', term_months: 12 },
    ]);
    const insert = db.prepare(
      `INSERT INTO code_value (id, code_table, code, label, refreshed_at) VALUES (?, ?, ?, ?, '2026-11-20T06:00:00-06:00')`,
    );
    insert.run('licenceStatus:A', 'licenceStatus', 'A', 'Active');
    insert.run('paymentMethod:A', 'paymentMethod', 'A', 'ACH'); // the same code in another table
    expect(() => insert.run('licenceStatus:A2', 'licenceStatus', 'A', 'Active again')).toThrow(/UNIQUE/);
    expect(() => insert.run('licenceStatus:A', 'licenceStatus', 'B', 'Blocked')).toThrow(
      /UNIQUE|PRIMARY KEY/,
    );
    insert.run('inspectionKind:F', 'inspectionKind', 'F', null); // a code without a label is kept
    expect(db.prepare('SELECT count(*) AS n FROM code_value').get()).toEqual({ n: 3 });
  });
});
