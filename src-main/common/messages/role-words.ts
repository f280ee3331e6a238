// The words a role refusal needs in each language: the role names and what each guarded service
// does ("renew licences"). Keyed by the names in ../roles.ts (serviceRoles); a unit test checks
// every action and role there has words in every language. They live here, not in roles.ts, so
// that roles.ts can build its refusal from the catalog without an import cycle.
import type { MessageLanguage } from './message-entry.ts';

export const roleWords: Record<MessageLanguage, Record<string, string>> = {
  en: { clerk: 'clerk', inspector: 'inspector', supervisor: 'supervisor', admin: 'admin' },
  es: { clerk: 'empleado', inspector: 'inspector', supervisor: 'supervisor', admin: 'administrador' },
};

export const actionWords: Record<MessageLanguage, Record<string, string>> = {
  en: {
    'licence.renew': 'renew licences',
    'payment.record': 'take payments',
    'inspection.record': 'record inspection results',
    'inspection.schedule': 'schedule inspection visits',
    'conflict.resolve': 'resolve conflicts',
    'licence.suspend': 'suspend licences',
    'licence.revoke': 'revoke licences',
    'licence.close': 'close licences',
    'licence.reinstate': 'reinstate licences',
    'certificate.issue': 'issue licence certificates',
    'batch.prepare': 'prepare renewal batches',
    'batch.post': 'post renewal batches',
    'application.create': 'take new applications',
    'application.update': 'update application checklists',
    'application.issue': 'issue licences',
    'application.waive': 'waive a requirement',
    'drawer.use': 'open or close a cash drawer',
    'payment.void': 'void payments',
    'payment.refund': 'refund payments',
    'business.correct': 'correct the contact details of businesses',
    'dashboard.view': "see the supervisor's dashboard",
  },
  es: {
    'licence.renew': 'renovar licencias',
    'payment.record': 'cobrar pagos',
    'inspection.record': 'registrar resultados de inspección',
    'inspection.schedule': 'programar visitas de inspección',
    'conflict.resolve': 'resolver conflictos',
    'licence.suspend': 'suspender licencias',
    'licence.revoke': 'revocar licencias',
    'licence.close': 'cerrar licencias',
    'licence.reinstate': 'rehabilitar licencias',
    'certificate.issue': 'emitir certificados de licencia',
    'batch.prepare': 'preparar lotes de renovación',
    'batch.post': 'registrar lotes de renovación',
    'application.create': 'recibir solicitudes nuevas',
    'application.update': 'actualizar la lista de requisitos de una solicitud',
    'application.issue': 'emitir licencias',
    'application.waive': 'dispensar un requisito',
    'drawer.use': 'abrir o cerrar una caja',
    'payment.void': 'anular pagos',
    'payment.refund': 'reembolsar pagos',
    'business.correct': 'corregir los datos de contacto de los negocios',
    'dashboard.view': 'ver el panel del supervisor',
  },
};

/** "supervisor or admin" from "supervisor,admin", in the language's words. */
export function allowedRolesIn(language: MessageLanguage, allowed: string): string {
  const words = allowed.split(',').map((r) => roleWords[language][r] ?? r);
  return words.join(language === 'es' ? ' o ' : ' or ');
}
