// Schedule an inspection visit (node/inspections/schedule.ts): a new schedule row, open, for a
// licence or a bare site, on a day, for an inspector. A failed result schedules its re-inspection
// this way, in the same desk transaction as the result (the kind's re-inspection rule gives the
// day); a supervisor schedules a visit the same way. The row lives on the desk under
// local:<operationId> until the legacy system numbers it (Riverton: the next SCHNO).
import { z } from 'zod';
import { IsoDate, IsoTimestamp } from '../model.ts';
import { defineCommand, given } from './define-command.ts';

export const ScheduleInspectionPayload = z
  .object({
    v: z.literal(1),
    /** The licence to inspect, or null for a bare site (then `address` says where). */
    licenceId: z.string().min(1).nullable(),
    address: z.string().trim().max(40).nullable(),
    ward: z.string().trim().max(2).nullable(),
    kind: z.string().trim().min(1).max(4),
    scheduledOn: IsoDate,
    /** The inspector's legacy id; null leaves the visit unassigned. */
    inspector: z.string().trim().min(1).max(8).nullable(),
    /** The visit this one follows up (the failed result's), kept in the outbox and the audit log. */
    followsUp: z.string().min(1).nullable(),
    scheduledAt: IsoTimestamp,
  })
  .refine((p) => p.licenceId !== null || Boolean(p.address), {
    message: 'A visit is to a licence or to an address.',
    path: ['address'],
  });
export type ScheduleInspectionPayload = z.infer<typeof ScheduleInspectionPayload>;

export const scheduleInspection = defineCommand({
  name: 'scheduleInspection',
  version: 1,
  payload: ScheduleInspectionPayload,
  label: { en: 'Inspection scheduled', es: 'Inspección programada' },
  sends: { en: 'inspection visits', es: 'visitas de inspección' },
  actions: {
    'inspection.schedule': {
      roles: ['inspector', 'supervisor', 'admin'],
      words: { en: 'schedule inspection visits', es: 'programar visitas de inspección' },
    },
  },
  legacyFields: [
    'licenceId',
    'address',
    'ward',
    'kind',
    'scheduledOn',
    'inspector',
    'followsUp',
    'scheduledAt',
  ],
  basedOn: null,
  creates: 'scheduled_inspection',
  // A new record: nothing the inspector read can have changed under it.
  watch: [],
  editable: ['scheduledOn', 'inspector'],
  conflictRows: (p) => given(p, 'kind', 'licenceId', 'address', 'scheduledOn', 'inspector', 'followsUp'),
  describe: (p) =>
    `the ${String(p.kind)} visit scheduled for ${String(p.scheduledOn)}${p.licenceId ? ` at licence ${String(p.licenceId)}` : ` at ${String(p.address)}`}`,
  // A re-inspection follows the result that failed: never sent before it, withdrawn with it.
  follows: (p) =>
    p.followsUp
      ? { command: 'recordInspectionResult', field: 'inspectionId', value: String(p.followsUp) }
      : null,
  auditAction: () => 'inspection.schedule',
});
