// The bridge worker: a child process that owns every ODBC call, so a driver that crashes or hangs
// takes this process down, never the desk. Started by worker-client.ts (Node) or the Electron
// shell; speaks worker-protocol.ts over the IPC channel.
import odbc from 'odbc';
import {
  engineOf,
  formatConnectionString,
  getPart,
  parseConnectionString,
  withPart,
} from './connection-string.ts';
import { dialectTable } from './dialects.ts';
import { loadBridge } from './load-bridge.ts';
import { driverMessage, redactSecrets } from './odbc-errors.ts';
import { buildReadPlan, type DataIssue, type ReadPlan } from './read-plan.ts';
import type { Dialect } from './dialects.ts';
import type { Raw } from './transforms.ts';
import type { HostMessage, ReadRequest, WorkerMessage } from './worker-protocol.ts';

const send = (m: WorkerMessage) => process.send?.(m);

interface Flow {
  credits: number;
  cancelled: boolean;
  wake: (() => void) | null;
}
const flows = new Map<number, Flow>();

process.on('message', (m: HostMessage) => {
  if (m.t === 'read') {
    const flow: Flow = { credits: 2, cancelled: false, wake: null };
    flows.set(m.id, flow);
    read(m, flow).finally(() => flows.delete(m.id));
  } else {
    const flow = flows.get(m.id);
    if (!flow) return;
    if (m.t === 'credit') flow.credits += m.n;
    else flow.cancelled = true;
    flow.wake?.();
  }
});
process.on('disconnect', () => process.exit(0));

async function read(req: ReadRequest, flow: Flow): Promise<void> {
  let connection: odbc.Connection | undefined;
  let rows = 0;
  let rejected = 0;
  try {
    const { definition } = loadBridge(req.bridgeFile);
    const mapping = definition.entities[req.entity];
    if (!mapping) {
      send({
        t: 'error',
        id: req.id,
        error: { code: 'not_configured', message: `The bridge does not map ${req.entity}.` },
      });
      return;
    }
    const parts = parseConnectionString(req.connection);
    const dialectName = definition.dialect ?? engineOf(parts);
    if (!dialectName) {
      send({
        t: 'error',
        id: req.id,
        error: {
          code: 'not_configured',
          message: 'The connection string names no known driver; set "dialect" in the bridge file.',
        },
      });
      return;
    }
    const plan = buildReadPlan(definition, req.entity, mapping, dialectTable[dialectName]);
    try {
      let streaming = parts;
      for (const [key, value] of Object.entries(
        dialectTable[dialectName].streamingOptions(definition.fetch_size),
      )) {
        if (getPart(streaming, key) === undefined) streaming = withPart(streaming, key, value);
      }
      connection = await odbc.connect({
        connectionString: formatConnectionString(streaming),
        loginTimeout: 15,
        connectionTimeout: 15,
      });
    } catch (err) {
      throw new LegacyError(`Could not connect to the legacy database: ${driverMessage(err)}`);
    }
    if (!req.limit) {
      // The row count first, so the person watching a long refresh sees how far along it is.
      const counted = await connection.query<{ N: unknown; n: unknown }>(plan.countSql).catch(() => null);
      const total = Number(counted?.[0]?.N ?? counted?.[0]?.n);
      if (Number.isFinite(total)) send({ t: 'total', id: req.id, total });
    }
    const refused = (err: unknown) =>
      new LegacyError(
        `The legacy database refused the read of ${req.entity} (${plan.source}): ${driverMessage(err)}`,
      );
    const batches = fetchBatches(
      connection,
      plan,
      dialectTable[dialectName],
      definition.fetch_size,
      req.limit,
      refused,
    );
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
    send({ t: 'done', id: req.id, rows, rejected });
  } catch (err) {
    const message =
      err instanceof LegacyError ? err.message : `The bridge worker failed: ${driverMessage(err)}`;
    send({
      t: 'error',
      id: req.id,
      error: {
        code: err instanceof LegacyError ? 'legacy_unavailable' : 'internal',
        message: redactSecrets(message, req.connection),
      },
    });
  } finally {
    await connection?.close().catch(() => {});
  }
}

class LegacyError extends Error {}

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
  refused: (err: unknown) => Error,
): AsyncGenerator<Row[]> {
  if (dialect.cursorStreaming) {
    const sql = limit ? dialect.limit(plan.sql, limit) : plan.sql;
    const cursor = await connection.query(sql, { cursor: true, fetchSize }).catch((err) => {
      throw refused(err);
    });
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
      ...((await connection.query(plan.pageSql(after, page)).catch((err) => {
        throw refused(err);
      })) as unknown as Row[]),
    ];
    if (fetched.length > 0) yield fetched;
    if (fetched.length < page) return;
    const last: Row = fetched[fetched.length - 1]!;
    after = plan.keyAliases.map((k): Raw => last[k] ?? null);
    left -= fetched.length;
  }
}

send({ t: 'ready', pid: process.pid });
