// The handlers of applicationOperations (src-main/common/ops/application-ops.ts).
import type { applicationOperations } from '../../common/ops/application-ops.ts';
import {
  createApplication,
  newLicenceFees,
  issueLicence,
  updateRequirement,
  withdrawApplication,
} from '../applications/application-commands.ts';
import { suggestDuplicates } from '../applications/duplicates.ts';
import { getApplication, listApplications } from '../applications/read-applications.ts';
import { loadRequirements, requirementsFor } from '../applications/requirements.ts';
import { zonedIso } from '../../common/time.ts';
import type { HandlerContext, HandlersOf } from './handler-context.ts';

export function applicationHandlers(ctx: HandlerContext): HandlersOf<typeof applicationOperations> {
  const { desk } = ctx;
  return {
    async 'applications.suggestDuplicates'({ limit, ...facts }) {
      return suggestDuplicates(desk.cache, facts, limit);
    },

    async 'applications.licenceTypes'() {
      const { requirements } = loadRequirements(desk.bridge().dir);
      const today = zonedIso(new Date(), desk.timeZone).slice(0, 10);
      const rows = desk.cache.prepare('SELECT code, name FROM licence_type ORDER BY name').all() as Array<{
        code: string;
        name: string;
      }>;
      return {
        types: rows.map((r) => ({
          code: r.code,
          name: r.name,
          requirements: requirementsFor(requirements, r.code).length,
          feeCents: newLicenceFees(desk, r.code, today)?.dueCents ?? null,
        })),
      };
    },

    async 'applications.create'(input) {
      const { applicationId } = createApplication(desk, ctx.actor(), input);
      ctx.runtime?.kick();
      return getApplication(desk, applicationId);
    },

    async 'applications.get'({ applicationId }) {
      return getApplication(desk, applicationId);
    },

    async 'applications.list'({ status, limit }) {
      return { applications: listApplications(desk, status, limit) };
    },

    async 'applications.updateRequirement'(input) {
      updateRequirement(desk, ctx.actor(), input);
      return getApplication(desk, input.applicationId);
    },

    async 'applications.withdraw'(input) {
      withdrawApplication(desk, ctx.actor(), input);
      return getApplication(desk, input.applicationId);
    },

    async 'applications.issue'({ applicationId }) {
      issueLicence(desk, ctx.actor(), applicationId);
      ctx.runtime?.kick();
      return getApplication(desk, applicationId);
    },
  };
}
