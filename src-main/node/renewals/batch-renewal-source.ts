// Where a batch gets its licences, their checks and their renewals: the renewal queue
// (renewal-queue.ts), the renewal check (renewal-check.ts) and the counter's own renewLicence. One
// seam, so the batch never duplicates a renewal rule: it asks the same services the counter asks.
import type { BatchCriteria, BatchProblem } from '../../common/ops/batch-ops.ts';
import type { FeeLine } from '../../common/fees/fee-schedule.ts';
import { renewLicence } from '../commands/licence-commands.ts';
import type { Desk } from '../desk/open-desk.ts';
import { checkRenewals } from './renewal-check.ts';
import { renewalQueue } from './renewal-queue.ts';

/** What the renewal check answers for one licence, the parts a batch keeps. */
export interface BatchRenewalCheck {
  licenceId: string;
  ok: boolean;
  problems: BatchProblem[];
  quote: { totalCents: number; lines: FeeLine[] } | null;
  newExpiresOn: string | null;
}

/** The queue pages at most this many rows at a time. */
const QUEUE_PAGE = 1000;

/** The licence ids of the renewal queue's rows for these filters on `today`, in the queue's order. */
export function queueLicenceIds(desk: Desk, criteria: BatchCriteria, today: string): string[] {
  const ids: string[] = [];
  while (ids.length < criteria.limit) {
    const { rows } = renewalQueue(desk, {
      kind: criteria.kind,
      withinDays: criteria.withinDays,
      ...(criteria.licenceTypeCode ? { licenceTypeCode: criteria.licenceTypeCode } : {}),
      ...(criteria.text ? { text: criteria.text } : {}),
      on: today,
      limit: Math.min(QUEUE_PAGE, criteria.limit - ids.length),
      offset: ids.length,
    });
    ids.push(...rows.map((r) => r.licenceId));
    if (rows.length < QUEUE_PAGE) break;
  }
  return ids;
}

/**
 * Each licence checked for a renewal taken on `on`, in the order given: holds, balances, the
 * window, the status and the licence type's renewal requirements (one query for the whole list).
 */
export function checkLicences(desk: Desk, licenceIds: readonly string[], on: string): BatchRenewalCheck[] {
  return checkRenewals(desk, licenceIds, on).map((c) => ({
    licenceId: c.licenceId,
    ok: c.ok,
    problems: c.problems.map((p) => ({ code: p.code, message: p.message, detail: p.detail })),
    quote: c.quote ? { totalCents: c.quote.totalCents, lines: c.quote.lines } : null,
    newExpiresOn: c.newExpiresOn,
  }));
}

/** The counter's renewal, exactly: one outbox entry and one audit entry, in the caller's transaction. */
export function renewOne(
  desk: Desk,
  actor: string,
  licenceId: string,
  now: Date,
): { operationId: string; newExpiresOn: string } {
  const { operationId, payload } = renewLicence(desk, actor, licenceId, now);
  return { operationId, newExpiresOn: payload.newExpiresOn };
}
