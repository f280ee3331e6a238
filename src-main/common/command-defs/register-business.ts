// Register a new business (with a new application, node/applications/application-commands.ts).
//
// A record made on the desk before the legacy system numbers it lives under 'local:<operationId>';
// a later command that refers to it (a licence of a business registered offline) carries that id,
// and replay puts the legacy key in its place before sending (see node/sync/README.md).
import { z } from 'zod';
import { IsoDate, IsoTimestamp } from '../model.ts';
import { defineCommand, given } from './define-command.ts';

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

export const registerBusiness = defineCommand({
  name: 'registerBusiness',
  version: 1,
  payload: RegisterBusinessPayload,
  label: { en: 'New business', es: 'Nuevo negocio' },
  sends: { en: 'new businesses', es: 'negocios nuevos' },
  actions: {
    'application.create': {
      roles: ['clerk', 'supervisor', 'admin'],
      words: { en: 'take new applications', es: 'recibir solicitudes nuevas' },
    },
  },
  legacyFields: [
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
  basedOn: null,
  creates: 'business',
  // A new record: nothing the clerk read can have changed under it.
  watch: [],
  // Applied again as it was, or discarded: nothing in it to edit.
  editable: [],
  // A new business: nothing was seen before; what the clerk typed.
  conflictRows: (p) => given(p, 'name', 'ownerName', 'addressLine', 'phone', 'taxId'),
  describe: (p) => `the registration of the new business ${String(p.name)}`,
  auditAction: () => 'business.register',
});
