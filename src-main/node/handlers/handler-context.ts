// What every domain's handlers get: the desk, its long-running runtime (serve, Electron; absent on
// the command line) and who is at the desk. Each domain file (drawer-handlers.ts, …) returns the
// handlers of its own operations; handlers.ts puts them together into the contract's table.
import type { Handlers } from '../../common/contract.ts';
import type { Desk } from '../desk/open-desk.ts';
import type { DeskRuntime } from '../sync/desk-runtime.ts';

export interface HandlerContext {
  desk: Desk;
  runtime?: DeskRuntime;
  actor: () => string;
}

/** The handlers of the operations in one domain's table (e.g. `typeof drawerOperations`). */
export type HandlersOf<O> = { [K in keyof O & keyof Handlers]: Handlers[K] };
