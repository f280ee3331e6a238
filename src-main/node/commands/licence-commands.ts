// Renew a licence (payments: payment-commands.ts): it is one cache transaction holding its local effect,
// its outbox entry (with the licence as the clerk saw it) and its audit entry, so the counter
// works the same whether the legacy database is up or not. Replay takes it from there.
import type { CommandName, RenewLicencePayload } from '../../common/commands.ts';
import { WorkbenchError } from '../../common/errors.ts';
import { renewableStatuses, renewalExpiry } from '../../common/licence-rules.ts';
import { zonedIso } from '../../common/time.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import type { Desk } from '../desk/open-desk.ts';
import { audit } from '../security/audit.ts';
import { assertAllowed, loadPolicy } from '../security/policy.ts';
import { enqueue } from './outbox.ts';

export interface CommandResult<P> {
  operationId: string;
  payload: P;
}

export function loadLicence(desk: Desk, licenceId: string): Record<string, unknown> {
  const row = desk.cache.prepare('SELECT * FROM licence WHERE id = ?').get(licenceId.trim().toUpperCase()) as
    Record<string, unknown> | undefined;
  if (!row)
    throw new WorkbenchError(
      'not_found',
      `Licence ${licenceId} is not on this desk. Check the number, or refresh the desk.`,
    );
  return row;
}

/** A command the legacy system cannot take would wait in the outbox for ever: refused at the counter instead. */
export function assertBridgeTakes(desk: Desk, command: CommandName, what: string): void {
  const { definition } = desk.bridge();
  if (!definition.commands?.[command]) {
    throw new WorkbenchError(
      'not_configured',
      `This desk's legacy system (bridge "${definition.name}") does not take ${what} from the workbench yet: ` +
        `IT must add a "${command}" command to the bridge file. Nothing was recorded.`,
    );
  }
}

export function renewLicence(
  desk: Desk,
  actor: string,
  licenceId: string,
  now = new Date(),
): CommandResult<RenewLicencePayload> {
  const db = desk.cache;
  const deskId = desk.configured().deskId;
  assertAllowed(loadPolicy(desk.paths.dataDir), actor, 'licence.renew');
  assertBridgeTakes(desk, 'renewLicence', 'renewals');
  return db
    .transaction(() => {
      const row = loadLicence(desk, licenceId);
      const licence = rowToRecord('licence', row);
      if (!(renewableStatuses as readonly string[]).includes(licence.status as string)) {
        throw new WorkbenchError(
          'invalid_input',
          `Licence ${licence.id} is ${licence.status}; it cannot be renewed at the counter. A supervisor must reinstate it first.`,
        );
      }
      const type = db
        .prepare('SELECT term_months FROM licence_type WHERE code = ?')
        .get(licence.licenceTypeCode) as { term_months: number | null } | undefined;
      const renewedAt = zonedIso(now, desk.timeZone);
      const payload: RenewLicencePayload = {
        v: 1,
        licenceId: licence.id as string,
        newExpiresOn: renewalExpiry(
          licence.expiresOn as string | null,
          renewedAt.slice(0, 10),
          type?.term_months ?? null,
        ),
        feeCents: (licence.feeCents as number | null) ?? 0,
        renewedAt,
      };
      db.prepare(`UPDATE licence SET expires_on = ?, status = 'active' WHERE id = ?`).run(
        payload.newExpiresOn,
        payload.licenceId,
      );
      const operationId = enqueue(db, {
        deskId,
        actor,
        createdAt: renewedAt,
        command: 'renewLicence',
        payload,
        base: [{ entity: 'licence', id: payload.licenceId, record: licence }],
        changes: [{ entity: 'licence', id: payload.licenceId }],
      });
      audit(db, {
        at: renewedAt,
        actor,
        action: 'licence.renew',
        subject: payload.licenceId,
        detail: { operationId, from: licence.expiresOn, to: payload.newExpiresOn, status: licence.status },
      });
      return { operationId, payload };
    })
    .immediate();
}
