// The errors a clerk can meet at the counter: roles, records not on the desk, renewals, payments,
// voids and refunds, the cash drawer, and the contract's own refusals. English is the words the
// services said before the errors became keys (tests and people know them); Spanish says the same.
import { actionWords, allowedRolesIn, roleWords } from './role-words.ts';
import { commandDefinitions } from '../commands.ts';
import { message, plural } from './message-entry.ts';

/** What a command sends, in the language's words (its definition's `sends`), e.g. "renewals". */
const sends = (command: unknown, language: 'en' | 'es'): string =>
  (commandDefinitions as Record<string, { sends: { en: string; es: string } }>)[String(command)]?.sends[
    language
  ] ?? String(command);

const renewalProblemEs: Record<string, string> = {
  renewal_hold: 'La licencia está retenida: hay que levantar la retención antes de renovarla.',
  renewal_balanceDue: 'El negocio tiene un saldo pendiente que debe pagarse antes de renovar.',
  renewal_tooEarly: 'Es demasiado pronto: todavía no se abre la renovación de esta licencia.',
  renewal_tooLate:
    'Es demasiado tarde: la renovación de esta licencia ya se cerró; el negocio necesita una nueva solicitud.',
  renewal_status: 'El estado de la licencia no permite renovarla; primero un supervisor debe rehabilitarla.',
  renewal_noSchedule:
    'No hay tarifa vigente para este tipo de licencia en esa fecha; Informática debe revisar la tabla de tarifas.',
  renewal_notFound: 'Esta licencia no está en el puesto.',
  renewal_requirement:
    'Falta un requisito: un inspector debe registrar una inspección aprobada antes de renovar.',
};

const cents = (n: number | string): string => `$${(Number(n) / 100).toFixed(2)}`;

export const counterErrors = {
  'roles.refused': message(
    ['role', 'action', 'allowed'],
    (p) =>
      `Your role (${roleWords.en[p.role] ?? p.role}) does not allow you to ${actionWords.en[p.action] ?? p.action}: that takes a ${allowedRolesIn('en', String(p.allowed))}. Ask a supervisor, or ask IT to change your role in the workbench policy file.`,
    (p) =>
      `Su función (${roleWords.es[p.role] ?? p.role}) no le permite ${actionWords.es[p.action] ?? p.action}: eso corresponde a un ${allowedRolesIn('es', String(p.allowed))}. Pida ayuda a un supervisor, o pida a Informática que cambie su función en el archivo de políticas del puesto.`,
  ),
  'roles.no_role': message(
    ['account', 'file'],
    (p) =>
      `Your account (${p.account}) has no role in the workbench policy file (${p.file}). Ask IT to add it.`,
    (p) =>
      `Su cuenta (${p.account}) no tiene ninguna función en el archivo de políticas del puesto (${p.file}). Pida a Informática que la agregue.`,
  ),
  'roles.policy_unreadable': message(
    ['file', 'detail'],
    (p) =>
      `The roles policy file ${p.file} could not be read (${p.detail}). IT must fix it before anyone can change records on this desk.`,
    (p) =>
      `No se pudo leer el archivo de políticas de funciones ${p.file} (${p.detail}). Informática debe corregirlo antes de que alguien pueda cambiar registros en este puesto.`,
  ),
  'contract.no_operation': message(
    ['operation'],
    (p) => `There is no operation called "${p.operation}".`,
    (p) => `No existe ninguna operación llamada «${p.operation}».`,
  ),
  'contract.invalid_request': message(
    [],
    () => 'The request was not valid.',
    () => 'La solicitud no es válida.',
  ),
  'contract.internal': message(
    [],
    () => 'Something went wrong on this desk. Please try again; if it keeps happening, call IT.',
    () => 'Algo salió mal en este puesto. Vuelva a intentarlo; si sigue ocurriendo, llame a Informática.',
  ),
  'licence.not_found': message(
    ['licenceId'],
    (p) => `Licence ${p.licenceId} is not on this desk. Check the number, or refresh the desk.`,
    (p) => `La licencia ${p.licenceId} no está en este puesto. Revise el número o actualice el puesto.`,
  ),
  'licence.business_missing': message(
    ['licenceId'],
    (p) => `The business of licence ${p.licenceId} is missing from this desk's cache; refresh the desk.`,
    (p) => `El negocio de la licencia ${p.licenceId} falta en la caché de este puesto; actualice el puesto.`,
  ),
  'bridge.command_missing': message(
    ['bridge', 'command'],
    (p) =>
      `This desk's legacy system (bridge "${p.bridge}") does not take ${sends(p.command, 'en')} from the workbench yet: IT must add a "${p.command}" command to the bridge file. Nothing was recorded.`,
    (p) =>
      `El sistema heredado de este puesto (puente «${p.bridge}») todavía no acepta ${sends(p.command, 'es')} desde el puesto: Informática debe agregar un comando «${p.command}» al archivo del puente. No se registró nada.`,
  ),
  'renewal.refused': message(
    ['licenceId', 'problems', 'codes'],
    (p) => `Licence ${p.licenceId} cannot be renewed today. ${p.problems} Nothing was recorded.`,
    (p) => {
      const why = String(p.codes)
        .split(',')
        .filter(Boolean)
        .map((c) => renewalProblemEs[c] ?? '')
        .join(' ');
      return `La licencia ${p.licenceId} no se puede renovar hoy. ${why} No se registró nada.`.replace(
        / {2,}/g,
        ' ',
      );
    },
  ),
  'payment.amount_not_positive': message(
    [],
    () => 'The amount must be a positive number of cents.',
    () => 'El importe debe ser un número positivo de centavos.',
  ),
  'payment.amount_too_large': message(
    [],
    () => 'An amount is at most $1,000,000.00. Nothing was recorded.',
    () => 'Un importe es como máximo $1,000,000.00. No se registró nada.',
  ),
  'payment.tendered_short': message(
    ['tenderedCents', 'amountCents'],
    (p) =>
      `The cash tendered (${p.tenderedCents} cents) is less than the amount due (${p.amountCents} cents). Nothing was recorded.`,
    (p) =>
      `El efectivo entregado (${cents(p.tenderedCents)}) es menor que el importe a pagar (${cents(p.amountCents)}). No se registró nada.`,
  ),
  'payment.not_found': message(
    ['paymentId'],
    (p) =>
      `Payment ${p.paymentId} is not on this desk. Check the number on the receipt, or refresh the desk.`,
    (p) =>
      `El pago ${p.paymentId} no está en este puesto. Revise el número del recibo o actualice el puesto.`,
  ),
  'receipt.payment_not_found': message(
    ['paymentId'],
    (p) =>
      `Payment ${p.paymentId} is not on this desk, so no receipt can be printed. Refresh the desk, or open the licence again and pick the payment from its list.`,
    (p) =>
      `El pago ${p.paymentId} no está en este puesto, así que no se puede imprimir el recibo. Actualice el puesto, o abra de nuevo la licencia y elija el pago de su lista.`,
  ),
  'reversal.reason_required': message(
    ['kind'],
    (p) => `A ${p.kind} needs a reason. Nothing was recorded.`,
    (p) => `${p.kind === 'void' ? 'Una anulación' : 'Un reembolso'} necesita un motivo. No se registró nada.`,
  ),
  'reversal.of_reversal': message(
    ['paymentId'],
    (p) => `Payment ${p.paymentId} is itself a void or refund; it cannot be reversed. Nothing was recorded.`,
    (p) =>
      `El pago ${p.paymentId} ya es una anulación o un reembolso; no se puede revertir. No se registró nada.`,
  ),
  'reversal.already_void': message(
    ['paymentId'],
    (p) => `Payment ${p.paymentId} is already void. Nothing was recorded.`,
    (p) => `El pago ${p.paymentId} ya está anulado. No se registró nada.`,
  ),
  'reversal.partly_refunded': message(
    ['paymentId'],
    (p) =>
      `Payment ${p.paymentId} has been partly refunded already; refund the rest instead of voiding it. Nothing was recorded.`,
    (p) =>
      `El pago ${p.paymentId} ya se reembolsó en parte; reembolse el resto en lugar de anularlo. No se registró nada.`,
  ),
  'reversal.refund_too_large': message(
    ['paymentId', 'leftCents'],
    (p) =>
      `A refund of payment ${p.paymentId} can give back at most ${p.leftCents} cents (the payment less what was refunded already). Nothing was recorded.`,
    (p) =>
      `Un reembolso del pago ${p.paymentId} puede devolver como máximo ${cents(p.leftCents)} (el pago menos lo ya reembolsado). No se registró nada.`,
  ),
  'drawer.none_open': message(
    [],
    () =>
      'Open your cash drawer first: payments, voids and refunds are taken only in your open drawer session at this desk (Cash drawer, or "workbench drawer open --float CENTS"). Nothing was recorded.',
    () =>
      'Abra primero su caja: los pagos, anulaciones y reembolsos solo se registran en su sesión de caja abierta en este puesto (Caja, o «workbench drawer open --float CENTS»). No se registró nada.',
  ),
  'drawer.float_negative': message(
    [],
    () => 'The starting float must be zero or more cents.',
    () => 'El fondo inicial debe ser de cero centavos o más.',
  ),
  'drawer.already_open': message(
    ['openedAt'],
    (p) =>
      `You already have a cash drawer open at this desk since ${p.openedAt}: close it before opening another. Nothing was recorded.`,
    (p) =>
      `Ya tiene una caja abierta en este puesto desde ${p.openedAt}: ciérrela antes de abrir otra. No se registró nada.`,
  ),
  'drawer.count_negative': message(
    ['method'],
    (p) => `The counted ${p.method} must be zero or more cents.`,
    (p) =>
      `El ${p.method === 'cash' ? 'efectivo' : p.method === 'check' ? 'total en cheques' : 'total'} contado debe ser de cero centavos o más.`,
  ),
  'drawer.nothing_to_close': message(
    [],
    () => 'You have no cash drawer open at this desk, so there is nothing to close.',
    () => 'No tiene ninguna caja abierta en este puesto, así que no hay nada que cerrar.',
  ),
  'drawer.session_not_found': message(
    ['sessionId'],
    (p) => `Drawer session ${p.sessionId} is not on this desk.`,
    (p) => `La sesión de caja ${p.sessionId} no está en este puesto.`,
  ),
  'drawer.no_session_report': message(
    [],
    () => 'You have no cash drawer session at this desk yet, so there is no end-of-day report to print.',
    () =>
      'Todavía no tiene ninguna sesión de caja en este puesto, así que no hay informe de cierre que imprimir.',
  ),
  'fees.figures_missing': message(
    ['count', 'figures'],
    (p) =>
      `The fee needs ${plural(p.count, 'one more figure', 'more figures')} from the business: ${p.figures}`,
    (p) =>
      `Para calcular la tarifa faltan ${plural(p.count, 'un dato', 'datos')} del negocio. Complete lo que se pide en cada campo.`,
  ),
  'sync.push_busy': message(
    ['pid'],
    (p) =>
      `Another program on this computer (process ${p.pid}) is sending this desk's changes right now. Try again in a moment.`,
    (p) =>
      `Otro programa en esta computadora (proceso ${p.pid}) está enviando ahora los cambios de este puesto. Vuelva a intentarlo en un momento.`,
  ),
};
