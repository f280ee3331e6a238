// The drawer's money math (recorded totals by method, variance against what was counted, change
// due) and migration 0007 (drawer sessions and entries that are never edited or deleted, and the
// payment's reversal columns).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeDue, drawerTotals, drawerVariance } from '../../src-main/common/drawer-totals.ts';
import { changedFields, conflictFields, editableFields, rebase } from '../../src-main/common/replay-rules.ts';
import { migrate, readMigrations, schemaVersion } from '../../src-main/node/cache/migrate.ts';

describe('drawer totals and variance', () => {
  it('cash recorded is the float plus cash taken less cash given back; other methods start at zero', () => {
    const totals = drawerTotals(10_000, [
      { kind: 'payment', method: 'cash', amountCents: 12_550 },
      { kind: 'payment', method: 'cash', amountCents: 4_000 },
      { kind: 'void', method: 'cash', amountCents: 4_000 },
      { kind: 'payment', method: 'check', amountCents: 32_250 },
      { kind: 'refund', method: 'cash', amountCents: 550 },
      { kind: 'payment', method: 'card', amountCents: 7_500 },
      { kind: 'refund', method: 'card', amountCents: 2_500 },
      { kind: 'payment', method: 'other', amountCents: 1_000 },
    ]);
    expect(totals).toEqual({
      cash: { inCents: 16_550, outCents: 4_550, recordedCents: 22_000 },
      check: { inCents: 32_250, outCents: 0, recordedCents: 32_250 },
      card: { inCents: 7_500, outCents: 2_500, recordedCents: 5_000 },
      other: { inCents: 1_000, outCents: 0, recordedCents: 1_000 },
    });
  });

  it('an empty session records just the float', () => {
    expect(drawerTotals(2_500, []).cash.recordedCents).toBe(2_500);
  });

  it('variance is counted minus recorded, per counted method, to the cent (short is negative)', () => {
    const totals = drawerTotals(10_000, [
      { kind: 'payment', method: 'cash', amountCents: 12_550 },
      { kind: 'payment', method: 'check', amountCents: 32_250 },
    ]);
    expect(drawerVariance(totals, { cash: 22_545, check: 32_250, card: 100 })).toEqual([
      { method: 'cash', recordedCents: 22_550, countedCents: 22_545, varianceCents: -5 },
      { method: 'check', recordedCents: 32_250, countedCents: 32_250, varianceCents: 0 },
      { method: 'card', recordedCents: 0, countedCents: 100, varianceCents: 100 },
    ]);
  });

  it('change due is tendered minus the amount; less than the amount tendered is refused (null)', () => {
    expect(changeDue(12_550, 20_000)).toBe(7_450);
    expect(changeDue(12_550, 12_550)).toBe(0);
    expect(changeDue(12_550, 12_549)).toBeNull();
  });
});

describe('migration 0007: cash drawer', () => {
  let dir: string;
  let db: Database.Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wb-drawer-'));
    db = new Database(join(dir, 'c.sqlite'));
    migrate(db, readMigrations(join(import.meta.dirname, '../../migrations')).slice(0, 7));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const open = (id: string, actor = 'ana') =>
    db
      .prepare(
        `INSERT INTO drawer_session (id, desk_id, actor, opened_at, float_cents) VALUES (?, 'D1', ?, 't0', 0)`,
      )
      .run(id, actor);
  const entry = (op: string, session: string) =>
    db
      .prepare(
        `INSERT INTO drawer_entry (operation_id, session_id, kind, at, actor, licence_id, amount_cents, method, receipt_no)
         VALUES (?, ?, 'payment', 't1', 'ana', 'L1', 100, 'cash', 'P-1')`,
      )
      .run(op, session);

  it('is schema version 7 and adds the reversal columns to payment', () => {
    expect(schemaVersion(db)).toBe(7);
    const cols = (db.prepare(`PRAGMA table_info(payment)`).all() as Array<{ name: string }>).map(
      (c) => c.name,
    );
    expect(cols).toEqual(expect.arrayContaining(['reversal_of', 'reversal_kind']));
  });

  it('allows one open session per person per desk; another once it is closed', () => {
    open('s1');
    expect(() => open('s2')).toThrow(/UNIQUE/);
    open('s3', 'ben');
    db.prepare(
      `UPDATE drawer_session SET closed_at = 't9', counted_cash_cents = 0, counted_check_cents = 0, counted_card_cents = 0 WHERE id = 's1'`,
    ).run();
    open('s2');
  });

  it('a closed session never changes and no session is deleted', () => {
    open('s1');
    db.prepare(
      `UPDATE drawer_session SET closed_at = 't9', counted_cash_cents = 5, counted_check_cents = 0, counted_card_cents = 0 WHERE id = 's1'`,
    ).run();
    expect(() =>
      db.prepare(`UPDATE drawer_session SET counted_cash_cents = 0 WHERE id = 's1'`).run(),
    ).toThrow(/closed drawer session cannot be changed/);
    expect(() => db.prepare(`DELETE FROM drawer_session WHERE id = 's1'`).run()).toThrow(/never deleted/);
  });

  it('drawer entries are never changed or deleted; a void needs what it reverses and a reason', () => {
    open('s1');
    entry('op1', 's1');
    expect(() => db.prepare(`UPDATE drawer_entry SET amount_cents = 1`).run()).toThrow(/never changed/);
    expect(() => db.prepare(`DELETE FROM drawer_entry`).run()).toThrow(/never deleted/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO drawer_entry (operation_id, session_id, kind, at, actor, licence_id, amount_cents, method, receipt_no)
           VALUES ('op2', 's1', 'void', 't2', 'sam', 'L1', 100, 'cash', 'P-2')`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});

describe('replay rules of voids and refunds', () => {
  const seen = { id: 'RV-1', status: 'active', expiresOn: '2027-01-31', legacyUpdatedAt: null };
  const payload = {
    v: 1,
    paymentId: 'local:6f1c1f7e-3a55-4f41-9a37-1c1b6f2f0d11',
    licenceId: 'RV-1',
    amountCents: 4321,
    signedAmountCents: -4321,
    method: 'cash',
    reason: 'wrong licence',
    reversedOn: '2026-11-23',
    reversedAt: '2026-11-23T10:00:00-06:00',
    receiptNo: 'P-D1-000003',
  };
  it('money given back does not depend on the licence having stayed the same', () => {
    for (const command of ['voidPayment', 'refundPayment'] as const)
      expect(changedFields(command, seen, { ...seen, status: 'suspended', expiresOn: '2020-01-01' })).toEqual(
        [],
      );
  });
  it('a conflict shows the payment, amount, method and reason; a person may edit the reason (and a refund its amount)', () => {
    expect(conflictFields('voidPayment', payload, seen, seen).map((f) => [f.field, f.mine])).toEqual([
      ['paymentId', payload.paymentId],
      ['amountCents', 4321],
      ['method', 'cash'],
      ['reason', 'wrong licence'],
      ['legacyUpdatedAt', null],
    ]);
    expect(editableFields('voidPayment', payload)).toEqual({ reason: 'wrong licence' });
    expect(editableFields('refundPayment', payload)).toEqual({ amountCents: 4321, reason: 'wrong licence' });
    expect(rebase('refundPayment', payload, seen, '2026-11-24', 12)).toEqual(payload);
  });
});
