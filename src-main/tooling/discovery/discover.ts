// `workbench discover`: profiles a legacy database through the discovery worker, guesses the
// bridge, and writes into the output folder a draft bridge.yaml, report.html and discovery.json
// (the profiles as data, for tools and tests).
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import {
  engineOf,
  parseConnectionString,
  redactConnectionString,
} from '../../node/bridge/connection-string.ts';
import type { DialectName } from '../../node/bridge/dialects.ts';
import { BridgeFileError, type BridgeProblem, parseBridge } from '../../node/bridge/load-bridge.ts';
import { type Analysis, analyseTables, applyReferences, overlapChecks } from './analyse.ts';
import { DiscoveryClient } from './discovery-client.ts';
import { type DraftTodo, writeDraftBridge } from './draft-bridge.ts';
import { type Guess, guessMapping } from './guess.ts';
import { type DiscoveryOptions, defaultDiscoveryOptions, type TableProfile } from './profile-types.ts';
import { renderReport } from './report.ts';

export interface DiscoverRequest {
  connection: string;
  out: string;
  /** The dialect, when the driver in the connection string does not say it. */
  dialect?: DialectName;
  /** Name of the draft bridge (lower case); the output folder's name by default. */
  name?: string;
  /** The legacy system's IANA time zone; this machine's (with a TODO) when left out. */
  timeZone?: string;
  schema?: string;
  tables?: string[];
  options?: Partial<DiscoveryOptions>;
  /** Where bridges/bridge.schema.json is, for the editor hint in the draft. */
  schemaFile?: string;
  workerPath?: string;
  onCatalog?: (tables: Array<{ name: string; columns: number }>) => void;
  onProgress?: (table: string, column: number, columns: number) => void;
  onTable?: (profile: TableProfile) => void;
  onPhase?: (phase: 'relations' | 'writing') => void;
}

export interface DiscoverResult {
  out: string;
  bridgeFile: string;
  reportFile: string;
  dataFile: string;
  /** Query files written beside the draft (file names). */
  queryFiles: string[];
  tables: number;
  entities: Array<{ entity: string; table: string; mapped: number; fields: number }>;
  missing: string[];
  todos: DraftTodo[];
  problems: BridgeProblem[];
  seconds: number;
}

export async function discover(request: DiscoverRequest): Promise<DiscoverResult> {
  const started = performance.now();
  const parts = parseConnectionString(request.connection);
  const dialect = request.dialect ?? engineOf(parts);
  if (!dialect) {
    throw new WorkbenchError('invalid_input', errorText('discovery.no_dialect', {}));
  }
  if (request.timeZone) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: request.timeZone });
    } catch {
      throw new WorkbenchError(
        'invalid_input',
        errorText('discovery.bad_time_zone', { timeZone: request.timeZone }),
      );
    }
  }
  const options = { ...defaultDiscoveryOptions, ...request.options };
  const source = redactConnectionString(request.connection);
  const client = new DiscoveryClient(request.workerPath ? { workerPath: request.workerPath } : {});
  let profiles: TableProfile[];
  let analysis: Analysis;
  try {
    profiles = await client.profile(
      {
        connection: request.connection,
        dialect,
        ...(request.schema ? { schema: request.schema } : {}),
        ...(request.tables?.length ? { tables: request.tables } : {}),
        options,
      },
      {
        ...(request.onCatalog ? { onCatalog: request.onCatalog } : {}),
        ...(request.onProgress ? { onProgress: request.onProgress } : {}),
        ...(request.onTable ? { onTable: request.onTable } : {}),
      },
    );
    if (profiles.length === 0) {
      throw new WorkbenchError('not_found', errorText('discovery.no_tables', {}));
    }
    analysis = analyseTables(profiles);
    request.onPhase?.('relations');
    const checks = overlapChecks(analysis);
    if (checks.length)
      applyReferences(
        analysis,
        await client.overlaps({ connection: request.connection, dialect, checks }),
        checks,
      );
  } finally {
    client.close();
  }
  request.onPhase?.('writing');
  const guess = guessMapping(analysis);

  mkdirSync(request.out, { recursive: true });
  const bridgeFile = join(request.out, 'bridge.yaml');
  const reportFile = join(request.out, 'report.html');
  const dataFile = join(request.out, 'discovery.json');
  const generatedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const name = bridgeName(request.name ?? basename(request.out));
  const draft = writeDraftBridge(guess, analysis, {
    name,
    title: `${name} (draft from discovery)`,
    timeZone: request.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    timeZoneGiven: !!request.timeZone,
    dialect,
    writeDialect: !!request.dialect && request.dialect !== engineOf(parts),
    schemaRef: request.schemaFile ? schemaReference(request.out, request.schemaFile) : null,
    source,
    generatedAt,
  });
  for (const [file, text] of Object.entries(draft.queries)) writeFileSync(join(request.out, file), text);
  let problems: BridgeProblem[] = [];
  try {
    parseBridge(draft.text, bridgeFile);
  } catch (err) {
    if (!(err instanceof BridgeFileError)) throw err;
    problems = err.problems;
  }
  writeFileSync(bridgeFile, draft.text);
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(
    reportFile,
    renderReport({
      analysis,
      guess,
      todos: draft.todos,
      problems,
      bridgeFileName: 'bridge.yaml',
      codeTables: draft.codeTables,
      source,
      engine: dialect,
      generatedAt,
      seconds,
      options,
    }),
  );
  writeFileSync(
    dataFile,
    `${JSON.stringify(discoveryData(analysis, guess, draft.todos, source, dialect), null, 2)}\n`,
  );
  return {
    out: request.out,
    bridgeFile,
    reportFile,
    dataFile,
    queryFiles: Object.keys(draft.queries),
    tables: analysis.tables.length,
    entities: guess.entities.map((e) => ({
      entity: e.entity,
      table: e.table.profile.qualified,
      mapped: e.fields.filter((f) => f.column).length,
      fields: e.fields.length,
    })),
    missing: guess.missing,
    todos: draft.todos,
    problems,
    seconds,
  };
}

/** The JSON Schema for editors: relative when the draft sits in the project, else absolute. */
function schemaReference(out: string, schemaFile: string): string {
  const rel = relative(resolve(out), schemaFile).split(sep).join('/');
  return rel.startsWith('../../../') || isAbsolute(rel) ? pathToFileURL(schemaFile).href : rel;
}

/** A bridge name from a folder name: lower-case letters, digits and dashes. */
export function bridgeName(text: string): string {
  const name = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z0-9]/.test(name) ? name : 'draft';
}

/** The profiles and findings as plain data (discovery.json). */
function discoveryData(
  analysis: Analysis,
  guess: Guess,
  todos: DraftTodo[],
  source: string,
  dialect: string,
) {
  return {
    source,
    dialect,
    tables: analysis.tables.map((t) => ({
      table: t.profile.qualified,
      rows: t.profile.rows,
      key: t.key,
      keySource: t.keySource,
      error: t.profile.error,
      entity: guess.entities.find((e) => e.table === t)?.entity ?? null,
      columns: t.profile.columns.map((c) => {
        const f = t.findings.get(c.name)!;
        return {
          name: c.name,
          type: c.type,
          nullable: c.nullable,
          rows: c.rows,
          nonNull: c.nonNull,
          blank: c.blank,
          distinct: c.distinct,
          distinctEstimated: c.distinctEstimated,
          min: c.min,
          max: c.max,
          top: c.top,
          date: f.date,
          timestamp: f.timestamp,
          placeholders: f.placeholders,
          padding: f.padding,
          upperCase: f.upperCase,
          flag: f.flag,
          codes: f.codes,
          money: f.money,
          key: f.key,
          references: f.references,
          labels: f.labels,
          notes: c.notes,
        };
      }),
    })),
    entities: guess.entities.map((e) => ({
      entity: e.entity,
      table: e.table.profile.qualified,
      reason: e.reason,
      fields: e.fields.map((f) => ({ field: f.spec.field, column: f.column, reason: f.reason })),
    })),
    missing: guess.missing,
    todos,
  };
}
