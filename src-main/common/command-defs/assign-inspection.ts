// Assign or reassign an open inspection visit to an inspector (node/inspections/assign.ts): the
// supervisor's tool for spreading the day's work by workload. Only the visit's inspector changes;
// replay applies it only while the visit is still open and with the inspector the supervisor saw,
// so a visit done or cancelled elsewhere, or reassigned by someone else meanwhile, is a conflict.
import { z } from 'zod';
import { message } from '../messages/message-entry.ts';
import { IsoTimestamp } from '../model.ts';
import { defineCommand, unchanged } from './define-command.ts';

/** A legacy user id, as the schedule keeps it (Riverton's SCHBY is CHAR(8)). */
export const InspectorId = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{1,8}$/, 'An inspector is a user id of 1 to 8 letters and digits.');

export const AssignInspectionPayload = z.object({
  v: z.literal(1),
  /** The visit: its legacy number, or local:<operationId> of one scheduled on this desk. */
  inspectionId: z.string().min(1),
  /** Who had it when the supervisor looked (null: unassigned); the audit names it. */
  fromInspector: z.string().nullable(),
  toInspector: InspectorId,
  assignedAt: IsoTimestamp,
});
export type AssignInspectionPayload = z.infer<typeof AssignInspectionPayload>;

export const assignInspection = defineCommand({
  name: 'assignInspection',
  version: 1,
  payload: AssignInspectionPayload,
  label: { en: 'Visit assigned', es: 'Visita asignada' },
  sends: { en: 'assignments of inspection visits', es: 'asignaciones de visitas de inspección' },
  actions: {
    'inspection.assign': {
      roles: ['supervisor', 'admin'],
      words: {
        en: 'assign inspection visits to inspectors',
        es: 'asignar visitas de inspección a inspectores',
      },
    },
  },
  legacyFields: ['inspectionId', 'toInspector'],
  basedOn: 'scheduledInspection',
  creates: null,
  watch: ['status', 'inspector'],
  editable: ['toInspector'],
  restamp: 'assignedAt',
  conflictRows: (p, seen) => [['inspector', seen.inspector, p.toInspector], ...unchanged(seen, 'status')],
  describe: (p) =>
    `the assignment of visit ${String(p.inspectionId)} to ${String(p.toInspector)}${p.fromInspector ? ` (from ${String(p.fromInspector)})` : ''}`,
  auditAction: () => 'inspection.assign',
  errors: {
    'assign.not_open': message(
      ['inspectionId'],
      (p) =>
        `Visit ${p.inspectionId} is not open any more: only an open visit can be assigned. Nothing was recorded.`,
      (p) =>
        `La visita ${p.inspectionId} ya no está abierta: solo se puede asignar una visita abierta. No se registró nada.`,
    ),
    'assign.same_inspector': message(
      ['inspectionId', 'inspector'],
      (p) => `Visit ${p.inspectionId} is already assigned to ${p.inspector}. Nothing was recorded.`,
      (p) => `La visita ${p.inspectionId} ya está asignada a ${p.inspector}. No se registró nada.`,
    ),
    'assign.invalid': message(
      ['inspectionId'],
      (p) => `The assignment of visit ${p.inspectionId} was not recorded: see the fields marked.`,
      (p) => `No se registró la asignación de la visita ${p.inspectionId}: revise los campos marcados.`,
    ),
  },
});
