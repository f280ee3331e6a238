// Migration 0018 (inspection sites): a cache at 0017 gains the index by bare address that the open
// violations at a site with no licence are counted by; its schedule rows stay as they were.
import { describe, expect, it } from 'vitest';
import { eachCacheBefore, indexColumns, plan } from '../support/migration-cache.ts';

const cache = eachCacheBefore('0018_inspection_sites');

describe('0018_inspection_sites', () => {
  it('indexes the visits with no licence by address, keeping the schedule', () => {
    const { db } = cache;
    db.prepare(
      `INSERT INTO scheduled_inspection (id, licence_id, address, kind, scheduled_on, status, refreshed_at)
       VALUES ('1', 'RV-0000001', NULL, 'HLTH', '2026-12-07', 'scheduled', 'x'),
              ('2', NULL, '12 MILL ST', 'BLDG', '2026-12-07', 'scheduled', 'x')`,
    ).run();
    const before = db.prepare('SELECT * FROM scheduled_inspection ORDER BY id').all();
    cache.apply();
    expect(db.prepare('SELECT * FROM scheduled_inspection ORDER BY id').all()).toEqual(before);
    expect(indexColumns(db, 'scheduled_inspection_by_address')).toEqual(['address']);
    expect(
      plan(db, `SELECT id FROM scheduled_inspection WHERE licence_id IS NULL AND address = ?`, '12 MILL ST'),
    ).toMatch(/scheduled_inspection_by_address/);
  });
});
