// The handlers of statusOperations (src-main/common/ops/status-ops.ts).
import type { statusOperations } from '../../common/ops/status-ops.ts';
import { listCertificates, recordCertificate, verifyCertificate } from '../certificates/certificates.ts';
import { printCertificate } from '../documents/certificate.ts';
import { changeLicenceStatus } from '../licence-status/change-status.ts';
import { statusHistory } from '../licence-status/status-history.ts';
import { transferLicence } from '../licence-status/transfer-licence.ts';
import type { HandlerContext, HandlersOf } from './handler-context.ts';

export function statusHandlers(ctx: HandlerContext): HandlersOf<typeof statusOperations> {
  const { desk } = ctx;
  return {
    async 'licences.changeStatus'(input) {
      const { operationId, payload } = changeLicenceStatus(desk, ctx.actor(), input);
      // A long-running desk sends it now when the link is up (as a renewal does).
      ctx.runtime?.kick();
      return {
        operationId,
        licenceId: payload.licenceId,
        action: payload.action,
        from: payload.from,
        to: payload.to,
      };
    },
    async 'licences.transfer'(input) {
      const { operationId, payload } = transferLicence(desk, ctx.actor(), input);
      ctx.runtime?.kick();
      const { licenceId, fromBusinessId, toBusinessId } = payload;
      return { operationId, licenceId, fromBusinessId, toBusinessId };
    },
    async 'licences.statusHistory'({ licenceId }) {
      return { changes: statusHistory(desk.cache, licenceId) };
    },
    async 'certificates.issue'({ licenceId, language }) {
      const certificate = recordCertificate(desk, ctx.actor(), { licenceId, language });
      return { ...(await printCertificate(desk, certificate)), certificate };
    },
    async 'certificates.list'({ licenceId }) {
      return { certificates: listCertificates(desk.cache, licenceId) };
    },
    async 'certificates.verify'({ code }) {
      return verifyCertificate(desk, code);
    },
  };
}
