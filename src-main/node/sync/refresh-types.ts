// What a refresh reports, whole (refreshAll) or incremental (refreshChanged).
import type { EntityName } from '../../common/model.ts';

export interface RefreshProgress {
  entity: EntityName;
  rows: number;
  total: number | null;
  phase: 'reading' | 'done';
}

export interface EntityRefreshResult {
  entity: EntityName;
  /** Rows read from the legacy database. */
  rows: number;
  /** Records written into the cache. */
  loaded: number;
  rejected: number;
  removed: number;
  issues: number;
  /** refreshChanged: how the entity was read (every row, changed rows, changed chunks). */
  mode?: 'full' | 'changed' | 'chunks';
  /** refreshChanged: of `loaded`, new records and changed ones. */
  added?: number;
  updated?: number;
  /** refreshChanged: read, but left as they are because a change made on this desk still waits. */
  kept?: number;
}

export interface RefreshResult {
  startedAt: string;
  finishedAt: string;
  entities: EntityRefreshResult[];
}
