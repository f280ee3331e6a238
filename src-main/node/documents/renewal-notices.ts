// Renewal notices of a batch: ONE PDF with a notice per business, listing every licence of that
// business in the batch with its current and new expiry and the fee lines of its quote, and the
// same notices as a CSV for mail merge.
//
// The CSV has one row per business (one letter each, as the PDF has one notice each): the
// address fields a mail merge needs, how many licences, the licences as one readable field
// ("L-1001 Food service, expires March 31, 2027: $150.00; …") and the total. A city that wants
// a row per licence can split that field; a letter per row is what Word and LibreOffice expect.
//
// Which licences: the selected ones that passed validation (posted ones too, for a reprint);
// licences with problems are left out, they will not be renewed by this batch.
import { errorText, WorkbenchError } from '../../common/errors.ts';
import type { FeeLine } from '../../common/fees/fee-schedule.ts';
import type { PrintedDocument } from '../../common/ops/document-ops.ts';
import type { Desk } from '../desk/open-desk.ts';
import { markNoticesPrinted } from '../renewals/batch-runs.ts';
import { batchRow } from '../renewals/batch-store.ts';
import { assertAllowed, loadPolicy } from '../security/policy.ts';
import { toCsv } from './csv.ts';
import { documentContext } from './document-context.ts';
import { formatDate, formatMoney } from './doc-format.ts';
import { type DocLanguage, docText } from './doc-text.ts';
import { DocumentLayout } from './pdf-layout.ts';
import { saveDocument } from './save-document.ts';

export interface NoticeLicence {
  licenceId: string;
  licenceTypeName: string | null;
  currentExpiresOn: string | null;
  newExpiresOn: string | null;
  lines: FeeLine[];
  totalCents: number;
}

export interface BusinessNotice {
  businessId: string;
  name: string;
  dbaName: string | null;
  ownerName: string | null;
  addressLine: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  licences: NoticeLicence[];
  totalCents: number;
}

export interface NoticesInput {
  city: string;
  desk: string;
  batchId: string;
  /** The date the quotes were made for. */
  quotedOn: string | null;
  generatedAt: string;
  notices: BusinessNotice[];
}

const text = docText({
  en: {
    title: 'Licence renewal notice',
    subtitle: 'Batch {batch}',
    to: 'To',
    business: 'Business',
    dba: 'Doing business as',
    owner: 'Owner',
    address: 'Address',
    account: 'Business number',
    intro:
      'The licences below are being renewed by the city. Each is renewed for one more term, to the new expiry date shown; the amounts due are listed with how they were computed.',
    licence: 'Licence',
    type: 'Type',
    expires: 'Expires',
    newExpiry: 'New expiry',
    amount: 'Amount',
    line: 'How it is computed',
    licenceHeading: 'Licence {id}: {type}',
    licenceTotal: 'Total for licence {id}',
    total: 'Total due',
    quotedOn: 'Amounts computed on {date}.',
    closing:
      'Questions about this notice: call or visit the licensing counter, quoting the batch and business numbers above.',
    noFee: 'No fee schedule',
  },
  es: {
    title: 'Aviso de renovación de licencia',
    subtitle: 'Lote {batch}',
    to: 'Para',
    business: 'Negocio',
    dba: 'Nombre comercial',
    owner: 'Propietario',
    address: 'Dirección',
    account: 'Número de negocio',
    intro:
      'La ciudad renueva las licencias que siguen. Cada una se renueva por un período más, hasta la nueva fecha de vencimiento indicada; los importes a pagar se detallan con su cálculo.',
    licence: 'Licencia',
    type: 'Tipo',
    expires: 'Vence',
    newExpiry: 'Nuevo vencimiento',
    amount: 'Importe',
    line: 'Cálculo',
    licenceHeading: 'Licencia {id}: {type}',
    licenceTotal: 'Total de la licencia {id}',
    total: 'Total a pagar',
    quotedOn: 'Importes calculados el {date}.',
    closing:
      'Para consultas sobre este aviso, llame o acuda al mostrador de licencias e indique los números de lote y de negocio de arriba.',
    noFee: 'Sin tarifa',
  },
});

/** The fee engine's line labels are English; the codes are stable, so Spanish is by code. */
const lineLabelEs: Record<string, string> = {
  'fee.base': 'Tarifa base',
  'fee.perUnit': 'Tarifa por unidad',
  'fee.percentage': 'Porcentaje',
  'fee.minimum': 'Tarifa mínima',
  'penalty.grace': 'Período de gracia',
  'penalty.tier': 'Recargo por pago tardío',
  'penalty.cap': 'Tope de recargos',
  'penalty.interest': 'Interés mensual',
  'penalty.doubling': 'Duplicación por pago tardío',
};
export const lineLabel = (line: FeeLine, language: DocLanguage): string =>
  language === 'es' ? (lineLabelEs[line.code] ?? line.label) : line.label;

export function noticesInputFor(desk: Desk, batchId: string, now = new Date()): NoticesInput {
  const context = documentContext(desk, now);
  const db = desk.cache;
  const batch = batchRow(db, batchId);
  if (batch.state === 'draft' || batch.state === 'cancelled') {
    throw new WorkbenchError(
      'invalid_input',
      errorText(batch.state === 'draft' ? 'batch.notices_not_validated' : 'batch.notices_cancelled', {
        batchId,
      }),
    );
  }
  const rows = db
    .prepare(
      `SELECT i.licence_id, i.business_id, i.current_expires_on, i.new_expires_on, i.quote_total_cents,
              i.quote_lines, t.name AS type_name, b.name, b.dba_name, b.owner_name, b.address_line,
              b.city, b.state, b.postal_code
       FROM renewal_batch_item i
       LEFT JOIN licence l ON l.id = i.licence_id
       LEFT JOIN licence_type t ON t.code = l.licence_type_code
       LEFT JOIN business b ON b.id = i.business_id
       WHERE i.batch_id = ? AND i.selected = 1 AND i.problems = '[]' AND i.state <> 'blocked'
       ORDER BY b.name, i.business_id, i.position`,
    )
    .all(batchId) as Array<Record<string, string | number | null>>;
  const byBusiness = new Map<string, BusinessNotice>();
  for (const r of rows) {
    const businessId = r.business_id as string;
    let notice = byBusiness.get(businessId);
    if (!notice) {
      notice = {
        businessId,
        name: (r.name as string | null) ?? businessId,
        dbaName: r.dba_name as string | null,
        ownerName: r.owner_name as string | null,
        addressLine: r.address_line as string | null,
        city: r.city as string | null,
        state: r.state as string | null,
        postalCode: r.postal_code as string | null,
        licences: [],
        totalCents: 0,
      };
      byBusiness.set(businessId, notice);
    }
    const totalCents = (r.quote_total_cents as number | null) ?? 0;
    notice.licences.push({
      licenceId: r.licence_id as string,
      licenceTypeName: r.type_name as string | null,
      currentExpiresOn: r.current_expires_on as string | null,
      newExpiresOn: r.new_expires_on as string | null,
      lines: r.quote_lines ? (JSON.parse(r.quote_lines as string) as FeeLine[]) : [],
      totalCents,
    });
    notice.totalCents += totalCents;
  }
  return {
    city: context.city,
    desk: context.desk,
    batchId,
    quotedOn: batch.validated_on,
    generatedAt: context.printedAt,
    notices: [...byBusiness.values()],
  };
}

const cityLine = (n: BusinessNotice) =>
  [n.city, [n.state, n.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');

export async function renderRenewalNotices(input: NoticesInput, language: DocLanguage): Promise<Uint8Array> {
  const t = text(language);
  const doc = await DocumentLayout.create({
    city: input.city,
    title: t('title'),
    subtitle: t('subtitle', { batch: input.batchId }),
    desk: input.desk,
    language,
    generatedAt: input.generatedAt,
    subject: t('subtitle', { batch: input.batchId }),
  });
  input.notices.forEach((notice, index) => {
    // One notice per business, each on its own page(s), so the printed pile splits into letters.
    if (index > 0) doc.newPage();
    doc.keyValues([
      [t('business'), notice.name],
      [t('dba'), notice.dbaName],
      [t('owner'), notice.ownerName],
      [t('address'), [notice.addressLine, cityLine(notice)].filter(Boolean).join('\n')],
      [t('account'), notice.businessId],
    ]);
    doc.paragraph(t('intro'));
    doc.table({
      columns: [
        { header: t('licence'), width: 2 },
        { header: t('type'), width: 3 },
        { header: t('expires'), width: 3 },
        { header: t('newExpiry'), width: 3 },
        { header: t('amount'), width: 2, align: 'right' },
      ],
      rows: notice.licences.map((l) => [
        l.licenceId,
        l.licenceTypeName ?? '',
        formatDate(l.currentExpiresOn, language),
        formatDate(l.newExpiresOn, language),
        formatMoney(l.totalCents, language),
      ]),
      totals: ['', '', '', t('total'), formatMoney(notice.totalCents, language)],
    });
    for (const l of notice.licences) {
      doc.heading(t('licenceHeading', { id: l.licenceId, type: l.licenceTypeName ?? '' }));
      doc.table({
        columns: [
          { header: t('line'), width: 6 },
          { header: t('amount'), width: 2, align: 'right' },
        ],
        rows: l.lines.length
          ? l.lines.map((line) => [lineLabel(line, language), formatMoney(line.amountCents, language)])
          : [[t('noFee'), formatMoney(0, language)]],
        totals: [t('licenceTotal', { id: l.licenceId }), formatMoney(l.totalCents, language)],
      });
    }
    if (input.quotedOn)
      doc.paragraph(t('quotedOn', { date: formatDate(input.quotedOn, language) }), { size: 9 });
    doc.paragraph(t('closing'), { size: 9 });
  });
  return doc.save();
}

/** The mail-merge CSV: a header row, then one row per business (UTF-8 with a BOM for Excel). */
export function renewalNoticesCsv(input: NoticesInput, language: DocLanguage): string {
  const header =
    language === 'es'
      ? [
          'lote',
          'negocio',
          'nombre',
          'nombre_comercial',
          'propietario',
          'direccion',
          'ciudad',
          'estado',
          'codigo_postal',
          'licencias',
          'detalle_licencias',
          'total',
        ]
      : [
          'batch',
          'business_id',
          'name',
          'dba_name',
          'owner',
          'address',
          'city',
          'state',
          'postal_code',
          'licence_count',
          'licences',
          'total',
        ];
  const t = text(language);
  const rows = input.notices.map((n) => [
    input.batchId,
    n.businessId,
    n.name,
    n.dbaName,
    n.ownerName,
    n.addressLine,
    n.city,
    n.state,
    n.postalCode,
    n.licences.length,
    n.licences
      .map(
        (l) =>
          `${l.licenceId} ${l.licenceTypeName ?? ''}, ${t('newExpiry').toLowerCase()} ${formatDate(l.newExpiresOn, language)}: ${formatMoney(l.totalCents, language)}`,
      )
      .join('; '),
    formatMoney(n.totalCents, language),
  ]);
  return toCsv(header, rows, { bom: true });
}

/** Makes the notices of a batch (PDF or CSV), keeps them on the desk and marks the step done. */
export async function printBatchNotices(
  desk: Desk,
  actor: string,
  batchId: string,
  format: 'pdf' | 'csv',
  language: DocLanguage,
  now = new Date(),
): Promise<PrintedDocument & { notices: number }> {
  assertAllowed(loadPolicy(desk.paths.dataDir), actor, 'batch.prepare');
  const input = noticesInputFor(desk, batchId, now);
  if (input.notices.length === 0) {
    throw new WorkbenchError('invalid_input', errorText('batch.no_notice', { batchId }));
  }
  const bytes =
    format === 'pdf' ? await renderRenewalNotices(input, language) : renewalNoticesCsv(input, language);
  const saved = saveDocument(desk.paths.dataDir, {
    kind: 'notices',
    fileName: `renewal-notices-${batchId}-${language}.${format}`,
    mimeType: format === 'pdf' ? 'application/pdf' : 'text/csv',
    bytes,
  });
  markNoticesPrinted(desk, actor, batchId, format, input.notices.length, now);
  return { ...saved, notices: input.notices.length };
}
