// The inspector's desk (issue 13): the day's visits in route order, one visit with its checklist
// and the site's history, and recording a result. Spread into the contract's operation table in
// contract.ts.
import { z } from 'zod';
import { InspectorId } from '../command-defs/assign-inspection.ts';
import {
  MAX_CHECKLIST_NOTE,
  MAX_VIOLATION_DESCRIPTION,
  MAX_VIOLATIONS,
} from '../command-defs/record-inspection-result.ts';
import {
  ChecklistOutcome,
  ChecklistResult,
  Inspection,
  InspectionGrade,
  IsoDate,
  Ordinance,
  ScheduledInspection,
  ScheduledInspectionResult,
  Violation,
  ViolationSeverity,
} from '../model.ts';
import { PendingOperation } from '../sync-model.ts';

const Words = z.object({ en: z.string(), es: z.string() });
// Long enough for local:<operation id>, a visit scheduled on this desk (a re-inspection) that
// the legacy system has not numbered yet: it can be opened, and recording on it says why not.
const InspectionNumber = z
  .string({ error: 'An inspection number is needed.' })
  .trim()
  .min(1, 'An inspection number is needed.')
  .max(64, 'An inspection number is at most 64 characters.');

/** A visit as the day's list shows it: the schedule row, where it is, and what is open there. */
export const Visit = z.object({
  inspection: ScheduledInspection,
  /** Scheduled before the day asked for and still not done. */
  overdue: z.boolean(),
  businessName: z.string().nullable(),
  /** The business's address for a licence, else the bare site's. */
  site: z.string().nullable(),
  openViolations: z.number().int(),
  /** Changes to the visit made on this desk that wait for the legacy database (its result, its scheduling). */
  pendingChanges: z.number().int().nonnegative(),
});
export type Visit = z.infer<typeof Visit>;

export const ChecklistItemView = z.object({
  code: z.string(),
  words: Words,
  weight: z.number().int(),
  critical: z.boolean(),
  ordinance: z.string().nullable(),
  /** What was recorded, once the visit is done. */
  recorded: ChecklistResult.nullable(),
});

/** A visit scheduled on the desk: under local:<operationId> until the legacy system numbers it. */
const ScheduledVisitOutput = z.object({
  operationId: z.string(),
  inspectionId: z.string(),
  scheduledOn: IsoDate,
});

export const inspectionOperations = {
  /** One inspector's visits for a day (default: the person's own, today), and what is overdue, in route order. */
  'inspections.day': {
    input: z.object({ inspector: z.string().trim().max(8).optional(), on: IsoDate.optional() }),
    output: z.object({ on: IsoDate, inspector: z.string(), visits: z.array(Visit) }),
  },
  /** One visit: its checklist by the city's rules, what was recorded, and the site's history. */
  'inspections.show': {
    input: z.object({ inspectionId: InspectionNumber }),
    output: z.object({
      visit: Visit,
      kindLabel: Words.nullable(),
      checklist: z.array(ChecklistItemView),
      violations: z.array(Violation),
      /** The site's earlier inspections (the licence's history), newest first. */
      previous: z.array(Inspection),
      /** Violations still open at the site from earlier visits. */
      openAtSite: z.array(Violation),
      /** Changes to this visit made on this desk that have not reached the legacy database yet. */
      pendingOperations: z.array(PendingOperation),
    }),
  },
  /** The kinds of inspection the city's rules know (inspections.yaml), with their words: what a visit may be. */
  'inspections.kinds': {
    input: z.object({}),
    output: z.object({ kinds: z.array(z.object({ kind: z.string(), label: Words })) }),
  },
  /** The ordinance code table (what a violation cites), in section order, with its plain words. */
  'inspections.ordinances': {
    input: z.object({}),
    output: z.object({ ordinances: z.array(Ordinance) }),
  },
  /** Records a visit's result: the checklist answered item by item, the violations found; the city's rule grades it. */
  'inspections.record': {
    input: z.object({
      inspectionId: InspectionNumber,
      answers: z.record(
        z.string(),
        z.object({ outcome: ChecklistOutcome, note: z.string().max(MAX_CHECKLIST_NOTE).optional() }),
      ),
      violations: z
        .array(
          z.object({
            ordinanceSection: z.string().trim().min(1).max(12),
            description: z.string().max(MAX_VIOLATION_DESCRIPTION).optional(),
            severity: ViolationSeverity.optional(),
            correctBy: IsoDate.optional(),
          }),
        )
        .max(MAX_VIOLATIONS)
        .default([]),
    }),
    output: z.object({
      operationId: z.string(),
      inspectionId: z.string(),
      result: ScheduledInspectionResult,
      score: z.number().int(),
      grade: InspectionGrade,
      /** How the result came out, line by line. */
      working: z.array(Words),
      /** The last day of the re-inspection the rule calls for (a failure), else null. */
      reinspectionDue: IsoDate.nullable(),
      /** The re-inspection visit scheduled with the result, on its due day (a failure). */
      reinspection: ScheduledVisitOutput.nullable(),
    }),
  },
  /** Schedules a visit to a licence or a bare site, for a day and (optionally) an inspector. */
  'inspections.schedule': {
    input: z
      .object({
        licenceId: z.string().trim().min(1).max(10).optional(),
        address: z.string().trim().min(1).max(40).optional(),
        kind: z.string().trim().min(1, 'A kind of inspection is needed.').max(4),
        on: IsoDate,
        inspector: z.string().trim().min(1).max(8).optional(),
      })
      .refine((v) => Boolean(v.licenceId) !== Boolean(v.address), {
        message: 'Give a licence or an address, not both.',
        path: ['licenceId'],
      }),
    output: ScheduledVisitOutput,
  },
  /** Each inspector's visits on a day (open, overdue, done), the busiest first: the supervisor's view for assigning. */
  'inspections.workload': {
    input: z.object({ on: IsoDate.optional() }),
    output: z.object({
      on: IsoDate,
      inspectors: z.array(
        z.object({
          inspector: z.string().nullable(),
          open: z.number().int(),
          overdue: z.number().int(),
          done: z.number().int(),
        }),
      ),
    }),
  },
  /** Assigns or reassigns an open visit to an inspector (a supervisor's). */
  'inspections.assign': {
    input: z.object({
      inspectionId: InspectionNumber.or(z.string().regex(/^local:/)),
      toInspector: InspectorId,
    }),
    output: z.object({
      operationId: z.string(),
      inspectionId: z.string(),
      fromInspector: z.string().nullable(),
      toInspector: z.string(),
    }),
  },
} as const;
