// The end-of-day report of a cash drawer session: who, when, the float, every payment, void and
// refund with its receipt, the totals by method recorded against counted, and any variance in a
// highlighted box (issue 5 point 3). Printed from an open session it says so: totals so far.
import type { CountedMethod } from '../../common/drawer-totals.ts';
import type { PaymentMethod } from '../../common/model.ts';
import type { PrintedDocument } from '../../common/ops/document-ops.ts';
import type { DrawerSession } from '../../common/ops/drawer-ops.ts';
import type { Desk } from '../desk/open-desk.ts';
import { sessionView } from '../drawer/sessions.ts';
import { formatDateTime, formatMoney } from './doc-format.ts';
import { documentContext } from './document-context.ts';
import { type DocLanguage, docText } from './doc-text.ts';
import { colors, DocumentLayout } from './pdf-layout.ts';
import { saveDocument } from './save-document.ts';
import { shownIdOf } from '../sync/provisional-refs.ts';

const text = docText({
  en: {
    title: 'End-of-day drawer report',
    subtitle: 'Cash drawer session of {actor}',
    session: 'Session',
    clerk: 'Clerk',
    desk: 'Desk',
    opened: 'Opened',
    closed: 'Closed',
    stillOpen: 'Still open: totals so far, nothing counted yet',
    float: 'Starting float',
    movements: 'Payments, voids and refunds',
    time: 'Time',
    kind: 'Kind',
    licence: 'Licence',
    method: 'Method',
    receipt: 'Receipt',
    amount: 'Amount',
    detail: 'Detail',
    payment: 'Payment',
    void: 'Void',
    refund: 'Refund',
    none: 'No payments were taken in this session.',
    byMethod: 'Totals by method',
    in: 'In',
    out: 'Given back',
    recorded: 'Recorded',
    counted: 'Counted',
    variance: 'Variance',
    total: 'Total',
    cash: 'Cash',
    check: 'Check',
    card: 'Card',
    other: 'Other',
    tendered: 'tendered {tendered}, change {change}',
    checkNo: 'check no. {n}',
    cardRef: 'card ref. {n}',
    reverses: 'of receipt {id}: {reason}',
    varianceFound: 'VARIANCE',
    varianceDetail: '{lines}',
    balanced: 'Balanced: counted matches recorded for every method.',
    cashNote: 'Recorded cash = starting float + cash taken - cash given back.',
    signature: 'Clerk signature: ____________________    Supervisor: ____________________',
  },
  es: {
    title: 'Informe de cierre de caja',
    subtitle: 'Sesión de caja de {actor}',
    session: 'Sesión',
    clerk: 'Empleado',
    desk: 'Puesto',
    opened: 'Apertura',
    closed: 'Cierre',
    stillOpen: 'Aún abierta: totales hasta ahora, sin recuento',
    float: 'Fondo inicial',
    movements: 'Pagos, anulaciones y reembolsos',
    time: 'Hora',
    kind: 'Tipo',
    licence: 'Licencia',
    method: 'Forma',
    receipt: 'Recibo',
    amount: 'Importe',
    detail: 'Detalle',
    payment: 'Pago',
    void: 'Anulación',
    refund: 'Reembolso',
    none: 'No se cobró ningún pago en esta sesión.',
    byMethod: 'Totales por forma de pago',
    in: 'Entradas',
    out: 'Devuelto',
    recorded: 'Registrado',
    counted: 'Contado',
    variance: 'Diferencia',
    total: 'Total',
    cash: 'Efectivo',
    check: 'Cheque',
    card: 'Tarjeta',
    other: 'Otro',
    tendered: 'entregado {tendered}, cambio {change}',
    checkNo: 'cheque n.º {n}',
    cardRef: 'ref. tarjeta {n}',
    reverses: 'del recibo {id}: {reason}',
    varianceFound: 'DIFERENCIA',
    varianceDetail: '{lines}',
    balanced: 'Cuadrada: lo contado coincide con lo registrado en cada forma de pago.',
    cashNote: 'Efectivo registrado = fondo inicial + efectivo cobrado - efectivo devuelto.',
    signature: 'Firma del empleado: ____________________    Supervisor: ____________________',
  },
});

const methods: PaymentMethod[] = ['cash', 'check', 'card', 'other'];

export async function renderDrawerReport(
  session: DrawerSession,
  context: { city: string; desk: string; printedAt: string },
  language: DocLanguage,
): Promise<Uint8Array> {
  const t = text(language);
  const money = (cents: number) => formatMoney(cents, language);
  const doc = await DocumentLayout.create({
    city: context.city,
    title: t('title'),
    subtitle: t('subtitle', { actor: session.actor }),
    desk: context.desk,
    language,
    generatedAt: context.printedAt,
    subject: `${t('title')} ${session.id}`,
  });
  doc.keyValues([
    [t('session'), session.id],
    [t('clerk'), session.actor],
    [t('desk'), session.deskId],
    [t('opened'), formatDateTime(session.openedAt, language)],
    [t('closed'), session.closedAt ? formatDateTime(session.closedAt, language) : t('stillOpen')],
    [t('float'), money(session.floatCents)],
  ]);

  doc.heading(t('movements'));
  if (session.entries.length === 0) doc.paragraph(t('none'));
  else {
    doc.table({
      columns: [
        { header: t('time'), width: 1.2 },
        { header: t('kind'), width: 1.8 },
        { header: t('licence'), width: 2.2 },
        { header: t('method'), width: 1.5 },
        { header: t('receipt'), width: 3.2 },
        { header: t('amount'), width: 2, align: 'right' },
        { header: t('detail'), width: 5.5 },
      ],
      rows: session.entries.map((e) => [
        e.at.slice(11, 16),
        t(e.kind),
        shownIdOf(e.licenceId),
        t(e.method),
        e.legacyReceiptNo ? `${e.legacyReceiptNo} (${e.receiptNo})` : e.receiptNo,
        money(e.kind === 'payment' ? e.amountCents : -e.amountCents),
        detailOf(e, t, money),
      ]),
      striped: true,
    });
  }

  doc.heading(t('byMethod'));
  const counted = session.counted;
  const varianceOf = (m: PaymentMethod) => session.variance?.find((v) => v.method === m)?.varianceCents;
  doc.table({
    columns: [
      { header: t('method'), width: 2 },
      { header: t('in'), width: 2, align: 'right' },
      { header: t('out'), width: 2, align: 'right' },
      { header: t('recorded'), width: 2, align: 'right' },
      { header: t('counted'), width: 2, align: 'right' },
      { header: t('variance'), width: 2, align: 'right' },
    ],
    rows: methods.map((m) => {
      const tot = session.totals[m];
      const c = counted && m !== 'other' ? counted[m as CountedMethod] : null;
      const v = varianceOf(m);
      return [
        t(m),
        money(tot.inCents),
        money(tot.outCents),
        money(tot.recordedCents),
        c === null ? '' : money(c),
        v === undefined ? '' : money(v),
      ];
    }),
  });
  doc.paragraph(t('cashNote'), { size: 9, color: colors.muted });

  if (session.variance) {
    const off = session.variance.filter((v) => v.varianceCents !== 0);
    if (off.length) {
      doc.banner(
        t('varianceFound'),
        colors.danger,
        off
          .map(
            (v) =>
              `${t(v.method)}: ${money(v.varianceCents)} (${t('counted')} ${money(v.countedCents)}, ${t('recorded')} ${money(v.recordedCents)})`,
          )
          .join('; '),
      );
    } else doc.paragraph(t('balanced'), { bold: true });
  }
  doc.space(24);
  doc.paragraph(t('signature'), { size: 9 });
  return doc.save();
}

function detailOf(
  e: DrawerSession['entries'][number],
  t: ReturnType<typeof text>,
  money: (cents: number) => string,
): string {
  if (e.kind !== 'payment')
    return t('reverses', { id: e.reversesReceipt ?? e.reverses ?? '', reason: e.reason ?? '' });
  if (e.tenderedCents !== null && e.changeCents !== null)
    return t('tendered', { tendered: money(e.tenderedCents), change: money(e.changeCents) });
  if (e.checkNumber) return t('checkNo', { n: e.checkNumber });
  if (e.cardReference) return t('cardRef', { n: e.cardReference });
  return '';
}

/** Renders the report of one session of this desk and keeps it under documents/drawer-reports. */
export async function printDrawerReport(
  desk: Desk,
  sessionId: string,
  language: DocLanguage,
  now = new Date(),
): Promise<PrintedDocument> {
  const session = sessionView(desk.cache, sessionId);
  const context = documentContext(desk, now);
  const bytes = await renderDrawerReport(session, context, language);
  const day = (session.closedAt ?? context.printedAt).slice(0, 10);
  return saveDocument(desk.paths.dataDir, {
    kind: 'drawer-reports',
    fileName: `drawer-${day}-${session.actor}-${session.id.slice(0, 8)}-${language}.pdf`,
    mimeType: 'application/pdf',
    bytes,
  });
}
