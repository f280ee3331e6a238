// The handlers of drawerOperations (src-main/common/ops/drawer-ops.ts).
import type { drawerOperations } from '../../common/ops/drawer-ops.ts';
import type { HandlerContext, HandlersOf } from './handler-context.ts';

export function drawerHandlers(_ctx: HandlerContext): HandlersOf<typeof drawerOperations> {
  return {};
}
