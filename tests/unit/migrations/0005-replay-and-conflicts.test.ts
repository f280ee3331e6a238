// Migration 0005 (replay and conflicts): a cache at 0004 with entries queued gains outbox.in_doubt
// (those entries are not in doubt) and the conflict table that keeps every version of a change.
import { describe, expect, it } from 'vitest';
import { eachCacheBefore, columns, indexColumns, queue } from '../support/migration-cache.ts';

const cache = eachCacheBefore('0005_replay_and_conflicts');

describe('0005_replay_and_conflicts', () => {
  it('keeps the queued entries, none of them in doubt, and refuses another in_doubt value', () => {
    const { db } = cache;
    queue(db, 'op-1');
    queue(db, 'op-2', 'applied');
    const before = db.prepare('SELECT * FROM outbox ORDER BY seq').all();
    cache.apply();
    expect(db.prepare('SELECT * FROM outbox ORDER BY seq').all()).toEqual(
      before.map((row) => ({ ...(row as object), in_doubt: 0 })),
    );
    db.prepare(`UPDATE outbox SET in_doubt = 1 WHERE operation_id = 'op-1'`).run();
    expect(() => db.prepare('UPDATE outbox SET in_doubt = 2').run()).toThrow(/CHECK/);
  });

  it('adds conflicts: one per operation, of a known kind, open until resolved', () => {
    const { db } = cache;
    queue(db, 'op-1', 'conflict');
    cache.apply();
    expect(columns(db, 'conflict')).toEqual([
      'id',
      'operation_id',
      'detected_at',
      'kind',
      'seen',
      'mine',
      'current',
      'status',
      'resolution',
      'resolved_by',
      'resolved_at',
      'reason',
      'new_operation_id',
    ]);
    expect(indexColumns(db, 'conflict_open')).toEqual(['status', 'id']);
    const conflict = db.prepare(
      `INSERT INTO conflict (operation_id, detected_at, kind, seen, mine, current)
       VALUES (?, '2026-11-20T11:00:00-06:00', ?, '[{"id":"RV-0000001","expires_on":"2026-11-30"}]',
               '{"newExpiresOn":"2027-11-30"}', '[{"id":"RV-0000001","expires_on":"2027-06-30"}]')`,
    );
    conflict.run('op-1', 'changed');
    expect(db.prepare('SELECT status, resolution FROM conflict').get()).toEqual({
      status: 'open',
      resolution: null,
    });
    expect(() => conflict.run('op-1', 'changed')).toThrow(/UNIQUE/);
    expect(() => conflict.run('op-9', 'gone')).toThrow(/FOREIGN KEY/);
    queue(db, 'op-2', 'conflict');
    expect(() => conflict.run('op-2', 'vanished')).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE conflict SET resolution = 'ignore'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE conflict SET status = 'closed'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE conflict SET new_operation_id = 'op-none'`).run()).toThrow(/FOREIGN KEY/);
    queue(db, 'op-3');
    db.prepare(
      `UPDATE conflict SET status = 'resolved', resolution = 'apply_again', resolved_by = 'sup1', resolved_at = 'x', new_operation_id = 'op-3'`,
    ).run();
  });
});
