// Migration 0006 (refresh state): a cache at 0005 with sync state per dataset keeps it and gains
// the high-water mark, its kind, the plan fingerprint, the last full pass and mode (all unknown
// for the rows there), and refresh_chunk for the chunk hashes.
import { describe, expect, it } from 'vitest';
import { eachCacheBefore, columns } from '../support/migration-cache.ts';

const cache = eachCacheBefore('0006_refresh_state');

describe('0006_refresh_state', () => {
  it('keeps each dataset state with the new facts unknown, and checks their kinds', () => {
    const { db } = cache;
    db.prepare(
      `INSERT INTO sync_state (dataset, last_started_at, last_completed_at, rows, rejected, last_error)
       VALUES ('licence', '2026-11-20T06:00:00-06:00', '2026-11-20T06:01:10-06:00', 3120, 2, NULL),
              ('payment', '2026-11-20T06:01:10-06:00', NULL, 0, 0, 'the legacy database did not answer')`,
    ).run();
    cache.apply();
    expect(columns(db, 'sync_state').slice(-5)).toEqual([
      'mark',
      'mark_kind',
      'plan',
      'last_full_at',
      'last_mode',
    ]);
    expect(
      db
        .prepare(
          'SELECT dataset, rows, rejected, last_error, mark, mark_kind, plan, last_full_at, last_mode FROM sync_state ORDER BY dataset',
        )
        .all(),
    ).toEqual([
      {
        dataset: 'licence',
        rows: 3120,
        rejected: 2,
        last_error: null,
        mark: null,
        mark_kind: null,
        plan: null,
        last_full_at: null,
        last_mode: null,
      },
      {
        dataset: 'payment',
        rows: 0,
        rejected: 0,
        last_error: 'the legacy database did not answer',
        mark: null,
        mark_kind: null,
        plan: null,
        last_full_at: null,
        last_mode: null,
      },
    ]);
    const mark = db.prepare(
      `UPDATE sync_state SET mark = '20240115093000', mark_kind = ? WHERE dataset = 'licence'`,
    );
    for (const kind of ['number', 'text', 'time']) mark.run(kind);
    expect(() => mark.run('colour')).toThrow(/CHECK/);
    const mode = db.prepare(`UPDATE sync_state SET last_mode = ? WHERE dataset = 'licence'`);
    for (const m of ['full', 'changed', 'chunks']) mode.run(m);
    expect(() => mode.run('partial')).toThrow(/CHECK/);
  });

  it('adds refresh_chunk, one hash per dataset and chunk', () => {
    const { db } = cache;
    cache.apply();
    const chunk = db.prepare(
      `INSERT INTO refresh_chunk (dataset, last_key, hash, rows) VALUES (?, ?, 'h', 500)`,
    );
    chunk.run('payment', '[5000]');
    chunk.run('payment', ''); // the chunk that runs to the end
    chunk.run('licence', '[5000]');
    expect(() => chunk.run('payment', '[5000]')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() =>
      db.prepare(`INSERT INTO refresh_chunk (dataset, last_key, hash) VALUES ('inspection', '', 'h')`).run(),
    ).toThrow(/NOT NULL/);
  });
});
