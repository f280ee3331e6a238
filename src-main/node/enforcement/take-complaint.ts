// Taking a complaint (command-defs/take-complaint.ts): ONE cache transaction holds the complaint
// under local:<operationId>, its outbox entry and its audit entry. The place is a licensed
// business (its licence given: the address defaults to the business's) or a bare address. The
// answer suggests the open cases at the same place, so the officer joins one rather than
// opening a duplicate. Replay gives the complaint its legacy number (Riverton: the next CMPNO).
import { TakeComplaintPayload } from '../../common/command-defs/take-complaint.ts';
import { errorText, invalidFields, WorkbenchError } from '../../common/errors.ts';
import type { ComplaintChannel, EnforcementCase } from '../../common/model.ts';
import { todayIn, zonedIso } from '../../common/time.ts';
import type { Cache } from '../cache/open-cache.ts';
import { entityWriter } from '../cache/store.ts';
import type { CommandEffects } from '../commands/effect-parts.ts';
import { assertMayGive } from '../commands/may-give.ts';
import type { Desk } from '../desk/open-desk.ts';
import { licenceKey, provisionalId } from '../sync/provisional-refs.ts';
import { cleanAddress, openCasesAt } from './case-records.ts';
import { queueNewRecord } from './new-record.ts';

export interface ComplaintRequest {
  /** The place; optional with a licence (the business's address then). */
  address?: string | null;
  licenceId?: string | null;
  channel: ComplaintChannel;
  description: string;
  /** YYYY-MM-DD; default today. */
  receivedOn?: string | null;
}

export interface TakenComplaint {
  operationId: string;
  /** local:<operationId> until the legacy system numbers it. */
  complaintId: string;
  payload: TakeComplaintPayload;
  /** Open cases at the same place: the complaint probably belongs on one of them. */
  openCases: EnforcementCase[];
}

export function takeComplaint(
  desk: Desk,
  actor: string,
  request: ComplaintRequest,
  now = new Date(),
): TakenComplaint {
  const db = desk.cache;
  assertMayGive(desk, actor, 'takeComplaint');
  return db
    .transaction(() => {
      const typed = request.licenceId?.trim();
      const licenceId = typed ? licenceKey(db, typed) : null;
      let address = request.address ? cleanAddress(request.address) : '';
      if (licenceId) {
        const licence = db
          .prepare(
            'SELECT l.id, b.address_line FROM licence l LEFT JOIN business b ON b.id = l.business_id WHERE l.id = ?',
          )
          .get(licenceId) as { id: string; address_line: string | null } | undefined;
        if (!licence)
          throw new WorkbenchError('not_found', errorText('licence.not_found', { licenceId }), {
            licenceId: errorText('licence.not_found', { licenceId }),
          });
        address ||= cleanAddress(licence.address_line ?? '');
      }
      const takenAt = zonedIso(now, desk.timeZone);
      const parsed = TakeComplaintPayload.safeParse({
        v: 1,
        address,
        licenceId,
        channel: request.channel,
        description: request.description,
        receivedOn: request.receivedOn || todayIn(desk.timeZone, now),
        takenAt,
      });
      if (!parsed.success) throw invalidFields(errorText('complaint.invalid', {}), parsed.error);
      const payload = parsed.data;
      const { operationId, id: complaintId } = queueNewRecord(desk, actor, {
        command: 'takeComplaint',
        payload,
        at: takenAt,
        base: [],
        write: (id) => {
          writeComplaint(db, id, payload);
          return [{ entity: 'complaint', id }];
        },
        detail: {
          address: payload.address,
          licenceId: payload.licenceId,
          channel: payload.channel,
          receivedOn: payload.receivedOn,
        },
      });
      return { operationId, complaintId, payload, openCases: openCasesAt(db, address, licenceId) };
    })
    .immediate();
}

function writeComplaint(db: Cache, complaintId: string, p: TakeComplaintPayload): void {
  entityWriter(db, 'complaint').upsert(
    [
      {
        id: complaintId,
        receivedOn: p.receivedOn,
        channel: p.channel,
        address: p.address,
        licenceId: p.licenceId,
        description: p.description,
        status: 'new',
        caseId: null,
      },
    ],
    p.takenAt,
  );
}

/** Its effects: discarded, the provisional complaint goes (conflicts.ts); applied again, it is written anew. */
export const takeComplaintEffects: CommandEffects = {
  base: () => [],
  redo: (db, newOperationId, payload) => {
    const complaintId = provisionalId(newOperationId);
    writeComplaint(db, complaintId, TakeComplaintPayload.parse(payload));
    return [{ entity: 'complaint', id: complaintId }];
  },
};
