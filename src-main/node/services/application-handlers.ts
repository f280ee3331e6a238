// The handlers of applicationOperations (src-main/common/ops/application-ops.ts).
import type { applicationOperations } from '../../common/ops/application-ops.ts';
import type { HandlerContext, HandlersOf } from './handler-context.ts';

export function applicationHandlers(_ctx: HandlerContext): HandlersOf<typeof applicationOperations> {
  return {};
}
