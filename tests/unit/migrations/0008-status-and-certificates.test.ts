// Migration 0008 (status and certificates): a cache at 0007 with licences and their search
// documents has the licence table rebuilt to take 'revoked', every row and rowid kept (the search
// index is keyed by licence rowid) and its indexes back; certificates are added, final once written.
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { eachCacheBefore, indexColumns, objects } from '../support/migration-cache.ts';

const cache = eachCacheBefore('0008_status_and_certificates');

const licence = (db: Database.Database, id: string, status: string, rowid?: number) =>
  db
    .prepare(
      `INSERT INTO licence (rowid, id, business_id, licence_type_code, status, issued_on, expires_on, fee_cents, legacy_updated_at, refreshed_at)
       VALUES (?, ?, '4711', 'FOOD', ?, '2025-12-01', '2026-11-30', 15000, '2025-12-01T09:00:00', '2026-11-20T06:00:00-06:00')`,
    )
    .run(rowid ?? null, id, status);
const certificate = (db: Database.Database, no: string, code: string, language = 'en') =>
  db
    .prepare(
      `INSERT INTO certificate (certificate_no, code, licence_id, language, desk_id, issued_at, issued_by, facts)
       VALUES (?, ?, 'RV-0000001', ?, 'FRONT1', '2026-11-20T10:00:00-06:00', 'clerk1',
               '{"status":"active","expiresOn":"2026-11-30","businessName":"Riverton Bakery LLC"}')`,
    )
    .run(no, code, language);

describe('0008_status_and_certificates', () => {
  it('rebuilds licence with revoked allowed, keeping every row, rowid and index', () => {
    const { db } = cache;
    // Rowids with gaps, as a cache that refreshed and removed licences has them.
    licence(db, 'RV-0000001', 'active', 7);
    licence(db, 'RV-0000002', 'closed', 42);
    licence(db, 'RV-0000003', 'unknown', 43);
    db.prepare(
      `INSERT INTO licence_search (rowid, licence_no, business_name) VALUES (42, 'RV-0000002', 'Corner Shop')`,
    ).run();
    expect(() => licence(db, 'RV-0000009', 'revoked')).toThrow(/CHECK/);
    const before = db.prepare('SELECT rowid, * FROM licence ORDER BY rowid').all();
    cache.apply();
    expect(db.prepare('SELECT rowid, * FROM licence ORDER BY rowid').all()).toEqual(before);
    expect(objects(db, 'table')).not.toContain('licence_with_revoked');
    expect(indexColumns(db, 'licence_by_business')).toEqual(['business_id']);
    expect(indexColumns(db, 'licence_by_expiry')).toEqual(['expires_on']);
    // A search hit still leads to its licence through the rowid.
    expect(
      db
        .prepare(
          `SELECT l.id FROM licence_search s JOIN licence l ON l.rowid = s.rowid WHERE licence_search MATCH 'corner'`,
        )
        .all(),
    ).toEqual([{ id: 'RV-0000002' }]);
    licence(db, 'RV-0000004', 'revoked');
    expect(() => licence(db, 'RV-0000005', 'cancelled')).toThrow(/CHECK/);
  });

  it('adds certificates: one per number and code, in a known language, never changed nor deleted', () => {
    const { db } = cache;
    cache.apply();
    expect(indexColumns(db, 'certificate_by_licence')).toEqual(['licence_id', 'issued_at']);
    certificate(db, 'C-FRONT1-000001', 'K7M2Q9X4T1B');
    certificate(db, 'C-FRONT1-000002', 'H3J8W6R2N5C', 'es');
    expect(() => certificate(db, 'C-FRONT1-000001', 'ZZZZZZZZZZZ')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => certificate(db, 'C-FRONT1-000003', 'K7M2Q9X4T1B')).toThrow(/UNIQUE/);
    expect(() => certificate(db, 'C-FRONT1-000004', 'P4L9D2F7G3V', 'fr')).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE certificate SET facts = '{}'`).run()).toThrow(/never changed/);
    expect(() => db.prepare(`DELETE FROM certificate`).run()).toThrow(/never deleted/);
  });
});
