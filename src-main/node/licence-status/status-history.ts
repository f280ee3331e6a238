// The status changes made at this desk to one licence, with their reasons, from the audit log
// (the legacy schema has no place for the reason), and how far each got: waiting, in the legacy
// database, or parked as a conflict.
import type { LicenceStatus } from '../../common/model.ts';
import type { PersonStatusAction } from '../../common/command-defs/change-licence-status.ts';
import type { Cache } from '../cache/open-cache.ts';
import { licenceKey } from '../sync/provisional-refs.ts';

export interface StatusChangeRecord {
  at: string;
  actor: string;
  action: PersonStatusAction;
  from: LicenceStatus;
  to: LicenceStatus;
  reason: string;
  operationId: string;
  state: 'pending' | 'applied' | 'conflict' | 'failed' | 'unknown';
}

export function statusHistory(db: Cache, licenceId: string): StatusChangeRecord[] {
  const rows = db
    .prepare(
      `SELECT a.at, a.actor, a.action, a.detail, o.status AS state
       FROM audit_log a
       LEFT JOIN outbox o ON o.operation_id = json_extract(a.detail, '$.operationId')
       WHERE a.subject = ? AND a.action IN ('licence.suspend', 'licence.revoke', 'licence.close', 'licence.reinstate')
       ORDER BY a.at DESC, a.id DESC`,
    )
    .all(licenceKey(db, licenceId)) as Array<{
    at: string;
    actor: string;
    action: string;
    detail: string | null;
    state: StatusChangeRecord['state'] | null;
  }>;
  return rows.map((r) => {
    const detail = (r.detail ? JSON.parse(r.detail) : {}) as Record<string, string>;
    return {
      at: r.at,
      actor: r.actor,
      action: r.action.slice('licence.'.length) as PersonStatusAction,
      from: detail.from as LicenceStatus,
      to: detail.to as LicenceStatus,
      reason: detail.reason ?? '',
      operationId: detail.operationId ?? '',
      state: r.state ?? 'unknown',
    };
  });
}
