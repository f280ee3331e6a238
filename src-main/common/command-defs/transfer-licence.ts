// Transfer a licence to a new owner: the business was sold, and the buyer carries on under the same
// licence until it expires. The new owner is a business the city holds (or one registered on this
// desk and still waiting for its number: replay sends the transfer after it, with its number). Only
// an active licence moves; the reason stays in the outbox entry and the audit log.
import { z } from 'zod';
import { message } from '../messages/message-entry.ts';
import { IsoTimestamp } from '../model.ts';
import { defineCommand, unchanged } from './define-command.ts';

export const MAX_TRANSFER_REASON = 200;

export const TransferLicencePayload = z.object({
  v: z.literal(1),
  licenceId: z.string().min(1),
  /** The owner the clerk saw (the audit names it; replay compares it with the legacy licence). */
  fromBusinessId: z.string().min(1),
  /** The new owner: a legacy business number, or local:<operationId> of a registration on the desk. */
  toBusinessId: z.string().trim().min(1, 'A business number for the new owner is needed.').max(64),
  reason: z
    .string()
    .trim()
    .min(1, 'Say why the licence is transferred.')
    .max(MAX_TRANSFER_REASON, `A reason is at most ${MAX_TRANSFER_REASON} characters.`),
  transferredAt: IsoTimestamp,
});
export type TransferLicencePayload = z.infer<typeof TransferLicencePayload>;

export const transferLicence = defineCommand({
  name: 'transferLicence',
  version: 1,
  payload: TransferLicencePayload,
  label: { en: 'Licence transfer', es: 'Traspaso de licencia' },
  sends: { en: 'licence transfers', es: 'traspasos de licencias' },
  actions: {
    'licence.transfer': {
      roles: ['clerk', 'supervisor', 'admin'],
      words: { en: 'transfer licences to a new owner', es: 'traspasar licencias a un nuevo titular' },
    },
  },
  legacyFields: ['licenceId', 'toBusinessId', 'transferredAt'],
  basedOn: 'licence',
  creates: null,
  // Moved only from the owner the clerk saw, while the licence is as it was: a transfer must not
  // undo another one, or move a licence suspended elsewhere meanwhile.
  watch: ['businessId', 'status'],
  editable: ['toBusinessId', 'reason'],
  restamp: 'transferredAt',
  conflictRows: (p, seen) => [
    ['businessId', seen.businessId, p.toBusinessId],
    ...unchanged(seen, 'status'),
    ['reason', null, p.reason],
  ],
  describe: (p) =>
    `the transfer of licence ${String(p.licenceId)} from business ${String(p.fromBusinessId)} to business ${String(p.toBusinessId)}`,
  auditAction: () => 'licence.transfer',
  errors: {
    'transfer.not_active': message(
      ['licenceId', 'status'],
      (p) =>
        `Licence ${p.licenceId} is ${p.status}: only an active licence can be transferred to a new owner. Nothing was recorded.`,
      (p) =>
        `La licencia ${p.licenceId} no está vigente (${p.status}): solo una licencia vigente puede traspasarse a un nuevo titular. No se registró nada.`,
    ),
    'transfer.same_owner': message(
      ['licenceId', 'businessId'],
      (p) => `Licence ${p.licenceId} already belongs to business ${p.businessId}. Nothing was recorded.`,
      (p) => `La licencia ${p.licenceId} ya pertenece al negocio ${p.businessId}. No se registró nada.`,
    ),
    'transfer.invalid': message(
      ['licenceId'],
      (p) => `The transfer of licence ${p.licenceId} was not recorded: see the fields marked.`,
      (p) => `No se registró el traspaso de la licencia ${p.licenceId}: revise los campos marcados.`,
    ),
  },
});
