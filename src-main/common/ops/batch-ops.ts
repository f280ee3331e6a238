// Batch renewal runs: build, review, validate, notices, post in chunks, resume (issue 5 point 4).
// Spread into the contract's operation table in contract.ts.
//
// A batch moves draft → validated → notices_printed → posting → posted (or cancelled before it is
// posted). Changing the selection sends it back to the step the change invalidates: selecting an
// item not validated yet → draft; any change after the notices → validated (print them again).
import { z } from 'zod';
import { FeeLine } from '../fees/fee-schedule.ts';
import { IsoDate, IsoTimestamp } from '../model.ts';
import { DocumentLanguage, PrintedDocument } from './document-ops.ts';

export const batchStates = [
  'draft',
  'validated',
  'notices_printed',
  'posting',
  'posted',
  'cancelled',
] as const;
export const BatchState = z.enum(batchStates);
export type BatchState = z.infer<typeof BatchState>;

/** pending: not posted yet; posted: renewed (its operation id); blocked: refused when it was posted. */
export const BatchItemState = z.enum(['pending', 'posted', 'blocked']);
export type BatchItemState = z.infer<typeof BatchItemState>;

export const BatchId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a batch number such as B-20261123-1a2b3c4d');

/** The renewal queue's filters, as the batch was built from them. */
export const BatchCriteria = z.object({
  kind: z.enum(['expiring', 'expired', 'delinquent', 'all']).default('expiring'),
  withinDays: z.number().int().min(0).max(3650).default(60),
  licenceTypeCode: z.string().min(1).max(20).optional(),
  text: z.string().max(200).optional(),
  /** At most this many licences in the batch. */
  limit: z.number().int().min(1).max(5000).default(1000),
});
export type BatchCriteria = z.infer<typeof BatchCriteria>;

/** Posting commits this many licences per cache transaction unless the run says otherwise. */
export const defaultChunkSize = 25;
export const ChunkSize = z.number().int().min(1).max(1000);

/**
 * Why a licence cannot be renewed: a stable code (translated on screen with the numbers of
 * `detail`, as the renewal check gives them) and an English sentence.
 */
export const BatchProblem = z.object({
  code: z.string(),
  message: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).default({}),
});
export type BatchProblem = z.infer<typeof BatchProblem>;

export const BatchItem = z.object({
  position: z.number().int(),
  licenceId: z.string(),
  businessId: z.string(),
  businessName: z.string(),
  licenceTypeName: z.string().nullable(),
  selected: z.boolean(),
  /** null: not validated since it was added or selected again. */
  problems: z.array(BatchProblem).nullable(),
  currentExpiresOn: IsoDate.nullable(),
  newExpiresOn: IsoDate.nullable(),
  quoteTotalCents: z.number().int().nullable(),
  /** How the total was computed (fee then penalty lines); empty without a fee schedule. */
  lines: z.array(FeeLine),
  state: BatchItemState,
  operationId: z.string().nullable(),
  postedAt: IsoTimestamp.nullable(),
});
export type BatchItem = z.infer<typeof BatchItem>;

export const BatchCounts = z.object({
  items: z.number().int(),
  selected: z.number().int(),
  /** Selected and validated without problems. */
  valid: z.number().int(),
  /** Selected with problems: they block the batch until deselected or fixed. */
  invalid: z.number().int(),
  /** Selected, not validated yet. */
  unvalidated: z.number().int(),
  posted: z.number().int(),
  blocked: z.number().int(),
  /** Selected items still to post. */
  remaining: z.number().int(),
  /** The validated quotes of the selected items, in cents. */
  selectedTotalCents: z.number().int(),
  businesses: z.number().int(),
});
export type BatchCounts = z.infer<typeof BatchCounts>;

export const BatchSummary = z.object({
  id: BatchId,
  createdBy: z.string(),
  createdAt: IsoTimestamp,
  criteria: BatchCriteria,
  state: BatchState,
  chunkSize: ChunkSize,
  validatedOn: IsoDate.nullable(),
  validatedAt: IsoTimestamp.nullable(),
  noticesPrintedAt: IsoTimestamp.nullable(),
  postingStartedAt: IsoTimestamp.nullable(),
  finishedAt: IsoTimestamp.nullable(),
  counts: BatchCounts,
  /** True while this desk is posting it right now (a poll shows the progress). */
  running: z.boolean(),
  /** The last posting run stopped on this error (the batch can be resumed). */
  lastError: z.string().nullable(),
});
export type BatchSummary = z.infer<typeof BatchSummary>;

export const BatchDetail = BatchSummary.extend({ items: z.array(BatchItem) });
export type BatchDetail = z.infer<typeof BatchDetail>;

/** The notices as printed (PDF) or for mail merge (CSV), with how many notices (businesses) it holds. */
export const BatchNotices = PrintedDocument.extend({ notices: z.number().int() });
export type BatchNotices = z.infer<typeof BatchNotices>;

const Language = DocumentLanguage.default('en');
const ById = z.object({ batchId: BatchId });

export const batchOperations = {
  /** Build a batch from the renewal queue's filters: every matching licence, selected. */
  'batches.create': {
    input: z.object({ criteria: BatchCriteria, chunkSize: ChunkSize.default(defaultChunkSize) }),
    output: BatchDetail,
  },
  'batches.get': { input: ById, output: BatchDetail },
  /** The desk's batches, newest first; finished ones (posted, cancelled) only when asked. */
  'batches.list': {
    input: z.object({
      includeFinished: z.boolean().default(true),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({ batches: z.array(BatchSummary) }),
  },
  /** Select or deselect licences (all of them when `licenceIds` is absent). */
  'batches.setSelected': {
    input: ById.extend({
      selected: z.boolean(),
      licenceIds: z.array(z.string().min(1).max(64)).max(5000).optional(),
    }),
    output: BatchDetail,
  },
  /** Check every selected licence on today's date: holds, balances, window, status, requirements. */
  'batches.validate': { input: ById, output: BatchDetail },
  /** One PDF: a notice per business listing its licences in the batch, new expiry and fee lines. */
  'batches.notices': { input: ById.extend({ language: Language }), output: BatchNotices },
  /** The same notices as a CSV for mail merge: one row per business (one letter each). */
  'batches.noticesCsv': { input: ById.extend({ language: Language }), output: BatchNotices },
  /**
   * Post (or resume posting) the batch: renews the selected licences still pending, a chunk per
   * cache transaction. Returns at once with the progress; batches.get shows how it goes on.
   */
  'batches.post': {
    input: ById.extend({ chunkSize: ChunkSize.optional() }),
    output: BatchSummary,
  },
  /** Cancel a batch not posted yet (a batch being posted stops after the chunk under way). */
  'batches.cancel': {
    input: ById.extend({ reason: z.string().trim().min(1).max(500) }),
    output: BatchSummary,
  },
} as const;
