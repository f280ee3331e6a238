// The handlers of documentOperations (src-main/common/ops/document-ops.ts).
import type { documentOperations } from '../../common/ops/document-ops.ts';
import type { HandlerContext, HandlersOf } from './handler-context.ts';

export function documentHandlers(_ctx: HandlerContext): HandlersOf<typeof documentOperations> {
  return {};
}
