// Applies one outbox entry to the legacy database, inside the bridge worker, in one legacy
// transaction: journal lookup, locking re-read, compare with what the clerk saw, the bridge's
// statements, the journal row, COMMIT; then a re-read of what changed, for the desk's cache.
// See src-main/node/sync/README.md for the whole story, in-doubt entries included.
import type odbc from 'odbc';
import { changedFields } from '../../common/replay-rules.ts';
import type { EntityName } from '../../common/model.ts';
import { keyField } from '../cache/canonical-tables.ts';
import type { BridgeFile, CommandParam } from './bridge-schema.ts';
import { bindParams, CommandBindError, elementValues, type ParamValue } from './command-params.ts';
import { type Dialect, expandIdentifiers } from './dialects.ts';
import { journalSql } from './journal.ts';
import { driverMessageOneLine, isConnectionLost, isRefusal } from './odbc-errors.ts';
import { buildReadPlan } from './read-plan.ts';
import type { ApplyOperation, ApplyOutcome } from './worker-protocol.ts';

/** Why an apply failed, and whether its transaction may have committed. */
export class ApplyError extends Error {
  readonly committed: 'none' | 'unknown';
  readonly origin: unknown;
  constructor(message: string, committed: 'none' | 'unknown', cause?: unknown) {
    super(message);
    this.committed = committed;
    this.origin = cause;
  }
}

type Options = {
  timeout?: number;
  /**
   * A connection other than `connection`, for the evidence after COMMIT (see confirmCommitted).
   * Released by the caller's `done`.
   */
  evidence: () => Promise<{ connection: odbc.Connection; done: (healthy: boolean) => void }>;
};
/**
 * The legacy database will not take this change as it is (a statement that changed other than the
 * rows it must): parked for a person like a refusal by SQLSTATE (see isRefusal).
 */
class Refusal extends Error {}

type Row = Record<string, unknown>;
type Current = Array<{ entity: EntityName; id: string; record: Record<string, unknown> | null }>;
type Records = Array<{ entity: EntityName; record: Record<string, unknown> }>;

/** Failures worth trying again at once: deadlocks, serialization failures, a number taken meanwhile. */
const RETRIES = 3;
function isTransient(err: unknown): boolean {
  const states = ((err as { odbcErrors?: Array<{ state?: string }> })?.odbcErrors ?? []).map(
    (e) => e.state ?? '',
  );
  return states.some((s) => s.startsWith('40') || s === '23505' || s === '23000');
}

export async function applyOperation(
  connection: odbc.Connection,
  bridge: BridgeFile,
  dialect: Dialect,
  op: ApplyOperation,
  options: Options,
): Promise<ApplyOutcome> {
  const command = bridge.commands?.[op.command];
  if (!command) throw new ApplyError(`The bridge has no "${op.command}" command.`, 'none');
  const statementOptions = options.timeout !== undefined ? { timeout: options.timeout } : {};
  const queryOn =
    (on: odbc.Connection) =>
    async (sql: string, params: ParamValue[] = []): Promise<Row[]> => [
      ...((await on.query(sql, params as (string | number)[], statementOptions)) as unknown as Row[]),
    ];
  const q = queryOn(connection);

  // Is the journal there? Asked outside the transaction: on PostgreSQL a failed statement would
  // spoil the transaction it ran in.
  const journal = await q(journalSql.probe(dialect)).then(
    () => true,
    (err: unknown) => {
      if (isConnectionLost(err)) throw new ApplyError(lost(err), 'none', err);
      return false;
    },
  );

  // The records as the locking re-read found them, for a conflict or a refusal.
  let current: Current | undefined;
  // Which run of a repeated statement (for_each) was under way, to name it when the run is refused.
  let running: string | undefined;
  for (let attempt = 1; ; attempt++) {
    let committing = false;
    current = undefined;
    running = undefined;
    try {
      await connection.beginTransaction();
      const outcome = await inTransaction();
      if (outcome.kind === 'conflict') {
        await connection.rollback();
        return outcome;
      }
      if (outcome.via !== 'commit') {
        await connection.rollback();
        outcome.records = await rereadAfter(outcome.result);
        return outcome;
      }
      committing = true;
      await connection.commit();
      // The driver says committed. That is not taken as proof (issue 11: psqlODBC answered
      // SQLEndTran with success for transactions PostgreSQL never committed): the entry is settled
      // applied, and its legacy numbers adopted, only once another connection sees its effect.
      outcome.records = await confirmCommitted(outcome.result);
      committing = false;
      return outcome;
    } catch (err) {
      if (err instanceof ApplyError && err.committed === 'unknown') throw err;
      if (committing) {
        throw new ApplyError(
          `The legacy database did not confirm the change (${driverMessageOneLine(err)}); it will be checked, not sent again.`,
          'unknown',
          err,
        );
      }
      await connection.rollback().catch(() => {});
      if (err instanceof ApplyError) throw err;
      if (isConnectionLost(err)) throw new ApplyError(lost(err), 'none', err);
      if (attempt < RETRIES && isTransient(err)) continue;
      if (err instanceof Refusal || isRefusal(err)) return refused(err);
      throw new ApplyError(
        `The legacy database refused the change${running ? ` (${running})` : ''}: ${driverMessageOneLine(err)}`,
        'none',
        err,
      );
    }
  }

  async function inTransaction(): Promise<ApplyOutcome> {
    // The locking re-read of every record the command read, first: should another process still
    // be committing this very operation (a killed desk's worker), we wait for it here, and the
    // journal or the check below then sees its effect.
    const now: Current = [];
    for (const base of op.base)
      now.push({ entity: base.entity, id: base.id, record: await reread(base.entity, base.id, true) });
    current = now;
    if (journal) {
      const found = await q(journalSql.lookup(dialect), [op.operationId]);
      if (found.length > 0) {
        const text = String(Object.values(found[0]!)[0] ?? '{}');
        return { kind: 'already_applied', via: 'journal', result: parseResult(text), records: [] };
      }
    }

    if (op.inDoubt && !journal) {
      const check = command!.applied_check;
      if (!check) {
        return { kind: 'conflict', conflict: 'in_doubt', current: now, changed: [] };
      }
      const claimed = new Set(op.claimed);
      const candidates = (await appliedCheck(q)).filter((v) => !check.into || !claimed.has(String(v)));
      if (candidates.length > 0) {
        const result = check.into ? { [check.into]: candidates[0]! } : {};
        return { kind: 'already_applied', via: 'check', result, records: [] };
      }
    }

    const changed: string[] = [];
    for (const [i, c] of now.entries()) {
      if (c.record === null) return { kind: 'conflict', conflict: 'gone', current: now, changed };
      changed.push(...changedFields(op.command, op.base[i]!.record, c.record));
    }
    if (changed.length > 0) return { kind: 'conflict', conflict: 'changed', current: now, changed };

    const values: Record<string, unknown> = { ...op.payload, operationId: op.operationId, actor: op.actor };
    const result: Record<string, string | number | null> = {};
    for (const [i, statement] of command!.statements.entries()) {
      if ('query' in statement) {
        const rows = await q(expandIdentifiers(statement.query, dialect), bind(statement.params, values));
        const value = rows.length ? scalar(Object.values(rows[0]!)[0]) : null;
        values[statement.into] = value;
        result[statement.into] = value;
        continue;
      }
      const sql = expandIdentifiers(statement.sql, dialect);
      const list = statement.for_each;
      if (list === undefined) {
        await write(sql, statement, bind(statement.params, values), `Statement ${i + 1} of ${op.command}`);
        continue;
      }
      // Once per element of the payload list, in order, in this same transaction: a run that fails
      // rolls every run and statement back with it.
      const elements = values[list] ?? [];
      if (!Array.isArray(elements))
        throw new CommandBindError(
          `${list} is not a list, so statement ${i + 1} cannot run for each element`,
        );
      for (const [k, element] of elements.entries()) {
        const where = `Statement ${i + 1} of ${op.command}, for ${list} #${k + 1} of ${elements.length}`;
        running = where;
        const runValues = { ...values, ...elementValues(list, element, k + 1) };
        await write(sql, statement, bind(statement.params, runValues), where);
        running = undefined;
      }
    }
    if (journal) {
      await q(journalSql.insert(dialect), [
        op.operationId,
        op.deskId.slice(0, 64),
        op.command,
        op.actor.slice(0, 128),
        new Date().toISOString(),
        JSON.stringify(result),
      ]);
    }
    return { kind: 'applied', via: 'commit', result, records: [] };
  }

  /** One run of a write statement; refused (nothing written) when it changed other than `expect_rows` rows. */
  async function write(
    sql: string,
    statement: { expect_rows?: number | undefined },
    params: ParamValue[],
    where: string,
  ): Promise<void> {
    const done = (await connection.query(
      sql,
      params as (string | number)[],
      statementOptions,
    )) as unknown as { count?: number };
    if (statement.expect_rows !== undefined && done.count !== statement.expect_rows) {
      throw new Refusal(
        `${where} changed ${done.count ?? 0} rows where ${statement.expect_rows} were expected, so nothing was written.`,
      );
    }
  }

  /**
   * Positive evidence, read on a connection other than the one that committed, that the legacy
   * database holds this operation: its journal row, else the bridge's applied_check finding its
   * effect (for a command that numbers a record, the very number this transaction took). Returns
   * the re-read records for the cache; throws an in-doubt ApplyError when the evidence is missing
   * or cannot be read, so the entry is settled later by re-reading, never taken as applied.
   */
  async function confirmCommitted(result: Record<string, string | number | null>): Promise<Records> {
    let other: Awaited<ReturnType<Options['evidence']>> | undefined;
    let healthy = false;
    try {
      other = await options.evidence();
      const ask = queryOn(other.connection);
      let seen: boolean;
      if (journal) {
        seen = (await ask(journalSql.lookup(dialect), [op.operationId])).length > 0;
      } else if (command!.applied_check) {
        const check = command!.applied_check;
        const found = await appliedCheck(ask);
        seen = check.into ? found.some((v) => String(v) === String(result[check.into!])) : found.length > 0;
      } else {
        throw new ApplyError(
          `The legacy database said it committed ${op.command}, and the bridge has neither the operation journal nor an applied_check to confirm it; a person must check it.`,
          'unknown',
        );
      }
      if (!seen) {
        throw new ApplyError(
          `The legacy database said it committed the change, but another connection does not see it; it will be checked, not sent again.`,
          'unknown',
        );
      }
      const records = await rereadAfter(result, ask);
      healthy = true;
      return records;
    } catch (err) {
      if (err instanceof ApplyError) throw err;
      throw new ApplyError(
        `The legacy database said it committed the change, but it could not be confirmed (${driverMessageOneLine(err)}); it will be checked, not sent again.`,
        'unknown',
        err,
      );
    } finally {
      other?.done(healthy);
    }
  }

  /**
   * The bridge's applied_check for this operation: the values its query finds (for a command that
   * numbers a record, the numbers of the records that match the payload).
   */
  async function appliedCheck(ask: typeof q): Promise<Array<string | number | null>> {
    const check = command!.applied_check!;
    const rows = await ask(expandIdentifiers(check.query, dialect), bind(check.params, op.payload));
    return rows.map((r) => scalar(Object.values(r)[0]));
  }

  /** The change refused: parked for a person with the legacy database's own words. */
  function refused(err: unknown): ApplyOutcome {
    const words = driverMessageOneLine(err);
    const message = err instanceof Refusal ? err.message : running ? `${running}: ${words}` : words;
    return {
      kind: 'conflict',
      conflict: 'refused',
      current: current ?? op.base.map((b) => ({ entity: b.entity, id: b.id, record: b.record })),
      changed: [],
      message,
    };
  }

  function bind(params: CommandParam[], values: Record<string, unknown>): ParamValue[] {
    return bindParams(params, { ...values, operationId: op.operationId, actor: op.actor }, bridge.time_zone);
  }

  async function reread(
    entity: EntityName,
    id: string | number,
    lock: boolean,
    ask = q,
  ): Promise<Record<string, unknown> | null> {
    const mapping = bridge.entities[entity];
    if (!mapping?.table)
      throw new ApplyError(`The bridge maps ${entity} from a query, so it cannot be written.`, 'none');
    const plan = buildReadPlan(bridge, entity, mapping, dialect);
    const sql = lock ? plan.rereadSql : plan.rereadSql.replace(dialect.lockingSuffix, '');
    const rows = await ask(sql, [id]);
    if (rows.length === 0) return null;
    return plan.toRecord(rows[0] as never, []) ?? { [keyField(entity)]: String(id) };
  }

  /** The legacy rows as they are now, for the desk's cache: the records read, and the one made. */
  async function rereadAfter(result: Record<string, string | number | null>, ask = q): Promise<Records> {
    const out: Records = [];
    for (const base of op.base) {
      const record = await reread(base.entity, base.id, false, ask);
      if (record) out.push({ entity: base.entity, record });
    }
    const key = command!.result_key ? result[command!.result_key] : undefined;
    if (key !== undefined && key !== null) {
      const record = await reread(command!.entity, key, false, ask);
      if (record) out.push({ entity: command!.entity, record });
    }
    return out;
  }
}

function lost(err: unknown): string {
  return `The connection to the legacy database was lost before the change was committed (${driverMessageOneLine(err)}); it stays waiting on this desk.`;
}

/** A driver value as a plain number or text: BigInt made a number where it fits, else kept exact as text. */
function scalar(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (typeof v === 'number') return v;
  const text = String(v).trim();
  // Whole numbers come back as text from some drivers; kept as numbers so they bind as the key they are.
  return /^(0|-?[1-9]\d{0,14})$/.test(text) ? Number(text) : text;
}

function parseResult(text: string): Record<string, string | number | null> {
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string | number | null>) : {};
  } catch {
    return {};
  }
}
