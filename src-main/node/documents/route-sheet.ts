// The inspector's route sheet for a day (issue 13 point 3): the visits of the day and the overdue
// ones, in the route order `inspections.day` gives them (the sheet takes that op's answer as it is,
// never orders them again), each with its time window, kind, business, licence, site, ward, the
// violations still open at the site, and ruled lines for the inspector's notes.
import type { Visit } from '../../common/ops/inspection-ops.ts';
import type { Desk } from '../desk/open-desk.ts';
import { showVisit } from '../inspections/inspector-day.ts';
import { deskInspectionRulesOrNull } from '../inspections/desk-inspection-rules.ts';
import { kindRules } from '../inspections/inspection-rules.ts';
import { formatDate } from './doc-format.ts';
import { type DocLanguage, docText } from './doc-text.ts';
import { documentContext, documentSetup } from './document-context.ts';
import { type PlainWords, ordinanceWords } from './ordinance-words.ts';
import { DocumentLayout } from './pdf-layout.ts';

export interface RouteStopViolation {
  section: string;
  words: PlainWords | null;
  correctBy: string | null;
}

export interface RouteStop {
  /** 1, 2, … in route order. */
  order: number;
  inspectionId: string;
  windowStart: string | null;
  windowEnd: string | null;
  kind: string;
  kindLabel: PlainWords | null;
  businessName: string | null;
  licenceId: string | null;
  site: string | null;
  ward: string | null;
  status: Visit['inspection']['status'];
  /** The day it was due, for a visit overdue from an earlier day. */
  overdueSince: string | null;
  /** How many violations are still open at the site (the day list's count). */
  openCount: number;
  openViolations: RouteStopViolation[];
}

export interface RouteSheetInput {
  city: string;
  desk: string;
  printedAt: string;
  inspector: string;
  on: string;
  stops: RouteStop[];
}

const text = docText({
  en: {
    title: 'Route sheet',
    subtitle: '{inspector}, {day}',
    inspector: 'Inspector',
    day: 'Day',
    visits: 'Visits',
    visitCount: '{n} ({overdue} overdue from earlier days)',
    visitCountPlain: '{n}',
    none: 'No visits are scheduled for this inspector on this day, and none is overdue.',
    stop: '{n}. {window} - {kind}',
    anyTime: 'any time',
    overdue: 'OVERDUE since {day}',
    status_done: 'DONE',
    status_cancelled: 'CANCELLED',
    status_no_show: 'MISSED',
    status_scheduled: '',
    inspection: 'Inspection',
    business: 'Business',
    noLicence: '(no licence)',
    licence: 'Licence',
    site: 'Site',
    ward: 'Ward',
    open: 'Open violations',
    openNone: 'None',
    openLine: '{section} {words}, correct by {by}',
    openLineNoDate: '{section} {words}',
    notes: 'Notes',
  },
  es: {
    title: 'Hoja de ruta',
    subtitle: '{inspector}, {day}',
    inspector: 'Inspector',
    day: 'Día',
    visits: 'Visitas',
    visitCount: '{n} ({overdue} atrasadas de días anteriores)',
    visitCountPlain: '{n}',
    none: 'Este inspector no tiene visitas programadas para este día ni visitas atrasadas.',
    stop: '{n}. {window} - {kind}',
    anyTime: 'a cualquier hora',
    overdue: 'ATRASADA desde el {day}',
    status_done: 'REALIZADA',
    status_cancelled: 'CANCELADA',
    status_no_show: 'NO REALIZADA',
    status_scheduled: '',
    inspection: 'Inspección',
    business: 'Negocio',
    noLicence: '(sin licencia)',
    licence: 'Licencia',
    site: 'Lugar',
    ward: 'Distrito',
    open: 'Infracciones abiertas',
    openNone: 'Ninguna',
    openLine: '{section} {words}, corregir antes del {by}',
    openLineNoDate: '{section} {words}',
    notes: 'Notas',
  },
});

/** The file name a route sheet is offered and kept under. */
export const routeSheetFileName = (input: Pick<RouteSheetInput, 'inspector' | 'on'>, language: DocLanguage) =>
  `route-sheet-${input.inspector}-${input.on}-${language}.pdf`;

/**
 * The sheet of a day as `inspections.day` answered it: the visits in the order given, each with
 * the open violations at its site (inspector-day.ts showVisit) and the words of their sections.
 */
export function routeSheetInputFor(
  desk: Desk,
  day: { on: string; inspector: string; visits: Visit[] },
  now = new Date(),
): RouteSheetInput {
  const rules = deskInspectionRulesOrNull(desk);
  const openBySite = day.visits.map((v) => showVisit(desk.cache, rules, v.inspection.id, day.on).openAtSite);
  const words = ordinanceWords(
    desk.cache,
    rules,
    openBySite.flat().map((v) => v.ordinanceSection),
  );
  return {
    ...documentContext(desk, now),
    inspector: day.inspector,
    on: day.on,
    stops: day.visits.map((v, index) => {
      const i = v.inspection;
      return {
        order: index + 1,
        inspectionId: i.id,
        windowStart: i.windowStart,
        windowEnd: i.windowEnd,
        kind: i.kind,
        kindLabel: (rules && kindRules(rules, i.kind)?.label) ?? null,
        businessName: v.businessName,
        licenceId: i.licenceId,
        site: v.site,
        ward: i.ward,
        status: i.status,
        overdueSince: v.overdue ? i.scheduledOn : null,
        openCount: v.openViolations,
        openViolations: openBySite[index]!.map((o) => ({
          section: o.ordinanceSection,
          words: words.get(o.ordinanceSection) ?? null,
          correctBy: o.correctBy,
        })),
      };
    }),
  };
}

export async function renderRouteSheet(input: RouteSheetInput, language: DocLanguage): Promise<Uint8Array> {
  const t = text(language);
  const day = formatDate(input.on, language);
  const doc = await DocumentLayout.create(
    documentSetup(input, language, {
      title: t('title'),
      subtitle: t('subtitle', { inspector: input.inspector, day }),
      subject: `${t('title')} ${input.inspector} ${input.on}`,
      keywords: ['route sheet', input.inspector, input.on],
    }),
  );
  const overdue = input.stops.filter((s) => s.overdueSince).length;
  doc.keyValues([
    [t('inspector'), input.inspector],
    [t('day'), day],
    [
      t('visits'),
      overdue
        ? t('visitCount', { n: input.stops.length, overdue })
        : t('visitCountPlain', { n: input.stops.length }),
    ],
  ]);
  if (input.stops.length === 0) doc.paragraph(t('none'));
  for (const stop of input.stops) {
    // A stop's lines and its notes stay together: the heading, five facts, the open violations.
    doc.ensureSpace(150 + stop.openViolations.length * 13);
    const window = stop.windowStart ? `${stop.windowStart}-${stop.windowEnd ?? ''}` : t('anyTime');
    const flags = [
      stop.overdueSince ? t('overdue', { day: formatDate(stop.overdueSince, language) }) : '',
      t(`status_${stop.status}`),
    ].filter(Boolean);
    doc.heading(
      `${t('stop', { n: stop.order, window, kind: stop.kindLabel?.[language] ?? stop.kind })}${flags.length ? `  [${flags.join('; ')}]` : ''}`,
    );
    doc.keyValues(
      [
        [t('business'), stop.businessName ?? t('noLicence')],
        [t('licence'), stop.licenceId],
        [t('site'), stop.site],
        [t('ward'), stop.ward],
        [t('inspection'), stop.inspectionId],
        [
          t('open'),
          stop.openViolations.length
            ? `${stop.openCount}: ${stop.openViolations
                .map((o) =>
                  t(o.correctBy ? 'openLine' : 'openLineNoDate', {
                    section: o.section,
                    words: o.words ? `(${o.words[language]})` : '',
                    by: formatDate(o.correctBy, language),
                  }),
                )
                .join('\n')}`
            : t('openNone'),
        ],
      ],
      { labelWidth: 110 },
    );
    doc.writeInLines(t('notes'), 2);
  }
  return doc.save();
}
