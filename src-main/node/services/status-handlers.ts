// The handlers of statusOperations (src-main/common/ops/status-ops.ts).
import type { statusOperations } from '../../common/ops/status-ops.ts';
import type { HandlerContext, HandlersOf } from './handler-context.ts';

export function statusHandlers(_ctx: HandlerContext): HandlersOf<typeof statusOperations> {
  return {};
}
