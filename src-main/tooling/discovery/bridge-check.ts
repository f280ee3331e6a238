// `workbench bridge check`: loads and validates a bridge file, then reads a few rows of every
// entity it maps through the real bridge worker (the same read a sync makes, with a limit) and
// reports, per entity, the rows read, the records made, the data issues by field with examples,
// and the rows refused. A bridge passes when the file is valid and every entity reads without a
// refused row.
import { readFileSync } from 'node:fs';
import { type EntityName, entityNames } from '../../common/model.ts';
import { redactConnectionString } from '../../node/bridge/connection-string.ts';
import { BridgeFileError, type BridgeProblem, loadBridge } from '../../node/bridge/load-bridge.ts';
import { redactSecrets } from '../../node/bridge/odbc-errors.ts';
import type { DataIssue } from '../../node/bridge/read-plan.ts';
import { BridgeWorkerClient } from '../../node/bridge/worker-client.ts';

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
  /**
   * For a bridge that writes (has commands): whether the legacy database has the operation
   * journal, and a warning in words when it does not (null when the bridge only reads).
   */
  journal: JournalCheck | null;
}

export interface JournalCheck {
  /** The bridge's write commands. */
  commands: string[];
  /** Write commands without an applied_check: without the journal, a lost answer is a person's to check. */
  withoutAppliedCheck: string[];
  installed: boolean | null;
  table: string | null;
  /** Why the answer is not known, when the journal could not be asked. */
  error: string | null;
  warning: string | null;
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
    journal: null,
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
    result.journal = await checkJournal(client, options, definition);
  } finally {
    client.close();
  }
  result.ok = result.entities.length > 0 && result.entities.every((e) => e.ok);
  return result;
}

/**
 * A bridge with writes and no operation journal still replays each change once when the answer
 * comes; when an answer is lost (a dropped connection after COMMIT) it can only re-read, by each
 * command's applied_check, or leave the change for a person. Said here, where IT looks first.
 */
async function checkJournal(
  client: BridgeWorkerClient,
  options: CheckOptions,
  definition: ReturnType<typeof loadBridge>['definition'],
): Promise<JournalCheck | null> {
  const commands = Object.entries(definition.commands ?? {});
  if (commands.length === 0) return null;
  const check: JournalCheck = {
    commands: commands.map(([name]) => name),
    withoutAppliedCheck: commands.filter(([, c]) => !c?.applied_check).map(([name]) => name),
    installed: null,
    table: null,
    error: null,
    warning: null,
  };
  try {
    const status = await client.journal({
      bridgeFile: options.file,
      connection: options.connection,
      action: 'status',
    });
    check.installed = status.installed;
    check.table = status.table;
  } catch (err) {
    check.error = redactSecrets(err instanceof Error ? err.message : String(err), options.connection);
  }
  if (check.installed !== true) {
    const unchecked = check.withoutAppliedCheck.length
      ? ` ${check.withoutAppliedCheck.join(', ')} ${check.withoutAppliedCheck.length === 1 ? 'has' : 'have'} no applied_check: such a change is left for a person to check.`
      : ' Every command has an applied_check to re-read by.';
    check.warning =
      `${check.installed === false ? 'The legacy database has no operation journal' : 'Whether the legacy database has the operation journal could not be told'}` +
      ` (${check.table ?? 'WB_JOURNAL'}), and this bridge writes (${check.commands.length} commands). Replay is then exactly-once only` +
      ` where re-reading can tell whether a change whose answer was lost reached the legacy database.${unchecked}` +
      ` Install the journal with "workbench bridge install-journal ${definition.name}" if the DBA allows one table.`;
  }
  return check;
}
