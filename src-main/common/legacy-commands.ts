// The commands a desk sends back to the legacy database, and the fields of each command's payload
// that a bridge's write statements may bind. The commands themselves (outbox, replay) build on
// this; a bridge file is checked against it so a misspelt field is caught when the file is loaded.
import { applicationLegacyFields } from './payloads/application-payloads.ts';
import { drawerLegacyFields } from './payloads/drawer-payloads.ts';
import { statusLegacyFields } from './payloads/status-payloads.ts';

export const legacyCommandFields = {
  renewLicence: ['operationId', 'actor', 'licenceId', 'newExpiresOn', 'feeCents', 'renewedAt'],
  recordPayment: [
    'operationId',
    'actor',
    'licenceId',
    'amountCents',
    'method',
    'paidOn',
    'paidAt',
    'receiptNo',
  ],
  ...drawerLegacyFields,
  ...statusLegacyFields,
  ...applicationLegacyFields,
} as const;

export type LegacyCommandName = keyof typeof legacyCommandFields;
export const legacyCommandNames = Object.keys(legacyCommandFields) as LegacyCommandName[];
