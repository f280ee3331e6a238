// The handlers of businessOperations (src-main/common/ops/business-ops.ts).
import type { businessOperations } from '../../common/ops/business-ops.ts';
import { correctBusinessContact } from '../businesses/correct-contact.ts';
import type { HandlerContext, HandlersOf } from './handler-context.ts';

export function businessHandlers(ctx: HandlerContext): HandlersOf<typeof businessOperations> {
  return {
    async 'businesses.correctContact'(input) {
      const { operationId, payload } = correctBusinessContact(ctx.desk, ctx.actor(), input);
      // A long-running desk sends it now when the link is up (as a renewal does).
      ctx.runtime?.kick();
      return { operationId, businessId: payload.businessId };
    },
  };
}
