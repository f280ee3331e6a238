// Businesses: correcting a business's contact details (the command correctBusinessContact).
// Joined into the contract's operation table in contract.ts.
import { z } from 'zod';
import { ContactDetails } from '../command-defs/correct-business-contact.ts';
import { LicenceNumber } from '../model.ts';

export const businessOperations = {
  /**
   * Correct the address and phone of a business (from one of its licences, if given). Queued for
   * the legacy database like every change; refused when nothing differs from what the desk holds.
   */
  'businesses.correctContact': {
    input: ContactDetails.extend({
      businessId: z.string().min(1, 'A business number is needed.').max(64),
      licenceId: LicenceNumber.optional(),
      reason: z.string().max(200, 'A reason is at most 200 characters.'),
    }),
    output: z.object({ operationId: z.string(), businessId: z.string() }),
  },
} as const;
