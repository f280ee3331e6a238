// The payment receipt handed over the counter (issue 5 point 3). Reading and drawing are apart:
// receiptInputFor() gathers what the cache knows of a payment (the payment row, its licence and
// business, and, for a payment taken on this desk, the outbox entry: who took it, when, and the
// provisional number); renderReceipt() draws any ReceiptInput, so tests and the drawer's own
// details (tendered, change, check number, card reference, voids) feed the same drawing.
import { errorText, WorkbenchError } from '../../common/errors.ts';
import type { PaymentMethod } from '../../common/model.ts';
import type { Desk } from '../desk/open-desk.ts';
import { paymentDetailsOf, reversalsOf } from '../drawer/entries.ts';
import { documentContext } from './document-context.ts';
import { cityStateZip, formatDate, formatDateTime, formatMoney } from './doc-format.ts';
import { type DocLanguage, docText } from './doc-text.ts';
import { colors, DocumentLayout } from './pdf-layout.ts';

export interface ReceiptReversal {
  kind: 'void' | 'refund';
  /** ISO timestamp of the void or refund. */
  at?: string | null;
  reason?: string | null;
  /** Who voided or refunded it (the supervisor). */
  by?: string | null;
  /** A refund may be partial; default: the whole payment. */
  amountCents?: number | null;
}

export interface ReceiptInput {
  city: string;
  /** The desk printing the receipt. */
  desk: string;
  /** When this copy is printed (ISO with offset, city's zone). */
  printedAt: string;
  paymentId: string;
  /** The receipt number printed large: the desk's provisional number until the legacy system numbers it. */
  receiptNo: string | null;
  /** True while the payment exists only on this desk (id local:<operation>): the number is the desk's. */
  provisional: boolean;
  /** For a desk payment since numbered by the legacy system: the provisional number first printed. */
  provisionalReceiptNo?: string | null;
  /** When the payment was taken (ISO with offset) if known, else its date. */
  paidAt?: string | null;
  paidOn: string | null;
  licenceId: string;
  licenceTypeName?: string | null;
  businessName: string;
  dbaName?: string | null;
  ownerName?: string | null;
  addressLines: string[];
  amountCents: number;
  method: PaymentMethod;
  /** Cash: what the customer handed over, and the change given back. */
  tenderedCents?: number | null;
  changeCents?: number | null;
  checkNumber?: string | null;
  cardReference?: string | null;
  /** The OS account of the clerk who took it (known for payments taken on this desk). */
  clerk?: string | null;
  reversal?: ReceiptReversal | null;
  /** This payment's receipt was printed before: this one is marked as a copy. */
  reprint?: boolean;
}

const text = docText({
  en: {
    title: 'Payment receipt',
    receiptNo: 'Receipt No. {n}',
    receiptNumber: 'Receipt number',
    provisionalBanner: 'PROVISIONAL RECEIPT NUMBER',
    provisionalDetail:
      'Number {n} was given by desk {desk}. The payment is recorded; the city licensing system gives it its final number when the desk next reaches it. Keep this receipt: either number finds the payment.',
    provisionalShort: '{n} (provisional)',
    firstPrintedAs: 'Provisional number',
    paidAt: 'Date and time',
    licence: 'Licence number',
    licenceType: 'Licence type',
    business: 'Business',
    dba: 'Doing business as',
    owner: 'Owner',
    address: 'Address',
    description: 'Description',
    amount: 'Amount',
    fee: 'Licence fee - {type} (licence {licence})',
    feeNoType: 'Licence fee (licence {licence})',
    total: 'Total paid',
    paymentHeading: 'Payment',
    method: 'Method',
    tendered: 'Amount tendered',
    change: 'Change given',
    checkNumber: 'Check number',
    cardReference: 'Card reference',
    clerk: 'Clerk',
    desk: 'Desk',
    void: 'VOID',
    refund: 'REFUNDED',
    voidBanner: 'VOID - this payment was cancelled',
    refundBanner: 'REFUNDED - {amount} returned',
    reversalDetail: '{when}{by}{reason}',
    reversalBy: ' by {who}',
    reversalReason: '. Reason: {reason}',
    thanks: 'Thank you. Keep this receipt for your records.',
    cash: 'Cash',
    check: 'Check',
    card: 'Card',
    other: 'Other',
    noNumber: '(no number)',
    copyBanner: 'COPY - reprint of a receipt already given',
  },
  es: {
    title: 'Recibo de pago',
    receiptNo: 'Recibo n.º {n}',
    receiptNumber: 'Número de recibo',
    provisionalBanner: 'NÚMERO DE RECIBO PROVISIONAL',
    provisionalDetail:
      'El número {n} lo dio la estación {desk}. El pago está registrado; el sistema de licencias de la ciudad le asignará su número definitivo cuando la estación vuelva a conectarse. Guarde este recibo: cualquiera de los dos números identifica el pago.',
    provisionalShort: '{n} (provisional)',
    firstPrintedAs: 'Número provisional',
    paidAt: 'Fecha y hora',
    licence: 'Número de licencia',
    licenceType: 'Tipo de licencia',
    business: 'Negocio',
    dba: 'Nombre comercial',
    owner: 'Propietario',
    address: 'Dirección',
    description: 'Concepto',
    amount: 'Importe',
    fee: 'Derecho de licencia - {type} (licencia {licence})',
    feeNoType: 'Derecho de licencia (licencia {licence})',
    total: 'Total pagado',
    paymentHeading: 'Pago',
    method: 'Forma de pago',
    tendered: 'Importe entregado',
    change: 'Cambio devuelto',
    checkNumber: 'Número de cheque',
    cardReference: 'Referencia de tarjeta',
    clerk: 'Empleado',
    desk: 'Estación',
    void: 'ANULADO',
    refund: 'REEMBOLSADO',
    voidBanner: 'ANULADO - este pago fue cancelado',
    refundBanner: 'REEMBOLSADO - se devolvieron {amount}',
    reversalDetail: '{when}{by}{reason}',
    reversalBy: ' por {who}',
    reversalReason: '. Motivo: {reason}',
    thanks: 'Gracias. Guarde este recibo para sus registros.',
    cash: 'Efectivo',
    check: 'Cheque',
    card: 'Tarjeta',
    other: 'Otro',
    noNumber: '(sin número)',
    copyBanner: 'COPIA - reimpresión de un recibo ya entregado',
  },
});

/** The file name a receipt is offered and kept under. */
export function receiptFileName(input: Pick<ReceiptInput, 'receiptNo' | 'paymentId'>): string {
  return `receipt-${input.receiptNo ?? input.paymentId.replace(/^local:/, '').slice(0, 8)}.pdf`;
}

export async function renderReceipt(input: ReceiptInput, language: DocLanguage): Promise<Uint8Array> {
  const t = text(language);
  const number = input.receiptNo ?? t('noNumber');
  const doc = await DocumentLayout.create({
    city: input.city,
    title: t('title'),
    subtitle: input.provisional
      ? t('receiptNo', { n: t('provisionalShort', { n: number }) })
      : t('receiptNo', { n: number }),
    desk: input.desk,
    language,
    generatedAt: input.printedAt,
    subject: `${input.licenceId} ${input.businessName}`,
    keywords: ['receipt', number, input.licenceId],
  });

  if (input.reversal) {
    const r = input.reversal;
    doc.watermark(r.kind === 'void' ? t('void') : t('refund'));
    const detail = t('reversalDetail', {
      when: formatDateTime(r.at, language),
      by: r.by ? t('reversalBy', { who: r.by }) : '',
      reason: r.reason ? t('reversalReason', { reason: r.reason }) : '',
    });
    doc.banner(
      r.kind === 'void'
        ? t('voidBanner')
        : t('refundBanner', { amount: formatMoney(r.amountCents ?? input.amountCents, language) }),
      colors.danger,
      detail.replace(/^\. /, '') || undefined,
    );
  }
  if (input.reprint) doc.banner(t('copyBanner'), colors.muted);
  if (input.provisional) {
    doc.banner(
      t('provisionalBanner'),
      colors.warning,
      t('provisionalDetail', { n: number, desk: input.desk }),
    );
  }

  doc.keyValues([
    [t('receiptNumber'), input.provisional ? t('provisionalShort', { n: number }) : number],
    [t('firstPrintedAs'), !input.provisional ? input.provisionalReceiptNo : null],
    [t('paidAt'), input.paidAt ? formatDateTime(input.paidAt, language) : formatDate(input.paidOn, language)],
    [t('licence'), input.licenceId],
    [t('licenceType'), input.licenceTypeName],
    [t('business'), input.businessName],
    [t('dba'), input.dbaName],
    [t('owner'), input.ownerName],
    [t('address'), input.addressLines.filter(Boolean).join('\n')],
  ]);

  doc.table({
    columns: [
      { header: t('description'), width: 4 },
      { header: t('amount'), width: 1.2, align: 'right' },
    ],
    rows: [
      [
        input.licenceTypeName
          ? t('fee', { type: input.licenceTypeName, licence: input.licenceId })
          : t('feeNoType', { licence: input.licenceId }),
        formatMoney(input.amountCents, language),
      ],
    ],
    totals: [t('total'), formatMoney(input.amountCents, language)],
  });

  doc.heading(t('paymentHeading'));
  const cash = input.method === 'cash';
  doc.keyValues([
    [t('method'), t(input.method)],
    [t('tendered'), cash && input.tenderedCents != null ? formatMoney(input.tenderedCents, language) : null],
    [t('change'), cash && input.changeCents != null ? formatMoney(input.changeCents, language) : null],
    [t('checkNumber'), input.checkNumber],
    [t('cardReference'), input.cardReference],
    [t('clerk'), input.clerk],
    [t('desk'), input.desk],
  ]);
  doc.space(6);
  doc.paragraph(t('thanks'), { size: 10, color: colors.muted });
  return doc.save();
}

interface OutboxPaymentRow {
  operation_id: string;
  actor: string;
  created_at: string;
  payload: string;
  legacy_result: string | null;
}

/**
 * What the cache knows of a payment, ready to print. `paymentId` is the cached payment's id: a
 * legacy payment number, or `local:<operation>` for one taken on this desk (still found after
 * replay has replaced it by the legacy payment). Tendered, change, check number, card reference
 * and any void or refund come from the drawer's own table (drawer/entries.ts).
 */
export function receiptInputFor(desk: Desk, paymentId: string, now = new Date()): ReceiptInput {
  const db = desk.cache;
  const id = paymentId.trim();
  const paymentById = db.prepare('SELECT * FROM payment WHERE id = ?');
  let payment = paymentById.get(id) as Record<string, unknown> | undefined;

  let operation: OutboxPaymentRow | undefined;
  if (id.startsWith('local:')) {
    operation = db
      .prepare(
        `SELECT operation_id, actor, created_at, payload, legacy_result FROM outbox WHERE operation_id = ? AND command = 'recordPayment'`,
      )
      .get(id.slice('local:'.length)) as OutboxPaymentRow | undefined;
    // Replay has numbered it: the legacy row replaces the provisional one in the cache.
    const settledNo = operation?.legacy_result
      ? (JSON.parse(operation.legacy_result) as { paymentNo?: unknown }).paymentNo
      : undefined;
    if (!payment && settledNo !== undefined && settledNo !== null) {
      payment = paymentById.get(String(settledNo)) as Record<string, unknown> | undefined;
    }
  } else {
    operation = db
      .prepare(
        `SELECT operation_id, actor, created_at, payload, legacy_result FROM outbox
         WHERE command = 'recordPayment' AND CAST(json_extract(legacy_result, '$.paymentNo') AS TEXT) = ?`,
      )
      .get(id) as OutboxPaymentRow | undefined;
  }
  if (!payment) {
    throw new WorkbenchError('not_found', errorText('receipt.payment_not_found', { paymentId: id }));
  }

  const licence = db.prepare('SELECT * FROM licence WHERE id = ?').get(payment.licence_id) as
    Record<string, unknown> | undefined;
  const business = licence
    ? (db.prepare('SELECT * FROM business WHERE id = ?').get(licence.business_id) as
        Record<string, unknown> | undefined)
    : undefined;
  const type = licence?.licence_type_code
    ? (db.prepare('SELECT name FROM licence_type WHERE code = ?').get(licence.licence_type_code) as
        { name: string } | undefined)
    : undefined;
  const payload = operation
    ? (JSON.parse(operation.payload) as { receiptNo?: string; paidAt?: string })
    : undefined;
  const provisional = String(payment.id).startsWith('local:');
  const str = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
  const cityLine = cityStateZip(business);
  const context = documentContext(desk, now);
  // The drawer's own record of how it was paid, and of any void or refund since.
  const details = paymentDetailsOf(desk, String(payment.id));
  return {
    ...context,
    paymentId: String(payment.id),
    receiptNo: str(payment.receipt_no),
    provisional,
    provisionalReceiptNo:
      !provisional && payload?.receiptNo !== payment.receipt_no ? (payload?.receiptNo ?? null) : null,
    paidAt: payload?.paidAt ?? operation?.created_at ?? null,
    paidOn: str(payment.paid_on),
    licenceId: String(payment.licence_id),
    licenceTypeName: type?.name ?? null,
    businessName: str(business?.name) ?? '',
    dbaName: str(business?.dba_name),
    ownerName: str(business?.owner_name),
    addressLines: [str(business?.address_line), cityLine].filter((l): l is string => !!l),
    amountCents: Number(payment.amount_cents),
    method: payment.method as PaymentMethod,
    clerk: details?.actor ?? operation?.actor ?? null,
    tenderedCents: details?.tenderedCents ?? null,
    changeCents: details?.changeCents ?? null,
    checkNumber: details?.checkNumber ?? null,
    cardReference: details?.cardReference ?? null,
    reversal: reversalOf(reversalsOf(desk, String(payment.id))),
  };
}

/** A void wins over refunds; refunds add up (a refund may be partial). */
function reversalOf(entries: ReturnType<typeof reversalsOf>): ReceiptReversal | null {
  const voided = entries.find((e) => e.kind === 'void');
  if (voided) return { kind: 'void', at: voided.at, reason: voided.reason, by: voided.actor };
  const refunds = entries.filter((e) => e.kind === 'refund');
  const last = refunds.at(-1);
  if (!last) return null;
  return {
    kind: 'refund',
    at: last.at,
    by: last.actor,
    reason:
      refunds
        .map((r) => r.reason)
        .filter(Boolean)
        .join('; ') || null,
    amountCents: refunds.reduce((sum, r) => sum + r.amountCents, 0),
  };
}
