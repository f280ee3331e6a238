// The bridge worker: a child process that owns every ODBC call, so a driver that crashes or hangs
// takes this process down, never the desk. Started by worker-client.ts (Node) or the Electron
// shell; speaks worker-protocol.ts over the IPC channel. Connections are kept between reads and
// health-checked before reuse (connection-cache.ts); one that failed is never used again.
import type odbc from 'odbc';
import { ApplyError, applyOperation } from './apply-command.ts';
import { ConnectionCache, DriverHangError, type Lease } from './connection-cache.ts';
import { JOURNAL_TABLE, journalSql } from './journal.ts';
import {
  engineOf,
  formatConnectionString,
  getPart,
  parseConnectionString,
  withPart,
} from './connection-string.ts';
import { type DialectName, dialectTable } from './dialects.ts';
import { type LoadedBridge, loadBridge } from './load-bridge.ts';
import {
  driverMessage,
  driverMessageOneLine,
  isConnectionLost,
  isStatementTimeout,
  redactSecrets,
  sentence,
} from './odbc-errors.ts';
import { buildReadPlan, type DataIssue, type ReadPlan } from './read-plan.ts';
import type { Dialect } from './dialects.ts';
import type { Raw } from './transforms.ts';
import {
  type ApplyRequest,
  defaultWorkerSettings,
  type HostMessage,
  type JournalRequest,
  type PingRequest,
  type ReadRequest,
  type WorkerErrorCode,
  type WorkerMessage,
  type WorkerSettings,
} from './worker-protocol.ts';

const send = (m: WorkerMessage) => process.send?.(m);

let settings: WorkerSettings = defaultWorkerSettings;
const connections = new ConnectionCache(() => settings);

interface Flow {
  credits: number;
  cancelled: boolean;
  wake: (() => void) | null;
}
const flows = new Map<number, Flow>();

process.on('message', (m: HostMessage) => {
  if (m.t === 'configure') {
    settings = { ...defaultWorkerSettings, ...m.settings };
  } else if (m.t === 'read') {
    const flow: Flow = { credits: 2, cancelled: false, wake: null };
    flows.set(m.id, flow);
    read(m, flow).finally(() => {
      flows.delete(m.id);
      retireIfWedged();
    });
  } else if (m.t === 'ping') {
    ping(m).finally(retireIfWedged);
  } else if (m.t === 'apply') {
    apply(m).finally(retireIfWedged);
  } else if (m.t === 'journal') {
    journal(m).finally(retireIfWedged);
  } else {
    const flow = flows.get(m.id);
    if (!flow) return;
    if (m.t === 'credit') flow.credits += m.n;
    else flow.cancelled = true;
    flow.wake?.();
  }
});
process.on('disconnect', () => {
  connections.closeAll();
  process.exit(0);
});

let retiring = false;
/** A driver call this process gave up on still holds one of its threads: ask to be replaced. */
function retireIfWedged(): void {
  if (retiring || connections.abandoned === 0) return;
  retiring = true;
  send({ t: 'retire', reason: 'a driver call did not return' });
}

/** An error already worded for a person. */
class LegacyError extends Error {}

interface Target {
  definition: LoadedBridge['definition'];
  dialectName: DialectName;
  /** The connection string as the worker opens it: the desk's, plus the dialect's streaming options. */
  connectionString: string;
}

function targetOf(bridgeFile: string, connection: string): Target {
  const { definition } = loadBridge(bridgeFile);
  const parts = parseConnectionString(connection);
  const dialectName = definition.dialect ?? engineOf(parts);
  if (!dialectName) {
    throw new ConfigError('The connection string names no known driver; set "dialect" in the bridge file.');
  }
  let streaming = parts;
  for (const [key, value] of Object.entries(
    dialectTable[dialectName].streamingOptions(definition.fetch_size),
  )) {
    if (getPart(streaming, key) === undefined) streaming = withPart(streaming, key, value);
  }
  return { definition, dialectName, connectionString: formatConnectionString(streaming) };
}

class ConfigError extends Error {}

/**
 * Server connections are kept between reads; an SQLite file is not: opening it costs nothing, and
 * a handle kept open would hold on to a file IT replaces (on Windows, keep it from being replaced).
 */
const keepsConnections = (target: Target) => target.dialectName !== 'sqlite';

const KEEPS_WORKING = 'The desk keeps working from its cache.';

async function connect(target: Target): Promise<Lease> {
  try {
    return await connections.acquire(target.connectionString, target.dialectName);
  } catch (err) {
    const said = err instanceof DriverHangError ? err.message : driverMessageOneLine(err);
    throw new LegacyError(
      `Could not connect to the legacy database: ${sentence(said)} ${KEEPS_WORKING} ` +
        'Check that the legacy database is running and that this computer can reach it on the network, then try again.',
    );
  }
}

/** The statement options that carry the statement timeout, when there is one. */
type Timed = { timeout?: number };
const timed = (): Timed =>
  settings.statementTimeoutSec > 0 ? { timeout: settings.statementTimeoutSec } : {};

async function read(req: ReadRequest, flow: Flow): Promise<void> {
  let lease: Lease | undefined;
  let healthy = false;
  let rows = 0;
  let rejected = 0;
  let source: string = req.entity;
  let keep = false;
  try {
    const target = targetOf(req.bridgeFile, req.connection);
    keep = keepsConnections(target);
    const mapping = target.definition.entities[req.entity];
    if (!mapping) throw new ConfigError(`The bridge does not map ${req.entity}.`);
    const dialect = dialectTable[target.dialectName];
    const plan = buildReadPlan(target.definition, req.entity, mapping, dialect);
    source = plan.source;
    const select = req.select ?? 'records';
    if (select === 'mark' && !plan.markSql)
      throw new ConfigError(`The bridge names no changes column for ${req.entity}.`);
    lease = await connect(target);
    send({ t: 'connected', id: req.id, reused: lease.reused });
    const connection = lease.connection;
    // Each batch waits for a credit: the host's cache writes set the pace of the fetching.
    const sendBatch = async (records: Record<string, unknown>[], issues: DataIssue[]) => {
      while (flow.credits <= 0 && !flow.cancelled) await new Promise<void>((r) => (flow.wake = r));
      flow.credits--;
      send({ t: 'batch', id: req.id, records, issues });
    };
    if (select === 'mark') {
      const result = await connection.query<Record<string, unknown>, Timed>(plan.markSql!, timed());
      const first = result[0] ?? {};
      const mark = plan.toMark(first.M ?? first.m ?? null, result.columns?.[0]?.dataType);
      rows = result.length;
      await sendBatch(mark ? [{ ...mark }] : [], []);
    } else {
      if (select === 'records' && !req.limit && !req.since && !req.ranges) {
        // The row count first, so the person watching a long refresh sees how far along it is.
        const counted = await connection
          .query<{ N: unknown; n: unknown }, Timed>(plan.countSql, timed())
          .catch((err: unknown) => {
            if (isConnectionLost(err)) throw err;
            return null;
          });
        const total = Number(counted?.[0]?.N ?? counted?.[0]?.n);
        if (Number.isFinite(total)) send({ t: 'total', id: req.id, total });
      }
      const changed = req.since ? plan.changedSince(req.since) : null;
      const queries: BatchQuery[] =
        select === 'keys'
          ? [{ sql: plan.keys.sql, page: plan.keys.pageSql }]
          : req.ranges
            ? req.ranges.map((range) => {
                const inRange = plan.inKeyRange(range);
                return {
                  sql: plan.selectSql({ where: inRange }),
                  page: (after, n) => plan.pageSql(after, n, inRange),
                };
              })
            : [
                {
                  // Chunks hash rows in key order.
                  sql: plan.selectSql({ where: changed, ordered: select === 'chunks' }),
                  page: (after, n) => plan.pageSql(after, n, changed),
                },
              ];
      const chunker = select === 'chunks' ? plan.chunker(req.chunkSize ?? 5000) : null;
      for (const query of queries) {
        const batches = fetchBatches(
          connection,
          query,
          plan.keyAliases,
          dialect,
          target.definition.fetch_size,
          req.limit,
        );
        for await (const fetched of batches) {
          if (flow.cancelled) break;
          const records: Record<string, unknown>[] = [];
          const issues: DataIssue[] = [];
          for (const row of fetched) {
            if (select === 'keys') {
              const id = plan.keys.toKey(row);
              if (id !== null) records.push({ id });
            } else if (chunker) {
              const chunk = chunker.add(row);
              if (chunk) records.push({ ...chunk });
            } else {
              const record = plan.toRecord(row, issues);
              if (record) records.push(record);
              else rejected++;
            }
          }
          rows += fetched.length;
          if (records.length > 0 || issues.length > 0 || select === 'records')
            await sendBatch(records, issues);
        }
        if (flow.cancelled) break;
      }
      if (chunker && !flow.cancelled) await sendBatch([{ ...chunker.finish() }], []);
    }
    // A read stopped part-way may leave the driver mid-transaction (psqlODBC's declare/fetch):
    // that connection is closed rather than kept.
    healthy = !flow.cancelled;
    send({ t: 'done', id: req.id, rows, rejected });
  } catch (err) {
    sendError(req.id, err, req.connection, `the read of ${req.entity} (${source})`);
  } finally {
    if (lease) connections.release(lease, healthy && keep);
  }
}

async function ping(req: PingRequest): Promise<void> {
  const started = performance.now();
  let lease: Lease | undefined;
  try {
    const target = targetOf(req.bridgeFile, req.connection);
    lease = await connect(target);
    send({ t: 'pong', id: req.id, ms: Math.round(performance.now() - started), reused: lease.reused });
    connections.release(lease, keepsConnections(target));
  } catch (err) {
    sendError(req.id, err, req.connection, 'the connection check');
  }
}

/**
 * One outbox entry, in one legacy transaction (apply-command.ts), confirmed after COMMIT on a second
 * connection. The connection that ran the transaction is closed afterwards, whatever the outcome:
 * the driver's own view of its transaction state is exactly what cannot be trusted after a failure
 * (node-odbc leaves autocommit off when SQLEndTran fails; psqlODBC can believe no transaction is
 * open while the server holds one), and a connection in that state would carry the next entry's
 * statements into a transaction that is never committed.
 */
async function apply(req: ApplyRequest): Promise<void> {
  let lease: Lease | undefined;
  let keep = false;
  try {
    const target = targetOf(req.bridgeFile, req.connection);
    keep = keepsConnections(target);
    lease = await connect(target);
    send({ t: 'connected', id: req.id, reused: lease.reused });
    const outcome = await applyOperation(
      lease.connection,
      target.definition,
      dialectTable[target.dialectName],
      req.operation,
      {
        ...timed(),
        evidence: async () => {
          const other = await connect(target);
          return { connection: other.connection, done: (ok) => connections.release(other, ok && keep) };
        },
      },
    );
    send({ t: 'applied', id: req.id, outcome });
  } catch (err) {
    const committed = err instanceof ApplyError ? err.committed : lease ? 'unknown' : 'none';
    const cause = err instanceof ApplyError && err.origin !== undefined ? err.origin : err;
    // An ApplyError is already worded for the person (in doubt: "it will be checked, not sent
    // again"); anything else (the connection could not be opened ...) is worded here.
    if (err instanceof ApplyError) {
      send({
        t: 'error',
        id: req.id,
        error: { code: 'legacy_unavailable', message: redactSecrets(err.message, req.connection) },
        committed,
      });
    } else {
      sendError(req.id, cause, req.connection, `sending ${req.operation.command}`, committed);
    }
  } finally {
    if (lease) connections.release(lease, false); // see above: never reused
  }
}

/** Creates the operation journal table, or tells whether it is there. */
async function journal(req: JournalRequest): Promise<void> {
  let lease: Lease | undefined;
  try {
    const target = targetOf(req.bridgeFile, req.connection);
    const dialect = dialectTable[target.dialectName];
    lease = await connect(target);
    const connection = lease.connection;
    const present = await connection.query(journalSql.probe(dialect)).then(
      () => true,
      (err: unknown) => {
        if (isConnectionLost(err)) throw err;
        return false;
      },
    );
    let created = false;
    if (!present && req.action === 'install') {
      await connection.query(journalSql.create(dialect));
      created = true;
    }
    send({ t: 'journal', id: req.id, installed: present || created, created, table: JOURNAL_TABLE });
    connections.release(lease, keepsConnections(target));
    lease = undefined;
  } catch (err) {
    sendError(req.id, err, req.connection, 'the operation journal');
  } finally {
    if (lease) connections.release(lease, false);
  }
}

/** Says what went wrong in words a person can act on, with the connection's secrets redacted. */
function sendError(
  id: number,
  err: unknown,
  connection: string,
  during: string,
  committed?: 'none' | 'unknown',
): void {
  let code: WorkerErrorCode = 'legacy_unavailable';
  let message: string;
  if (err instanceof LegacyError) {
    message = err.message;
  } else if (err instanceof ConfigError) {
    code = 'not_configured';
    message = err.message;
  } else if (isOdbcError(err) && isConnectionLost(err)) {
    message =
      `The connection to the legacy database was lost during ${during}: ${driverMessageOneLine(err)} ` +
      `${KEEPS_WORKING} Try again when the legacy database and the network are back: the connection is opened afresh.`;
  } else if (isOdbcError(err) && isStatementTimeout(err)) {
    const seconds = settings.statementTimeoutSec;
    message =
      `The legacy database took longer than ${seconds} second${seconds === 1 ? '' : 's'} over ${during}, so it was stopped. ` +
      `${KEEPS_WORKING} Try again later, and tell IT if it keeps happening.`;
  } else if (isOdbcError(err)) {
    message = `The legacy database refused ${during}: ${driverMessageOneLine(err)}`;
  } else {
    code = 'internal';
    message = `The bridge worker failed: ${driverMessage(err)}`;
  }
  send({
    t: 'error',
    id,
    error: { code, message: redactSecrets(message, connection) },
    ...(committed ? { committed } : {}),
  });
}

const isOdbcError = (err: unknown): boolean => Array.isArray((err as { odbcErrors?: unknown })?.odbcErrors);

type Row = Record<string, Raw>;

/** One query of a read: as one statement (block cursor) and as pages in key order. */
interface BatchQuery {
  sql: string;
  page(after: Raw[] | null, rows: number): string;
}

/**
 * The rows of a read in batches, never the whole table at once: through a block cursor where the
 * driver streams one correctly, else page by page in key order (keyset paging).
 */
async function* fetchBatches(
  connection: odbc.Connection,
  query: BatchQuery,
  keyAliases: ReadPlan['keyAliases'],
  dialect: Dialect,
  fetchSize: number,
  limit: number | undefined,
): AsyncGenerator<Row[]> {
  if (dialect.cursorStreaming) {
    const sql = limit ? dialect.limit(query.sql, limit) : query.sql;
    const cursor = await connection.query(sql, { cursor: true, fetchSize, ...timed() });
    try {
      while (true) {
        const fetched = (await cursor.fetch()) as unknown as Row[];
        if (fetched.length > 0) yield fetched;
        if (cursor.noData || fetched.length === 0) return;
      }
    } finally {
      await cursor.close().catch(() => {});
    }
  }
  let after: Raw[] | null = null;
  let left = limit ?? Number.POSITIVE_INFINITY;
  while (left > 0) {
    const page = Math.min(fetchSize, left);
    const fetched: Row[] = [
      ...((await connection.query<Row, Timed>(query.page(after, page), timed())) as unknown as Row[]),
    ];
    if (fetched.length > 0) yield fetched;
    if (fetched.length < page) return;
    const last: Row = fetched[fetched.length - 1]!;
    after = keyAliases.map((k): Raw => last[k] ?? null);
    left -= fetched.length;
  }
}

send({ t: 'ready', pid: process.pid });
