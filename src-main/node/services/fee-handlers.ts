// The handlers of feeOperations (src-main/common/ops/fee-ops.ts).
import type { feeOperations } from '../../common/ops/fee-ops.ts';
import type { HandlerContext, HandlersOf } from './handler-context.ts';

export function feeHandlers(_ctx: HandlerContext): HandlersOf<typeof feeOperations> {
  return {};
}
