// Correct a business's contact details (command-defs/correct-business-contact.ts): one cache
// transaction holding the local effect (the cached business shows the corrected details at once),
// the outbox entry with the business as the clerk saw it, and the audit entry. Replay sends it
// only while the legacy business still has the details the clerk saw.
import {
  type ContactDetails,
  contactFields,
  CorrectBusinessContactPayload,
} from '../../common/command-defs/correct-business-contact.ts';
import { errorText, invalidFields, WorkbenchError } from '../../common/errors.ts';
import { zonedIso } from '../../common/time.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import type { Cache } from '../cache/open-cache.ts';
import { entityWriter } from '../cache/store.ts';
import { businessBase, type CommandEffects } from '../commands/effect-parts.ts';
import { assertMayGive } from '../commands/may-give.ts';
import { giveCommand } from '../commands/give-command.ts';
import type { Desk } from '../desk/open-desk.ts';
import { updateSearchIndex } from '../sync/refresh-search.ts';
import { currentIdOf, followProvisional } from '../sync/provisional-refs.ts';

export interface ContactCorrection extends ContactDetails {
  businessId: string;
  licenceId?: string | undefined;
  reason: string;
}

type Rec = Record<string, unknown>;

/** The cached business with these details, and its licences searchable by them at once. */
function writeDetails(db: Cache, businessId: string, details: Rec): void {
  db.prepare(
    'UPDATE business SET address_line = ?, city = ?, state = ?, postal_code = ?, phone = ? WHERE id = ?',
  ).run(details.addressLine, details.city, details.state, details.postalCode, details.phone, businessId);
  updateSearchIndex(db, { licenceRowids: [], businessIds: [businessId] });
}

export function correctBusinessContact(
  desk: Desk,
  actor: string,
  input: ContactCorrection,
  now = new Date(),
): { operationId: string; payload: CorrectBusinessContactPayload } {
  const db = desk.cache;
  assertMayGive(desk, actor, 'correctBusinessContact');
  return db
    .transaction(() => {
      const id = currentIdOf(db, followProvisional(db, input.businessId.trim()));
      const row = db.prepare('SELECT * FROM business WHERE id = ?').get(id) as Rec | undefined;
      if (!row)
        throw new WorkbenchError(
          'not_found',
          errorText('application.business_not_found', { businessId: id }),
        );
      const business = rowToRecord('business', row);
      const correctedAt = zonedIso(now, desk.timeZone);
      const parsed = CorrectBusinessContactPayload.safeParse({
        v: 1,
        businessId: id,
        licenceId: input.licenceId?.trim().toUpperCase() || null,
        ...Object.fromEntries(contactFields.map((f) => [f, input[f] ?? null])),
        reason: input.reason,
        correctedAt,
      });
      if (!parsed.success)
        throw invalidFields(errorText('business.correction_invalid', { businessId: id }), parsed.error);
      const payload = parsed.data;
      if (contactFields.every((f) => (business[f] ?? null) === payload[f]))
        throw new WorkbenchError(
          'invalid_input',
          errorText('business.nothing_to_correct', { businessId: id }),
        );
      writeDetails(db, id, payload);
      const operationId = giveCommand(desk, actor, {
        command: 'correctBusinessContact',
        at: correctedAt,
        payload,
        base: [{ entity: 'business', id, record: business }],
        changes: [{ entity: 'business', id }],
        subject: payload.licenceId ?? id,
        detail: {
          businessId: id,
          from: Object.fromEntries(contactFields.map((f) => [f, business[f] ?? null])),
          to: Object.fromEntries(contactFields.map((f) => [f, payload[f]])),
          reason: payload.reason,
        },
      });
      return { operationId, payload };
    })
    .immediate();
}

/** Its cache effects for conflicts (node/commands/command-effects.ts). */
export const correctContactEffects: CommandEffects = {
  base: (db, _operationId, payload, current) => businessBase(db, payload, current),
  // Discarded: the business shows the legacy details again.
  undo: (db, current, now) => {
    if (current) entityWriter(db, 'business').upsert([current], now);
  },
  redo: (db, _operationId, payload, base, now) => {
    const id = String(payload.businessId);
    if (base[0]?.record) entityWriter(db, 'business').upsert([base[0].record], now);
    writeDetails(db, followProvisional(db, id), payload);
    return [{ entity: 'business', id }];
  },
};
