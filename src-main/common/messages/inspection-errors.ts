// The errors of the inspector's desk: recording a result on a scheduled inspection, scheduling a
// visit, and printing its notice of violation.
import { message } from './message-entry.ts';

const statusEn: Record<string, string> = {
  done: 'already has a result',
  cancelled: 'was cancelled',
  no_show: 'was marked as missed',
};
const statusEs: Record<string, string> = {
  done: 'ya tiene un resultado',
  cancelled: 'fue cancelada',
  no_show: 'se marcó como no realizada',
};

export const inspectionErrors = {
  'inspection.not_found': message(
    ['inspectionId'],
    (p) =>
      `Inspection ${p.inspectionId} is not on this desk's schedule. Check the number, or refresh the desk.`,
    (p) =>
      `La inspección ${p.inspectionId} no está en el calendario de este puesto. Revise el número o actualice el puesto.`,
  ),
  'inspection.not_open': message(
    ['inspectionId', 'status'],
    (p) =>
      `Inspection ${p.inspectionId} ${statusEn[String(p.status)] ?? `is ${p.status}`}: a result cannot be recorded on it.`,
    (p) =>
      `La inspección ${p.inspectionId} ${statusEs[String(p.status)] ?? `está en estado ${p.status}`}: no se le puede registrar un resultado.`,
  ),
  'inspection.kind_unknown': message(
    ['kind'],
    (p) =>
      `The city's inspection rules (inspections.yaml) have no checklist for the kind ${p.kind}. Ask IT to add it.`,
    (p) =>
      `Las reglas de inspección de la ciudad (inspections.yaml) no tienen lista de control para el tipo ${p.kind}. Pida a informática que la agregue.`,
  ),
  'inspection.checklist_incomplete': message(
    ['missing', 'unknown'],
    (p) =>
      `The checklist is not complete: ${[p.missing ? `answer ${p.missing}` : '', p.unknown ? `${p.unknown} is not on this checklist` : ''].filter(Boolean).join('; ')}.`,
    (p) =>
      `La lista de control no está completa: ${[p.missing ? `responda ${p.missing}` : '', p.unknown ? `${p.unknown} no está en esta lista` : ''].filter(Boolean).join('; ')}.`,
  ),
  'inspection.ordinance_unknown': message(
    ['section'],
    (p) => `${p.section} is not a section of the city's ordinance table on this desk.`,
    (p) => `${p.section} no es una sección de la tabla de ordenanzas de la ciudad en este puesto.`,
  ),
  'inspection.no_rules': message(
    [],
    () =>
      `This desk's bridge has no inspection rules (inspections.yaml beside the bridge file). Ask IT to add them.`,
    () =>
      `El puente de este puesto no tiene reglas de inspección (inspections.yaml junto al archivo del puente). Pida a informática que las agregue.`,
  ),
  'inspection.not_synced': message(
    [],
    () =>
      `This visit was scheduled on this desk and has not reached the city's system yet, so its result cannot be recorded. Sync the desk, then record it.`,
    () =>
      `Esta visita se programó en este puesto y todavía no llegó al sistema de la ciudad, así que no se le puede registrar un resultado. Sincronice el puesto y regístrelo después.`,
  ),
  'inspection.notice_not_done': message(
    ['inspectionId', 'status'],
    (p) =>
      `Inspection ${p.inspectionId} ${statusEn[String(p.status)] ?? `is ${p.status === 'scheduled' ? 'still to be done' : p.status}`}: a notice of violation is printed only after an inspection is done.`,
    (p) =>
      `La inspección ${p.inspectionId} ${statusEs[String(p.status)] ?? `está ${p.status === 'scheduled' ? 'todavía pendiente' : `en estado ${p.status}`}`}: el aviso de infracción solo se imprime después de hacer la inspección.`,
  ),
  'inspection.notice_no_violations': message(
    ['inspectionId'],
    (p) => `Inspection ${p.inspectionId} found no violations, so there is no notice of violation to print.`,
    (p) =>
      `La inspección ${p.inspectionId} no encontró infracciones, así que no hay aviso de infracción que imprimir.`,
  ),
  'inspection.schedule_past': message(
    ['on', 'today'],
    (p) => `A visit cannot be scheduled on ${p.on}: that day has passed (today is ${p.today}).`,
    (p) => `No se puede programar una visita el ${p.on}: ese día ya pasó (hoy es ${p.today}).`,
  ),
  'inspection.schedule_invalid': message(
    [],
    () => `The visit cannot be scheduled as it is: see the marked fields. Nothing was recorded.`,
    () => `La visita no se puede programar así: vea los campos marcados. No se registró nada.`,
  ),
};
