// One dashboard section as CSV (RFC 4180 through documents/csv.ts, with a BOM so Excel reads the
// Spanish accents), headers in the language asked for; money as dollars with two decimals
// (what a spreadsheet sums), dates ISO. Kept on the desk under documents/dashboard/.
import type { DocumentLanguage, PrintedDocument } from '../../common/ops/document-ops.ts';
import type { DashboardPeriod, DashboardSection } from '../../common/ops/dashboard-ops.ts';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import { type CsvValue, toCsv } from '../documents/csv.ts';
import { saveDocument } from '../documents/save-document.ts';
import type { Desk } from '../desk/open-desk.ts';
import { applicationRows, applicationsAvailable, backlogRows } from './applications.ts';
import { assertMayViewDashboard, backlogDay, dashboardPeriod } from './dashboard.ts';
import type { Period } from './period.ts';
import { renewalRows } from './renewals.ts';
import { revenueFigures } from './revenue.ts';

/** Exact dollars from cents, e.g. -1250 -> "-12.50" (never through floating point). */
export function dollars(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = String(Math.abs(cents)).padStart(3, '0');
  return `${sign}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

type Headers = Record<DocumentLanguage, string[]>;

const headers: Record<DashboardSection, Headers> = {
  revenue: {
    en: ['Date', 'Cash', 'Check', 'Card', 'Other', 'Net total'],
    es: ['Fecha', 'Efectivo', 'Cheque', 'Tarjeta', 'Otro', 'Total neto'],
  },
  renewals: {
    en: [
      'Renewed on',
      'Licence',
      'Expiry before',
      'New expiry',
      'Days late',
      'On time',
      'Fee',
      'Penalty',
      'Clerk',
      'In legacy system',
    ],
    es: [
      'Renovada el',
      'Licencia',
      'Vencimiento anterior',
      'Nuevo vencimiento',
      'Días de retraso',
      'A tiempo',
      'Tarifa',
      'Recargo',
      'Empleado',
      'En el sistema anterior',
    ],
  },
  applications: {
    en: [
      'Application',
      'Business',
      'Business name',
      'Licence type',
      'Received',
      'Issued',
      'Status',
      'Licence',
    ],
    es: [
      'Solicitud',
      'Negocio',
      'Nombre del negocio',
      'Tipo de licencia',
      'Recibida',
      'Emitida',
      'Estado',
      'Licencia',
    ],
  },
  backlog: {
    en: ['Application', 'Business name', 'Licence type', 'Received', 'Days waiting', 'Age group'],
    es: [
      'Solicitud',
      'Nombre del negocio',
      'Tipo de licencia',
      'Recibida',
      'Días de espera',
      'Grupo de antigüedad',
    ],
  },
};

const yesNo: Record<DocumentLanguage, [string, string]> = { en: ['yes', 'no'], es: ['sí', 'no'] };
const statusWords: Record<DocumentLanguage, Record<string, string>> = {
  en: { open: 'open', issued: 'issued', withdrawn: 'withdrawn' },
  es: { open: 'abierta', issued: 'emitida', withdrawn: 'retirada' },
};

function sectionRows(
  desk: Desk,
  section: DashboardSection,
  period: Period,
  language: DocumentLanguage,
  now: Date,
): CsvValue[][] {
  const db = desk.cache;
  const [yes, no] = yesNo[language];
  if ((section === 'applications' || section === 'backlog') && !applicationsAvailable(db)) {
    throw new WorkbenchError('not_configured', errorText('dashboard.no_applications', {}));
  }
  switch (section) {
    case 'revenue':
      return revenueFigures(db, period).byDay.map((d) => [
        d.date,
        dollars(d.byMethod.cash),
        dollars(d.byMethod.check),
        dollars(d.byMethod.card),
        dollars(d.byMethod.other),
        dollars(d.netCents),
      ]);
    case 'renewals':
      return renewalRows(db, period).map((r) => [
        r.renewedOn,
        r.licenceId,
        r.previousExpiresOn,
        r.newExpiresOn,
        r.daysLate,
        r.late ? no : yes,
        dollars(r.feeCents),
        dollars(r.penaltyCents),
        r.actor,
        r.status === 'applied' ? yes : no,
      ]);
    case 'applications':
      return applicationRows(db, period).map((a) => [
        a.id,
        a.businessId,
        a.businessName,
        a.licenceTypeCode,
        a.receivedOn,
        a.issuedOn,
        statusWords[language][a.status] ?? a.status,
        a.licenceId,
      ]);
    case 'backlog':
      return backlogRows(db, backlogDay(desk, period, now)).map((a) => [
        a.id,
        a.businessName,
        a.licenceTypeCode,
        a.receivedOn,
        a.ageDays,
        a.bucket,
      ]);
  }
}

export function dashboardCsvText(
  desk: Desk,
  section: DashboardSection,
  period: Period,
  language: DocumentLanguage = 'en',
  now = new Date(),
): string {
  return toCsv(headers[section][language], sectionRows(desk, section, period, language, now), { bom: true });
}

export function dashboardCsv(
  desk: Desk,
  actor: string,
  input: DashboardPeriod & { section: DashboardSection; language?: DocumentLanguage },
  now = new Date(),
): PrintedDocument {
  assertMayViewDashboard(desk, actor);
  const period = dashboardPeriod(desk, input, now);
  const text = desk.cache.transaction(() =>
    dashboardCsvText(desk, input.section, period, input.language ?? 'en', now),
  )();
  return saveDocument(desk.paths.dataDir, {
    kind: 'dashboard',
    fileName: `dashboard-${input.section}-${period.from}-to-${period.to}.csv`,
    mimeType: 'text/csv',
    bytes: text,
  });
}
