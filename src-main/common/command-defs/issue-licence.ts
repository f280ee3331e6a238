// Issue a new licence on an application (node/applications/application-commands.ts).
import { z } from 'zod';
import { Cents, IsoDate, IsoTimestamp } from '../model.ts';
import { defineCommand, given, unchanged } from './define-command.ts';

export const IssueLicencePayload = z.object({
  v: z.literal(1),
  /** The legacy business number, or local:<operationId> of a registerBusiness still on the desk. */
  businessId: z.string().min(1),
  licenceTypeCode: z.string().min(1).max(4),
  issuedOn: IsoDate,
  expiresOn: IsoDate,
  feeCents: Cents.nonnegative(),
  issuedAt: IsoTimestamp,
  /** The desk's application the licence was issued on (for the audit trail; not written to legacy). */
  applicationId: z.string().min(1),
});
export type IssueLicencePayload = z.infer<typeof IssueLicencePayload>;

export const issueLicence = defineCommand({
  name: 'issueLicence',
  version: 1,
  payload: IssueLicencePayload,
  label: { en: 'New licence', es: 'Nueva licencia' },
  sends: { en: 'new licences', es: 'licencias nuevas' },
  actions: {
    'application.issue': {
      roles: ['clerk', 'supervisor', 'admin'],
      words: { en: 'issue licences', es: 'emitir licencias' },
    },
  },
  legacyFields: ['businessId', 'licenceTypeCode', 'issuedOn', 'expiresOn', 'feeCents', 'issuedAt'],
  basedOn: 'business',
  creates: 'licence',
  // A new record: its business is referred to by its key, and replay finds it gone if it went.
  watch: [],
  editable: [],
  // The business the licence is for, as the clerk saw it, and the licence asked for.
  conflictRows: (p, seen) => [
    ...unchanged(seen, 'name'),
    ...given(p, 'businessId', 'licenceTypeCode', 'issuedOn', 'expiresOn', 'feeCents'),
  ],
  describe: (p, seen) =>
    `the new ${String(p.licenceTypeCode)} licence for ${seen.name ? `${String(seen.name)} (business ${String(p.businessId)})` : `business ${String(p.businessId)}`}, application ${String(p.applicationId)},`,
  auditAction: () => 'licence.issue',
});
