// The versioned outbox payloads of this domain's commands, and the payload fields a bridge's write
// statements may bind (spread into commands.ts and legacy-commands.ts).
//
// A record made on the desk before the legacy system numbers it lives under 'local:<operationId>';
// a later command that refers to it (a licence of a business registered offline) carries that id,
// and replay puts the legacy key in its place before sending (see sync/README.md).
import { z } from 'zod';
import { Cents, IsoDate, IsoTimestamp } from '../model.ts';

const text = (max: number) => z.string().trim().max(max);

export const RegisterBusinessPayload = z.object({
  v: z.literal(1),
  name: text(40).min(1),
  dbaName: text(40).nullable(),
  ownerName: text(40).nullable(),
  addressLine: text(40).nullable(),
  city: text(20).nullable(),
  state: text(2).nullable(),
  postalCode: text(10).nullable(),
  phone: text(14).nullable(),
  taxId: text(11).nullable(),
  openedOn: IsoDate,
  registeredAt: IsoTimestamp,
});
export type RegisterBusinessPayload = z.infer<typeof RegisterBusinessPayload>;

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

export const applicationCommandPayloads = {
  registerBusiness: RegisterBusinessPayload,
  issueLicence: IssueLicencePayload,
} as const;

export const applicationLegacyFields = {
  registerBusiness: [
    'operationId',
    'actor',
    'name',
    'dbaName',
    'ownerName',
    'addressLine',
    'city',
    'state',
    'postalCode',
    'phone',
    'taxId',
    'openedOn',
    'registeredAt',
  ],
  issueLicence: [
    'operationId',
    'actor',
    'businessId',
    'licenceTypeCode',
    'issuedOn',
    'expiresOn',
    'feeCents',
    'issuedAt',
  ],
} as const;
