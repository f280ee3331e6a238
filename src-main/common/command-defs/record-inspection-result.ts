// Record the result of a scheduled inspection (node/inspections/record-result.ts): the schedule
// row done with its result, score and grade, one checklist line per item of the kind and one row
// per violation found, in ONE legacy transaction (the bridge repeats its checklist and violation
// statements per element: `for_each`). The result is computed on the desk by the city's rule
// (inspections.yaml), never typed: the payload carries it so replay writes what the inspector saw.
import { z } from 'zod';
import {
  ChecklistOutcome,
  InspectionGrade,
  IsoDate,
  IsoTimestamp,
  ScheduledInspectionResult,
  ViolationSeverity,
} from '../model.ts';
import { defineCommand, given, unchanged } from './define-command.ts';

/** The limits of Riverton's columns (INSCHK.CHKNOT, VIOLTN.VIODSC), and of one visit. */
export const MAX_CHECKLIST_NOTE = 80;
export const MAX_VIOLATION_DESCRIPTION = 120;
export const MAX_CHECKLIST_ITEMS = 100;
export const MAX_VIOLATIONS = 50;

export const ChecklistLine = z.object({
  itemCode: z.string().regex(/^[A-Z0-9_]{1,6}$/),
  outcome: ChecklistOutcome,
  /** '' when the inspector wrote nothing (the legacy column takes no NULL). */
  note: z.string().trim().max(MAX_CHECKLIST_NOTE),
});

export const FoundViolation = z.object({
  ordinanceSection: z.string().trim().min(1).max(12),
  severity: ViolationSeverity,
  description: z.string().trim().max(MAX_VIOLATION_DESCRIPTION),
  correctBy: IsoDate,
});

export const RecordInspectionResultPayload = z
  .object({
    v: z.literal(1),
    /** The legacy schedule number (Riverton's INSSCH.SCHNO). */
    inspectionId: z.string().min(1),
    /** The licence inspected, or null for a bare site. */
    licenceId: z.string().min(1).nullable(),
    kind: z.string().min(1).max(4),
    inspectedOn: IsoDate,
    inspector: z.string().trim().min(1).max(8),
    result: ScheduledInspectionResult,
    score: z.number().int().min(0).max(100),
    grade: InspectionGrade,
    recordedAt: IsoTimestamp,
    /** In the order of the kind's checklist; a line's position (from 1) is its legacy key. */
    items: z.array(ChecklistLine).min(1).max(MAX_CHECKLIST_ITEMS),
    violations: z.array(FoundViolation).max(MAX_VIOLATIONS),
    /**
     * The history row the result is posted to (Riverton's INSPCT), as a list of one for a licence
     * and none for a bare site: the bridge repeats the posting statements over it.
     */
    posting: z.array(z.object({ licenceId: z.string().min(1) })).max(1),
  })
  .refine(
    (p) =>
      p.posting.length === (p.licenceId ? 1 : 0) && (!p.licenceId || p.posting[0]?.licenceId === p.licenceId),
    {
      message: 'posting names the licence inspected, and only it',
      path: ['posting'],
    },
  );
export type RecordInspectionResultPayload = z.infer<typeof RecordInspectionResultPayload>;

const recorders = ['inspector', 'supervisor', 'admin'] as const;

export const recordInspectionResult = defineCommand({
  name: 'recordInspectionResult',
  version: 1,
  payload: RecordInspectionResultPayload,
  label: { en: 'Inspection result', es: 'Resultado de inspección' },
  sends: { en: 'inspection results', es: 'resultados de inspección' },
  actions: {
    'inspection.record': {
      roles: recorders,
      words: { en: 'record inspection results', es: 'registrar resultados de inspección' },
    },
  },
  legacyFields: [
    'inspectionId',
    'licenceId',
    'kind',
    'inspectedOn',
    'inspector',
    'result',
    'score',
    'grade',
    'recordedAt',
  ],
  legacyLists: {
    items: ['itemCode', 'outcome', 'note'],
    violations: ['ordinanceSection', 'severity', 'description', 'correctBy'],
    posting: ['licenceId'],
  },
  basedOn: 'scheduledInspection',
  creates: null,
  // Recorded only while the schedule row is still open as the inspector saw it: a result another
  // desk recorded first, or a visit cancelled in the legacy system, is a conflict side by side.
  watch: ['status', 'result', 'inspector'],
  editable: [],
  conflictRows: (p, seen) => [
    ['status', seen.status, 'done'],
    ['result', seen.result, p.result],
    ['inspector', seen.inspector, p.inspector],
    ...unchanged(seen, 'scheduledOn'),
    ...given(p, 'score', 'grade'),
  ],
  describe: (p) =>
    `the ${String(p.result)} result (grade ${String(p.grade)}) of inspection ${String(p.inspectionId)}${p.licenceId ? ` of licence ${String(p.licenceId)}` : ''}`,
  auditAction: () => 'inspection.record',
});
