// Reads a city's fee rules file (fees.yaml next to the bridge file) and checks it against the
// schema in common/fees/fee-rules.ts. Every mistake is reported at once with the file, line,
// column and field, as the bridge loader does, so IT fixes the file in one go. A bridge without
// a rules file is fine: its licences are charged the legacy base amount alone.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import { FeeRulesFile, noFeeRules } from '../../common/fees/index.ts';
import type { Desk } from '../desk/open-desk.ts';
import {
  byPosition,
  readSourceText,
  readYamlSource,
  SourceFileError,
  type SourceProblem,
} from '../bridge/yaml-source.ts';

export class FeeRulesFileError extends SourceFileError {
  constructor(problems: SourceProblem[]) {
    super('fee rules', problems);
  }
}

export function parseFeeRules(text: string, file: string): FeeRulesFile {
  const { doc, syntaxProblems, locate } = readYamlSource(text, file);
  if (syntaxProblems.length) throw new FeeRulesFileError(syntaxProblems);

  const raw = (doc.toJS() ?? {}) as unknown;
  const parsed = FeeRulesFile.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new FeeRulesFileError(
    parsed.error.issues
      .map((issue) =>
        describe(file, { ...issue, path: asWritten(raw, issue.path) } as z.core.$ZodIssue, locate),
      )
      .sort(byPosition),
  );
}

/**
 * The path as the file is written: a single rule is read as a list of one, so the schema's path
 * has an index (default.0.latePenalty) where the file has none (default.latePenalty).
 */
function asWritten(raw: unknown, path: readonly PropertyKey[]): PropertyKey[] {
  const out: PropertyKey[] = [];
  let node = raw;
  for (const key of path) {
    if (typeof key === 'number' && !Array.isArray(node)) continue;
    out.push(key);
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return out;
}

function describe(
  file: string,
  issue: z.core.$ZodIssue,
  locate: (path: readonly PropertyKey[]) => { line: number; column: number },
): SourceProblem {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    return {
      file,
      ...locate([...issue.path, key]),
      path: [...path, key].join('.'),
      message: `unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
    };
  }
  let message = issue.message;
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) message = 'is required';
  else if (issue.code === 'invalid_union')
    message =
      'is not valid here: a rule is { effectiveOn?, components?, renewalWindow?, latePenalty? } (see bridges/README.md, "Fee rules")';
  else if (issue.code === 'invalid_value') message = `must be one of: ${issue.values.map(String).join(', ')}`;
  return { file, ...locate(issue.path), path: path.join('.') || '(top)', message };
}

export function loadFeeRules(file: string): FeeRulesFile {
  return parseFeeRules(
    readSourceText(file, (problems) => new FeeRulesFileError(problems)),
    file,
  );
}

/**
 * Where a desk's fee rules are: $WORKBENCH_FEE_RULES when set (IT trying a new file before
 * shipping it with the bridge; tests that need renewals outside the city's window), else
 * fees.yaml beside the bridge file. `none` means no rules file.
 */
export function feeRulesPath(desk: Desk): string | null {
  const override = process.env.WORKBENCH_FEE_RULES;
  if (override) return override === 'none' ? null : override;
  const file = join(desk.bridge().dir, 'fees.yaml');
  return existsSync(file) ? file : null;
}

const loaded = new Map<string, { mtimeMs: number; rules: FeeRulesFile }>();

/** The desk's fee rules, read again when the file changes; a broken file is refused in plain words. */
export function deskFeeRules(desk: Desk): FeeRulesFile {
  const file = feeRulesPath(desk);
  if (!file) return noFeeRules;
  let mtimeMs = 0;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    // loadFeeRules names the file that cannot be read
  }
  const hit = loaded.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.rules;
  try {
    const rules = loadFeeRules(file);
    loaded.set(file, { mtimeMs, rules });
    return rules;
  } catch (err) {
    if (!(err instanceof FeeRulesFileError)) throw err;
    throw new WorkbenchError('not_configured', errorText('fees.rules_unusable', { detail: err.message }));
  }
}
