// Migration 0015 (invalid changes): a cache at 0014 with conflicts parked (refused ones with the
// legacy database's words among them) keeps every one as it was when conflict.kind is widened to
// take 'invalid' (a payload the desk itself will not send); an unknown kind is still refused.
import { describe, expect, it } from 'vitest';
import { eachCacheBefore, indexColumns } from '../support/migration-cache.ts';

const cache = eachCacheBefore('0015_invalid_changes');

describe('migration 0015: invalid changes', () => {
  it('keeps every conflict of a cache at 0014 and takes invalid ones with the desk’s words', () => {
    const { db } = cache;
    const entry = db.prepare(
      `INSERT INTO outbox (operation_id, desk_id, actor, created_at, command, payload_version, payload, base, status)
       VALUES (?, 'FRONT1', 'clerk', '2026-12-01T10:00:00-06:00', 'recordPayment', 1, '{"licenceId":"RV-0000001"}', '[]', 'conflict')`,
    );
    const conflict = db.prepare(
      `INSERT INTO conflict (operation_id, detected_at, kind, seen, mine, current, legacy_message)
       VALUES (?, '2026-12-01T11:00:00-06:00', ?, '[]', '{}', '[]', ?)`,
    );
    for (const op of ['op-1', 'op-2', 'op-3', 'op-4']) entry.run(op);
    conflict.run('op-1', 'changed', null);
    conflict.run('op-2', 'refused', 'value too long for type character varying(40)');
    db.prepare(
      `UPDATE conflict SET status = 'resolved', resolution = 'discard', resolved_by = 'sup', resolved_at = 'x', reason = 'typo' WHERE operation_id = 'op-2'`,
    ).run();
    const before = db.prepare('SELECT * FROM conflict ORDER BY id').all();
    expect(() => conflict.run('op-3', 'invalid', 'amountCents: too big')).toThrow(/CHECK/);

    cache.apply();
    expect(db.prepare('SELECT * FROM conflict ORDER BY id').all()).toEqual(before);
    conflict.run('op-3', 'invalid', 'amountCents: An amount is at most $1,000,000.00.');
    expect(
      db.prepare(`SELECT id, kind, legacy_message FROM conflict WHERE operation_id = 'op-3'`).get(),
    ).toEqual({
      id: 3,
      kind: 'invalid',
      legacy_message: 'amountCents: An amount is at most $1,000,000.00.',
    });
    expect(() => conflict.run('op-4', 'lost', null)).toThrow(/CHECK/);
    expect(indexColumns(db, 'conflict_open')).toEqual(['status', 'id']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
