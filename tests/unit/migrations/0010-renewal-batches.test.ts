// Migration 0010 (renewal batches), on top of the migrations before it: the tables, and the
// constraints the posting relies on (an item is posted exactly when it carries an operation id;
// an operation posts one item at most; states are the wizard's).
import { expect, it } from 'vitest';
import { eachCacheBefore, indexColumns, queue } from '../support/migration-cache.ts';

const cache = eachCacheBefore('0010_renewal_batches');

it('0010 adds renewal batches and their items, with the constraints posting relies on', () => {
  const { db } = cache;
  cache.apply();
  const batch = db.prepare(
    `INSERT INTO renewal_batch (id, created_by, created_at, criteria, state) VALUES (?, 'clerk', '2026-11-23T10:00:00-06:00', '{}', ?)`,
  );
  batch.run('B-1', 'draft');
  expect(() => batch.run('B-2', 'half-posted')).toThrow(/CHECK/);
  expect(db.prepare(`SELECT chunk_size FROM renewal_batch WHERE id = 'B-1'`).get()).toEqual({
    chunk_size: 25,
  });

  const item = db.prepare(
    `INSERT INTO renewal_batch_item (batch_id, position, licence_id, business_id, state, operation_id) VALUES ('B-1', ?, ?, 'B9', ?, ?)`,
  );
  item.run(1, 'L1', 'pending', null);
  expect(() => item.run(2, 'L1', 'pending', null)).toThrow(/UNIQUE/); // a licence once per batch
  expect(() => item.run(2, 'L2', 'posted', null)).toThrow(/CHECK/); // posted needs its operation
  expect(() => item.run(2, 'L2', 'pending', 'op-1')).toThrow(/CHECK|FOREIGN/); // and only posted has one
  db.prepare(
    `INSERT INTO outbox (operation_id, desk_id, actor, created_at, command, payload_version, payload, base)
     VALUES ('op-1', 'D', 'clerk', 'now', 'renewLicence', 1, '{}', '[]')`,
  ).run();
  item.run(2, 'L2', 'posted', 'op-1');
  expect(() => item.run(3, 'L3', 'posted', 'op-1')).toThrow(/UNIQUE/); // one operation posts one item
  expect(() => item.run(4, 'L4', 'posted', 'op-unknown')).toThrow(/FOREIGN/);
});

it('0010 keeps the outbox entries a cache at 0009 had, which posted items then point at', () => {
  const { db } = cache;
  queue(db, 'op-7', 'applied');
  const before = db.prepare('SELECT * FROM outbox').all();
  cache.apply();
  expect(db.prepare('SELECT * FROM outbox').all()).toEqual(before);
  expect(indexColumns(db, 'renewal_batch_item_order')).toEqual(['batch_id', 'position']);
  db.prepare(
    `INSERT INTO renewal_batch (id, created_by, created_at, criteria) VALUES ('B-1', 'sup1', 'x', '{"expiringBefore":"2026-12-31"}')`,
  ).run();
  expect(db.prepare('SELECT state, chunk_size FROM renewal_batch').get()).toEqual({
    state: 'draft',
    chunk_size: 25,
  });
  expect(() => db.prepare(`UPDATE renewal_batch SET chunk_size = 0`).run()).toThrow(/CHECK/);
  db.prepare(
    `INSERT INTO renewal_batch_item (batch_id, position, licence_id, business_id, state, operation_id, posted_at)
     VALUES ('B-1', 1, 'RV-0000001', '4711', 'posted', 'op-7', 'x')`,
  ).run();
  expect(() =>
    db
      .prepare(
        `INSERT INTO renewal_batch_item (batch_id, position, licence_id, business_id) VALUES ('B-9', 1, 'L', 'B')`,
      )
      .run(),
  ).toThrow(/FOREIGN KEY/);
});
