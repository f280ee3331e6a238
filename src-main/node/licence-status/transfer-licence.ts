// Transfer a licence to a new owner (command-defs/transfer-licence.ts): ONE cache transaction holds
// the licence under its new business (searchable by the new owner's name at once), the outbox
// entry with the licence as the clerk saw it, and the audit entry with both owners and the reason.
// Replay moves it in the legacy database only while the licence still has the owner and status
// the clerk saw; a new owner registered on this desk is sent first and its number taken.
import { TransferLicencePayload } from '../../common/command-defs/transfer-licence.ts';
import { errorText, invalidFields, WorkbenchError } from '../../common/errors.ts';
import { zonedIso } from '../../common/time.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import type { Cache } from '../cache/open-cache.ts';
import { entityWriter } from '../cache/store.ts';
import { type CommandEffects, licenceBase } from '../commands/effect-parts.ts';
import { type CommandResult, loadLicence } from '../commands/licence-commands.ts';
import { assertMayGive } from '../commands/may-give.ts';
import { giveCommand } from '../commands/give-command.ts';
import type { Desk } from '../desk/open-desk.ts';
import { currentIdOf, followProvisional } from '../sync/provisional-refs.ts';
import { updateSearchIndex } from '../sync/refresh-search.ts';

export interface TransferRequest {
  licenceId: string;
  /** The new owner's business number (legacy, or local:<operationId> of one registered here). */
  toBusinessId: string;
  reason: string;
}

/** The cached licence under `businessId`, found in search by its new owner's name at once. */
function moveLicence(db: Cache, licenceId: string, businessId: string): void {
  db.prepare('UPDATE licence SET business_id = ? WHERE id = ?').run(businessId, licenceId);
  const rowid = db.prepare('SELECT rowid FROM licence WHERE id = ?').pluck().get(licenceId) as number;
  updateSearchIndex(db, { licenceRowids: [rowid], businessIds: [] });
}

export function transferLicence(
  desk: Desk,
  actor: string,
  request: TransferRequest,
  now = new Date(),
): CommandResult<TransferLicencePayload> {
  const db = desk.cache;
  assertMayGive(desk, actor, 'transferLicence');
  return db
    .transaction(() => {
      const licence = rowToRecord('licence', loadLicence(desk, request.licenceId));
      const licenceId = String(licence.id);
      const transferredAt = zonedIso(now, desk.timeZone);
      const parsed = TransferLicencePayload.safeParse({
        v: 1,
        licenceId,
        fromBusinessId: licence.businessId,
        toBusinessId: request.toBusinessId,
        reason: request.reason,
        transferredAt,
      });
      if (!parsed.success) throw invalidFields(errorText('transfer.invalid', { licenceId }), parsed.error);
      const toBusinessId = currentIdOf(db, followProvisional(db, parsed.data.toBusinessId));
      if (!db.prepare('SELECT 1 FROM business WHERE id = ?').get(toBusinessId))
        throw new WorkbenchError(
          'not_found',
          errorText('application.business_not_found', { businessId: toBusinessId }),
          { toBusinessId: errorText('application.business_not_found', { businessId: toBusinessId }) },
        );
      if (licence.status !== 'active')
        throw new WorkbenchError(
          'invalid_input',
          errorText('transfer.not_active', { licenceId, status: String(licence.status) }),
        );
      if (toBusinessId === licence.businessId)
        throw new WorkbenchError(
          'invalid_input',
          errorText('transfer.same_owner', { licenceId, businessId: toBusinessId }),
          { toBusinessId: errorText('transfer.same_owner', { licenceId, businessId: toBusinessId }) },
        );
      const payload: TransferLicencePayload = { ...parsed.data, toBusinessId };
      moveLicence(db, licenceId, toBusinessId);
      const operationId = giveCommand(desk, actor, {
        command: 'transferLicence',
        at: transferredAt,
        payload,
        base: [{ entity: 'licence', id: licenceId, record: licence }],
        changes: [{ entity: 'licence', id: licenceId }],
        subject: licenceId,
        detail: { from: payload.fromBusinessId, to: toBusinessId, reason: payload.reason },
      });
      return { operationId, payload };
    })
    .immediate();
}

/** Its cache effects for conflicts (node/commands/command-effects.ts). */
export const transferLicenceEffects: CommandEffects = {
  base: (db, _operationId, payload, current) => licenceBase(db, payload, current),
  // Discarded: the licence is the legacy one again, under the owner the legacy system has.
  undo: (db, current, now) => {
    if (!current) return;
    entityWriter(db, 'licence').upsert([current], now);
    moveLicence(db, String(current.id), String(current.businessId));
  },
  redo: (db, _operationId, payload, base, now) => {
    if (base[0]?.record) entityWriter(db, 'licence').upsert([base[0].record], now);
    const licenceId = String(payload.licenceId);
    moveLicence(db, licenceId, followProvisional(db, String(payload.toBusinessId)));
    return [{ entity: 'licence', id: licenceId }];
  },
};
