// References to records made offline (`local:<operationId>`): resolved to the legacy key at send
// time, followed through a conflict's replacement, refused when the record will never exist; and
// the cache adopting the legacy id when the creating operation settles.
import { describe, expect, it } from 'vitest';
import type { BridgeFile } from '../../src-main/node/bridge/bridge-schema.ts';
import type { Cache } from '../../src-main/node/cache/open-cache.ts';
import { listOutbox } from '../../src-main/node/commands/outbox.ts';
import {
  adoptLegacyId,
  currentIdOf,
  provisionalOperation,
  resolveProvisionalRefs,
} from '../../src-main/node/sync/provisional-refs.ts';
import { cacheForEach } from './support/desk-cache.ts';

const PAY = '11111111-1111-4111-8111-111111111111';
const PAY2 = '22222222-2222-4222-8222-222222222222';
const VOID = '33333333-3333-4333-8333-333333333333';
const commands = { recordPayment: { result_key: 'paymentNo' } } as unknown as BridgeFile['commands'];

let db: Cache;
cacheForEach('wb-refs-', (cache) => {
  db = cache;
});

function outbox(operationId: string, command: string, payload: object, status = 'pending', result?: object) {
  db.prepare(
    `INSERT INTO outbox (operation_id, desk_id, actor, created_at, command, payload_version, payload, base, status, legacy_result)
     VALUES (?, 'FRONT1', 'clerk', '2026-11-23T10:00:00-06:00', ?, 1, ?, '[]', ?, ?)`,
  ).run(
    operationId,
    command,
    JSON.stringify({ v: 1, ...payload }),
    status,
    result ? JSON.stringify(result) : null,
  );
}
const entryOf = (operationId: string) => listOutbox(db).find((e) => e.operationId === operationId)!;

describe('provisional references', () => {
  it('recognises only local:<uuid>', () => {
    expect(provisionalOperation(`local:${PAY}`)).toBe(PAY);
    expect(provisionalOperation('local:abc')).toBeNull();
    expect(provisionalOperation('P-FRONT1-000001')).toBeNull();
    expect(provisionalOperation(42)).toBeNull();
  });

  it('replaces a reference by the legacy key the referred operation settled with', () => {
    outbox(PAY, 'recordPayment', { licenceId: 'RV-1' }, 'applied', { paymentNo: 812 });
    outbox(VOID, 'voidPayment', { paymentId: `local:${PAY}`, nested: { ids: [`local:${PAY}`] } });
    const r = resolveProvisionalRefs(db, commands, entryOf(VOID));
    expect(r.kind).toBe('ready');
    if (r.kind !== 'ready') return;
    expect(r.payload.paymentId).toBe(812);
    expect(r.payload.nested).toEqual({ ids: [812] });
    expect(r.payload.v).toBe(1);
  });

  it('waits while the referred operation is still pending (e.g. in doubt)', () => {
    outbox(PAY, 'recordPayment', { licenceId: 'RV-1' });
    outbox(VOID, 'voidPayment', { paymentId: `local:${PAY}` });
    expect(resolveProvisionalRefs(db, commands, entryOf(VOID)).kind).toBe('wait');
  });

  it('follows a conflict resolved by applying again to the operation that replaced it', () => {
    outbox(PAY, 'recordPayment', { licenceId: 'RV-1' }, 'conflict');
    outbox(PAY2, 'recordPayment', { licenceId: 'RV-1' }, 'applied', { paymentNo: 900 });
    outbox(VOID, 'voidPayment', { paymentId: `local:${PAY}` });
    db.prepare(
      `INSERT INTO conflict (operation_id, detected_at, kind, seen, mine, current, status, resolution, new_operation_id)
       VALUES (?, '2026-11-23T10:00:00-06:00', 'changed', '[]', '{}', '[]', 'resolved', 'apply_again', ?)`,
    ).run(PAY, PAY2);
    const r = resolveProvisionalRefs(db, commands, entryOf(VOID));
    expect(r.kind === 'ready' && r.payload.paymentId).toBe(900);
  });

  it('is missing when the referred operation was discarded, or replaced by one still waiting behind it', () => {
    outbox(PAY, 'recordPayment', { licenceId: 'RV-1' }, 'conflict');
    outbox(VOID, 'voidPayment', { paymentId: `local:${PAY}` });
    const discarded = resolveProvisionalRefs(db, commands, entryOf(VOID));
    expect(discarded.kind).toBe('missing');
    outbox(PAY2, 'recordPayment', { licenceId: 'RV-1' });
    db.prepare(
      `INSERT INTO conflict (operation_id, detected_at, kind, seen, mine, current, status, resolution, new_operation_id)
       VALUES (?, '2026-11-23T10:00:00-06:00', 'changed', '[]', '{}', '[]', 'resolved', 'apply_again', ?)`,
    ).run(PAY, PAY2);
    const behind = resolveProvisionalRefs(db, commands, entryOf(VOID));
    expect(behind.kind).toBe('missing');
    expect(behind.kind !== 'ready' && behind.why).toMatch(/apply this one again/);
  });

  it('adopting the legacy id removes the provisional row and re-points what referred to it', () => {
    const at = '2026-11-23T10:00:00-06:00';
    db.prepare(`INSERT INTO business (id, name, refreshed_at) VALUES (?, 'New Bakery', ?)`).run(
      `local:${PAY}`,
      at,
    );
    db.prepare(`INSERT INTO business (id, name, refreshed_at) VALUES ('5001', 'New Bakery', ?)`).run(at);
    db.prepare(
      `INSERT INTO licence (id, business_id, status, refreshed_at) VALUES ('RV-9', ?, 'active', ?)`,
    ).run(`local:${PAY}`, at);
    outbox(PAY, 'registerBusiness', {}, 'applied', { businessNo: 5001 });
    db.prepare(`INSERT INTO pending_change (entity, record_id, operation_id) VALUES ('business', ?, ?)`).run(
      `local:${PAY}`,
      PAY,
    );
    db.transaction(() => adoptLegacyId(db, 'business', PAY, '5001', at))();
    expect(db.prepare('SELECT id FROM business ORDER BY id').all()).toEqual([{ id: '5001' }]);
    expect(db.prepare(`SELECT business_id FROM licence WHERE id = 'RV-9'`).get()).toEqual({
      business_id: '5001',
    });
    expect(db.prepare('SELECT record_id FROM pending_change').get()).toEqual({ record_id: '5001' });
    // A screen or command still holding the provisional id finds the record under its legacy id.
    expect(currentIdOf(db, `local:${PAY}`)).toBe('5001');
    expect(currentIdOf(db, `local:${PAY2}`)).toBe(`local:${PAY2}`);
    expect(currentIdOf(db, 'RV-0000001')).toBe('RV-0000001');
  });
});
