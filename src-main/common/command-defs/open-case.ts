// Open an enforcement case on one or more complaints about the same place
// (node/enforcement/open-case.ts). The case lives on the desk under local:<operationId> until the
// legacy system numbers it (Riverton: the next CASNO); its complaints are put on it in the same
// legacy transaction, one statement per complaint (`for_each: complaints`). A complaint still
// waiting for its number is sent first and its number taken. Replay opens the case only while
// each complaint is still new (another desk may have put it on a case meanwhile).
import { z } from 'zod';
import { message } from '../messages/message-entry.ts';
import { IsoDate, IsoTimestamp } from '../model.ts';
import { defineCommand, given } from './define-command.ts';
import { ComplaintAddress } from './take-complaint.ts';

/** Complaints one case is opened on at once. */
export const MAX_CASE_COMPLAINTS = 20;

export const OfficerId = z
  .string()
  .trim()
  .min(1, 'An officer is needed.')
  .max(8, 'An officer id is at most 8 characters.')
  .transform((s) => s.toUpperCase());

export const OpenCasePayload = z.object({
  v: z.literal(1),
  complaints: z
    .array(z.object({ complaintId: z.string().min(1) }))
    .min(1, 'A case is opened on at least one complaint.')
    .max(MAX_CASE_COMPLAINTS),
  address: ComplaintAddress,
  /** The business and licence at the address (null: an unlicensed place). */
  businessId: z.string().min(1).nullable(),
  licenceId: z.string().min(1).max(10).nullable(),
  officer: OfficerId.nullable(),
  correctBy: IsoDate.nullable(),
  openedOn: IsoDate,
  openedAt: IsoTimestamp,
});
export type OpenCasePayload = z.infer<typeof OpenCasePayload>;

export const openCase = defineCommand({
  name: 'openCase',
  version: 1,
  payload: OpenCasePayload,
  label: { en: 'Case opened', es: 'Expediente abierto' },
  sends: { en: 'enforcement cases', es: 'expedientes de inspección' },
  actions: {
    'case.open': {
      roles: ['inspector', 'supervisor', 'admin'],
      words: { en: 'open enforcement cases', es: 'abrir expedientes de inspección' },
    },
  },
  legacyFields: ['address', 'businessId', 'licenceId', 'officer', 'correctBy', 'openedOn', 'openedAt'],
  legacyLists: { complaints: ['complaintId'] },
  basedOn: 'complaint',
  creates: 'enforcement_case',
  // Each complaint must still be new and on no case: two desks must not put it on two cases.
  watch: ['status', 'caseId'],
  editable: ['officer', 'correctBy'],
  restamp: 'openedAt',
  conflictRows: (p, seen) => [
    ['status', seen.status, 'on_case'],
    ['caseId', seen.caseId, null],
    ...given(p, 'address', 'officer', 'correctBy'),
  ],
  describe: (p) => `the case opened on ${String(p.address)}`,
  auditAction: () => 'case.open',
  errors: {
    'case.invalid': message(
      [],
      () => 'The case was not recorded: see the fields marked.',
      () => 'No se registró el expediente: revise los campos marcados.',
    ),
    'case.not_found': message(
      ['caseId'],
      (p) => `Case ${p.caseId} is not on this desk. Check the number, or refresh the desk.`,
      (p) => `El expediente ${p.caseId} no está en este puesto. Revise el número o actualice el puesto.`,
    ),
    'case.complaint_taken': message(
      ['complaintId', 'caseId'],
      (p) => `Complaint ${p.complaintId} is already on case ${p.caseId}. Nothing was recorded.`,
      (p) => `La denuncia ${p.complaintId} ya está en el expediente ${p.caseId}. No se registró nada.`,
    ),
    'case.other_place': message(
      ['complaintId', 'address'],
      (p) =>
        `Complaint ${p.complaintId} is about another place (${p.address}): a case is opened on complaints about one place. Nothing was recorded.`,
      (p) =>
        `La denuncia ${p.complaintId} es sobre otro lugar (${p.address}): un expediente se abre con denuncias sobre un mismo lugar. No se registró nada.`,
    ),
    'case.not_open': message(
      ['caseId', 'status'],
      (p) => `Case ${p.caseId} is ${p.status}, no longer open. Nothing was recorded.`,
      (p) => `El expediente ${p.caseId} ya no está abierto (${p.status}). No se registró nada.`,
    ),
  },
});
