// Correct a business's contact details (address, phone) as the city holds them: the business moved
// down the street, the phone number was keyed wrong. The name and the owner are not contact
// details: a new owner is a transfer, not a correction (node/businesses/correct-contact.ts).
import { z } from 'zod';
import { IsoTimestamp } from '../model.ts';
import { defineCommand } from './define-command.ts';

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} is at most ${max} characters.`)
    .transform((v) => (v === '' ? null : v))
    .nullable();

/** The contact details a clerk may correct, at the widths of the legacy columns (Riverton's BUSMST). */
export const contactFields = ['addressLine', 'city', 'state', 'postalCode', 'phone'] as const;
export type ContactField = (typeof contactFields)[number];

export const ContactDetails = z.object({
  addressLine: text(40, 'An address line'),
  city: text(20, 'A city'),
  state: text(2, 'A state').refine((v) => v === null || /^[A-Za-z]{2}$/.test(v), 'A state is two letters.'),
  postalCode: text(10, 'A postal code'),
  phone: text(14, 'A phone number').refine(
    (v) => v === null || /^[0-9 ()+.-]{7,14}$/.test(v),
    'A phone number is 7 to 14 digits, spaces, brackets, dots or dashes.',
  ),
});
export type ContactDetails = z.infer<typeof ContactDetails>;

export const CorrectBusinessContactPayload = ContactDetails.extend({
  v: z.literal(1),
  /** The legacy business number, or local:<operationId> of a registration still on the desk. */
  businessId: z.string().min(1),
  /** The licence the clerk corrected it from, if any (the audit names it; later changes to it wait behind this one). */
  licenceId: z.string().min(1).nullable(),
  /** Why: kept in the outbox and the audit log (BUSMST has no column for it). */
  reason: z.string().trim().min(1, 'Say why the details are corrected.').max(200),
  correctedAt: IsoTimestamp,
});
export type CorrectBusinessContactPayload = z.infer<typeof CorrectBusinessContactPayload>;

export const correctBusinessContact = defineCommand({
  name: 'correctBusinessContact',
  version: 1,
  payload: CorrectBusinessContactPayload,
  label: { en: 'Contact correction', es: 'Corrección de contacto' },
  sends: { en: 'corrections of contact details', es: 'correcciones de datos de contacto' },
  actions: {
    'business.correct': {
      roles: ['clerk', 'supervisor', 'admin'],
      words: {
        en: 'correct the contact details of businesses',
        es: 'corregir los datos de contacto de los negocios',
      },
    },
  },
  legacyFields: ['businessId', ...contactFields, 'correctedAt'],
  basedOn: 'business',
  creates: null,
  // Applied only over the details the clerk saw: a correction must not undo another made elsewhere.
  watch: contactFields,
  editable: [...contactFields],
  restamp: 'correctedAt',
  conflictRows: (p, seen) => [
    ...contactFields.map((f) => [f, seen[f], p[f]] as const),
    ['reason', null, p.reason],
  ],
  describe: (p) => `the correction of the contact details of business ${String(p.businessId)}`,
  auditAction: () => 'business.correct',
});
