// Suspend, revoke, close or reinstate a licence (node/licence-status/change-status.ts); the status
// machine itself is ../licence-status.ts.
import { z } from 'zod';
import { IsoTimestamp, LicenceStatus } from '../model.ts';
import { defineCommand, given, unchanged } from './define-command.ts';

/** The status actions a person takes (renew has its own command; expire is the nightly run's). */
export const personStatusActions = ['suspend', 'revoke', 'close', 'reinstate'] as const;
export const PersonStatusAction = z.enum(personStatusActions);
export type PersonStatusAction = z.infer<typeof PersonStatusAction>;

export const MAX_STATUS_REASON = 500;

/**
 * `from` is the status the person saw (replay applies the change only while the legacy record
 * still has it), `to` where the status machine lands it. The reason lives here and in the audit
 * log: Riverton's LICMST has no column for it.
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

const supervisors = ['supervisor', 'admin'] as const;

export const changeLicenceStatus = defineCommand({
  name: 'changeLicenceStatus',
  version: 1,
  payload: ChangeLicenceStatusPayload,
  label: { en: 'Status change', es: 'Cambio de estado' },
  sends: { en: 'status changes', es: 'cambios de estado' },
  // As the status machine says (licence-status.ts; a unit test keeps them equal).
  actions: {
    'licence.suspend': { roles: supervisors, words: { en: 'suspend licences', es: 'suspender licencias' } },
    'licence.revoke': { roles: supervisors, words: { en: 'revoke licences', es: 'revocar licencias' } },
    'licence.close': { roles: supervisors, words: { en: 'close licences', es: 'cerrar licencias' } },
    'licence.reinstate': {
      roles: supervisors,
      words: { en: 'reinstate licences', es: 'rehabilitar licencias' },
    },
  },
  legacyFields: ['licenceId', 'action', 'from', 'to', 'reason', 'changedAt'],
  basedOn: 'licence',
  creates: null,
  // Applied only while the licence still has the status the person saw: a suspension decided on an
  // active licence must not land on one closed elsewhere meanwhile.
  watch: ['status'],
  editable: ['reason'],
  restamp: 'changedAt',
  conflictRows: (p, seen) => [
    ['status', seen.status, p.to],
    ...unchanged(seen, 'expiresOn'),
    ...given(p, 'reason'),
  ],
  // The same move, from the status the legacy record has now (the desk checks the machine again).
  rebase: (p, current) => ({ ...p, from: current.status ?? p.from }),
  describe: (p) =>
    `the change of licence ${String(p.licenceId)} from ${String(p.from)} to ${String(p.to)} (${String(p.action)})`,
  auditAction: (p) => `licence.${String(p.action)}`,
});
