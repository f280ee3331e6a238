// The errors of resolving a conflict (node/sync/conflicts.ts and the commands' cache effects in
// node/commands/command-effects.ts).
import { message } from './message-entry.ts';

const resolutionEs: Record<string, string> = {
  apply_again: 'aplicado de nuevo',
  edit: 'corregido',
  discard: 'descartado',
};

export const conflictErrors = {
  'conflict.not_found': message(
    ['conflictId'],
    (p) => `There is no conflict number ${p.conflictId} on this desk.`,
    (p) => `No hay ningún conflicto número ${p.conflictId} en este puesto.`,
  ),
  'conflict.already_resolved': message(
    ['conflictId', 'resolution'],
    (p) => `Conflict ${p.conflictId} was already resolved (${p.resolution}).`,
    (p) => `El conflicto ${p.conflictId} ya se resolvió (${resolutionEs[p.resolution] ?? p.resolution}).`,
  ),
  'conflict.reason_required': message(
    [],
    () => 'Say why the change is discarded: the reason is kept with it.',
    () => 'Indique por qué se descarta el cambio: el motivo se guarda con él.',
  ),
  'conflict.change_invalid': message(
    [],
    () => 'The edited change is not valid.',
    () => 'El cambio corregido no es válido.',
  ),
  'conflict.edits_invalid': message(
    [],
    () => 'The edits are not valid.',
    () => 'Las correcciones no son válidas.',
  ),
  'conflict.business_not_on_desk': message(
    ['businessId'],
    (p) =>
      `Business ${p.businessId} is not on this desk any more (its registration was discarded, or it is gone from the legacy database), so the change cannot be applied to it. Discard the change with a reason instead.`,
    (p) =>
      `El negocio ${p.businessId} ya no está en este puesto (su registro se descartó o ya no está en la base de datos heredada), así que el cambio no puede aplicarse. Descarte el cambio indicando el motivo.`,
  ),
  'conflict.payment_discarded': message(
    ['paymentId'],
    (p) =>
      `Payment ${p.paymentId} was discarded on this desk and never reached the legacy database, so there is nothing to give back on it. Discard the change with a reason instead.`,
    (p) =>
      `El pago ${p.paymentId} se descartó en este puesto y nunca llegó a la base de datos heredada, así que no hay nada que devolver. Descarte el cambio indicando el motivo.`,
  ),
  'conflict.reversal_gone': message(
    ['kind'],
    (p) => `The ${p.kind} is no longer on this desk. Discard the change with a reason instead.`,
    (p) =>
      `${p.kind === 'void' ? 'La anulación' : 'El reembolso'} ya no está en este puesto. Descarte el cambio indicando el motivo.`,
  ),
  'conflict.licence_gone': message(
    ['licenceId'],
    (p) =>
      `Licence ${p.licenceId} is not in the legacy database (as far as this desk knows), so the change cannot be applied to it. Discard it with a reason, or edit it onto another licence.`,
    (p) =>
      `La licencia ${p.licenceId} no está en la base de datos heredada (por lo que sabe este puesto), así que el cambio no puede aplicarse. Descártelo indicando el motivo o páselo a otra licencia.`,
  ),
  'conflict.refund_too_large': message(
    ['paymentId', 'left'],
    (p) =>
      `A refund of payment ${p.paymentId} can give back at most ${p.left} cents (the payment less what was given back already).`,
    (p) =>
      `Un reembolso del pago ${p.paymentId} puede devolver como máximo ${p.left} centavos (el pago menos lo ya devuelto).`,
  ),
  'conflict.move_impossible': message(
    ['sentence'],
    (p) => `${p.sentence} Discard the change instead.`,
    () =>
      'Este cambio de estado ya no es posible desde el estado que la licencia tiene ahora. Descarte el cambio.',
  ),
};
