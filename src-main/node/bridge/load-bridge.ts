// Reads and validates a bridge file. Every mistake is reported at once, each with the file, the
// line and column, the field's path and a plain-language message, so IT can fix a file in one go.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import { type EntityName, entitySchemas } from '../../common/model.ts';
import { type LegacyCommandCatalog, legacyCommandCatalog } from '../../common/legacy-commands.ts';
import { listReference, POSITION, paramFields } from './command-params.ts';
import { BridgeFile, type CommandParam, type EntityMapping } from './bridge-schema.ts';
import {
  byPosition,
  readSourceText,
  readYamlSource,
  SourceFileError,
  type SourceProblem,
} from './yaml-source.ts';

export type BridgeProblem = SourceProblem;

export class BridgeFileError extends SourceFileError {
  constructor(problems: SourceProblem[]) {
    super('bridge', problems);
  }
}

export interface LoadedBridge {
  file: string;
  dir: string;
  definition: BridgeFile;
}

/** Finds bridges/NAME/bridge.yaml from the project root, or takes a path to a bridge file. */
export function resolveBridgePath(nameOrPath: string, projectRoot: string): string {
  if (nameOrPath.endsWith('.yaml') || nameOrPath.endsWith('.yml')) return resolve(nameOrPath);
  return join(projectRoot, 'bridges', nameOrPath, 'bridge.yaml');
}

/**
 * `commands` is what the file's commands are checked against: the command definitions' fields and
 * lists. Only tests give another, for a command shape no definition has yet.
 */
export function loadBridge(
  file: string,
  commands: LegacyCommandCatalog = legacyCommandCatalog,
): LoadedBridge {
  const text = readSourceText(file, (problems) => new BridgeFileError(problems));
  return { file, dir: dirname(file), definition: parseBridge(text, file, commands) };
}

export function parseBridge(
  text: string,
  file: string,
  commands: LegacyCommandCatalog = legacyCommandCatalog,
): BridgeFile {
  const { doc, syntaxProblems, locate } = readYamlSource(text, file);
  const problems: SourceProblem[] = [...syntaxProblems];
  if (problems.length) throw new BridgeFileError(problems);

  const raw = doc.toJS() as unknown;
  const parsed = BridgeFile.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(describeIssue(file, issue, locate));
  }
  // Field names must be the canonical model's, and every field must be mapped (to a column or
  // an explicit value), so a bridge never silently leaves a field empty. Checked on the raw file
  // too, so these mistakes are reported together with the schema's.
  const entities = (raw as { entities?: unknown })?.entities;
  for (const [entity, mapping] of Object.entries(entities && typeof entities === 'object' ? entities : {})) {
    const schema = entitySchemas[entity as EntityName] as z.ZodObject | undefined;
    const columns = (mapping as { columns?: unknown } | null)?.columns;
    if (!schema || !columns || typeof columns !== 'object') continue;
    const fields = Object.keys(schema.shape);
    // Optional fields (added to the model after bridges were written, e.g. a payment's reversalOf)
    // may be left out: they read as null.
    const optional = (f: string) => (schema.shape[f] as z.ZodType).safeParse(undefined).success;
    const unmapped = new Set(fields.filter((f) => !(f in columns) && !optional(f)));
    for (const field of Object.keys(columns)) {
      if (fields.includes(field) || /^_\w+$/.test(field)) continue; // _name: a scratch field for templates
      // A misspelt field is one mistake: name the likely field instead of also reporting it unmapped.
      const guess = [...unmapped].find((f) => editDistance(f.toLowerCase(), field.toLowerCase()) <= 2);
      if (guess) unmapped.delete(guess);
      problems.push({
        file,
        ...locate(['entities', entity, 'columns', field]),
        path: `entities.${entity}.columns.${field}`,
        message: guess
          ? `"${field}" is not a field of ${entity}; did you mean "${guess}"?`
          : `"${field}" is not a field of ${entity}; its fields are: ${fields.join(', ')}`,
      });
    }
    for (const [field, spec] of Object.entries(columns as Record<string, unknown>)) {
      const template = (spec as { template?: unknown } | null)?.template;
      if (typeof template !== 'string') continue;
      for (const m of template.matchAll(/\$\{([A-Za-z_]\w*)\}/g)) {
        const ref = m[1]!;
        const refSpec = (columns as Record<string, unknown>)[ref];
        const known = fields.includes(ref) || (ref.startsWith('_') && refSpec !== undefined);
        if (!known || (refSpec as { template?: unknown } | null)?.template !== undefined) {
          problems.push({
            file,
            ...locate(['entities', entity, 'columns', field]),
            path: `entities.${entity}.columns.${field}.template`,
            message: `"\${${ref}}" must name a field of ${entity}, or a _scratch field, read from a column or value`,
          });
        }
      }
    }
    for (const field of unmapped) {
      problems.push({
        file,
        ...locate(['entities', entity, 'columns']),
        path: `entities.${entity}.columns`,
        message: `the field "${field}" is not mapped; map it to a column, or write "${field}: { value: null }"`,
      });
    }
  }
  if (parsed.success)
    problems.push(
      ...checkSources(parsed.data, file, locate),
      ...checkCommands(parsed.data, file, locate, commands),
    );
  if (problems.length || !parsed.success) throw new BridgeFileError(sortProblems(problems));
  return parsed.data;
}

type Locate = (path: (string | number)[]) => { line: number; column: number };

/** Each entity reads a table or a query file (read here, relative to the bridge file). */
function checkSources(bridge: BridgeFile, file: string, locate: Locate): SourceProblem[] {
  const problems: SourceProblem[] = [];
  for (const [entity, mapping] of Object.entries(bridge.entities)) {
    if (!mapping) continue;
    const at = (key: string) => ({
      file,
      ...locate(['entities', entity, key]),
      path: `entities.${entity}.${key}`,
    });
    if (!mapping.table === !mapping.query_file) {
      problems.push({
        ...at(mapping.table ? 'query_file' : 'table'),
        message: 'give either "table" or "query_file", not both or neither',
      });
    } else if (mapping.query_file) {
      try {
        (mapping as EntityMapping).query = stripSqlComments(
          readFileSync(join(dirname(file), mapping.query_file), 'utf8'),
        )
          .trim()
          .replace(/;\s*$/, '');
      } catch (err) {
        problems.push({
          ...at('query_file'),
          message: `cannot be read: ${(err as NodeJS.ErrnoException).code ?? err}`,
        });
      }
    }
  }
  return problems;
}

/**
 * Removes -- and /* *\/ comments outside quoted text: some drivers (SQLite's) refuse a ";" even
 * inside a comment, and the query is embedded in a larger SELECT.
 */
export function stripSqlComments(sql: string): string {
  let out = '';
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"' || c === '`') {
      const end = sql.indexOf(c, i + 1);
      const stop = end < 0 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 1;
      out += ' ';
    } else out += c;
  }
  return out;
}

/** Where a param is bound: the names it may use, and the list its statement repeats over, if any. */
interface ParamScope {
  known: ReadonlySet<string>;
  /** The list the statement runs for each element of (a list the command has). */
  forEach?: string;
  /** A for_each naming no list of the command: reported once, not again for each `list.field`. */
  badForEach?: string;
  /** False for the applied_check, which runs once and cannot repeat. */
  repeatable: boolean;
}

/**
 * Write statements may bind only the command's fields and values read by earlier statements; a
 * statement repeated `for_each` element of a payload list may also bind that element's fields
 * (`list.field`) and position (`list.#`), and no other list's.
 */
function checkCommands(
  bridge: BridgeFile,
  file: string,
  locate: Locate,
  catalog: LegacyCommandCatalog,
): SourceProblem[] {
  const problems: SourceProblem[] = [];
  for (const [name, command] of Object.entries(bridge.commands ?? {})) {
    if (!command) continue;
    const fields = catalog.fields[name] ?? [];
    const lists = catalog.lists[name] ?? {};
    const isList = (list: string) => Object.hasOwn(lists, list);
    const theLists = Object.keys(lists).length
      ? `its lists are: ${Object.keys(lists).join(', ')}`
      : `${name} has no list fields`;
    const report = (path: (string | number)[], message: string) =>
      problems.push({
        file,
        ...locate(['commands', name, ...path]),
        path: ['commands', name, ...path].join('.'),
        message,
      });

    /** Why `field` may not be bound in `scope`; null when it may. */
    const fieldProblem = (field: string, scope: ParamScope): string | null => {
      const ref = listReference(field);
      if (!ref) {
        if (scope.known.has(field)) return null;
        if (isList(field))
          return `"${field}" is a list of ${name}: bind its elements' fields as ${field}.<field> in a statement with "for_each: ${field}"`;
        return `"${field}" is not a field of ${name}; it has: ${[...scope.known].join(', ')}`;
      }
      if (ref.list === scope.badForEach) return null;
      if (!isList(ref.list)) return `"${field}": "${ref.list}" is not a list of ${name}; ${theLists}`;
      const what = `"${field}" is ${ref.field === POSITION ? 'the position' : 'a field'} of an element of ${ref.list}`;
      if (!scope.repeatable)
        return `${what}; the applied_check runs once, so it binds only the command's fields`;
      if (scope.forEach === undefined) return `${what}, so the statement needs "for_each: ${ref.list}"`;
      if (scope.forEach !== ref.list)
        return `${what}, but this statement runs for each element of ${scope.forEach}`;
      const element = lists[ref.list]!;
      if (ref.field === POSITION || element.includes(ref.field)) return null;
      return `"${ref.field}" is not a field of an element of ${ref.list}; it has: ${[...element, POSITION].join(', ')}`;
    };
    const checkParams = (params: CommandParam[], path: (string | number)[], scope: ParamScope) =>
      params.forEach((param, j) => {
        for (const field of paramFields(param)) {
          const problem = fieldProblem(field, scope);
          if (problem) report([...path, 'params', j], problem);
        }
      });
    const checkMarkers = (sql: string, params: unknown[], path: (string | number)[]) => {
      const markers = sql.split('?').length - 1;
      if (markers !== params.length)
        report(
          path,
          `has ${markers} "?" marker${markers === 1 ? '' : 's'} but ${params.length} param${params.length === 1 ? '' : 's'}`,
        );
    };

    const known = new Set<string>(fields);
    command.statements.forEach((statement, i) => {
      const path = ['statements', i];
      const forEach = 'for_each' in statement ? statement.for_each : undefined;
      const scope: ParamScope = { known, repeatable: true };
      if (forEach !== undefined && isList(forEach)) scope.forEach = forEach;
      else if (forEach !== undefined) {
        scope.badForEach = forEach;
        report([...path, 'for_each'], `"${forEach}" is not a list of ${name}; ${theLists}`);
      }
      checkParams(statement.params, path, scope);
      checkMarkers('sql' in statement ? statement.sql : statement.query, statement.params, path);
      if ('into' in statement) known.add(statement.into);
    });
    const check = command.applied_check;
    if (check) {
      // The check runs once, before any statement: only the command's own fields.
      checkParams(check.params, ['applied_check'], { known: new Set(fields), repeatable: false });
      checkMarkers(check.query, check.params, ['applied_check']);
    }
    if (command.result_key && !known.has(command.result_key))
      report(['result_key'], `"${command.result_key}" is not a value any statement keeps with "into"`);
  }
  return problems;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

const sortProblems = (ps: SourceProblem[]) => ps.sort(byPosition);

function describeIssue(
  file: string,
  issue: z.core.$ZodIssue,
  locate: (path: (string | number)[]) => { line: number; column: number },
): SourceProblem {
  const path = issue.path.map(String);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys;
    return {
      file,
      ...locate([...issue.path, keys[0]!] as (string | number)[]),
      path: [...path, keys[0]].join('.'),
      message: `unknown setting${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`,
    };
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) message = 'is required';
  else if (issue.code === 'invalid_union') message = `is not valid here (${unionHint(path)})`;
  else if (issue.code === 'invalid_value')
    message = `must be one of: ${issue.values.map((v) => String(v)).join(', ')}`;
  return { file, ...locate(issue.path as (string | number)[]), path: path.join('.') || '(top)', message };
}

function unionHint(path: string[]): string {
  if (path.includes('transform')) {
    return 'a transform is one of trim, collapse_spaces, upper, lower, title_case, blank_to_null, digits, integer, cents, phone, yes_no, timestamp, or { date: FORMAT }, { map: {...} }, { default: V }, { null_if: [...] }';
  }
  if (path.includes('columns'))
    return 'a column mapping is a column name, { column: NAME, type?, transform? } or { value: V }';
  return 'see bridges/README.md';
}
