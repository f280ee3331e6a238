// `workbench bridge check`: loads and validates a bridge file, then reads a few rows of every
// entity it maps through the real bridge worker (the same read a sync makes, with a limit) and
// reports, per entity, the rows read, the records made, the data issues by field with examples,
// and the rows refused. A bridge passes when the file is valid and every entity reads without a
// refused row.
import { readFileSync } from 'node:fs';
import { type EntityName, entityNames } from '../../common/model.ts';
import { redactConnectionString } from '../bridge/connection-string.ts';
import { BridgeFileError, type BridgeProblem, loadBridge } from '../bridge/load-bridge.ts';
import { redactSecrets } from '../bridge/odbc-errors.ts';
import type { DataIssue } from '../bridge/read-plan.ts';
import { BridgeWorkerClient } from '../bridge/worker-client.ts';

export interface FieldIssues {
  field: string;
  count: number;
  examples: Array<{ recordId: string | null; value: string | null; problem: string }>;
}

export interface EntityCheck {
  entity: EntityName;
  source: string;
  ok: boolean;
  rows: number;
  records: number;
  rejected: number;
  issues: FieldIssues[];
  /** The legacy database's refusal (the driver's message), when the read failed. */
  error: string | null;
  seconds: number;
}

export interface BridgeCheckResult {
  file: string;
  ok: boolean;
  /** Problems in the file itself (file:line:column), from the loader. */
  problems: BridgeProblem[];
  /** `# TODO` comments still in the file: reminders, not failures. */
  todos: Array<{ line: number; text: string }>;
  connection: string;
  rowsPerEntity: number;
  entities: EntityCheck[];
}

export interface CheckOptions {
  file: string;
  connection: string;
  /** Rows read per entity. */
  rows: number;
  workerPath?: string;
  onEntity?: (check: EntityCheck) => void;
}

const MAX_EXAMPLES = 3;

export function todoComments(text: string): Array<{ line: number; text: string }> {
  return text
    .split('\n')
    .map((l, i) => ({ line: i + 1, m: /(?:^|\s)#\s*TODO:\s*(.*)$/.exec(l) }))
    .filter((x) => x.m)
    .map((x) => ({ line: x.line, text: x.m![1]!.trim() }));
}

export async function checkBridge(options: CheckOptions): Promise<BridgeCheckResult> {
  const result: BridgeCheckResult = {
    file: options.file,
    ok: false,
    problems: [],
    todos: [],
    connection: redactConnectionString(options.connection),
    rowsPerEntity: options.rows,
    entities: [],
  };
  try {
    result.todos = todoComments(readFileSync(options.file, 'utf8'));
  } catch {
    // reported by the loader below
  }
  let definition;
  try {
    definition = loadBridge(options.file).definition;
  } catch (err) {
    if (!(err instanceof BridgeFileError)) throw err;
    result.problems = err.problems;
    return result;
  }
  const client = new BridgeWorkerClient(options.workerPath ? { workerPath: options.workerPath } : {});
  try {
    for (const entity of entityNames) {
      const mapping = definition.entities[entity];
      if (!mapping) continue;
      const started = performance.now();
      const check: EntityCheck = {
        entity,
        source: mapping.table ?? mapping.query_file ?? '(query)',
        ok: false,
        rows: 0,
        records: 0,
        rejected: 0,
        issues: [],
        error: null,
        seconds: 0,
      };
      const byField = new Map<string, FieldIssues>();
      const collect = (issues: DataIssue[]) => {
        for (const issue of issues) {
          let f = byField.get(issue.field);
          if (!f) byField.set(issue.field, (f = { field: issue.field, count: 0, examples: [] }));
          f.count++;
          if (f.examples.length < MAX_EXAMPLES)
            f.examples.push({ recordId: issue.recordId, value: issue.value, problem: issue.problem });
        }
      };
      try {
        const read = await client.read(
          { bridgeFile: options.file, connection: options.connection, entity, limit: options.rows },
          (records, issues) => {
            check.records += records.length;
            collect(issues);
          },
        );
        check.rows = read.rows;
        check.rejected = read.rejected;
        check.ok = read.rejected === 0;
      } catch (err) {
        check.error = redactSecrets(err instanceof Error ? err.message : String(err), options.connection);
      }
      check.issues = [...byField.values()].sort((a, b) => b.count - a.count);
      check.seconds = (performance.now() - started) / 1000;
      result.entities.push(check);
      options.onEntity?.(check);
    }
  } finally {
    client.close();
  }
  result.ok = result.entities.length > 0 && result.entities.every((e) => e.ok);
  return result;
}
