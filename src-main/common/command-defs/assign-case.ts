// Assign an open enforcement case to an officer, or reassign it (node/enforcement/case-steps.ts).
// Replay applies it only while the case is open and has the officer the supervisor saw.
import { z } from 'zod';
import { IsoTimestamp } from '../model.ts';
import { defineCommand, unchanged } from './define-command.ts';
import { OfficerId } from './open-case.ts';

export const AssignCasePayload = z.object({
  v: z.literal(1),
  caseId: z.string().min(1),
  officer: OfficerId,
  /** The officer the supervisor saw (null: unassigned), for the audit log. */
  fromOfficer: z.string().nullable(),
  assignedAt: IsoTimestamp,
});
export type AssignCasePayload = z.infer<typeof AssignCasePayload>;

export const assignCase = defineCommand({
  name: 'assignCase',
  version: 1,
  payload: AssignCasePayload,
  label: { en: 'Case assigned', es: 'Expediente asignado' },
  sends: { en: 'case assignments', es: 'asignaciones de expedientes' },
  actions: {
    'case.assign': {
      roles: ['supervisor', 'admin'],
      words: { en: 'assign enforcement cases', es: 'asignar expedientes de inspección' },
    },
  },
  legacyFields: ['caseId', 'officer', 'assignedAt'],
  basedOn: 'enforcementCase',
  creates: null,
  watch: ['status', 'officer'],
  editable: ['officer'],
  restamp: 'assignedAt',
  conflictRows: (p, seen) => [['officer', seen.officer, p.officer], ...unchanged(seen, 'status')],
  describe: (p) => `the assignment of case ${String(p.caseId)} to ${String(p.officer)}`,
  auditAction: () => 'case.assign',
});
