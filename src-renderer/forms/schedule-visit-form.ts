// The form that schedules a visit: a licence or a bare address, the kind, the day and (optionally)
// the inspector, as typed; the empty fields left out, then the contract's own inspections.schedule
// schema (one of licence or address, the kind needed, a YYYY-MM-DD day) decides.
import { z } from 'zod';
import { operations } from '../../src-main/common/contract.ts';

const scheduleInput = operations['inspections.schedule'].input;

/** The contract's refusals of a visit, by their sentences (field-errors.ts keys them). */
export const scheduleMessages = {
  licenceOrAddress: 'Give a licence or an address, not both.',
  kindNeeded: 'A kind of inspection is needed.',
} as const;

export const scheduleVisitSchema = z
  .object({
    licenceId: z.string(),
    address: z.string(),
    kind: z.string(),
    on: z.string(),
    inspector: z.string(),
  })
  .transform((typed) =>
    Object.fromEntries(
      Object.entries(typed)
        .map(([field, value]) => [field, value.trim()])
        .filter(([, value]) => value !== ''),
    ),
  )
  .pipe(scheduleInput);

export type ScheduleVisitValues = z.input<typeof scheduleVisitSchema>;
export type ScheduleVisitInput = z.output<typeof scheduleVisitSchema>;

export const emptyScheduleVisit = (on: string, inspector: string): ScheduleVisitValues => ({
  licenceId: '',
  address: '',
  kind: '',
  on,
  inspector,
});
