// The versioned outbox payloads of this domain's commands, and the payload fields a bridge's write
// statements may bind (spread into commands.ts and legacy-commands.ts).
import { z } from 'zod';
import { IsoTimestamp, LicenceStatus } from '../model.ts';

/** The status actions a person takes (renew has its own command; expire is the nightly run's). */
export const personStatusActions = ['suspend', 'revoke', 'close', 'reinstate'] as const;
export const PersonStatusAction = z.enum(personStatusActions);
export type PersonStatusAction = z.infer<typeof PersonStatusAction>;

export const MAX_STATUS_REASON = 500;

/**
 * Suspend, revoke, close or reinstate: `from` is the status the person saw (replay applies the
 * change only while the legacy record still has it), `to` where the status machine lands it. The
 * reason lives here and in the audit log: Riverton's LICMST has no column for it.
 */
export const ChangeLicenceStatusPayload = z.object({
  v: z.literal(1),
  licenceId: z.string().min(1),
  action: PersonStatusAction,
  from: LicenceStatus,
  to: LicenceStatus,
  reason: z.string().trim().min(1).max(MAX_STATUS_REASON),
  changedAt: IsoTimestamp,
});
export type ChangeLicenceStatusPayload = z.infer<typeof ChangeLicenceStatusPayload>;

export const statusCommandPayloads = {
  changeLicenceStatus: ChangeLicenceStatusPayload,
} as const;

export const statusLegacyFields = {
  changeLicenceStatus: ['operationId', 'actor', 'licenceId', 'action', 'from', 'to', 'reason', 'changedAt'],
} as const;
