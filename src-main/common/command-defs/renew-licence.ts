// Renew a licence for one more term, at the fee the fee engine quoted (node/commands/licence-commands.ts).
import { z } from 'zod';
import { FeeLine } from '../fees/fee-schedule.ts';
import { renewalExpiry } from '../licence-rules.ts';
import { Cents, IsoDate, IsoTimestamp } from '../model.ts';
import { defineCommand } from './define-command.ts';

export const RenewLicencePayload = z.object({
  v: z.literal(1),
  licenceId: z.string().min(1),
  newExpiresOn: IsoDate,
  feeCents: Cents.nonnegative(),
  renewedAt: IsoTimestamp,
  /** How feeCents was computed (the fee engine's quote), so what was charged is explained later. */
  charge: z
    .object({
      scheduleId: z.string(),
      asOf: IsoDate,
      daysLate: z.number().int().nonnegative(),
      feeCents: Cents,
      penaltyCents: Cents,
      lines: z.array(FeeLine),
    })
    .optional(),
});
export type RenewLicencePayload = z.infer<typeof RenewLicencePayload>;

export const renewLicence = defineCommand({
  name: 'renewLicence',
  version: 1,
  payload: RenewLicencePayload,
  label: { en: 'Renewal', es: 'Renovación' },
  sends: { en: 'renewals', es: 'renovaciones' },
  actions: {
    'licence.renew': {
      roles: ['clerk', 'supervisor', 'admin'],
      words: { en: 'renew licences', es: 'renovar licencias' },
    },
  },
  legacyFields: ['licenceId', 'newExpiresOn', 'feeCents', 'renewedAt'],
  basedOn: 'licence',
  creates: null,
  // A renewal depends on the licence's status, expiry, type and fee: if any changed elsewhere,
  // renewing blindly could extend the wrong term.
  watch: ['status', 'expiresOn', 'licenceTypeCode', 'feeCents'],
  editable: ['newExpiresOn'],
  restamp: 'renewedAt',
  conflictRows: (p, seen) => [
    ['expiresOn', seen.expiresOn, p.newExpiresOn],
    ['status', seen.status, 'active'],
    ['feeCents', seen.feeCents, p.feeCents],
    ['licenceTypeCode', seen.licenceTypeCode, seen.licenceTypeCode],
  ],
  // Again: one term on from the expiry the licence has now. A renewal quoted by the fee engine keeps
  // what was charged (its lines explain it); an older one without the quote takes the fee on record.
  rebase: (p, current, { today, termMonths }) => ({
    ...p,
    newExpiresOn: renewalExpiry((current.expiresOn as string | null) ?? null, today, termMonths),
    feeCents: p.charge
      ? (p.feeCents as number)
      : ((current.feeCents as number | null) ?? (p.feeCents as number)),
  }),
  describe: (p) => `the renewal of licence ${String(p.licenceId)} to ${String(p.newExpiresOn)}`,
  auditAction: () => 'licence.renew',
});
