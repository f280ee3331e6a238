// The drawer's own record of each payment, void and refund (desk-local, keyed by the command's
// operation id): how the money was tendered (cash with change, check number, card reference) and,
// for a reversal, which payment and why. The canonical payment row stays what the legacy system
// has; these details are looked up beside it (receipts, the end-of-day report).
import type { PaymentMethod } from '../../common/model.ts';
import type { DrawerEntry } from '../../common/ops/drawer-ops.ts';
import type { Cache } from '../cache/open-cache.ts';
import type { Desk } from '../desk/open-desk.ts';

export interface NewDrawerEntry {
  operationId: string;
  sessionId: string;
  kind: DrawerEntry['kind'];
  at: string;
  actor: string;
  licenceId: string;
  amountCents: number;
  method: PaymentMethod;
  receiptNo: string;
  tenderedCents?: number | null;
  changeCents?: number | null;
  checkNumber?: string | null;
  cardReference?: string | null;
  reverses?: string | null;
  reason?: string | null;
}

/** Written inside the command's own transaction (with its outbox and audit entries). */
export function recordDrawerEntry(db: Cache, e: NewDrawerEntry): void {
  db.prepare(
    `INSERT INTO drawer_entry (operation_id, session_id, kind, at, actor, licence_id, amount_cents, method, receipt_no,
       tendered_cents, change_cents, check_number, card_reference, reverses, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.operationId,
    e.sessionId,
    e.kind,
    e.at,
    e.actor,
    e.licenceId,
    e.amountCents,
    e.method,
    e.receiptNo,
    e.tenderedCents ?? null,
    e.changeCents ?? null,
    e.checkNumber ?? null,
    e.cardReference ?? null,
    e.reverses ?? null,
    e.reason ?? null,
  );
}

interface EntryRow {
  operation_id: string;
  session_id: string;
  kind: DrawerEntry['kind'];
  at: string;
  actor: string;
  licence_id: string;
  amount_cents: number;
  method: PaymentMethod;
  receipt_no: string;
  tendered_cents: number | null;
  change_cents: number | null;
  check_number: string | null;
  card_reference: string | null;
  reverses: string | null;
  reason: string | null;
  status: string | null;
  legacy_result: string | null;
}

const SELECT_ENTRIES = `SELECT d.*, o.status, o.legacy_result FROM drawer_entry d
  LEFT JOIN outbox o ON o.operation_id = d.operation_id`;

/** The legacy key an applied command got back (its bridge's result_key, e.g. paymentNo). */
export function legacyKeyOf(legacyResult: string | null): string | null {
  if (!legacyResult) return null;
  const result = JSON.parse(legacyResult) as Record<string, unknown>;
  const value = 'paymentNo' in result ? result.paymentNo : Object.values(result)[0];
  return value === undefined || value === null ? null : String(value);
}

/**
 * The id a payment (or reversal) has now: its legacy number once its command was applied, else
 * the provisional `local:<operationId>`.
 */
export function currentPaymentId(db: Cache, operationId: string): string {
  operationId = latestOperationOf(db, operationId);
  const row = db
    .prepare(`SELECT status, legacy_result FROM outbox WHERE operation_id = ?`)
    .get(operationId) as { status: string; legacy_result: string | null } | undefined;
  const legacy = row?.status === 'applied' ? legacyKeyOf(row.legacy_result) : null;
  return legacy ?? `local:${operationId}`;
}

/** A conflict applied again (or edited) lives on under the new operation (its row renamed to it). */
function latestOperationOf(db: Cache, operationId: string): string {
  const replacedBy = db
    .prepare('SELECT new_operation_id FROM conflict WHERE operation_id = ? AND new_operation_id IS NOT NULL')
    .pluck();
  for (let hops = 0; hops < 100; hops++) {
    const next = replacedBy.get(operationId) as string | undefined;
    if (!next) break;
    operationId = next;
  }
  return operationId;
}

/** The other id of the same payment: local:<op> for a legacy number this desk took, and back. */
export function samePaymentIds(db: Cache, paymentId: string): string[] {
  const local = /^local:(.+)$/.exec(paymentId)?.[1];
  if (local) {
    const now = currentPaymentId(db, local);
    return now === paymentId ? [paymentId] : [paymentId, now];
  }
  const op = operationOfLegacyPayment(db, paymentId);
  return op ? [paymentId, ...operationChain(db, op).map((o) => `local:${o}`)] : [paymentId];
}

/** An operation and those it replaced as conflicts applied again, newest first (the drawer keys the first one). */
function operationChain(db: Cache, operationId: string): string[] {
  const replaced = db.prepare('SELECT operation_id FROM conflict WHERE new_operation_id = ?').pluck();
  const chain = [operationId];
  for (let hops = 0; hops < 100; hops++) {
    const before = replaced.get(chain[chain.length - 1]) as string | undefined;
    if (!before) break;
    chain.push(before);
  }
  return chain;
}

/** The operation of this desk that became legacy payment `paymentId`, if one did. */
function operationOfLegacyPayment(db: Cache, paymentId: string): string | null {
  const rows = db
    .prepare(
      `SELECT operation_id, legacy_result FROM outbox
        WHERE status = 'applied' AND command IN ('recordPayment', 'voidPayment', 'refundPayment')
          AND legacy_result IS NOT NULL AND CAST(json_extract(legacy_result, '$.paymentNo') AS TEXT) = ?`,
    )
    .all(paymentId) as Array<{ operation_id: string; legacy_result: string }>;
  // The drawer keeps the operation that took the money, before any conflict applied it again.
  return rows[0] ? operationChain(db, rows[0].operation_id).at(-1)! : null;
}

function toEntry(db: Cache, r: EntryRow): DrawerEntry {
  const paymentId = currentPaymentId(db, r.operation_id);
  const legacy = paymentId.startsWith('local:') ? null : paymentId;
  // A conflict's edit corrected the amount or method: the drawer counts the corrected one.
  const latest = latestOperationOf(db, r.operation_id);
  const edited =
    latest === r.operation_id
      ? null
      : (JSON.parse(
          (db.prepare('SELECT payload FROM outbox WHERE operation_id = ?').pluck().get(latest) as string) ??
            '{}',
        ) as { amountCents?: number; method?: PaymentMethod });
  const legacyReceiptNo = legacy
    ? ((db.prepare('SELECT receipt_no FROM payment WHERE id = ?').pluck().get(legacy) as
        string | null | undefined) ?? null)
    : null;
  return {
    operationId: r.operation_id,
    kind: r.kind,
    at: r.at,
    actor: r.actor,
    licenceId: r.licence_id,
    amountCents: edited?.amountCents ?? r.amount_cents,
    method: edited?.method ?? r.method,
    receiptNo: r.receipt_no,
    paymentId,
    legacyReceiptNo,
    tenderedCents: r.tendered_cents,
    changeCents: r.change_cents,
    checkNumber: r.check_number,
    cardReference: r.card_reference,
    reverses: r.reverses,
    reversesReceipt: r.reverses ? receiptOfPayment(db, r.reverses) : null,
    reason: r.reason,
  };
}

/** The receipt a payment is known by: the legacy one when the desk has it, else the desk's provisional one. */
function receiptOfPayment(db: Cache, paymentId: string): string | null {
  for (const id of samePaymentIds(db, paymentId)) {
    const receipt = db.prepare('SELECT receipt_no FROM payment WHERE id = ?').pluck().get(id) as
      string | null | undefined;
    if (receipt?.trim()) return receipt.trim();
  }
  const local = /^local:(.+)$/.exec(paymentId)?.[1];
  if (!local) return null;
  return (
    (db.prepare('SELECT receipt_no FROM drawer_entry WHERE operation_id = ?').pluck().get(local) as
      string | undefined) ?? null
  );
}

export function entriesOfSession(db: Cache, sessionId: string): DrawerEntry[] {
  const rows = db
    .prepare(`${SELECT_ENTRIES} WHERE d.session_id = ? ORDER BY d.at, d.rowid`)
    .all(sessionId) as EntryRow[];
  return rows.map((r) => toEntry(db, r));
}

/**
 * The drawer details of one payment taken at this desk (tendered and change, check number, card
 * reference, its session), whether it is still provisional (`local:<operationId>`) or has its legacy
 * number; null for a payment this desk did not take (e.g. one made before the workbench).
 * For receipts (documents.receipt) and the payment history.
 */
export function paymentDetailsOf(desk: Desk | { cache: Cache }, paymentId: string): DrawerEntry | null {
  const db = desk.cache;
  const local = /^local:(.+)$/.exec(paymentId)?.[1] ?? operationOfLegacyPayment(db, paymentId);
  if (!local) return null;
  const row = db.prepare(`${SELECT_ENTRIES} WHERE d.operation_id = ?`).get(local) as EntryRow | undefined;
  return row ? toEntry(db, row) : null;
}

/** Voids and refunds this desk recorded against a payment (under either of its ids). */
export function reversalsOf(desk: Desk | { cache: Cache }, paymentId: string): DrawerEntry[] {
  const db = desk.cache;
  const ids = samePaymentIds(db, paymentId);
  const rows = db
    .prepare(
      `${SELECT_ENTRIES} WHERE d.reverses IN (${ids.map(() => '?').join(', ')}) ORDER BY d.at, d.rowid`,
    )
    .all(...ids) as EntryRow[];
  return rows.map((r) => toEntry(db, r));
}
