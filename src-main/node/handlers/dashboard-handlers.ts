// The handlers of dashboardOperations (src-main/common/ops/dashboard-ops.ts): supervisors and admins
// only, checked in the service (src-main/node/dashboard/dashboard.ts).
import type { dashboardOperations } from '../../common/ops/dashboard-ops.ts';
import { dashboardCsv } from '../dashboard/dashboard-csv.ts';
import { dashboardFigures } from '../dashboard/dashboard.ts';
import type { HandlerContext, HandlersOf } from './handler-context.ts';

export function dashboardHandlers(ctx: HandlerContext): HandlersOf<typeof dashboardOperations> {
  const { desk, actor } = ctx;
  return {
    async 'dashboard.get'(period) {
      return dashboardFigures(desk, actor(), period);
    },
    async 'dashboard.csv'(input) {
      return dashboardCsv(desk, actor(), input);
    },
  };
}
