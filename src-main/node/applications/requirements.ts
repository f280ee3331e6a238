// The city's requirements file (bridges/<bridge>/requirements.yaml): per licence type code, the
// checklist a new application of that type must complete. Validated with zod; every mistake is
// reported at once with the file, line and field, so IT can fix the file in one go.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { WorkbenchError } from '../../common/errors.ts';
import { requirementKinds } from '../../common/ops/application-ops.ts';

const Item = z.strictObject({
  code: z
    .string()
    .regex(/^[A-Z0-9_]{1,40}$/, 'must be 1 to 40 capital letters, digits or _ (e.g. FIRE_INSPECTION)'),
  label: z.strictObject({ en: z.string().min(1), es: z.string().min(1) }),
  kind: z.enum(requirementKinds),
  required: z.boolean(),
});
export type RequirementDefinition = z.infer<typeof Item>;

const ItemList = z.array(Item).superRefine((items, ctx) => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.code))
      ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `${item.code} is listed twice` });
    seen.add(item.code);
  });
});

const RequirementsFile = z.strictObject({
  version: z.literal(1),
  /** Used for licence types the file does not list. */
  default: ItemList.default([]),
  types: z.record(
    z.string().regex(/^[A-Z0-9]{1,4}$/, 'must be a licence type code (1-4 capitals)'),
    ItemList,
  ),
});
export type RequirementsFile = z.infer<typeof RequirementsFile>;

export interface RequirementsProblem {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

export class RequirementsFileError extends Error {
  readonly problems: RequirementsProblem[];
  constructor(problems: RequirementsProblem[]) {
    super(
      `The requirements file has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  ${p.file}:${p.line}:${p.column}  ${p.path}: ${p.message}`).join('\n'),
    );
    this.name = 'RequirementsFileError';
    this.problems = problems;
  }
}

export function parseRequirements(text: string, file: string): RequirementsFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number) => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length) {
    throw new RequirementsFileError(
      doc.errors.map((e) => ({ file, ...at(e.pos[0]), path: '(yaml)', message: e.message.split('\n')[0]! })),
    );
  }
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
  if (!existsSync(file)) return { file: null, requirements: { version: 1, default: [], types: {} } };
  const mtimeMs = statSync(file).mtimeMs;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return { file, requirements: hit.value };
  try {
    const value = parseRequirements(readFileSync(file, 'utf8'), file);
    cache.set(file, { mtimeMs, value });
    return { file, requirements: value };
  } catch (err) {
    if (err instanceof RequirementsFileError) {
      throw new WorkbenchError(
        'not_configured',
        `${err.message}\nIT must fix the city's requirements file before new applications can be taken.`,
      );
    }
    throw err;
  }
}

/** The checklist of a licence type. */
export function requirementsFor(requirements: RequirementsFile, typeCode: string): RequirementDefinition[] {
  return requirements.types[typeCode] ?? requirements.default;
}
