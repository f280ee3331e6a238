// The handlers of documentOperations (src-main/common/ops/document-ops.ts). Printing only reads the
// cache, so it works offline; every document made is also kept under <data dir>/documents/.
import type { documentOperations } from '../../common/ops/document-ops.ts';
import { receiptFileName, receiptInputFor, renderReceipt } from '../documents/receipt.ts';
import { renderRouteSheet, routeSheetFileName, routeSheetInputFor } from '../documents/route-sheet.ts';
import { keptCopies, saveDocument } from '../documents/save-document.ts';
import {
  renderViolationNotice,
  violationNoticeFileName,
  violationNoticeInputFor,
} from '../documents/violation-notice.ts';
import type { HandlerContext, HandlersOf } from './handler-context.ts';
import { inspectionHandlers } from './inspection-handlers.ts';

export function documentHandlers(ctx: HandlerContext): HandlersOf<typeof documentOperations> {
  const { desk } = ctx;
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
    async 'documents.routeSheet'({ inspector, on, language }) {
      // The day exactly as the op answers it (its defaults: the person's own visits, today).
      const day = await inspectionHandlers(ctx)['inspections.day']({ inspector, on });
      const input = routeSheetInputFor(desk, day);
      return saveDocument(desk.paths.dataDir, {
        kind: 'inspections',
        fileName: routeSheetFileName(input, language),
        mimeType: 'application/pdf',
        bytes: await renderRouteSheet(input, language),
      });
    },
    async 'documents.violationNotice'({ inspectionId, language }) {
      const input = violationNoticeInputFor(desk, inspectionId);
      return saveDocument(desk.paths.dataDir, {
        kind: 'notices',
        fileName: violationNoticeFileName(input.inspectionId, language),
        mimeType: 'application/pdf',
        bytes: await renderViolationNotice(input, language),
      });
    },
  };
}
