// The result form of a visit: the checklist answered item by item (with a note each, if any) and
// the violations found, as typed; and how they become the inspections.record input, each field
// checked by that operation's own schema for it.
import { z } from 'zod';
import { operations } from '../../src-main/common/contract.ts';
import type { ViolationSeverity } from '../../src-main/common/model.ts';

const recordInput = operations['inspections.record'].input.shape;
const answerShape = recordInput.answers.valueType.shape;
const violationShape = recordInput.violations.unwrap().element.shape;

/** Raised by the form: an item of the checklist has no answer yet. */
export const unansweredMessage = 'Every checklist item needs an answer.';
/** Raised by the form: a violation row without its ordinance section. */
export const ordinanceNeededMessage = 'A violation cites an ordinance section.';

/** '' (left as it is) is "not given": the ordinance's own severity and deadline apply. */
const optional = <T extends z.ZodType<unknown, string | undefined>>(schema: T) =>
  z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(schema);

export const inspectionResultSchema = z
  .object({
    answers: z.record(
      z.string(),
      z.object({
        outcome: z
          .string()
          .refine((v) => v !== '', unansweredMessage)
          .pipe(answerShape.outcome),
        note: optional(answerShape.note),
      }),
    ),
    violations: z.array(
      z.object({
        ordinanceSection: z
          .string()
          .trim()
          .min(1, ordinanceNeededMessage)
          .pipe(violationShape.ordinanceSection),
        severity: optional(violationShape.severity),
        description: optional(violationShape.description),
        correctBy: optional(violationShape.correctBy),
      }),
    ),
  })
  .transform(({ answers, violations }) => ({
    answers: Object.fromEntries(
      Object.entries(answers).map(([code, a]) => [code, a.note ? a : { outcome: a.outcome }]),
    ),
    violations: violations.map((v) =>
      Object.fromEntries(Object.entries(v).filter(([, value]) => value !== undefined)),
    ) as Array<{
      ordinanceSection: string;
      severity?: ViolationSeverity;
      description?: string;
      correctBy?: string;
    }>,
  }));
/** The form's values as typed ('' where nothing is chosen yet). */
export type InspectionResultValues = z.input<typeof inspectionResultSchema>;
export type InspectionResultInput = z.output<typeof inspectionResultSchema>;
type ViolationValues = InspectionResultValues['violations'][number];

/** The form for a checklist of these item codes: nothing answered, no violations. */
export const emptyResult = (codes: readonly string[]): InspectionResultValues => ({
  answers: Object.fromEntries(codes.map((c) => [c, { outcome: '', note: '' }])),
  violations: [],
});

export const emptyViolation: ViolationValues = {
  ordinanceSection: '',
  severity: '',
  description: '',
  correctBy: '',
};
