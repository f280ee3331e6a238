// Conflicts a person resolves: listing them with the three versions side by side, and the
// resolutions (apply again, edit then apply, discard with a reason), each audited.
import type { Conflict } from '../../common/sync-model.ts';
import type { Cache } from '../cache/open-cache.ts';
import type { Desk } from '../desk/open-desk.ts';

export interface Resolution {
  conflictId: number;
  resolution: 'apply_again' | 'edit' | 'discard';
  reason?: string | undefined;
  edits?: Record<string, string | number> | undefined;
}

export function listConflicts(db: Cache, includeResolved = false): Conflict[] {
  void db;
  void includeResolved;
  return [];
}

export function countOpenConflicts(db: Cache): number {
  return (db.prepare(`SELECT count(*) AS n FROM conflict WHERE status = 'open'`).get() as { n: number }).n;
}

export function resolveConflict(desk: Desk, actor: string, r: Resolution): Conflict {
  void desk;
  void actor;
  void r;
  throw new Error('conflict resolution is being built');
}
