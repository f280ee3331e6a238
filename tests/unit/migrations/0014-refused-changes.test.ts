// Migration 0014 (refused changes): a cache at 0013 with conflicts already parked keeps every one
// of them as it was (ids, kinds, decisions) when conflict.kind is widened to take 'refused' and
// legacy_message is added; the outbox they point at is untouched, and an unknown kind is still refused.
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { eachCacheBefore, migrations } from '../support/migration-cache.ts';

const cache = eachCacheBefore('0014_refused_changes');

const entry = (db: Database.Database, op: string) =>
  db
    .prepare(
      `INSERT INTO outbox (operation_id, desk_id, actor, created_at, command, payload_version, payload, base, status)
       VALUES (?, 'FRONT1', 'clerk', '2026-12-01T10:00:00-06:00', 'renewLicence', 1, '{"licenceId":"RV-0000001"}', '[]', 'conflict')`,
    )
    .run(op);
const conflict = (db: Database.Database, op: string, kind: string, extra = '', values = '') =>
  db
    .prepare(
      `INSERT INTO conflict (operation_id, detected_at, kind, seen, mine, current${extra})
       VALUES (?, '2026-12-01T11:00:00-06:00', ?, '[]', '{}', '[]'${values})`,
    )
    .run(op, kind);

describe('migration 0014: refused changes', () => {
  it('keeps every conflict of a cache at 0013 and takes refused ones with the legacy words', () => {
    const { db } = cache;
    expect(migrations.findIndex((m) => m.name.startsWith('0014_'))).toBe(13);
    for (const op of ['op-1', 'op-2', 'op-3']) entry(db, op);
    conflict(db, 'op-1', 'changed');
    conflict(db, 'op-2', 'in_doubt');
    db.prepare(
      `UPDATE conflict SET status = 'resolved', resolution = 'discard', resolved_by = 'sup', resolved_at = 'x', reason = 'twice' WHERE operation_id = 'op-2'`,
    ).run();
    const before = db.prepare('SELECT * FROM conflict ORDER BY id').all();
    expect(() => conflict(db, 'op-3', 'refused')).toThrow(/CHECK/);

    cache.apply();
    expect(db.prepare('SELECT * FROM conflict ORDER BY id').all()).toEqual(
      before.map((row) => ({ ...(row as object), legacy_message: null })),
    );
    conflict(db, 'op-3', 'refused', ', legacy_message', `, 'violates check constraint "wb_frozen"'`);
    expect(
      db.prepare(`SELECT id, kind, legacy_message FROM conflict WHERE operation_id = 'op-3'`).get(),
    ).toEqual({
      id: 3,
      kind: 'refused',
      legacy_message: 'violates check constraint "wb_frozen"',
    });
    entry(db, 'op-4');
    expect(() => conflict(db, 'op-4', 'lost')).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare(`SELECT count(*) AS n FROM outbox`).get()).toEqual({ n: 4 });
  });
});
