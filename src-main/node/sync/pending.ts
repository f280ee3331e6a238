// What of a licence has not reached the legacy database yet: for the badge on records and the
// licence screen.
import type { PendingOperation } from '../../common/sync-model.ts';
import type { Cache } from '../cache/open-cache.ts';

/** Outbox entries about this licence that are still waiting, or parked in an open conflict. */
export function pendingOperationsOf(db: Cache, licenceId: string): PendingOperation[] {
  const rows = db
    .prepare(
      `SELECT o.operation_id, o.command, o.created_at, o.actor, o.status, o.in_doubt
       FROM outbox o
       WHERE json_extract(o.payload, '$.licenceId') = ?
         AND (o.status = 'pending'
              OR (o.status = 'conflict' AND EXISTS (SELECT 1 FROM conflict c WHERE c.operation_id = o.operation_id AND c.status = 'open')))
       ORDER BY o.seq`,
    )
    .all(licenceId) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    operationId: r.operation_id as string,
    command: r.command as PendingOperation['command'],
    createdAt: r.created_at as string,
    actor: r.actor as string,
    status: r.status as PendingOperation['status'],
    inDoubt: r.in_doubt === 1,
  }));
}

/** Payments of this licence known only to this desk so far (see recordPayment: id local:<operation>). */
export function provisionalPaymentIds(db: Cache, licenceId: string): string[] {
  return (
    db
      .prepare(`SELECT id FROM payment WHERE licence_id = ? AND id LIKE 'local:%' ORDER BY id`)
      .all(licenceId) as Array<{
      id: string;
    }>
  ).map((r) => r.id);
}

/** Payments of this licence taken on this desk and since applied: provisional receipt -> legacy payment. */
export function settledPaymentsOf(
  db: Cache,
  licenceId: string,
): Array<{ operationId: string; provisionalReceipt: string; paymentId: string; receiptNo: string | null }> {
  return db
    .prepare(
      `SELECT o.operation_id AS operationId,
              json_extract(o.payload, '$.receiptNo') AS provisionalReceipt,
              CAST(json_extract(o.legacy_result, '$.paymentNo') AS TEXT) AS paymentId,
              p.receipt_no AS receiptNo
       FROM outbox o
       LEFT JOIN payment p ON p.id = CAST(json_extract(o.legacy_result, '$.paymentNo') AS TEXT)
       WHERE o.command = 'recordPayment' AND o.status = 'applied'
         AND json_extract(o.payload, '$.licenceId') = ?
         AND json_extract(o.legacy_result, '$.paymentNo') IS NOT NULL
       ORDER BY o.seq`,
    )
    .all(licenceId) as Array<{
    operationId: string;
    provisionalReceipt: string;
    paymentId: string;
    receiptNo: string | null;
  }>;
}
