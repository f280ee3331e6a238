// The contact-correction form: the fields as typed, checked by the contract's own schema for
// businesses.correctContact (the command's ContactDetails: widths of the legacy columns, state and
// phone rules), and a reason the command requires.
import { z } from 'zod';
import { CorrectBusinessContactPayload } from '../../src-main/common/command-defs/correct-business-contact.ts';
import { operations } from '../../src-main/common/contract.ts';

export const contactFormSchema = operations['businesses.correctContact'].input
  .omit({ businessId: true, licenceId: true })
  .extend({ reason: CorrectBusinessContactPayload.shape.reason });

export type ContactFormInput = z.input<typeof contactFormSchema>;
export type ContactFormValues = z.output<typeof contactFormSchema>;
