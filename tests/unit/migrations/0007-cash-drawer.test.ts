// Migration 0007 (cash drawer): a cache at 0006 with payments gains drawer sessions and entries
// (one open session per clerk and desk, closed sessions final, entries never changed nor deleted,
// a void or refund names what it reverses and why) and payment.reversal_of / reversal_kind,
// unknown for the payments already cached.
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { eachCacheBefore, columns, indexColumns, objects } from '../support/migration-cache.ts';

const cache = eachCacheBefore('0007_cash_drawer');

const openSession = (db: Database.Database, id: string, actor = 'clerk1') =>
  db
    .prepare(
      `INSERT INTO drawer_session (id, desk_id, actor, opened_at, float_cents) VALUES (?, 'FRONT1', ?, '2026-11-20T08:00:00-06:00', 10000)`,
    )
    .run(id, actor);
const entry = (
  db: Database.Database,
  op: string,
  kind: string,
  amount: number,
  reverses: string | null,
  reason: string | null,
) =>
  db
    .prepare(
      `INSERT INTO drawer_entry (operation_id, session_id, kind, at, actor, licence_id, amount_cents, method, receipt_no,
                                 tendered_cents, change_cents, reverses, reason)
       VALUES (?, 'S-1', ?, '2026-11-20T09:00:00-06:00', 'clerk1', 'RV-0000001', ?, 'cash', 'R-FRONT1-000001', 20000, 5000, ?, ?)`,
    )
    .run(op, kind, amount, reverses, reason);

describe('0007_cash_drawer', () => {
  it('keeps the cached payments, their reversal facts unknown', () => {
    const { db } = cache;
    db.prepare(
      `INSERT INTO payment (id, licence_id, paid_on, amount_cents, method, receipt_no, refreshed_at)
       VALUES ('P-1', 'RV-0000001', '2026-11-19', 15000, 'cash', 'R-000123', 'x')`,
    ).run();
    const before = db.prepare('SELECT * FROM payment').all();
    cache.apply();
    expect(db.prepare('SELECT * FROM payment').all()).toEqual(
      before.map((row) => ({ ...(row as object), reversal_of: null, reversal_kind: null })),
    );
    expect(indexColumns(db, 'payment_by_reversal')).toEqual(['reversal_of']);
    expect(objects(db, 'trigger')).toEqual([
      'drawer_entry_never_changed',
      'drawer_entry_never_deleted',
      'drawer_session_closed_is_final',
      'drawer_session_never_deleted',
    ]);
    expect(columns(db, 'drawer_entry')).toContain('reverses');
  });

  it('allows one open session per clerk and desk, and a closed session is final', () => {
    const { db } = cache;
    cache.apply();
    openSession(db, 'S-1');
    expect(() => openSession(db, 'S-2')).toThrow(/UNIQUE/);
    openSession(db, 'S-3', 'clerk2'); // another clerk at the same desk
    expect(() =>
      db
        .prepare(
          `INSERT INTO drawer_session (id, desk_id, actor, opened_at, float_cents) VALUES ('S-4', 'FRONT1', 'clerk3', 'x', -1)`,
        )
        .run(),
    ).toThrow(/CHECK/);
    // Closing needs the count, and the count needs closing.
    expect(() => db.prepare(`UPDATE drawer_session SET closed_at = 'x' WHERE id = 'S-1'`).run()).toThrow(
      /CHECK/,
    );
    db.prepare(
      `UPDATE drawer_session SET closed_at = '2026-11-20T17:00:00-06:00', counted_cash_cents = 25000, counted_check_cents = 0, counted_card_cents = 0 WHERE id = 'S-1'`,
    ).run();
    openSession(db, 'S-2'); // the clerk's next session, once the first is closed
    expect(() =>
      db.prepare(`UPDATE drawer_session SET counted_cash_cents = 1 WHERE id = 'S-1'`).run(),
    ).toThrow(/a closed drawer session cannot be changed/);
    expect(() => db.prepare(`DELETE FROM drawer_session WHERE id = 'S-3'`).run()).toThrow(/never deleted/);
  });

  it('keeps entries as written: positive amounts, reversals with their reason, in a known session', () => {
    const { db } = cache;
    cache.apply();
    openSession(db, 'S-1');
    entry(db, 'op-1', 'payment', 15000, null, null);
    entry(db, 'op-2', 'void', 15000, 'local:op-1', 'wrong licence');
    expect(() => entry(db, 'op-3', 'refund', 15000, 'local:op-1', null)).toThrow(/CHECK/);
    expect(() => entry(db, 'op-4', 'payment', 0, null, null)).toThrow(/CHECK/);
    expect(() => entry(db, 'op-5', 'tip', 100, null, null)).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO drawer_entry (operation_id, session_id, kind, at, actor, licence_id, amount_cents, method, receipt_no)
           VALUES ('op-6', 'S-none', 'payment', 'x', 'clerk1', 'RV-0000001', 100, 'cash', 'R')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`UPDATE drawer_entry SET amount_cents = 1`).run()).toThrow(/never changed/);
    expect(() => db.prepare(`DELETE FROM drawer_entry`).run()).toThrow(/never deleted/);
    expect(
      db.prepare('SELECT operation_id, kind, reverses FROM drawer_entry ORDER BY at, operation_id').all(),
    ).toEqual([
      { operation_id: 'op-1', kind: 'payment', reverses: null },
      { operation_id: 'op-2', kind: 'void', reverses: 'local:op-1' },
    ]);
  });
});
