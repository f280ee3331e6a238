// The audit log: one row for every change to records and every refresh, in the same cache as the
// records it describes (callers write it inside the same transaction as the change).
import type { Cache } from '../cache/open-cache.ts';

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  subject?: string;
  detail?: unknown;
}

export function audit(db: Cache, entry: AuditEntry): void {
  db.prepare('INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)').run(
    entry.at,
    entry.actor,
    entry.action,
    entry.subject ?? null,
    entry.detail === undefined ? null : JSON.stringify(entry.detail),
  );
}
