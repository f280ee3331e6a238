// Suspend, revoke, close or reinstate a licence: the status machine (common/licence-status.ts)
// decides, then ONE cache transaction holds the licence's new status, the outbox entry (with the
// licence as the person saw it and their reason) and the audit entry. Replay sends it to the
// legacy database only while the legacy status is still the one the person saw.
import type {
  ChangeLicenceStatusPayload,
  PersonStatusAction,
} from '../../common/command-defs/change-licence-status.ts';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import { decideStatusChange } from '../../common/licence-status.ts';
import type { LicenceStatus } from '../../common/model.ts';
import type { ServiceAction } from '../../common/roles.ts';
import { zonedIso } from '../../common/time.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import { type CommandResult, loadLicence } from '../commands/licence-commands.ts';
import { assertBridgeTakes } from '../commands/may-give.ts';
import { giveCommand } from '../commands/give-command.ts';
import type { Desk } from '../desk/open-desk.ts';
import { assertAllowed, loadPolicy } from '../security/policy.ts';

export interface StatusChangeRequest {
  licenceId: string;
  action: PersonStatusAction;
  reason: string;
  /**
   * The status the person saw on screen. When given and the desk now holds another (a refresh, or
   * another change, came in between), the change is refused: the person decides again.
   */
  expectedStatus?: LicenceStatus | undefined;
}

export const statusServiceAction: Record<PersonStatusAction, ServiceAction> = {
  suspend: 'licence.suspend',
  revoke: 'licence.revoke',
  close: 'licence.close',
  reinstate: 'licence.reinstate',
};

export function changeLicenceStatus(
  desk: Desk,
  actor: string,
  request: StatusChangeRequest,
  now = new Date(),
): CommandResult<ChangeLicenceStatusPayload> {
  const db = desk.cache;
  const policy = loadPolicy(desk.paths.dataDir);
  const role = policy.roleOf(actor);
  // No role at all: the policy's own sentence (which account, which file).
  if (!role) assertAllowed(policy, actor, statusServiceAction[request.action]);
  assertBridgeTakes(desk, 'changeLicenceStatus');
  return db
    .transaction(() => {
      const licence = rowToRecord('licence', loadLicence(desk, request.licenceId));
      const current = licence.status as LicenceStatus;
      if (request.expectedStatus && request.expectedStatus !== current) {
        throw new WorkbenchError(
          'invalid_input',
          errorText('status.changed_meanwhile', {
            licenceId: licence.id as string,
            current,
            expected: request.expectedStatus,
            action: request.action,
          }),
          { statusRefusal: 'status_changed' },
        );
      }
      const changedAt = zonedIso(now, desk.timeZone);
      const decision = decideStatusChange(current, request.action, {
        reason: request.reason,
        role: role!,
        dates: { expiresOn: (licence.expiresOn as string | null) ?? null, today: changedAt.slice(0, 10) },
      });
      if (!decision.ok) {
        throw new WorkbenchError(
          decision.code === 'role_not_allowed' ? 'forbidden' : 'invalid_input',
          errorText('status.refused', { refusal: decision.code, sentence: decision.message }),
          decision.code === 'reason_required'
            ? { reason: errorText('field.required', {}), statusRefusal: decision.code }
            : { statusRefusal: decision.code },
        );
      }
      // The machine allowed it; the policy's table says the same (a unit test keeps them equal).
      assertAllowed(policy, actor, statusServiceAction[request.action]);
      const payload: ChangeLicenceStatusPayload = {
        v: 1,
        licenceId: licence.id as string,
        action: request.action,
        from: current,
        to: decision.next,
        reason: decision.reason!,
        changedAt,
      };
      db.prepare('UPDATE licence SET status = ? WHERE id = ?').run(payload.to, payload.licenceId);
      const operationId = giveCommand(desk, actor, {
        command: 'changeLicenceStatus',
        at: changedAt,
        payload,
        base: [{ entity: 'licence', id: payload.licenceId, record: licence }],
        changes: [{ entity: 'licence', id: payload.licenceId }],
        subject: payload.licenceId,
        detail: { from: payload.from, to: payload.to, reason: payload.reason, role },
      });
      return { operationId, payload };
    })
    .immediate();
}
