// The handlers of batchOperations (src-main/common/ops/batch-ops.ts): batch renewal runs.
import type { batchOperations } from '../../common/ops/batch-ops.ts';
import { printBatchNotices } from '../documents/renewal-notices.ts';
import { postInBackground, runInfo } from '../renewals/batch-poster.ts';
import { cancelBatch, createBatch, setSelected, validateBatch } from '../renewals/batch-runs.ts';
import { batchRow, listBatchRows, toDetail, toSummary } from '../renewals/batch-store.ts';
import type { HandlerContext, HandlersOf } from './handler-context.ts';

export function batchHandlers({ desk, runtime, actor }: HandlerContext): HandlersOf<typeof batchOperations> {
  const db = desk.cache;
  const detail = (batchId: string) => toDetail(db, batchRow(db, batchId), runInfo(desk, batchId));
  const summary = (batchId: string) => toSummary(db, batchRow(db, batchId), runInfo(desk, batchId));
  return {
    async 'batches.create'({ criteria, chunkSize }) {
      return detail(createBatch(desk, actor(), criteria, chunkSize));
    },
    async 'batches.get'({ batchId }) {
      return detail(batchId);
    },
    async 'batches.list'({ includeFinished, limit }) {
      return {
        batches: listBatchRows(db, includeFinished, limit).map((row) =>
          toSummary(db, row, runInfo(desk, row.id)),
        ),
      };
    },
    async 'batches.setSelected'({ batchId, selected, licenceIds }) {
      setSelected(desk, actor(), batchId, selected, licenceIds);
      return detail(batchId);
    },
    async 'batches.validate'({ batchId }) {
      validateBatch(desk, actor(), batchId);
      return detail(batchId);
    },
    async 'batches.notices'({ batchId, language }) {
      return printBatchNotices(desk, actor(), batchId, 'pdf', language);
    },
    async 'batches.noticesCsv'({ batchId, language }) {
      return printBatchNotices(desk, actor(), batchId, 'csv', language);
    },
    async 'batches.post'({ batchId, chunkSize }) {
      // The renewals flow to the legacy system as each chunk lands; the sync loop is told at the end.
      postInBackground(desk, actor(), batchId, chunkSize, () => runtime?.kick());
      return summary(batchId);
    },
    async 'batches.cancel'({ batchId, reason }) {
      cancelBatch(desk, actor(), batchId, reason);
      return summary(batchId);
    },
  };
}
