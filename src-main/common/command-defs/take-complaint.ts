// Take a complaint (node/enforcement/take-complaint.ts): someone phoned, walked in or wrote about a
// place, a licensed business or an address with no licence on file. The complaint lives on the
// desk under local:<operationId> until the legacy system numbers it (Riverton: the next CMPNO);
// the service suggests an open case at the same address, and the officer opens or joins a case.
import { z } from 'zod';
import { message } from '../messages/message-entry.ts';
import { ComplaintChannel, IsoDate, IsoTimestamp } from '../model.ts';
import { defineCommand, given } from './define-command.ts';

/** Riverton's columns: CMPADR CHAR(40), CMPDSC VARCHAR(200). */
export const MAX_COMPLAINT_ADDRESS = 40;
export const MAX_COMPLAINT_DESCRIPTION = 200;

export const ComplaintAddress = z
  .string({ error: 'The address complained about is needed.' })
  .trim()
  .min(1, 'The address complained about is needed.')
  .max(MAX_COMPLAINT_ADDRESS, `An address is at most ${MAX_COMPLAINT_ADDRESS} characters.`);
export const ComplaintDescription = z
  .string({ error: 'Say what the complaint is about.' })
  .trim()
  .min(1, 'Say what the complaint is about.')
  .max(MAX_COMPLAINT_DESCRIPTION, `A description is at most ${MAX_COMPLAINT_DESCRIPTION} characters.`);

export const TakeComplaintPayload = z.object({
  v: z.literal(1),
  address: ComplaintAddress,
  /** The licence at the address, when the place has one (null: an unlicensed address). */
  licenceId: z.string().min(1).max(10).nullable(),
  channel: ComplaintChannel,
  description: ComplaintDescription,
  receivedOn: IsoDate,
  takenAt: IsoTimestamp,
});
export type TakeComplaintPayload = z.infer<typeof TakeComplaintPayload>;

export const takeComplaint = defineCommand({
  name: 'takeComplaint',
  version: 1,
  payload: TakeComplaintPayload,
  label: { en: 'Complaint taken', es: 'Denuncia recibida' },
  sends: { en: 'complaints', es: 'denuncias' },
  actions: {
    'complaint.take': {
      roles: ['inspector', 'supervisor', 'admin'],
      words: { en: 'take complaints', es: 'recibir denuncias' },
    },
  },
  legacyFields: ['address', 'licenceId', 'channel', 'description', 'receivedOn', 'takenAt'],
  basedOn: null,
  creates: 'complaint',
  // A new record: nothing the officer read can have changed under it.
  watch: [],
  editable: ['address', 'description'],
  conflictRows: (p) => given(p, 'address', 'licenceId', 'channel', 'description', 'receivedOn'),
  describe: (p) => `the complaint about ${String(p.address)} received ${String(p.receivedOn)}`,
  auditAction: () => 'complaint.take',
  errors: {
    'complaint.invalid': message(
      [],
      () => 'The complaint was not recorded: see the fields marked.',
      () => 'No se registró la denuncia: revise los campos marcados.',
    ),
    'complaint.not_found': message(
      ['complaintId'],
      (p) => `Complaint ${p.complaintId} is not on this desk. Check the number, or refresh the desk.`,
      (p) => `La denuncia ${p.complaintId} no está en este puesto. Revise el número o actualice el puesto.`,
    ),
  },
});
