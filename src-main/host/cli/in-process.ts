// The command line's transport: the contract's operations called in this process, through the same
// dispatcher as the UI (Electron IPC, `workbench serve`). So a command typed at a terminal gets the
// contract's input limits, the handlers' role checks and audit, and the UI's error messages: one
// path for every entry point, where the commands once called the services directly and skipped
// the schemas (a payment of 999999999999 cents was taken, then blocked replay).
import { type OperationName, type OpInput, type OpOutput } from '../../common/contract.ts';
import { createDispatcher } from '../../common/dispatch.ts';
import { WorkbenchError } from '../../common/errors.ts';
import { type Desk, openDesk } from '../../node/desk/open-desk.ts';
import { resolveDataDir } from '../../node/desk/paths.ts';
import { logger } from '../../node/log/logger.ts';
import { currentActor } from '../../node/security/actor.ts';
import { createHandlers } from '../../node/handlers/handlers.ts';

/** One operation by name with its input: the contract's value, or the contract's error thrown. */
export type CallOperation = <K extends OperationName>(
  operation: K,
  input: OpInput<K>,
) => Promise<OpOutput<K>>;

/** A caller over an open desk (no runtime: the link state is unknown and sync runs inline, as before). */
export function inProcessCaller(desk: Desk, actor: () => string = currentActor): CallOperation {
  // A bug reaches the person as the UI's plain sentence; its detail goes to stderr for IT.
  const dispatch = createDispatcher(createHandlers(desk, undefined, actor), (err) =>
    logger('cli').error({ err }, 'workbench: internal error'),
  );
  return async <K extends OperationName>(operation: K, input: OpInput<K>) => {
    const result = await dispatch(operation, input);
    if (result.ok) return result.value as OpOutput<K>;
    throw WorkbenchError.fromShape(result.error);
  };
}

/** Opens the desk of the data directory, runs `work` with a caller over it, and closes the desk. */
export async function withDeskCalls<T>(
  dataDir: string | undefined,
  work: (call: CallOperation, desk: Desk) => T | Promise<T>,
): Promise<T> {
  const desk = openDesk({ dataDir: resolveDataDir(dataDir) });
  try {
    return await work(inProcessCaller(desk), desk);
  } finally {
    desk.close();
  }
}

/** Opens the desk, calls one operation and closes the desk. */
export function callOperation<K extends OperationName>(
  dataDir: string | undefined,
  operation: K,
  input: OpInput<K>,
): Promise<OpOutput<K>> {
  return withDeskCalls(dataDir, (call) => call(operation, input));
}

/**
 * The outbox payload an operation queued. The commands' --json output has always carried it (IT
 * scripts and tests read `payload.newExpiresOn`, `payload.receiptNo`…), beside the contract's value.
 */
export function queuedPayload(desk: Desk, operationId: string): Record<string, unknown> | null {
  const row = desk.cache.prepare('SELECT payload FROM outbox WHERE operation_id = ?').get(operationId) as
    { payload: string } | undefined;
  return row ? (JSON.parse(row.payload) as Record<string, unknown>) : null;
}
