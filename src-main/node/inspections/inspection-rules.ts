// A city's inspection rules (inspections.yaml beside the bridge file): per inspection kind, the
// checklist items with their weights and whether they are critical, the grade rule and the
// re-inspection rule. Validated with zod; every mistake is reported at once with the file, line,
// column and field, as the bridge and fee rules loaders do, so IT fixes the file in one go.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type SourceProblem, readYamlSource } from '../bridge/yaml-source.ts';
import { inspectionGrades } from '../../common/model.ts';

const Words = z.strictObject({ en: z.string().min(1), es: z.string().min(1) });
/** The legacy checklist item code (Riverton's CHKITM, CHAR(6)). */
const ItemCode = z
  .string()
  .regex(/^[A-Z0-9_]{1,6}$/, 'must be 1 to 6 capital letters, digits or _ (e.g. HL01)');
const KindCode = z
  .string()
  .regex(/^[A-Z0-9]{1,8}$/, 'must be an inspection kind code (1-8 capitals or digits, e.g. HLTH)');

const Item = z.strictObject({
  code: ItemCode,
  words: Words,
  /** Points a failure of the item takes off the score. */
  weight: z.number().int('must be a whole number of points').min(0).max(100, 'must be 0 to 100 points'),
  /** A failed critical item fails the inspection whatever the score. */
  critical: z.boolean(),
  /** The ordinance section a failure is cited under (a section of the legacy ordinance table). */
  ordinance: z.string().min(1).max(12).optional(),
});
export type ChecklistItem = z.infer<typeof Item>;

const passingGrades = inspectionGrades.filter((g) => g !== 'F') as ['A', 'B', 'C'];

const Grading = z
  .strictObject({
    /** Highest first: the first grade whose floor the score reaches is given; below them all, F. */
    grades: z
      .array(z.strictObject({ grade: z.enum(passingGrades), from: z.number().int().min(0).max(100) }))
      .min(1),
    criticalFails: z.boolean().default(true),
  })
  .superRefine((g, ctx) => {
    g.grades.forEach((step, i) => {
      if (i > 0 && step.from >= g.grades[i - 1]!.from)
        ctx.addIssue({
          code: 'custom',
          path: ['grades', i, 'from'],
          message: `must be lower than the grade before it (${g.grades[i - 1]!.from}): grades go highest first`,
        });
    });
  });
export type GradeRule = z.infer<typeof Grading>;

const Reinspection = z.strictObject({
  /** A failed inspection is inspected again within this many days of the failure. */
  withinDays: z.number().int().min(1).max(365, 'must be 1 to 365 days'),
  /** A deadline on a Saturday or Sunday moves to the Friday before. */
  skipWeekends: z.boolean().default(false),
});
export type ReinspectionRule = z.infer<typeof Reinspection>;

const Kind = z.strictObject({
  label: Words,
  items: z
    .array(Item)
    .min(1, 'a kind needs at least one checklist item')
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.code))
          ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `${item.code} is listed twice` });
        seen.add(item.code);
      });
    }),
  grading: Grading.optional(),
  reinspection: Reinspection.optional(),
});

const InspectionRulesFile = z.strictObject({
  version: z.literal(1),
  grading: Grading,
  kinds: z.record(KindCode, Kind),
});
export type InspectionRulesFile = z.infer<typeof InspectionRulesFile>;

/** What computeResult and reinspectionDue need of one kind: its items and its rules, resolved. */
export interface KindRules {
  kind: string;
  label: { en: string; es: string };
  items: ChecklistItem[];
  grading: GradeRule;
  reinspection: ReinspectionRule | null;
}

export type InspectionRulesProblem = SourceProblem;

export class InspectionRulesFileError extends Error {
  readonly problems: InspectionRulesProblem[];
  constructor(problems: InspectionRulesProblem[]) {
    super(
      `The inspection rules file has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  ${p.file}:${p.line}:${p.column}  ${p.path}: ${p.message}`).join('\n'),
    );
    this.name = 'InspectionRulesFileError';
    this.problems = problems;
  }
}

export function parseInspectionRules(text: string, file: string): InspectionRulesFile {
  const { doc, syntaxProblems, locate } = readYamlSource(text, file);
  if (syntaxProblems.length) throw new InspectionRulesFileError(syntaxProblems);
  const parsed = InspectionRulesFile.safeParse(doc.toJS() ?? {});
  if (parsed.success) return parsed.data;
  throw new InspectionRulesFileError(
    parsed.error.issues
      .map((issue) => {
        let path = issue.path;
        let message = issue.message;
        if (issue.code === 'unrecognized_keys') {
          path = [...issue.path, issue.keys[0]!];
          message = `unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
        } else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message))
          message = 'is required';
        else if (issue.code === 'invalid_value')
          message = `must be one of: ${issue.values.map(String).join(', ')}`;
        return { file, ...locate(path), path: path.map(String).join('.') || '(top)', message };
      })
      .sort((a, b) => a.line - b.line || a.column - b.column),
  );
}

export function loadInspectionRules(file: string): InspectionRulesFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InspectionRulesFileError([
      {
        file,
        line: 1,
        column: 1,
        path: '(file)',
        message: `cannot be read: ${(err as NodeJS.ErrnoException).code ?? err}`,
      },
    ]);
  }
  return parseInspectionRules(text, file);
}

/** inspections.yaml beside a bridge file's folder, or null when the bridge has none. */
export function inspectionRulesPath(bridgeDir: string): string | null {
  const file = join(bridgeDir, 'inspections.yaml');
  return existsSync(file) ? file : null;
}

/** The rules of one kind (its own grade rule, else the file's), or null when the file does not list it. */
export function kindRules(rules: InspectionRulesFile, kind: string): KindRules | null {
  const k = rules.kinds[kind];
  if (!k) return null;
  return {
    kind,
    label: k.label,
    items: k.items,
    grading: k.grading ?? rules.grading,
    reinspection: k.reinspection ?? null,
  };
}
