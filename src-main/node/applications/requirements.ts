// The city's requirements file (bridges/<bridge>/requirements.yaml): per licence type code, the
// checklist a new application of that type must complete, and (`renewal:`) what a renewal of that
// type needs that the desk can check from its cache. Validated with zod; every mistake is
// reported at once with the file, line and field, so IT can fix the file in one go.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isNode } from 'yaml';
import { z } from 'zod';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import { requirementKinds } from '../../common/ops/application-ops.ts';
import { readYamlSource, SourceFileError, type SourceProblem } from '../bridge/yaml-source.ts';

const ItemCode = z
  .string()
  .regex(/^[A-Z0-9_]{1,40}$/, 'must be 1 to 40 capital letters, digits or _ (e.g. FIRE_INSPECTION)');
const Label = z.strictObject({ en: z.string().min(1), es: z.string().min(1) });
const TypeCode = z.string().regex(/^[A-Z0-9]{1,4}$/, 'must be a licence type code (1-4 capitals)');

const Item = z.strictObject({
  code: ItemCode,
  label: Label,
  kind: z.enum(requirementKinds),
  required: z.boolean(),
});
export type RequirementDefinition = z.infer<typeof Item>;

/** A code listed twice in one list is named at its second place. */
function uniqueCodes(items: readonly { code: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.code))
      ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `${item.code} is listed twice` });
    seen.add(item.code);
  });
}

const ItemList = z.array(Item).superRefine(uniqueCodes);

/**
 * What a renewal needs. Only what the desk holds can be checked at the counter and in a batch:
 * after issue, documents and approvals live on paper, but inspections are in the cache
 * (canonical `inspection`), so a renewal item is a passed inspection (of a kind, or of any kind)
 * within the months before the renewal day. Every renewal item blocks the renewal until met.
 */
const RenewalItem = z.strictObject({
  code: ItemCode,
  label: Label,
  kind: z.literal('inspection', {
    error:
      'a renewal can only require an inspection: the desk has no record of documents or approvals after a licence is issued',
  }),
  /** The legacy inspection kind (Riverton's INSTYP: HLTH, FIRE, ZONE, BLDG); any kind when left out. */
  inspectionKind: z
    .string()
    .regex(/^[A-Z0-9]{1,8}$/, 'must be an inspection kind code (1-8 capitals or digits, e.g. HLTH)')
    .optional(),
  /** The inspection must have passed on the renewal day or in the months before it. */
  withinMonths: z.number().int().min(1).max(120, 'must be a whole number of months from 1 to 120'),
});
export type RenewalRequirementDefinition = z.infer<typeof RenewalItem>;

const RequirementsFile = z.strictObject({
  version: z.literal(1),
  /** Used for licence types the file does not list. */
  default: ItemList.default([]),
  types: z.record(TypeCode, ItemList),
  /** What a renewal of a type needs (types not listed need nothing beyond the fee rules). */
  renewal: z.record(TypeCode, z.array(RenewalItem).superRefine(uniqueCodes)).default({}),
});
export type RequirementsFile = z.infer<typeof RequirementsFile>;

export class RequirementsFileError extends SourceFileError {
  constructor(problems: SourceProblem[]) {
    super('requirements', problems);
  }
}

export function parseRequirements(text: string, file: string): RequirementsFile {
  const { doc, syntaxProblems, at } = readYamlSource(text, file);
  if (syntaxProblems.length) throw new RequirementsFileError(syntaxProblems);
  const parsed = RequirementsFile.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  throw new RequirementsFileError(
    parsed.error.issues.map((issue) => {
      const path = issue.path as (string | number)[];
      // The deepest node along the path that exists carries the position.
      let offset = 0;
      for (let n = path.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) {
          offset = node.range[0];
          break;
        }
      }
      return { file, ...at(offset), path: path.join('.') || '(file)', message: issue.message };
    }),
  );
}

const cache = new Map<string, { mtimeMs: number; value: RequirementsFile }>();

/** The requirements file next to a bridge file; an empty file (no checklist) when there is none. */
export function loadRequirements(bridgeDir: string): { file: string | null; requirements: RequirementsFile } {
  const file = join(bridgeDir, 'requirements.yaml');
  if (!existsSync(file))
    return { file: null, requirements: { version: 1, default: [], types: {}, renewal: {} } };
  const mtimeMs = statSync(file).mtimeMs;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return { file, requirements: hit.value };
  try {
    const value = parseRequirements(readFileSync(file, 'utf8'), file);
    cache.set(file, { mtimeMs, value });
    return { file, requirements: value };
  } catch (err) {
    if (err instanceof RequirementsFileError) {
      throw new WorkbenchError('not_configured', errorText('requirements.unusable', { detail: err.message }));
    }
    throw err;
  }
}

/** The checklist of a licence type. */
export function requirementsFor(requirements: RequirementsFile, typeCode: string): RequirementDefinition[] {
  return requirements.types[typeCode] ?? requirements.default;
}

/** What a renewal of a licence type needs (nothing for a type the file does not list). */
export function renewalRequirementsFor(
  requirements: RequirementsFile,
  typeCode: string | null,
): RenewalRequirementDefinition[] {
  return typeCode ? (requirements.renewal[typeCode] ?? []) : [];
}
