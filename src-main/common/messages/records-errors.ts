// The errors of the slower counter work: applications and their checklists, renewal batches and
// their notices, licence status changes, certificates and the supervisor's dashboard.
import { message, plural } from './message-entry.ts';

const batchStateEs: Record<string, string> = {
  draft: 'un borrador',
  validated: 'validado',
  notices_printed: 'validado y con sus avisos impresos',
  posting: 'registrándose',
  posted: 'registrado',
  cancelled: 'cancelado',
};
const batchStateEn: Record<string, string> = {
  draft: 'a draft',
  validated: 'validated',
  notices_printed: 'validated with its notices printed',
  posting: 'being posted',
  posted: 'posted',
  cancelled: 'cancelled',
};
/** What the refused step was, by the words the batch services pass (`assertState`'s `doing`). */
const batchDoingEs: Record<string, string> = {
  'be posted': 'registrarse',
  'be changed': 'cambiarse',
  'be validated': 'validarse',
  'be cancelled': 'cancelarse',
};
const itemKindEn: Record<string, string> = {
  inspection: 'an inspection',
  approval: 'an approval',
  document: 'a document',
};
const itemKindEs: Record<string, string> = {
  inspection: 'una inspección',
  approval: 'una aprobación',
  document: 'un documento',
};
const itemStateEs: Record<string, string> = {
  open: 'pendiente',
  waived: 'dispensado',
  received: 'recibido',
  passed: 'aprobada',
  approved: 'aprobada',
};
const licenceStatusEs: Record<string, string> = {
  active: 'activa',
  expired: 'vencida',
  suspended: 'suspendida',
  revoked: 'revocada',
  closed: 'cerrada',
  pending: 'pendiente',
  unknown: 'de estado desconocido',
};
const statusActionEs: Record<string, string> = {
  suspend: 'suspenderla',
  revoke: 'revocarla',
  close: 'cerrarla',
  reinstate: 'rehabilitarla',
};
/** The status machine's refusals (src-main/common/licence-status.ts codes), in Spanish. */
const statusRefusalEs: Record<string, string> = {
  already_in_status: 'La licencia ya tiene ese estado.',
  licence_ended:
    'Una licencia cerrada o revocada no puede cambiar de nuevo; el negocio debe presentar una nueva solicitud.',
  status_unknown:
    'El puesto no conoce el estado de esta licencia. Actualícela, o corrija su estado primero en el sistema heredado.',
  not_suspended: 'La licencia no está suspendida, así que no hay nada que rehabilitar.',
  suspended_needs_reinstatement: 'Primero un supervisor debe rehabilitar la licencia suspendida.',
  not_yet_expired: 'La licencia todavía no ha vencido.',
  role_not_allowed: 'Su función no lo permite: corresponde a un supervisor. Pídale que lo haga.',
  reason_required:
    'Indique un motivo: se guarda en el historial de la licencia y en el registro de auditoría.',
};

export const recordsErrors = {
  'application.not_found': message(
    ['applicationId'],
    (p) => `Application ${p.applicationId} is not on this desk. Check the number.`,
    (p) => `La solicitud ${p.applicationId} no está en este puesto. Revise el número.`,
  ),
  'application.closed': message(
    ['applicationId', 'status'],
    (p) => `Application ${p.applicationId} is ${p.status}: its checklist can no longer change.`,
    (p) =>
      `La solicitud ${p.applicationId} está cerrada (${p.status}): su lista de requisitos ya no puede cambiar.`,
  ),
  'application.type_unknown': message(
    ['typeCode'],
    (p) => `Licence type ${p.typeCode} is not on this desk. Pick a type from the list, or refresh the desk.`,
    (p) =>
      `El tipo de licencia ${p.typeCode} no está en este puesto. Elija un tipo de la lista o actualice el puesto.`,
  ),
  'application.business_not_found': message(
    ['businessId'],
    (p) => `Business ${p.businessId} is not on this desk. Search again, or refresh the desk.`,
    (p) => `El negocio ${p.businessId} no está en este puesto. Busque de nuevo o actualice el puesto.`,
  ),
  'application.item_not_found': message(
    ['applicationId', 'code'],
    (p) => `Application ${p.applicationId} has no checklist item ${p.code}.`,
    (p) => `La solicitud ${p.applicationId} no tiene el requisito ${p.code}.`,
  ),
  'application.item_state_refused': message(
    ['labelEn', 'labelEs', 'kind', 'done', 'state'],
    (p) =>
      `"${p.labelEn}" is ${itemKindEn[p.kind] ?? p.kind}: it can be marked ${p.done}, waived or open, not ${p.state}.`,
    (p) =>
      `«${p.labelEs || p.labelEn}» es ${itemKindEs[p.kind] ?? p.kind}: puede marcarse como ${itemStateEs[p.done] ?? p.done}, dispensado o pendiente, no como ${itemStateEs[p.state] ?? p.state}.`,
  ),
  'application.waiver_reason_required': message(
    [],
    () => 'A waiver needs a reason: say why the item is not needed.',
    () => 'Una dispensa necesita un motivo: indique por qué no hace falta el requisito.',
  ),
  'application.withdraw_reason_required': message(
    [],
    () => 'Say why the application is withdrawn.',
    () => 'Indique por qué se retira la solicitud.',
  ),
  'application.items_open': message(
    ['count', 'labels'],
    (p) =>
      `The licence cannot be issued yet: ${p.count} required item${plural(p.count, ' is', 's are')} open (${p.labels}). Mark ${plural(p.count, 'it', 'them')} done, or ask a supervisor to waive ${plural(p.count, 'it', 'them')}. Nothing was recorded.`,
    (p) =>
      `Todavía no se puede emitir la licencia: ${plural(p.count, 'queda 1 requisito obligatorio pendiente', `quedan ${p.count} requisitos obligatorios pendientes`)} (${p.labels}). ${plural(p.count, 'Márquelo como cumplido, o pida a un supervisor que lo dispense', 'Márquelos como cumplidos, o pida a un supervisor que los dispense')}. No se registró nada.`,
  ),
  'business.nothing_to_correct': message(
    ['businessId'],
    (p) =>
      `The details given for business ${p.businessId} are the ones it has already: there is nothing to correct. Nothing was recorded.`,
    (p) =>
      `Los datos indicados para el negocio ${p.businessId} son los que ya tiene: no hay nada que corregir. No se registró nada.`,
  ),
  'business.correction_invalid': message(
    ['businessId'],
    (p) =>
      `The corrected details of business ${p.businessId} are not valid: see each field. Nothing was recorded.`,
    (p) =>
      `Los datos corregidos del negocio ${p.businessId} no son válidos: vea cada campo. No se registró nada.`,
  ),
  'application.business_gone': message(
    ['applicationId'],
    (p) =>
      `The business of application ${p.applicationId} is no longer on this desk (its registration may have been discarded as a conflict). Nothing was recorded.`,
    (p) =>
      `El negocio de la solicitud ${p.applicationId} ya no está en este puesto (puede que su registro se descartara como conflicto). No se registró nada.`,
  ),
  'batch.not_found': message(
    ['batchId'],
    (p) =>
      `There is no renewal batch ${p.batchId} on this desk. Check the number ("workbench renewals batch list").`,
    (p) =>
      `No hay ningún lote de renovación ${p.batchId} en este puesto. Revise el número («workbench renewals batch list»).`,
  ),
  'batch.wrong_state': message(
    ['batchId', 'state', 'doing'],
    (p) =>
      `Batch ${p.batchId} is ${batchStateEn[p.state] ?? p.state}: it cannot ${p.doing} now. Nothing was changed.`,
    (p) =>
      `El lote ${p.batchId} está ${batchStateEs[p.state] ?? p.state}: ahora no puede ${batchDoingEs[p.doing] ?? p.doing}. No se cambió nada.`,
  ),
  'batch.nothing_matches': message(
    [],
    () =>
      'No licence in the renewal queue matches these filters, so no batch was made. Widen the filters (more days, another kind).',
    () =>
      'Ninguna licencia de la cola de renovación cumple estos filtros, así que no se creó ningún lote. Amplíe los filtros (más días, otro tipo).',
  ),
  'batch.licence_not_in_batch': message(
    ['licenceId', 'batchId'],
    (p) => `Licence ${p.licenceId} is not in batch ${p.batchId}. Nothing was changed.`,
    (p) => `La licencia ${p.licenceId} no está en el lote ${p.batchId}. No se cambió nada.`,
  ),
  'batch.notices_not_printed': message(
    ['batchId'],
    (p) =>
      `Print the notices of batch ${p.batchId} before posting it: its licence holders must get them. Nothing was posted.`,
    (p) =>
      `Imprima los avisos del lote ${p.batchId} antes de registrarlo: los titulares de las licencias deben recibirlos. No se registró nada.`,
  ),
  'batch.notices_not_validated': message(
    ['batchId'],
    (p) =>
      `Batch ${p.batchId} is not validated: validate it (and deselect or fix the licences with problems) before printing its notices.`,
    (p) =>
      `El lote ${p.batchId} no está validado: valídelo (y quite o corrija las licencias con problemas) antes de imprimir sus avisos.`,
  ),
  'batch.notices_cancelled': message(
    ['batchId'],
    (p) => `Batch ${p.batchId} was cancelled: it has no notices to print.`,
    (p) => `El lote ${p.batchId} se canceló: no tiene avisos que imprimir.`,
  ),
  'batch.no_notice': message(
    ['batchId'],
    (p) => `Batch ${p.batchId} has no selected licence without problems: there is no notice to print.`,
    (p) =>
      `El lote ${p.batchId} no tiene ninguna licencia seleccionada sin problemas: no hay avisos que imprimir.`,
  ),
  'status.changed_meanwhile': message(
    ['licenceId', 'current', 'expected', 'action'],
    (p) =>
      `Licence ${p.licenceId} is ${p.current} now, not ${p.expected} as shown: it changed meanwhile. Look at it again before you ${p.action} it. Nothing was recorded.`,
    (p) =>
      `La licencia ${p.licenceId} ahora está ${licenceStatusEs[p.current] ?? p.current}, no ${licenceStatusEs[p.expected] ?? p.expected} como se mostraba: cambió mientras tanto. Revísela de nuevo antes de ${statusActionEs[p.action] ?? p.action}. No se registró nada.`,
  ),
  'status.refused': message(
    ['refusal', 'sentence'],
    (p) => `${p.sentence} Nothing was recorded.`,
    (p) => `${statusRefusalEs[p.refusal] ?? 'No se puede hacer este cambio de estado.'} No se registró nada.`,
  ),
  'certificate.not_active': message(
    ['licenceId', 'status'],
    (p) =>
      `Licence ${p.licenceId} is ${p.status}: only an active licence gets a certificate. No certificate was recorded.`,
    (p) =>
      `La licencia ${p.licenceId} está ${licenceStatusEs[p.status] ?? p.status}: solo una licencia activa recibe certificado. No se registró ningún certificado.`,
  ),
  'certificate.expired': message(
    ['licenceId', 'expiresOn'],
    (p) =>
      `Licence ${p.licenceId} expired on ${p.expiresOn}: renew it before printing a certificate. No certificate was recorded.`,
    (p) =>
      `La licencia ${p.licenceId} venció el ${p.expiresOn}: renuévela antes de imprimir un certificado. No se registró ningún certificado.`,
  ),
  'certificate.change_pending': message(
    ['licenceId'],
    (p) =>
      `Licence ${p.licenceId} has a change that has not reached the legacy system yet (or waits in a conflict): a certificate printed now could certify facts that do not hold. Sync the desk, or resolve the conflict, then print it. No certificate was recorded.`,
    (p) =>
      `La licencia ${p.licenceId} tiene un cambio que aún no llegó al sistema heredado (o espera en un conflicto): un certificado impreso ahora podría certificar datos que no son ciertos. Sincronice el puesto o resuelva el conflicto, y luego imprímalo. No se registró ningún certificado.`,
  ),
  'dashboard.bad_date': message(
    ['date'],
    (p) => `"${p.date}" is not a date: give it as YYYY-MM-DD.`,
    (p) => `«${p.date}» no es una fecha: escríbala como AAAA-MM-DD.`,
  ),
  'dashboard.period_reversed': message(
    ['from', 'to'],
    (p) => `The period starts (${p.from}) after it ends (${p.to}): swap the dates.`,
    (p) => `El período empieza (${p.from}) después de terminar (${p.to}): intercambie las fechas.`,
  ),
  'dashboard.period_too_long': message(
    ['days', 'maxDays'],
    (p) =>
      `The period covers ${p.days} days; the dashboard shows at most ${p.maxDays}. Choose a shorter period.`,
    (p) =>
      `El período abarca ${p.days} días; el panel muestra como máximo ${p.maxDays}. Elija un período más corto.`,
  ),
  'dashboard.no_applications': message(
    [],
    () => 'Applications are not recorded on this desk yet, so there is nothing to export for them.',
    () => 'Este puesto todavía no registra solicitudes, así que no hay nada que exportar de ellas.',
  ),
};
