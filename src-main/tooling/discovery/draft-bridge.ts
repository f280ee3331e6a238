// Writes the draft bridge.yaml from the guesses: one entity per table found, each field mapped to
// its column with the transforms the detected formats call for, and a `# TODO:` comment wherever a
// person must decide (a field without a column, a code whose meaning is a guess, the time zone).
// The file is written line by line so every TODO's line is known for the report.
import type { EntityName } from '../../common/model.ts';
import { inspectionResults, licenceStatuses, paymentMethods } from '../../common/model.ts';
import type { DialectName } from '../../node/bridge/dialects.ts';
import { dialectTable } from '../../node/bridge/dialects.ts';
import { type AnalysedTable, type Analysis, column } from './analyse.ts';
import { type ColumnFindings, isTextKind, normalName, singular } from './detect.ts';
import type { EntityGuess, FieldGuess, Guess } from './guess.ts';
import type { ColumnProfile } from './profile-types.ts';

export interface DraftTodo {
  line: number;
  /** Where in the file, e.g. entities.licence.columns.status. */
  path: string;
  message: string;
  /** The table and column the TODO is about, for links in the report. */
  table: string | null;
  column: string | null;
  /** The lines of the draft the TODO is about (comments, then the setting). */
  snippet: string[];
}

export interface DraftBridge {
  text: string;
  todos: DraftTodo[];
}

export interface DraftOptions {
  name: string;
  title: string;
  timeZone: string;
  /** False when the time zone is this machine's, a guess a person must confirm. */
  timeZoneGiven: boolean;
  dialect: DialectName;
  /** Write `dialect:` into the file (when the driver does not say it). */
  writeDialect: boolean;
  /** The JSON Schema reference for editors, relative to the file. */
  schemaRef: string | null;
  /** Where the draft came from, for its header (connection with secrets redacted). */
  source: string;
  generatedAt: string;
}

// ---- YAML scalars in flow style ----------------------------------------------------------------

const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

export function yamlScalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  const s = String(v);
  if (/^[A-Za-z_][A-Za-z0-9_.$#@/-]*$/.test(s) && !RESERVED.test(s)) return s;
  return `'${s.replaceAll("'", "''")}'`;
}

export function yamlFlow(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(yamlFlow).join(', ')}]`;
  if (v && typeof v === 'object')
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${yamlScalar(k)}: ${yamlFlow(x)}`)
      .join(', ')} }`;
  return yamlScalar(v);
}

// ---- code tables -----------------------------------------------------------------------------------

// Short codes are matched whole; descriptions ("Credit Card", "Reinspection required") by word.
const labelRules: Partial<Record<string, Array<[RegExp, string]>>> = {
  status: [
    [
      /^(a|ac|act|i|is)$|\b(active|current|valid|issued|open|approved|in force|good standing|granted|renewed)\b/i,
      'active',
    ],
    [/^(e|ex|exp)$|\b(expired?|lapsed|overdue)\b/i, 'expired'],
    [/^(s|su|susp)$|\b(suspend(ed)?|on hold|hold)\b/i, 'suspended'],
    [/^(r|rv|rev)$|\b(revoked?|withdrawn for cause)\b/i, 'revoked'],
    [
      /^(c|cl|x)$|\b(closed?|cancel+ed|inactive|terminated|withdrawn|void(ed)?|denied|surrendered|out of business|retired)\b/i,
      'closed',
    ],
  ],
  method: [
    [/^(ca|csh)$|\bcash\b/i, 'cash'],
    [/^(ck|ch|chk)$|\b(check|cheque|chq)\b/i, 'check'],
    [/^(cc|cr|dc|vi|mc|ax)$|\b(card|credit|debit|visa|mastercard|amex|discover)\b/i, 'card'],
    [/^(mo|ot|oth)$|\b(money order|ach|eft|wire|other|transfer|online)\b/i, 'other'],
  ],
  result: [
    [/^(p|pa|ps)$|\b(pass(ed)?|approved|ok|compliant|satisfactory)\b/i, 'pass'],
    [/^(f|fa|fl)$|\b(fail(ed)?|violations?|unsatisfactory|non-?compliant|denied)\b/i, 'fail'],
    [/^(r|re|ri)$|\b(re-?inspect(ion)?|follow.?up|recheck)\b/i, 'reinspect'],
    [/^$|\b(pending|scheduled|open|not yet)\b/i, 'pending'],
  ],
};

const allowedLabels: Partial<Record<string, readonly string[]>> = {
  status: licenceStatuses,
  method: paymentMethods,
  result: inspectionResults,
};

const fallback: Partial<Record<string, string>> = { status: 'unknown', method: 'other', result: 'unknown' };

/** The canonical value a legacy code most likely means, from the code and its description. */
export function guessLabel(field: string, code: string, description: string | null): string | null {
  const rules = labelRules[field];
  if (!rules) return null;
  for (const text of [description, code]) {
    if (text === null) continue;
    const t = text.trim();
    const hit = rules.find(([re]) => re.test(t));
    if (hit) return hit[1];
  }
  return null;
}

interface CodeInfo {
  codes: Array<{ value: string; count: number | null; description: string | null }>;
  lookup: string | null;
}

/** The codes a column holds, with descriptions from the code table it refers to, if any. */
function codesOf(analysis: Analysis, profile: ColumnProfile, findings: ColumnFindings): CodeInfo {
  const ref = findings.references;
  const lookup = ref ? analysis.tables.find((t) => t.profile.qualified === ref.table) : undefined;
  const descriptions = new Map<string, string>();
  if (lookup?.profile.contents && ref) {
    const describing = lookup.profile.columns.find(
      (c) => c.name !== ref.column && isTextKind(c.type.kind) && !/code$/i.test(c.name),
    );
    if (describing) {
      for (const row of lookup.profile.contents) {
        const code = row[ref.column];
        if (code !== null && code !== undefined)
          descriptions.set(code.trim(), (row[describing.name] ?? '').trim());
      }
    }
  }
  const codes = (findings.codes ?? []).map((c) => ({
    value: c.value,
    count: c.count as number | null,
    description: descriptions.get(c.value) ?? null,
  }));
  // A null reaches a code map as "" (as blank text does).
  const nulls = profile.rows - profile.nonNull;
  if (nulls > 0 && !codes.some((c) => c.value === ''))
    codes.push({ value: '', count: nulls, description: '(null)' });
  // Codes the code table defines that no row uses yet still deserve a line in the map.
  for (const [value, description] of descriptions) {
    if (!codes.some((c) => c.value === value)) codes.push({ value, count: null, description });
  }
  return { codes, lookup: lookup?.profile.contents ? lookup.profile.qualified : null };
}

// ---- one field ---------------------------------------------------------------------------------------

interface Mapping {
  value: unknown;
  comments: string[];
  todos: string[];
}

const NAME_FIELDS = new Set(['name', 'dbaName', 'ownerName', 'addressLine', 'city', 'description']);

function textSteps(profile: ColumnProfile, findings: ColumnFindings): string[] {
  const pad = findings.padding;
  if (!pad) return [];
  if (pad.leading > 0 || pad.inner > 0) return ['collapse_spaces'];
  if (pad.fixedWidth || pad.trailing > 0) return ['trim'];
  return profile.type.kind === 'char' ? ['trim'] : [];
}

function placeholderValues(findings: ColumnFindings, asDate: boolean): string[] {
  return findings.placeholders.map((p) => (asDate ? p.value.slice(0, 10) : p.value));
}

const spec = (column: string, type: string | null, steps: unknown[]): unknown => {
  const out: Record<string, unknown> = { column };
  if (type) out.type = type;
  if (steps.length === 1) out.transform = steps[0];
  else if (steps.length > 1) out.transform = steps;
  return type || steps.length ? out : column;
};

function mapField(guess: FieldGuess, entity: EntityGuess, analysis: Analysis, dialect: DialectName): Mapping {
  const { spec: field } = guess;
  if (!guess.column) {
    return {
      value: { value: null },
      comments: [],
      todos: [
        `no column found for ${field.field} (${field.about}); map one, or keep null${field.required ? ' — it is required: records are refused until it is mapped' : ''}`,
      ],
    };
  }
  const table = entity.table;
  const profile = column(table, guess.column);
  const found = table.findings.get(guess.column)!;
  const kind = profile.type.kind;
  const decimal = kind === 'decimal' ? 'decimal' : null;
  const comments: string[] = [];
  const todos: string[] = [];
  const text = isTextKind(kind);

  switch (field.want) {
    case 'key':
    case 'ref':
      return { value: spec(guess.column, decimal, text ? textSteps(profile, found) : []), comments, todos };
    case 'date': {
      const d = found.date;
      if (!d) {
        if (found.timestamp?.storage === 'native') {
          comments.push(`${guess.column} holds times of day too; the date part is kept`);
          return { value: spec(guess.column, 'date', [dateStep('iso', [])]), comments, todos };
        }
        todos.push(
          `${guess.column} was matched by name, but its values did not look like dates in a known format: choose the date format`,
        );
        return { value: spec(guess.column, decimal, []), comments, todos };
      }
      const placeholders = placeholderValues(found, d.storage !== 'text' && d.storage !== 'number');
      if (placeholders.length)
        comments.push(
          `${placeholders.join(', ')} ${placeholders.length > 1 ? 'look like placeholders' : 'looks like a placeholder'} (keyed when the real date was unknown): read as no date`,
        );
      if (d.invalid.length)
        comments.push(
          `some values are not real dates (e.g. ${d.invalid.slice(0, 3).join(', ')}): they become data issues`,
        );
      const type = d.storage === 'native' || d.storage === 'native-timestamp' ? 'date' : decimal;
      return { value: spec(guess.column, type, [dateStep(d.format, placeholders)]), comments, todos };
    }
    case 'timestamp': {
      const t = found.timestamp;
      if (t)
        return {
          value: spec(guess.column, t.storage === 'native' ? 'timestamp' : null, ['timestamp']),
          comments,
          todos,
        };
      if (found.date) {
        comments.push(`${guess.column} holds dates without times; they are read as midnight`);
        const native = found.date.storage === 'native' || found.date.storage === 'native-timestamp';
        return { value: spec(guess.column, native ? 'timestamp' : decimal, ['timestamp']), comments, todos };
      }
      todos.push(
        `${guess.column} was matched by name, but its values did not look like timestamps: check it`,
      );
      return { value: spec(guess.column, null, ['timestamp']), comments, todos };
    }
    case 'money': {
      if (kind === 'float')
        todos.push(
          `${guess.column} is floating point: amounts may be off by a fraction of a cent; check a few`,
        );
      if (kind === 'integer')
        todos.push(
          `${guess.column} holds whole numbers: dollars (keep "cents") or cents already (use "integer")?`,
        );
      if (text) todos.push(`${guess.column} is text: check that every value is an amount such as 125.50`);
      return {
        value: spec(guess.column, decimal, [text ? 'trim' : null, 'cents'].filter(Boolean)),
        comments,
        todos,
      };
    }
    case 'integer':
      return {
        value: spec(guess.column, decimal, text ? ['trim', 'integer'] : ['integer']),
        comments,
        todos,
      };
    case 'code': {
      const info = codesOf(analysis, profile, found);
      if (info.codes.length === 0) {
        todos.push(`${guess.column} has too many different values to list; write the code map`);
        return {
          value: spec(guess.column, decimal, [
            ...(text ? textSteps(profile, found) : []),
            { map: { '*': fallback[field.field] ?? 'TODO' } },
          ]),
          comments,
          todos,
        };
      }
      // Free-text codes keyed in several cases ('Passed', 'PASSED') are compared in lower case.
      // (Engines with case-insensitive collations, such as MariaDB's, group them together, so the
      // sample is looked at too.)
      const variants = new Set([...info.codes.map((c) => c.value), ...profile.sample.map((v) => v.trim())]);
      const fold =
        text &&
        new Set([...variants].map((v) => v.toLowerCase())).size < variants.size &&
        info.codes.some((c) => /\p{L}/u.test(c.value));
      if (fold) {
        const folded = new Map<string, (typeof info.codes)[number]>();
        for (const c of info.codes) {
          const key = c.value.toLowerCase();
          const had = folded.get(key);
          folded.set(key, {
            value: key,
            count: (had?.count ?? 0) + (c.count ?? 0),
            description: had?.description ?? c.description,
          });
        }
        info.codes = [...folded.values()];
      }
      const map: Record<string, string> = {};
      const unknown: string[] = [];
      for (const c of info.codes) {
        const label = guessLabel(field.field, c.value, c.description);
        map[c.value] = label ?? 'TODO';
        if (!label)
          unknown.push(
            c.value === ''
              ? c.description === '(null)'
                ? "'' (null or blank)"
                : "'' (blank)"
              : `${c.value}${c.description ? ` (${c.description})` : ''}`,
          );
      }
      const fb = fallback[field.field];
      if (fb) map['*'] = fb;
      const seen = info.codes
        .map(
          (c) =>
            `${c.value === '' ? '(blank)' : c.value}${c.description && c.description !== '(null)' ? ` = ${c.description}` : c.description ? ' (null or blank)' : ''}${c.count !== null ? ` (${plural(c.count, 'row')})` : ' (unused)'}`,
        )
        .join(', ');
      const where = profile.topSampled ? ' in a sample of the rows' : '';
      comments.push(`codes seen${where}${info.lookup ? ` (described in ${info.lookup})` : ''}: ${seen}`);
      todos.push(
        unknown.length
          ? `say what ${field.field} ${unknown.join(', ')} ${unknown.length === 1 ? 'means' : 'mean'} (one of ${allowedLabels[field.field]?.join(', ')}) in place of TODO, and check the guessed ones`
          : `check the guessed meaning of each ${field.field} code (one of ${allowedLabels[field.field]?.join(', ')})`,
      );
      return {
        value: spec(guess.column, decimal, fold ? ['trim', 'lower', { map }] : [{ map }]),
        comments,
        todos,
      };
    }
    case 'name':
    case 'text':
    case 'state':
    case 'phone': {
      if (!text) return { value: spec(guess.column, decimal, []), comments, todos };
      let steps: unknown[] = textSteps(profile, found);
      if (field.want === 'state') steps = ['trim', 'upper'];
      else if (field.want === 'phone') steps = ['phone'];
      // Names keyed in capitals (all of them, or the rows of an old conversion) read as names.
      else if (field.want === 'name' && found.upperShare >= 0.05 && NAME_FIELDS.has(field.field)) {
        steps.push('title_case');
        if (!found.upperCase)
          comments.push(
            `${Math.round(found.upperShare * 100)}% of ${guess.column} is in capitals: title case makes them read alike`,
          );
      }
      // Notes keep their line breaks: only the ends are trimmed.
      else if (field.field === 'notes' && steps.length) steps = ['trim'];
      const placeholders = placeholderValues(found, false);
      if (placeholders.length) {
        steps.push({ null_if: placeholders });
        comments.push(
          `${placeholders.join(', ')} ${placeholders.length > 1 ? 'look like placeholders' : 'looks like a placeholder'}: read as no value`,
        );
      }
      // Long text is read as a sized VARCHAR: psqlODBC declares text 8190 wide, MariaDB's LONGTEXT 4 GB.
      const type = kind === 'longtext' && (dialect === 'postgres' || dialect === 'mariadb') ? 'text' : null;
      const value = spec(guess.column, type, steps);
      if (type && typeof value === 'object') {
        (value as Record<string, unknown>).length = 4000;
        comments.push(`${guess.column} is long text, read as up to 4000 characters`);
      }
      return { value, comments, todos };
    }
  }
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

function dateStep(format: string, placeholders: string[]): unknown {
  return placeholders.length ? { date: { format, placeholders } } : { date: format };
}

// ---- change detection and soft deletes --------------------------------------------------------------

const VERSION_NAME = /^(row_?ver(sion)?|version|rv|row_?version|ts|timestamp|concurrency(token|stamp)?)$/i;
const DELETED_NAME =
  /^(is_?)?(deleted|removed|purged|voided|archived)$|^del(flg|flag|etd|ete)?$|^(deleted|del)_?(flag|yn|ind)$/i;

function changeDetection(entity: EntityGuess): { value: unknown; comment: string } | null {
  const version = entity.table.profile.columns.find(
    (c) => VERSION_NAME.test(c.name) && (c.type.kind === 'binary' || c.type.kind === 'integer'),
  );
  if (version)
    return {
      value: { mode: 'version', column: version.name },
      comment: `${version.name} changes on every update`,
    };
  const updated = entity.fields.find((g) => g.spec.field === 'legacyUpdatedAt' && g.column);
  if (updated?.column) {
    return {
      value: { mode: 'last_modified', column: updated.column, overlap_minutes: 15 },
      comment: `${updated.column} is the last change; rows are re-read 15 minutes back`,
    };
  }
  return null;
}

interface SoftDelete {
  column: string;
  /** The condition that keeps live rows, with the column as `{}` to be quoted. */
  keep: (quoted: string) => string;
}

function softDelete(table: AnalysedTable): SoftDelete | null {
  for (const c of table.profile.columns) {
    if (!DELETED_NAME.test(c.name)) continue;
    const flag = table.findings.get(c.name)?.flag;
    if (!flag) continue;
    // CAST(... AS INTEGER) = 0 reads a bit, a boolean and a TINYINT(1) alike.
    const keep =
      flag === 'Y/N'
        ? (q: string) => `COALESCE(${q}, 'N') <> 'Y'`
        : flag === 'T/F'
          ? (q: string) => `COALESCE(${q}, 'F') <> 'T'`
          : (q: string) => `COALESCE(CAST(${q} AS INTEGER), 0) = 0`;
    return { column: c.name, keep };
  }
  return null;
}

// ---- the file ---------------------------------------------------------------------------------------

const ENTITY_ORDER: EntityName[] = [
  'licenceType',
  'feeSchedule',
  'business',
  'licence',
  'payment',
  'inspection',
  'codeValue',
];
const ENTITY_ABOUT: Partial<Record<EntityName, string>> = {
  licenceType: 'licence types (code, name, term)',
  feeSchedule: 'the fee schedule',
  business: 'businesses',
  licence: 'licences or permits',
  payment: 'payments',
  inspection: 'inspections',
};

/** The query files written beside the draft, by file name. */
export type QueryFiles = Record<string, string>;

export interface DraftBridgeFiles extends DraftBridge {
  queries: QueryFiles;
  codeTables: Array<{ table: string; name: string }>;
}

export function writeDraftBridge(guess: Guess, analysis: Analysis, options: DraftOptions): DraftBridgeFiles {
  const lines: string[] = [];
  const todos: DraftTodo[] = [];
  const queries: QueryFiles = {};
  const codeTableList = codeTables(guess, analysis).map((c) => ({
    table: c.table.profile.qualified,
    name: c.name,
  }));
  const push = (line: string) => lines.push(line);
  const todo = (indent: string, message: string, path: string, table: string | null, col: string | null) => {
    push(`${indent}# TODO: ${message}`);
    todos.push({ line: lines.length, path, message, table, column: col, snippet: [] });
  };

  if (options.schemaRef) push(`# yaml-language-server: $schema=${options.schemaRef}`);
  push(`# Draft bridge written by \`workbench discover\` on ${options.generatedAt}`);
  push(`# from ${options.source}.`);
  push('# Every "# TODO:" marks a decision for a person; report.html lists them with what the data showed.');
  push('# When none is left, check the file: npx workbench bridge check <this file> --connection "..."');
  push('version: 1');
  push(`name: ${yamlScalar(options.name)}`);
  push(`title: ${yamlScalar(options.title)}`);
  if (!options.timeZoneGiven)
    todo(
      '',
      `the legacy system's time zone (this is the zone of the machine discover ran on)`,
      'time_zone',
      null,
      null,
    );
  push(`time_zone: ${yamlScalar(options.timeZone)}`);
  if (options.writeDialect) push(`dialect: ${options.dialect}`);
  push('fetch_size: 1000');
  push('');
  push('entities:');

  const byEntity = new Map(guess.entities.map((e) => [e.entity, e]));
  const licence = byEntity.get('licence');
  const licenceNumber = licence ? licenceNumberColumn(licence.table) : null;

  for (const name of ENTITY_ORDER) {
    if (name === 'codeValue') {
      writeCodeValues(guess, analysis, options.dialect, push, queries);
      continue;
    }
    const entity = byEntity.get(name);
    if (!entity) {
      todo(
        '  ',
        `no table looked like ${ENTITY_ABOUT[name]}; if the legacy system keeps them, map the table here (see bridges/README.md)`,
        `entities.${name}`,
        null,
        null,
      );
      push('');
      continue;
    }
    const t = entity.table;
    const q = t.profile.qualified;
    const deleted = softDelete(t);
    // An entity that refers to licences by their key, when clerks know licences by a number in
    // another column, reads the number through a join.
    const licenceRef = entity.fields.find((g) => g.spec.field === 'licenceId' && g.column);
    const joinNumber =
      licence && licenceNumber && licenceRef?.column
        ? t.findings.get(licenceRef.column)?.references?.table === licence.table.profile.qualified
        : false;

    push(`  ${name}:`);
    push(`    # ${q}: ${plural(t.profile.rows, 'row')}. Why this table: ${entity.reason || 'its columns'}.`);
    if (joinNumber && licence && licenceNumber && licenceRef?.column) {
      const file = `${name}.sql`;
      queries[file] = licenceNumberQuery(
        t,
        licenceRef.column,
        licence.table,
        licenceNumber,
        deleted,
        softDelete(licence.table),
      );
      push(
        `    # Read through ${file}, which looks up the licence number (${licenceNumber}) by ${licenceRef.column}.`,
      );
      push(`    query_file: ${file}`);
    } else push(`    table: ${yamlScalar(q)}`);
    if (t.key.length === 0) {
      todo(
        '    ',
        `${q} has no primary key and no column that is unique and never empty: name the key columns`,
        `entities.${name}.key`,
        q,
        null,
      );
      push(`    key: [TODO]`);
    } else push(`    key: ${yamlFlow(t.key)}`);
    if (deleted && !joinNumber) {
      push(`    # Rows marked deleted in ${deleted.column} are left out ({NAME} is quoted for each engine).`);
      push(`    where: ${yamlScalar(deleted.keep(`{${deleted.column}}`))}`);
    }
    const changes = changeDetection(entity);
    if (changes) {
      push(`    # ${changes.comment}.`);
      push(`    changes: ${yamlFlow(changes.value)}`);
    }
    push('    columns:');
    for (const g of entity.fields) {
      const m = mapField(g, entity, analysis, options.dialect);
      const path = `entities.${name}.columns.${g.spec.field}`;
      if (g.spec.want === 'key' && t.key.length > 1)
        m.todos.push(
          `the key has ${t.key.length} columns (${t.key.join(', ')}); pick the column that identifies a ${name} for people, or join them in a query_file`,
        );
      if (name === 'licence' && g.spec.field === 'id' && licenceNumber) {
        const profile = column(t, licenceNumber);
        m.value = spec(licenceNumber, null, textSteps(profile, t.findings.get(licenceNumber)!));
        m.comments.push(
          `clerks know a licence by its number: ${licenceNumber} (unique); the key ${t.key.join(', ')} stays the legacy key`,
        );
      }
      if (joinNumber && g === licenceRef) {
        m.value = { column: 'LICENCE_NUMBER', transform: 'trim' };
        m.comments.push(`the licence number, looked up in ${name}.sql`);
      }
      // A name split over two columns (OwnerFirstName, OwnerLastName) is read into scratch
      // fields and joined by a template.
      const partner = g.spec.field === 'ownerName' && g.column ? namePartner(t, g.column) : null;
      if (partner && g.column) {
        const [first, last] = partner.first ? [g.column, partner.other] : [partner.other, g.column];
        m.comments.push(
          `the owner's name is in two columns, ${first} and ${last}: read into _ownerFirst and _ownerLast and joined`,
        );
        m.value = { template: '${_ownerFirst} ${_ownerLast}' };
      }
      for (const c of m.comments) push(`      # ${c}`);
      for (const message of m.todos) todo('      ', message, path, q, g.column);
      push(`      ${g.spec.field}: ${yamlFlow(m.value)}`);
      if (partner && g.column) {
        const [first, last] = partner.first ? [g.column, partner.other] : [partner.other, g.column];
        push(`      _ownerFirst: ${yamlFlow(spec(first, null, nameSteps(t, first)))}`);
        push(`      _ownerLast: ${yamlFlow(spec(last, null, nameSteps(t, last)))}`);
      }
    }
    push('');
  }
  if (guess.unmapped.length) {
    push('# Tables not mapped to an entity (code tables and others), for reference:');
    for (const t of guess.unmapped) {
      const cols = t.profile.columns.map((c) => c.name).join(', ');
      push(`#   ${t.profile.qualified} (${plural(t.profile.rows, 'row')}): ${cols}`);
    }
  }
  while (lines[lines.length - 1] === '') lines.pop();
  // What each TODO is about, as the file has it: the comments and the line it precedes.
  for (const t of todos) {
    for (let i = t.line - 2; i >= 0 && /^\s*#/.test(lines[i]!) && !/^\s*# TODO:/.test(lines[i]!); i--)
      t.snippet.unshift(lines[i]!);
    if (t.path === 'time_zone' || t.path.split('.').length < 3) t.snippet = [];
    for (let i = t.line; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.trim() === '') break;
      if (/^\s*# TODO:/.test(line)) continue;
      t.snippet.push(line);
      if (!/^\s*#/.test(line)) break;
    }
  }
  return { text: `${lines.join('\n')}\n`, todos, queries, codeTables: codeTableList };
}

/** A licence table whose key people do not use: a unique text column named like a number. */
export function licenceNumberColumn(t: AnalysedTable): string | null {
  if (t.key.length !== 1) return null;
  const key = column(t, t.key[0]!);
  if (isTextKind(key.type.kind) && !key.autoIncrement) return null;
  const other = t.profile.columns.find(
    (c) =>
      c.name !== key.name &&
      isTextKind(c.type.kind) &&
      t.findings.get(c.name)?.key &&
      /(number|no|num|nbr)$/i.test(c.name),
  );
  return other?.name ?? null;
}

function licenceNumberQuery(
  t: AnalysedTable,
  refColumn: string,
  licence: AnalysedTable,
  number: string,
  deleted: SoftDelete | null,
  licenceDeleted: SoftDelete | null,
): string {
  const conditions = [
    deleted ? deleted.keep(`t.{${deleted.column}}`) : null,
    licenceDeleted ? licenceDeleted.keep(`l.{${licenceDeleted.column}}`) : null,
  ].filter(Boolean);
  return [
    `-- ${t.profile.qualified} with the number people know a licence by (${licence.profile.qualified}.${number}),`,
    `-- looked up by ${refColumn}. Rows whose licence is missing${licenceDeleted ? ' or deleted' : ''} are left out${deleted ? ', and so are deleted rows' : ''}.`,
    '-- {NAME} is a table or column name, quoted for the engine.',
    `SELECT t.*, l.{${number}} AS {LICENCE_NUMBER}`,
    `FROM {${t.profile.qualified}} t`,
    `JOIN {${licence.profile.qualified}} l ON l.{${licence.key[0]}} = t.{${refColumn}}`,
    ...(conditions.length ? [`WHERE ${conditions.join('\n  AND ')}`] : []),
    '',
  ].join('\n');
}

/** The steps that make a name column read well: padding away, capitals to title case. */
function nameSteps(t: AnalysedTable, name: string): string[] {
  const found = t.findings.get(name)!;
  const steps = textSteps(column(t, name), found);
  if (found.upperShare >= 0.05) steps.push('title_case');
  return steps;
}

/** OwnerFirstName -> OwnerLastName, FNAME -> LNAME: the other half of a split name. */
function namePartner(t: AnalysedTable, name: string): { other: string; first: boolean } | null {
  const firstRe = /first|given|fname|fst/i;
  const lastRe = /last|family|surname|lname|lst/i;
  for (const [mine, theirs, first] of [
    [firstRe, lastRe, true],
    [lastRe, firstRe, false],
  ] as const) {
    const m = mine.exec(name);
    if (!m) continue;
    const stem = name.slice(0, m.index).toLowerCase();
    const other = t.profile.columns.find(
      (c) => c.name !== name && theirs.test(c.name) && c.name.toLowerCase().startsWith(stem),
    );
    if (other) return { other: other.name, first };
  }
  return null;
}

// ---- code values --------------------------------------------------------------------------------

const CODE_TABLE_NAME =
  /(stat|status|type|typ|code|cod|lookup|lkp|method|tender|kind|category|cat|result|outcome|reason)/i;

/** Small tables with one key and a label that other tables refer to: the legacy code tables. */
function codeTables(guess: Guess, analysis: Analysis) {
  const referenced = new Set<string>();
  for (const t of analysis.tables)
    for (const f of t.findings.values()) if (f.references) referenced.add(f.references.table);
  const entityOf = new Map(guess.entities.map((e) => [e.table, e.entity]));
  const out: Array<{ table: AnalysedTable; name: string; code: ColumnProfile; label: ColumnProfile | null }> =
    [];
  for (const t of analysis.tables) {
    const e = entityOf.get(t);
    if (!t.profile.contents || t.key.length !== 1 || (e && e !== 'licenceType')) continue;
    if (!referenced.has(t.profile.qualified) && !e && !CODE_TABLE_NAME.test(t.profile.name)) continue;
    if (!referenced.has(t.profile.qualified) && !e && t.profile.columns.length > 4) continue;
    const code = column(t, t.key[0]!);
    const label =
      t.profile.columns.find(
        (c) => c.name !== code.name && isTextKind(c.type.kind) && !/code$/i.test(c.name),
      ) ?? null;
    out.push({ table: t, name: codeTableName(guess, analysis, t), code, label });
  }
  return out;
}

function codeTableName(guess: Guess, analysis: Analysis, t: AnalysedTable): string {
  const mapped = guess.entities.find((e) => e.table === t);
  if (mapped) return mapped.entity;
  for (const e of guess.entities) {
    for (const g of e.fields) {
      if (!g.column) continue;
      if (e.table.findings.get(g.column)?.references?.table === t.profile.qualified)
        return `${e.entity}${g.spec.field[0]!.toUpperCase()}${g.spec.field.slice(1)}`;
    }
  }
  const words = singular(normalName(t.profile.name));
  return words || 'codes';
}

function writeCodeValues(
  guess: Guess,
  analysis: Analysis,
  dialectName: DialectName,
  push: (line: string) => void,
  queries: QueryFiles,
): void {
  const tables = codeTables(guess, analysis);
  if (tables.length === 0) return;
  const dialect = dialectTable[dialectName];
  const textCodes = tables.filter((c) => isTextKind(c.code.type.kind)).length;
  const mixed = textCodes > 0 && textCodes < tables.length;
  const codeExpr = (c: ColumnProfile) => {
    const name = `{${c.name}}`;
    return mixed && !isTextKind(c.type.kind) ? dialect.decimalAsText(name) : name;
  };
  const selects = tables.map((c, i) => {
    const label = c.label ? `{${c.label.name}}` : 'NULL';
    return i === 0
      ? `SELECT '${c.name}' AS {CODE_TABLE}, ${codeExpr(c.code)} AS {CODE}, ${label} AS {LABEL} FROM {${c.table.profile.qualified}}`
      : `SELECT '${c.name}', ${codeExpr(c.code)}, ${label} FROM {${c.table.profile.qualified}}`;
  });
  queries['code-values.sql'] = [
    '-- The legacy code tables as one list of code values. {NAME} is quoted for the engine.',
    selects.join('\nUNION ALL\n'),
    '',
  ].join('\n');
  const padded = tables.some((c) => c.code.type.kind === 'char');
  const labels = tables.flatMap((c) =>
    c.label ? (c.table.profile.contents ?? []).map((r) => r[c.label!.name] ?? '') : [],
  );
  const upper =
    labels.length > 0 &&
    labels.filter((l) => /\p{L}/u.test(l) && l === l.toUpperCase()).length / labels.length >= 0.9;
  push('  codeValue:');
  push(
    `    # The code tables (${tables.map((c) => `${c.table.profile.qualified} as ${c.name}`).join(', ')}), read through code-values.sql.`,
  );
  push('    query_file: code-values.sql');
  push('    key: [CODE_TABLE, CODE]');
  push('    columns:');
  push(`      id: { template: '\${codeTable}:\${code}' }`);
  push('      codeTable: CODE_TABLE');
  push(`      code: ${padded ? '{ column: CODE, transform: trim }' : 'CODE'}`);
  push(
    `      label: { column: LABEL, transform: ${upper ? '[collapse_spaces, title_case]' : 'collapse_spaces'} }`,
  );
  push('');
}
