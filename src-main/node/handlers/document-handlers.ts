// The handlers of documentOperations (src-main/common/ops/document-ops.ts). Printing only reads the
// cache, so it works offline; every document made is also kept under <data dir>/documents/.
import type { documentOperations } from '../../common/ops/document-ops.ts';
import { receiptFileName, receiptInputFor, renderReceipt } from '../documents/receipt.ts';
import { keptCopies, saveDocument } from '../documents/save-document.ts';
import type { HandlerContext, HandlersOf } from './handler-context.ts';

export function documentHandlers({ desk }: HandlerContext): HandlersOf<typeof documentOperations> {
  return {
    async 'documents.receipt'({ paymentId, language }) {
      const input = receiptInputFor(desk, paymentId);
      // A second receipt for the same payment says it is a copy (under its provisional number too).
      const names = [receiptFileName(input)];
      if (input.provisionalReceiptNo)
        names.push(receiptFileName({ ...input, receiptNo: input.provisionalReceiptNo }));
      input.reprint = names.some((name) => keptCopies(desk.paths.dataDir, 'receipts', name) > 0);
      const bytes = await renderReceipt(input, language);
      return saveDocument(desk.paths.dataDir, {
        kind: 'receipts',
        fileName: receiptFileName(input),
        mimeType: 'application/pdf',
        bytes,
      });
    },
  };
}
