// Printable documents (PDF): receipts and the other documents of the counter (issue 5 points 3-5),
// and the inspector's route sheet and notice of violation (issue 13 point 3).
// Spread into the contract's operation table in contract.ts.
import { z } from 'zod';
import { IsoDate } from '../model.ts';

/** The language a document is printed in (independent of the UI's, though the UI passes its own). */
export const DocumentLanguage = z.enum(['en', 'es']);
export type DocumentLanguage = z.infer<typeof DocumentLanguage>;

/**
 * A document the desk made, as every operation that prints returns it: the file itself (base64)
 * for the UI to open, print or download, and where the desk kept its copy.
 */
export const PrintedDocument = z.object({
  /** The name to offer when downloading, e.g. "receipt-D1-000042.pdf". */
  fileName: z.string().min(1),
  /** application/pdf, or text/csv for mail-merge and exports. */
  mimeType: z.string().min(1),
  base64: z.string(),
  /** The copy kept on the desk: <data dir>/documents/<kind>/<file name>. */
  savedTo: z.string(),
});
export type PrintedDocument = z.infer<typeof PrintedDocument>;

export const documentOperations = {
  /** The receipt of one payment (provisional `local:…` or legacy), as a PDF also kept on the desk. */
  'documents.receipt': {
    input: z.object({ paymentId: z.string().min(1).max(200), language: DocumentLanguage.default('en') }),
    output: PrintedDocument,
  },
  /** An inspector's route sheet: the visits of `inspections.day` (same defaults, same order), with lines for notes. */
  'documents.routeSheet': {
    input: z.object({
      inspector: z.string().trim().max(8).optional(),
      on: IsoDate.optional(),
      language: DocumentLanguage.default('en'),
    }),
    output: PrintedDocument,
  },
  /** The notice of violation of a done inspection that found violations; refused for one that found none. */
  'documents.violationNotice': {
    input: z.object({
      inspectionId: z.string().trim().min(1, 'An inspection number is needed.').max(20),
      language: DocumentLanguage.default('en'),
    }),
    output: PrintedDocument,
  },
} as const;
