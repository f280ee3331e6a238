// Migration 0004 (outbox): a cache at 0003 gains the outbox (replay order, one entry per operation
// id, a status the replay knows) and the pending-change marks that refresh respects.
import { describe, expect, it } from 'vitest';
import { eachCacheBefore, columns, indexColumns, queue } from '../support/migration-cache.ts';

const cache = eachCacheBefore('0004_outbox');

describe('0004_outbox', () => {
  it('adds the outbox with its defaults and the order of replay', () => {
    const { db } = cache;
    db.prepare(
      `INSERT INTO licence (id, business_id, status, expires_on, refreshed_at) VALUES ('RV-0000001', '4711', 'active', '2026-11-30', 'x')`,
    ).run();
    cache.apply();
    expect(columns(db, 'outbox')).toEqual([
      'seq',
      'operation_id',
      'desk_id',
      'actor',
      'created_at',
      'command',
      'payload_version',
      'payload',
      'base',
      'status',
      'attempts',
      'last_error',
      'settled_at',
      'legacy_result',
    ]);
    expect(indexColumns(db, 'outbox_waiting')).toEqual(['status', 'seq']);
    expect(db.prepare('SELECT id, expires_on FROM licence').all()).toEqual([
      { id: 'RV-0000001', expires_on: '2026-11-30' },
    ]);

    queue(db, 'op-1');
    queue(db, 'op-2');
    expect(db.prepare('SELECT seq, operation_id, status, attempts FROM outbox ORDER BY seq').all()).toEqual([
      { seq: 1, operation_id: 'op-1', status: 'pending', attempts: 0 },
      { seq: 2, operation_id: 'op-2', status: 'pending', attempts: 0 },
    ]);
    expect(() => queue(db, 'op-1')).toThrow(/UNIQUE/); // replay is idempotent by operation id
    expect(() => queue(db, 'op-3', 'lost')).toThrow(/CHECK/);
    // AUTOINCREMENT: a deleted last entry's seq is never given again.
    db.prepare(`DELETE FROM outbox WHERE operation_id = 'op-2'`).run();
    queue(db, 'op-4');
    expect(db.prepare(`SELECT seq FROM outbox WHERE operation_id = 'op-4'`).get()).toEqual({ seq: 3 });
  });

  it('marks a cached row as carrying a change only for an operation in the outbox', () => {
    const { db } = cache;
    cache.apply();
    queue(db, 'op-1');
    const mark = db.prepare(`INSERT INTO pending_change VALUES ('licence', 'RV-0000001', ?)`);
    mark.run('op-1');
    expect(() => mark.run('op-1')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => mark.run('op-unknown')).toThrow(/FOREIGN KEY/);
  });
});
