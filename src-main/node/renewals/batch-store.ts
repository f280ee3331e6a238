// Reading batch runs from the cache as the contract's shapes (BatchSummary, BatchDetail).
import { errorText, WorkbenchError } from '../../common/errors.ts';
import {
  BatchCriteria,
  type BatchCounts,
  type BatchDetail,
  type BatchItem,
  type BatchProblem,
  type BatchState,
  type BatchSummary,
} from '../../common/ops/batch-ops.ts';
import type { Cache } from '../cache/open-cache.ts';

export interface BatchRow {
  id: string;
  created_by: string;
  created_at: string;
  criteria: string;
  state: BatchState;
  chunk_size: number;
  validated_on: string | null;
  validated_at: string | null;
  notices_printed_at: string | null;
  posting_started_at: string | null;
  finished_at: string | null;
}

export interface ItemRow {
  batch_id: string;
  position: number;
  licence_id: string;
  business_id: string;
  selected: 0 | 1;
  problems: string | null;
  quote_total_cents: number | null;
  quote_lines: string | null;
  current_expires_on: string | null;
  new_expires_on: string | null;
  state: BatchItem['state'];
  operation_id: string | null;
  posted_at: string | null;
}

/** What a posting run on this desk is doing now, from the runner (batch-poster.ts). */
export interface RunInfo {
  running: boolean;
  lastError: string | null;
}

export function batchRow(db: Cache, batchId: string): BatchRow {
  const row = db.prepare('SELECT * FROM renewal_batch WHERE id = ?').get(batchId) as BatchRow | undefined;
  if (!row) {
    throw new WorkbenchError('not_found', errorText('batch.not_found', { batchId }));
  }
  return row;
}

export const problemsOf = (item: Pick<ItemRow, 'problems'>): BatchProblem[] | null =>
  item.problems === null ? null : (JSON.parse(item.problems) as BatchProblem[]);

export function countItems(db: Cache, batchId: string): BatchCounts {
  const c = db
    .prepare(
      `SELECT count(*) AS items,
         coalesce(sum(selected), 0) AS selected,
         coalesce(sum(selected AND problems = '[]'), 0) AS valid,
         coalesce(sum(selected AND problems IS NOT NULL AND problems <> '[]' AND state <> 'blocked'), 0) AS invalid,
         coalesce(sum(selected AND problems IS NULL), 0) AS unvalidated,
         coalesce(sum(state = 'posted'), 0) AS posted,
         coalesce(sum(state = 'blocked'), 0) AS blocked,
         coalesce(sum(selected AND state = 'pending'), 0) AS remaining,
         coalesce(sum(CASE WHEN selected THEN quote_total_cents END), 0) AS selectedTotalCents,
         count(DISTINCT CASE WHEN selected THEN business_id END) AS businesses
       FROM renewal_batch_item WHERE batch_id = ?`,
    )
    .get(batchId) as BatchCounts;
  return c;
}

export function toSummary(db: Cache, row: BatchRow, run: RunInfo): BatchSummary {
  return {
    id: row.id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    criteria: BatchCriteria.parse(JSON.parse(row.criteria)),
    state: row.state,
    chunkSize: row.chunk_size,
    validatedOn: row.validated_on,
    validatedAt: row.validated_at,
    noticesPrintedAt: row.notices_printed_at,
    postingStartedAt: row.posting_started_at,
    finishedAt: row.finished_at,
    counts: countItems(db, row.id),
    running: run.running,
    lastError: run.lastError,
  };
}

export function itemsOf(db: Cache, batchId: string): BatchItem[] {
  const rows = db
    .prepare(
      `SELECT i.*, coalesce(b.name, '') AS business_name, t.name AS type_name
       FROM renewal_batch_item i
       LEFT JOIN licence l ON l.id = i.licence_id
       LEFT JOIN business b ON b.id = i.business_id
       LEFT JOIN licence_type t ON t.code = l.licence_type_code
       WHERE i.batch_id = ? ORDER BY i.position`,
    )
    .all(batchId) as Array<ItemRow & { business_name: string; type_name: string | null }>;
  return rows.map((r) => ({
    position: r.position,
    licenceId: r.licence_id,
    businessId: r.business_id,
    businessName: r.business_name,
    licenceTypeName: r.type_name,
    selected: r.selected === 1,
    problems: problemsOf(r),
    currentExpiresOn: r.current_expires_on,
    newExpiresOn: r.new_expires_on,
    quoteTotalCents: r.quote_total_cents,
    lines: r.quote_lines ? JSON.parse(r.quote_lines) : [],
    state: r.state,
    operationId: r.operation_id,
    postedAt: r.posted_at,
  }));
}

export function toDetail(db: Cache, row: BatchRow, run: RunInfo): BatchDetail {
  return { ...toSummary(db, row, run), items: itemsOf(db, row.id) };
}

export function listBatchRows(db: Cache, includeFinished: boolean, limit: number): BatchRow[] {
  return db
    .prepare(
      `SELECT * FROM renewal_batch ${includeFinished ? '' : `WHERE state NOT IN ('posted', 'cancelled')`}
       ORDER BY created_at DESC, id DESC LIMIT ?`,
    )
    .all(limit) as BatchRow[];
}
