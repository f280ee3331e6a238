// Migration 0013 (temporary certificates): a cache at 0012 with a certificate already printed
// gains `kind` (existing rows permanent) and `valid_until`; kinds other than permanent/temporary
// are refused, and certificate rows still can be neither changed nor deleted.
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { temporaryValidUntil } from '../../../src-main/node/certificates/certificates.ts';
import { eachCacheBefore, migrations } from '../support/migration-cache.ts';

const cache = eachCacheBefore('0013_temporary_certificates');

const insert = (db: Database.Database, no: string, code: string, extra = '', values = '') =>
  db
    .prepare(
      `INSERT INTO certificate (certificate_no, code, licence_id, language, desk_id, issued_at, issued_by, facts${extra})
       VALUES (?, ?, 'RV-0000001', 'en', 'FRONT1', '2026-11-20T10:00:00-06:00', 'clerk', '{}'${values})`,
    )
    .run(no, code);

describe('migration 0013: temporary certificates', () => {
  it('adds kind (existing certificates permanent) and valid_until on top of 0012', () => {
    const { db } = cache;
    expect(migrations.findIndex((m) => m.name.startsWith('0013_'))).toBe(12);
    insert(db, 'C-FRONT1-000001', 'AAAAAAAAAAA');
    cache.apply();
    expect(db.prepare('SELECT kind, valid_until FROM certificate').get()).toEqual({
      kind: 'permanent',
      valid_until: null,
    });
    insert(db, 'C-FRONT1-000002', 'BBBBBBBBBBB', ', kind, valid_until', ", 'temporary', '2026-12-20'");
    expect(() => insert(db, 'C-FRONT1-000003', 'CCCCCCCCCCC', ', kind', ", 'draft'")).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE certificate SET licence_id = 'RV-0000002'`).run()).toThrow(
      /never changed/,
    );
  });

  it('a temporary certificate is good for 30 days, never past the licence expiry', () => {
    expect(temporaryValidUntil('2026-11-24', '2027-11-23')).toBe('2026-12-24');
    expect(temporaryValidUntil('2026-12-15', null)).toBe('2027-01-14');
    expect(temporaryValidUntil('2026-11-24', '2026-12-01')).toBe('2026-12-01');
  });
});
