// UI text of the licence status actions and certificate and parts, English and Spanish (en.ts and es.ts take them under "licenceActions").
export const licenceActionsEn = {
  statusSection: 'Licence status',
  statusHint:
    'Changes to the status go to the legacy system with the next sync; the reason is kept with them.',
  noActions: 'There is no status change you can make to this licence.',
  noActionsRole:
    'Suspending, revoking, closing and reinstating licences takes a supervisor. Ask one if this licence needs it.',
  action: {
    suspend: 'Suspend…',
    revoke: 'Revoke…',
    close: 'Close…',
    reinstate: 'Reinstate…',
  },
  confirm: {
    suspend: 'Suspend licence',
    revoke: 'Revoke licence',
    close: 'Close licence',
    reinstate: 'Reinstate licence',
  },
  title: {
    suspend: 'Suspend licence {{id}}',
    revoke: 'Revoke licence {{id}}',
    close: 'Close licence {{id}}',
    reinstate: 'Reinstate licence {{id}}',
  },
  explain: {
    suspend:
      'The licence stops for now, for example pending a hearing. It cannot be renewed until a supervisor reinstates it.',
    revoke: 'The city withdraws the licence for cause. The business must apply again as a new application.',
    close:
      'The licence ends because the business stopped trading or gave it up. To trade again it needs a new application.',
    reinstate:
      'The suspension is lifted: the licence is active again, or expired if its date has passed meanwhile.',
  },
  reason: 'Reason',
  reasonHint: 'Required. Kept in the licence’s change record and the audit log.',
  reasonMissing: 'Give a reason.',
  cancel: 'Cancel',
  working: 'Recording…',
  done: 'Licence {{id}} is now {{status}}. The change waits on this desk until it reaches the legacy system.',
  refusal: {
    already_in_status: 'The licence already has that status.',
    licence_ended:
      'A closed or revoked licence cannot change again; the business must apply again as a new application.',
    status_unknown:
      'The desk does not know this licence’s status. Refresh it, or have its status corrected in the legacy system first.',
    not_suspended: 'The licence is not suspended, so there is nothing to reinstate.',
    suspended_needs_reinstatement: 'A suspended licence must be reinstated by a supervisor first.',
    not_yet_expired: 'The licence has not expired yet.',
    role_not_allowed: 'Your role does not allow this: it takes a supervisor. Ask one to do it.',
    reason_required: 'Give a reason: it is kept in the licence’s history and the audit log.',
    status_changed:
      'The licence’s status changed while you were looking at it. Look at it again before you decide. Nothing was recorded.',
  },
  historyHeading: 'Status changes made at this desk',
  historyEmpty: 'No status change of this licence has been made at this desk.',
  colWhen: 'When',
  colChange: 'Change',
  colState: 'Legacy system',
  state: {
    pending: 'Waiting to be sent',
    applied: 'Recorded there',
    conflict: 'Conflict: needs a decision',
    failed: 'Failed',
    unknown: '—',
  },
  certificateSection: 'Certificate',
  issueCertificate: 'Issue certificate',
  issueTemporaryCertificate: 'Issue temporary certificate',
  temporaryHint:
    'This licence is waiting for its city licence number (it was issued at this desk). A temporary certificate, marked TEMPORARY, shows the provisional number {{number}} and is good for 30 days; once the desk has synced, print the permanent certificate.',
  colKind: 'Kind',
  kindPermanent: 'Permanent',
  kindTemporary: 'Temporary, until {{date}}',
  certificateHint:
    'A certificate for the counter or the wall, with a verification code anyone can have checked at this desk.',
  cannotCertify: {
    status: 'Only an active licence gets a certificate; this one is {{status}}.',
    expired: 'This licence has expired: renew it before printing a certificate.',
    pending:
      'A change to this licence has not reached the legacy system yet: sync the desk (or resolve the conflict) before printing a certificate.',
  },
  issued: 'Certificates issued at this desk',
  noneIssued: 'No certificate of this licence has been issued at this desk.',
  colNumber: 'Certificate',
  colCode: 'Verification code',
  colIssued: 'Issued',
  colBy: 'By',
  colLanguage: 'Language',
  verifyLink: 'Verify a certificate',
  verifyTitle: 'Verify a certificate',
  verifyIntro:
    'Type the verification code printed on the certificate. Capitals, spaces and dashes do not matter, and O and 0, I and 1 are read alike.',
  codeLabel: 'Verification code',
  codePlaceholder: 'e.g. 7KQ3-M9XT-2RD',
  verify: 'Verify',
  verifying: 'Checking…',
  verifyScope:
    'This desk can check the certificates it issued itself. A certificate from another desk is answered “unknown” here: check it at that desk.',
  answer: {
    valid: 'Valid: the licence is in force, as the certificate says.',
    temporary:
      'Temporary: valid until {{until}}. The licence was issued at this desk and is waiting for its city licence number.',
    temporary_numbered:
      'Temporary: the licence now has its city number {{number}}. Print the permanent certificate.',
    superseded:
      'Superseded: the licence was renewed or changed since this certificate was printed. A new certificate is needed.',
    suspended: 'Not valid: the licence is suspended.',
    revoked: 'Not valid: the licence was revoked.',
    closed: 'Not valid: the licence was closed.',
    expired: 'Not valid: the licence has expired.',
    licence_missing: 'Not valid: the certificate exists, but its licence is no longer on this desk.',
    unknown:
      'Unknown: this desk has issued no certificate with this code. Check the code, or ask the desk that issued it.',
    mistyped:
      'This code has a typing mistake (its last symbol does not match the others). Check each letter and digit.',
    malformed: 'This is not a verification code: it has eleven letters and digits, like 7KQ3-M9XT-2RD.',
  },
  certified: 'On the certificate',
  now: 'The licence now',
  changedFacts: 'Changed since: {{fields}}',
  fact: {
    licenceTypeCode: 'licence type',
    issuedOn: 'issue date',
    expiresOn: 'expiry date',
    businessId: 'business',
    businessName: 'business name',
    dbaName: 'DBA',
    address: 'address',
  },
  factLicence: 'Licence',
  factBusiness: 'Business',
  factType: 'Type',
  factIssued: 'Issued',
  factExpires: 'Valid until',
  factStatus: 'Status',
  factCertificate: 'Certificate',
  factIssuedAt: 'Certificate issued',
  factKind: 'Kind',
  refreshedAt: 'This desk last refreshed the licence at {{at}}.',
  shortcutCertificate:
    'Issue a certificate for this licence (a temporary one while it waits for its city number)',
  shortcutVerify: 'Verify a certificate',
  shortcutConfirm: 'Confirm a status change (in its dialog, after the reason)',
  languageEn: 'English',
  languageEs: 'Spanish',
};

export const licenceActionsEs: typeof licenceActionsEn = {
  statusSection: 'Estado de la licencia',
  statusHint:
    'Los cambios de estado llegan al sistema heredado con la próxima sincronización; el motivo se guarda con ellos.',
  noActions: 'No puede hacer ningún cambio de estado en esta licencia.',
  noActionsRole:
    'Suspender, revocar, cerrar y rehabilitar licencias corresponde a un supervisor. Pídaselo si esta licencia lo necesita.',
  action: {
    suspend: 'Suspender…',
    revoke: 'Revocar…',
    close: 'Cerrar…',
    reinstate: 'Rehabilitar…',
  },
  confirm: {
    suspend: 'Suspender licencia',
    revoke: 'Revocar licencia',
    close: 'Cerrar licencia',
    reinstate: 'Rehabilitar licencia',
  },
  title: {
    suspend: 'Suspender la licencia {{id}}',
    revoke: 'Revocar la licencia {{id}}',
    close: 'Cerrar la licencia {{id}}',
    reinstate: 'Rehabilitar la licencia {{id}}',
  },
  explain: {
    suspend:
      'La licencia queda detenida por ahora, por ejemplo en espera de una audiencia. No se puede renovar hasta que un supervisor la rehabilite.',
    revoke: 'La ciudad retira la licencia por causa justificada. El negocio debe solicitarla de nuevo.',
    close:
      'La licencia termina porque el negocio dejó de operar o renunció a ella. Para volver a operar necesita una nueva solicitud.',
    reinstate:
      'Se levanta la suspensión: la licencia vuelve a estar vigente, o vencida si su fecha pasó mientras tanto.',
  },
  reason: 'Motivo',
  reasonHint:
    'Obligatorio. Se guarda en el registro de cambios de la licencia y en el registro de auditoría.',
  reasonMissing: 'Indique un motivo.',
  cancel: 'Cancelar',
  working: 'Registrando…',
  done: 'La licencia {{id}} ahora está {{status}}. El cambio espera en esta estación hasta llegar al sistema heredado.',
  refusal: {
    already_in_status: 'La licencia ya tiene ese estado.',
    licence_ended:
      'Una licencia cerrada o revocada no puede cambiar de nuevo; el negocio debe presentar una nueva solicitud.',
    status_unknown:
      'La estación no conoce el estado de esta licencia. Actualícela, o corrija su estado primero en el sistema heredado.',
    not_suspended: 'La licencia no está suspendida, así que no hay nada que rehabilitar.',
    suspended_needs_reinstatement: 'Primero un supervisor debe rehabilitar la licencia suspendida.',
    not_yet_expired: 'La licencia todavía no ha vencido.',
    role_not_allowed: 'Su función no lo permite: corresponde a un supervisor. Pídale que lo haga.',
    reason_required:
      'Indique un motivo: se guarda en el historial de la licencia y en el registro de auditoría.',
    status_changed:
      'El estado de la licencia cambió mientras la miraba. Revísela de nuevo antes de decidir. No se registró nada.',
  },
  historyHeading: 'Cambios de estado hechos en esta estación',
  historyEmpty: 'En esta estación no se ha hecho ningún cambio de estado de esta licencia.',
  colWhen: 'Cuándo',
  colChange: 'Cambio',
  colState: 'Sistema heredado',
  state: {
    pending: 'Esperando envío',
    applied: 'Registrado allí',
    conflict: 'Conflicto: requiere una decisión',
    failed: 'Falló',
    unknown: '—',
  },
  certificateSection: 'Certificado',
  issueCertificate: 'Emitir certificado',
  issueTemporaryCertificate: 'Emitir certificado temporal',
  temporaryHint:
    'Esta licencia espera su número de licencia de la ciudad (se emitió en esta estación). Un certificado temporal, marcado TEMPORAL, muestra el número provisional {{number}} y vale 30 días; cuando la estación se haya sincronizado, imprima el certificado definitivo.',
  colKind: 'Tipo',
  kindPermanent: 'Definitivo',
  kindTemporary: 'Temporal, hasta el {{date}}',
  certificateHint:
    'Un certificado para el mostrador o la pared, con un código de verificación que cualquiera puede hacer comprobar en esta estación.',
  cannotCertify: {
    status: 'Solo una licencia vigente recibe certificado; esta está {{status}}.',
    expired: 'Esta licencia venció: renuévela antes de imprimir un certificado.',
    pending:
      'Un cambio de esta licencia aún no llegó al sistema heredado: sincronice la estación (o resuelva el conflicto) antes de imprimir un certificado.',
  },
  issued: 'Certificados emitidos en esta estación',
  noneIssued: 'En esta estación no se ha emitido ningún certificado de esta licencia.',
  colNumber: 'Certificado',
  colCode: 'Código de verificación',
  colIssued: 'Emitido',
  colBy: 'Por',
  colLanguage: 'Idioma',
  verifyLink: 'Verificar un certificado',
  verifyTitle: 'Verificar un certificado',
  verifyIntro:
    'Escriba el código de verificación impreso en el certificado. No importan las mayúsculas, los espacios ni los guiones; la O y el 0, la I y el 1 se leen igual.',
  codeLabel: 'Código de verificación',
  codePlaceholder: 'p. ej. 7KQ3-M9XT-2RD',
  verify: 'Verificar',
  verifying: 'Comprobando…',
  verifyScope:
    'Esta estación puede comprobar los certificados que emitió ella misma. Un certificado de otra estación aparece aquí como «desconocido»: compruébelo en esa estación.',
  answer: {
    valid: 'Válido: la licencia está vigente, tal como dice el certificado.',
    temporary:
      'Temporal: válido hasta el {{until}}. La licencia se emitió en esta estación y espera su número de licencia de la ciudad.',
    temporary_numbered:
      'Temporal: la licencia ya tiene su número de la ciudad {{number}}. Imprima el certificado definitivo.',
    superseded:
      'Reemplazado: la licencia se renovó o cambió después de imprimir este certificado. Hace falta un certificado nuevo.',
    suspended: 'No válido: la licencia está suspendida.',
    revoked: 'No válido: la licencia fue revocada.',
    closed: 'No válido: la licencia fue cerrada.',
    expired: 'No válido: la licencia venció.',
    licence_missing: 'No válido: el certificado existe, pero su licencia ya no está en esta estación.',
    unknown:
      'Desconocido: esta estación no emitió ningún certificado con este código. Revise el código o consulte a la estación que lo emitió.',
    mistyped:
      'Este código tiene un error de escritura (su último símbolo no concuerda con los demás). Revise cada letra y cifra.',
    malformed: 'Esto no es un código de verificación: tiene once letras y cifras, como 7KQ3-M9XT-2RD.',
  },
  certified: 'En el certificado',
  now: 'La licencia ahora',
  changedFacts: 'Cambió desde entonces: {{fields}}',
  fact: {
    licenceTypeCode: 'tipo de licencia',
    issuedOn: 'fecha de emisión',
    expiresOn: 'fecha de vencimiento',
    businessId: 'negocio',
    businessName: 'nombre del negocio',
    dbaName: 'nombre comercial',
    address: 'dirección',
  },
  factLicence: 'Licencia',
  factBusiness: 'Negocio',
  factType: 'Tipo',
  factIssued: 'Emitida',
  factExpires: 'Válida hasta',
  factStatus: 'Estado',
  factCertificate: 'Certificado',
  factIssuedAt: 'Certificado emitido',
  factKind: 'Tipo',
  refreshedAt: 'Esta estación actualizó la licencia por última vez el {{at}}.',
  shortcutCertificate:
    'Emitir un certificado de esta licencia (uno temporal mientras espera su número de la ciudad)',
  shortcutVerify: 'Verificar un certificado',
  shortcutConfirm: 'Confirmar un cambio de estado (en su diálogo, tras el motivo)',
  languageEn: 'Inglés',
  languageEs: 'Español',
};
