// The notice of violation handed to a business after an inspection that found violations (issue 13
// point 3), in English or Spanish: the business and the site, when and by whom it was inspected,
// each violation with its ordinance section and that section in plain words, its severity, what
// was found and the day it must be corrected by, and the re-inspection: the visit already on the
// schedule for the site if there is one, else the last day the city's re-inspection rule allows.
// A visit with no violations is refused in words, never printed as an empty notice.
import { errorText, WorkbenchError } from '../../common/errors.ts';
import type { ScheduledInspection, Violation, ViolationSeverity } from '../../common/model.ts';
import { todayIn } from '../../common/time.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import type { Desk } from '../desk/open-desk.ts';
import { showVisit } from '../inspections/inspector-day.ts';
import { deskInspectionRulesOrNull } from '../inspections/desk-inspection-rules.ts';
import { kindRules } from '../inspections/inspection-rules.ts';
import { reinspectionDue } from '../inspections/reinspection.ts';
import { cityStateZip, formatDate } from './doc-format.ts';
import { type DocLanguage, docText } from './doc-text.ts';
import { documentContext, documentSetup } from './document-context.ts';
import { type PlainWords, ordinanceWords } from './ordinance-words.ts';
import { colors, DocumentLayout } from './pdf-layout.ts';

export interface NoticeViolation {
  /** 1, 2, … as recorded. */
  position: number;
  section: string;
  /** The section in plain words; null when neither the ordinance table nor the rules know it. */
  words: PlainWords | null;
  severity: ViolationSeverity;
  description: string | null;
  correctBy: string | null;
  status: Violation['status'];
}

export interface NoticeReinspection {
  /** The visit's day (scheduled), or the last day the rule allows (due). */
  on: string;
  scheduled: boolean;
  windowStart?: string | null;
  windowEnd?: string | null;
}

export interface ViolationNoticeInput {
  city: string;
  desk: string;
  printedAt: string;
  inspectionId: string;
  kind: string;
  kindLabel: PlainWords | null;
  inspectedOn: string;
  inspector: string | null;
  result: 'pass' | 'fail' | null;
  score: number | null;
  grade: string | null;
  businessName: string | null;
  ownerName: string | null;
  licenceId: string | null;
  siteLines: string[];
  ward: string | null;
  violations: NoticeViolation[];
  reinspection: NoticeReinspection | null;
}

const text = docText({
  en: {
    title: 'Notice of violation',
    subtitle: 'Inspection {id} - {day}',
    to: 'Business',
    noLicence: '(no licence at this site)',
    owner: 'Owner',
    licence: 'Licence',
    site: 'Site',
    ward: 'Ward',
    inspectionHeading: 'Inspection',
    inspection: 'Inspection number',
    kind: 'Kind',
    inspectedOn: 'Inspected on',
    inspector: 'Inspector',
    result: 'Result',
    resultLine: '{result}, score {score}, grade {grade}',
    pass: 'Passed',
    fail: 'Failed',
    intro:
      'On {day}, an inspection of the site above found the violations of the {city} code listed below. Each must be corrected by the date shown.',
    violationsHeading: 'Violations found ({n})',
    number: 'No.',
    section: 'Section',
    words: 'What the code requires',
    severity: 'Severity',
    found: 'What was found',
    correctBy: 'Correct by',
    minor: 'Minor',
    major: 'Major',
    critical: 'Critical',
    corrected: '(corrected)',
    cited: '(cited)',
    noWords: '(see the city code)',
    reinspectionHeading: 'Re-inspection',
    reinspectionScheduled: 'A re-inspection is scheduled for {day}{window}.',
    reinspectionWindow: ', between {from} and {to}',
    reinspectionDue: 'The site will be inspected again on or before {day}.',
    reinspectionNone:
      'No re-inspection is scheduled. Correct each violation by its date; the city may inspect again at any time.',
    reinspectionLabel: 'Re-inspection',
    closing:
      'Violations not corrected by their date may lead to a citation and a fine. Questions about this notice: call or visit the licensing counter, quoting the inspection number above.',
    received: 'Received by (name and signature)',
  },
  es: {
    title: 'Aviso de infracción',
    subtitle: 'Inspección {id} - {day}',
    to: 'Negocio',
    noLicence: '(sin licencia en este lugar)',
    owner: 'Propietario',
    licence: 'Licencia',
    site: 'Lugar',
    ward: 'Distrito',
    inspectionHeading: 'Inspección',
    inspection: 'Número de inspección',
    kind: 'Tipo',
    inspectedOn: 'Fecha de inspección',
    inspector: 'Inspector',
    result: 'Resultado',
    resultLine: '{result}, puntuación {score}, calificación {grade}',
    pass: 'Aprobada',
    fail: 'No aprobada',
    intro:
      'El {day}, una inspección del lugar indicado arriba encontró las infracciones al código de {city} que se enumeran abajo. Cada una debe corregirse antes de la fecha indicada.',
    violationsHeading: 'Infracciones encontradas ({n})',
    number: 'N.º',
    section: 'Sección',
    words: 'Lo que exige el código',
    severity: 'Gravedad',
    found: 'Lo que se encontró',
    correctBy: 'Fecha límite',
    minor: 'Leve',
    major: 'Grave',
    critical: 'Crítica',
    corrected: '(corregida)',
    cited: '(multada)',
    noWords: '(vea el código de la ciudad)',
    reinspectionHeading: 'Nueva inspección',
    reinspectionScheduled: 'Hay una nueva inspección programada para el {day}{window}.',
    reinspectionWindow: ', entre las {from} y las {to}',
    reinspectionDue: 'El lugar se inspeccionará de nuevo a más tardar el {day}.',
    reinspectionNone:
      'No hay una nueva inspección programada. Corrija cada infracción antes de su fecha; la ciudad puede volver a inspeccionar en cualquier momento.',
    reinspectionLabel: 'Nueva inspección',
    closing:
      'Las infracciones no corregidas a tiempo pueden dar lugar a una citación y una multa. Para consultas sobre este aviso, llame o acuda al mostrador de licencias e indique el número de inspección de arriba.',
    received: 'Recibido por (nombre y firma)',
  },
});

/** The file name a notice is offered and kept under. */
export const violationNoticeFileName = (inspectionId: string, language: DocLanguage) =>
  `violation-notice-${inspectionId}-${language}.pdf`;

type Row = Record<string, unknown>;

/** The day the result was recorded on this desk (its outbox entry), else the day it was scheduled for. */
function inspectedOnOf(desk: Desk, inspection: ScheduledInspection): string {
  const recorded = desk.cache
    .prepare(
      `SELECT json_extract(payload, '$.inspectedOn') FROM outbox
        WHERE command = 'recordInspectionResult' AND json_extract(payload, '$.inspectionId') = ?
        ORDER BY created_at DESC LIMIT 1`,
    )
    .pluck()
    .get(inspection.id) as string | null | undefined;
  return recorded ?? inspection.scheduledOn;
}

/**
 * The re-inspection on the schedule, still open: the visit this desk queued as the follow-up of
 * this one (its outbox entry says so; the row is under local:<operation>, or under the number the
 * legacy system gave it once synced), else an open visit of the same kind at the same site between
 * the inspection day and the rule's last day (scheduled by hand, or in the legacy system, which
 * keeps no link). A routine visit months later is not a re-inspection.
 */
function followUpOf(
  desk: Desk,
  inspection: ScheduledInspection,
  from: string,
  due: string | null,
): ScheduledInspection | null {
  const queued = desk.cache
    .prepare(
      `SELECT s.* FROM outbox o
         JOIN scheduled_inspection s
           ON s.id = 'local:' || o.operation_id
           OR s.id = (SELECT legacy_id FROM adopted_id WHERE local_id = 'local:' || o.operation_id)
        WHERE o.command = 'scheduleInspection' AND json_extract(o.payload, '$.followsUp') = ?
          AND s.status = 'scheduled'
        ORDER BY o.created_at DESC LIMIT 1`,
    )
    .get(inspection.id) as Row | undefined;
  const row =
    queued ??
    (due
      ? (desk.cache
          .prepare(
            `SELECT * FROM scheduled_inspection
              WHERE status = 'scheduled' AND id <> ? AND kind = ? AND scheduled_on BETWEEN ? AND ?
                AND ((? IS NOT NULL AND licence_id = ?) OR (? IS NULL AND licence_id IS NULL AND address = ?))
              ORDER BY scheduled_on, id LIMIT 1`,
          )
          .get(
            inspection.id,
            inspection.kind,
            from,
            due,
            inspection.licenceId,
            inspection.licenceId,
            inspection.licenceId,
            inspection.address,
          ) as Row | undefined)
      : undefined);
  return row ? (rowToRecord('scheduledInspection', row) as ScheduledInspection) : null;
}

const positionOf = (violationId: string) => Number(violationId.slice(violationId.lastIndexOf(':') + 1));

export function violationNoticeInputFor(
  desk: Desk,
  inspectionId: string,
  now = new Date(),
): ViolationNoticeInput {
  const rules = deskInspectionRulesOrNull(desk);
  const shown = showVisit(desk.cache, rules, inspectionId, todayIn(desk.timeZone, now));
  const inspection = shown.visit.inspection;
  if (inspection.status !== 'done')
    throw new WorkbenchError(
      'invalid_input',
      errorText('inspection.notice_not_done', { inspectionId, status: inspection.status }),
    );
  if (shown.violations.length === 0)
    throw new WorkbenchError('invalid_input', errorText('inspection.notice_no_violations', { inspectionId }));
  const inspectedOn = inspectedOnOf(desk, inspection);
  const kind = rules ? kindRules(rules, inspection.kind) : null;
  const due = reinspectionDue(kind?.reinspection ?? null, inspectedOn, inspection.result ?? 'fail');
  const followUp = followUpOf(desk, inspection, inspectedOn, due);
  const words = ordinanceWords(
    desk.cache,
    rules,
    shown.violations.map((v) => v.ordinanceSection),
  );
  const business = inspection.licenceId
    ? (desk.cache
        .prepare(
          'SELECT b.owner_name, b.city, b.state, b.postal_code FROM licence l JOIN business b ON b.id = l.business_id WHERE l.id = ?',
        )
        .get(inspection.licenceId) as Row | undefined)
    : undefined;
  const str = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
  const cityLine = cityStateZip(business);
  return {
    ...documentContext(desk, now),
    inspectionId: inspection.id,
    kind: inspection.kind,
    kindLabel: kind?.label ?? null,
    inspectedOn,
    inspector: inspection.inspector,
    result: inspection.result,
    score: inspection.score,
    grade: inspection.grade,
    businessName: shown.visit.businessName,
    ownerName: str(business?.owner_name),
    licenceId: inspection.licenceId,
    siteLines: [shown.visit.site, cityLine].filter((l): l is string => !!l),
    ward: inspection.ward,
    violations: shown.violations
      .map((v) => ({
        position: positionOf(v.id),
        section: v.ordinanceSection,
        words: words.get(v.ordinanceSection) ?? null,
        severity: v.severity,
        description: v.description,
        correctBy: v.correctBy,
        status: v.status,
      }))
      .sort((a, b) => a.position - b.position),
    reinspection: followUp
      ? {
          on: followUp.scheduledOn,
          scheduled: true,
          windowStart: followUp.windowStart,
          windowEnd: followUp.windowEnd,
        }
      : due
        ? { on: due, scheduled: false }
        : null,
  };
}

export async function renderViolationNotice(
  input: ViolationNoticeInput,
  language: DocLanguage,
): Promise<Uint8Array> {
  const t = text(language);
  const day = formatDate(input.inspectedOn, language);
  const doc = await DocumentLayout.create(
    documentSetup(input, language, {
      title: t('title'),
      subtitle: t('subtitle', { id: input.inspectionId, day }),
      subject: `${t('title')} ${input.inspectionId} ${input.businessName ?? ''}`.trim(),
      keywords: ['notice of violation', input.inspectionId, ...(input.licenceId ? [input.licenceId] : [])],
    }),
  );
  doc.keyValues([
    [t('to'), input.businessName ?? t('noLicence')],
    [t('owner'), input.ownerName],
    [t('licence'), input.licenceId],
    [t('site'), input.siteLines.join('\n')],
    [t('ward'), input.ward],
  ]);
  doc.heading(t('inspectionHeading'));
  doc.keyValues([
    [t('inspection'), input.inspectionId],
    [t('kind'), input.kindLabel?.[language] ?? input.kind],
    [t('inspectedOn'), day],
    [t('inspector'), input.inspector],
    [
      t('result'),
      input.result
        ? t('resultLine', { result: t(input.result), score: input.score ?? '-', grade: input.grade ?? '-' })
        : null,
    ],
  ]);
  doc.paragraph(t('intro', { day, city: input.city }));
  doc.heading(t('violationsHeading', { n: input.violations.length }));
  doc.table({
    columns: [
      { header: t('number'), width: 0.6 },
      { header: t('section'), width: 1.3 },
      { header: t('words'), width: 3.2 },
      { header: t('severity'), width: 1.2 },
      { header: t('found'), width: 2.8 },
      { header: t('correctBy'), width: 2.3 },
    ],
    rows: input.violations.map((v) => [
      String(v.position),
      v.section,
      v.words?.[language] ?? t('noWords'),
      v.status === 'open' ? t(v.severity) : `${t(v.severity)} ${t(v.status as 'corrected' | 'cited')}`,
      v.description ?? '',
      formatDate(v.correctBy, language),
    ]),
    striped: true,
  });
  doc.heading(t('reinspectionHeading'));
  const r = input.reinspection;
  if (r) {
    const when = formatDate(r.on, language);
    doc.banner(
      `${t('reinspectionLabel')}: ${when}`,
      colors.band,
      r.scheduled
        ? t('reinspectionScheduled', {
            day: when,
            window: r.windowStart
              ? t('reinspectionWindow', { from: r.windowStart, to: r.windowEnd ?? '' })
              : '',
          })
        : t('reinspectionDue', { day: when }),
    );
  } else doc.paragraph(t('reinspectionNone'));
  doc.space(4);
  doc.paragraph(t('closing'), { size: 9 });
  doc.writeInLines(t('received'), 1);
  return doc.save();
}
