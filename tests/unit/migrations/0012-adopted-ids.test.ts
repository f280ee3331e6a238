// Migration 0012 (adopted ids): a cache at 0011 gains adopted_id, empty; a provisional id written
// there afterwards is followed to the legacy id it became (currentIdOf, licenceKey), a legacy id is
// left as it is, and one provisional id maps to one legacy id.
import { describe, expect, it } from 'vitest';
import { currentIdOf, licenceKey } from '../../../src-main/node/sync/provisional-refs.ts';
import { eachCacheBefore, migrations } from '../support/migration-cache.ts';

const cache = eachCacheBefore('0012_adopted_ids');

describe('migration 0012: adopted ids', () => {
  it('adds an empty adopted_id on top of 0011; provisional ids are then followed to their legacy ids', () => {
    const { db } = cache;
    expect(migrations.findIndex((m) => m.name.startsWith('0012_'))).toBe(11);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'adopted_id'`).all()).toEqual([]);
    cache.apply();
    expect(db.prepare('SELECT count(*) AS n FROM adopted_id').get()).toEqual({ n: 0 });

    const local = 'local:6f1c2d4e-0000-4000-8000-000000000001';
    expect(currentIdOf(db, local)).toBe(local); // not adopted yet: as given
    db.prepare(`INSERT INTO adopted_id VALUES (?, 'licence', 'RV-0004711', '2026-12-01T10:00:00-06:00')`).run(
      local,
    );
    expect(currentIdOf(db, local)).toBe('RV-0004711');
    expect(licenceKey(db, ` ${local} `)).toBe('RV-0004711');
    expect(licenceKey(db, 'rv-0000001')).toBe('RV-0000001');
    expect(() =>
      db.prepare(`INSERT INTO adopted_id VALUES (?, 'licence', 'RV-0004712', 'x')`).run(local),
    ).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});
