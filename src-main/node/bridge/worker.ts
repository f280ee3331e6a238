// The bridge worker: a child process that owns every ODBC call, so a driver that crashes or hangs
// takes this process down, never the desk. Started by worker-client.ts (Node) or the Electron
// shell; speaks worker-protocol.ts over the IPC channel. Connections are kept between reads and
// health-checked before reuse (connection-cache.ts); one that failed is never used again.
import type odbc from 'odbc';
import { ConnectionCache, DriverHangError, type Lease } from './connection-cache.ts';
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
  defaultWorkerSettings,
  type HostMessage,
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
    lease = await connect(target);
    send({ t: 'connected', id: req.id, reused: lease.reused });
    const connection = lease.connection;
    if (!req.limit) {
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
    const batches = fetchBatches(connection, plan, dialect, target.definition.fetch_size, req.limit);
    for await (const fetched of batches) {
      if (flow.cancelled) break;
      const records: Record<string, unknown>[] = [];
      const issues: DataIssue[] = [];
      for (const row of fetched) {
        const record = plan.toRecord(row, issues);
        if (record) records.push(record);
        else rejected++;
      }
      rows += fetched.length;
      while (flow.credits <= 0 && !flow.cancelled) await new Promise<void>((r) => (flow.wake = r));
      flow.credits--;
      send({ t: 'batch', id: req.id, records, issues });
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

/** Says what went wrong in words a person can act on, with the connection's secrets redacted. */
function sendError(id: number, err: unknown, connection: string, during: string): void {
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
  send({ t: 'error', id, error: { code, message: redactSecrets(message, connection) } });
}

const isOdbcError = (err: unknown): boolean => Array.isArray((err as { odbcErrors?: unknown })?.odbcErrors);

type Row = Record<string, Raw>;

/**
 * The rows of a read in batches, never the whole table at once: through a block cursor where the
 * driver streams one correctly, else page by page in key order (keyset paging).
 */
async function* fetchBatches(
  connection: odbc.Connection,
  plan: ReadPlan,
  dialect: Dialect,
  fetchSize: number,
  limit: number | undefined,
): AsyncGenerator<Row[]> {
  if (dialect.cursorStreaming) {
    const sql = limit ? dialect.limit(plan.sql, limit) : plan.sql;
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
      ...((await connection.query<Row, Timed>(plan.pageSql(after, page), timed())) as unknown as Row[]),
    ];
    if (fetched.length > 0) yield fetched;
    if (fetched.length < page) return;
    const last: Row = fetched[fetched.length - 1]!;
    after = plan.keyAliases.map((k): Raw => last[k] ?? null);
    left -= fetched.length;
  }
}

send({ t: 'ready', pid: process.pid });
