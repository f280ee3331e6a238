// The handlers of feeOperations (src-main/common/ops/fee-ops.ts): reads only, so no role check
// (what a renewal costs and what waits to be renewed is public at the counter).
import type { feeOperations } from '../../common/ops/fee-ops.ts';
import { zonedIso } from '../../common/time.ts';
import { checkRenewal } from '../renewals/renewal-check.ts';
import { renewalQueue } from '../renewals/renewal-queue.ts';
import type { HandlerContext, HandlersOf } from './handler-context.ts';

export function feeHandlers(ctx: HandlerContext): HandlersOf<typeof feeOperations> {
  const { desk } = ctx;
  return {
    async 'fees.quote'({ licenceId, on }) {
      return checkRenewal(desk, licenceId, on ?? zonedIso(new Date(), desk.timeZone).slice(0, 10));
    },
    async 'renewals.queue'(query) {
      return renewalQueue(desk, query);
    },
  };
}
