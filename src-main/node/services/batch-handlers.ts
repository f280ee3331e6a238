// The handlers of batchOperations (src-main/common/ops/batch-ops.ts).
import type { batchOperations } from '../../common/ops/batch-ops.ts';
import type { HandlerContext, HandlersOf } from './handler-context.ts';

export function batchHandlers(_ctx: HandlerContext): HandlersOf<typeof batchOperations> {
  return {};
}
