// The handlers of dashboardOperations (src-main/common/ops/dashboard-ops.ts).
import type { dashboardOperations } from '../../common/ops/dashboard-ops.ts';
import type { HandlerContext, HandlersOf } from './handler-context.ts';

export function dashboardHandlers(_ctx: HandlerContext): HandlersOf<typeof dashboardOperations> {
  return {};
}
