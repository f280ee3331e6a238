// Refreshes of the desk's cache from the legacy database, entity by entity, through the bridge
// worker. refreshAll reads everything; refreshChanged (refresh-changed.ts) reads what changed.
// Batches are written as they arrive (memory stays flat however big the table); rows the legacy
// database no longer has are removed only after a complete pass of their entity.
import { entityNames } from '../../common/model.ts';
import { zonedIso } from '../../common/time.ts';
import { rebuildSearchIndex } from '../cache/search-index.ts';
import { entityWriter } from '../cache/store.ts';
import type { Desk } from '../desk/open-desk.ts';
import { audit } from '../security/audit.ts';
import { connectionWithSecret } from '../security/connection-secret.ts';
import { keytarCredentialStore } from '../security/credential-store.ts';
import type { ChangeMark, DataIssue } from '../bridge/read-plan.ts';
import { fingerprint, saveChunkHashes, saveDatasetState } from './refresh-state.ts';
import type { EntityRefreshResult, RefreshProgress, RefreshResult } from './refresh-types.ts';

export { refreshChanged, type RefreshChangedOptions } from './refresh-changed.ts';
export type { EntityRefreshResult, RefreshProgress, RefreshResult } from './refresh-types.ts';

const WRITE_BATCH = 10_000;

export async function refreshAll(
  desk: Desk,
  actor: string,
  onProgress?: (p: RefreshProgress) => void,
): Promise<RefreshResult> {
  const { definition, file } = desk.bridge();
  const config = desk.configured();
  const db = desk.cache;
  const startedAt = zonedIso(new Date(), desk.timeZone);
  const results: EntityRefreshResult[] = [];
  const stateStart = db.prepare(
    `INSERT INTO sync_state (dataset, last_started_at, last_error) VALUES (?, ?, NULL)
     ON CONFLICT (dataset) DO UPDATE SET last_started_at = excluded.last_started_at, last_error = NULL`,
  );
  const stateFailed = db.prepare('UPDATE sync_state SET last_error = ? WHERE dataset = ?');
  const clearIssues = db.prepare('DELETE FROM data_issue WHERE dataset = ?');
  const addIssue = db.prepare(
    'INSERT INTO data_issue (dataset, record_id, field, value, problem, seen_at) VALUES (?, ?, ?, ?, ?, ?)',
  );

  for (const entity of entityNames) {
    if (!definition.entities[entity]) continue;
    stateStart.run(entity, startedAt);
    clearIssues.run(entity);
    const writer = entityWriter(db, entity);
    let loaded = 0;
    let issues = 0;
    let total: number | null = null;
    onProgress?.({ entity, rows: 0, total, phase: 'reading' });
    try {
      // Batches arrive per driver fetch; they are written several at a time, because each
      // transaction ends in an fsync (synchronous=FULL) and that, not the insert, is the cost.
      let pending: Record<string, unknown>[] = [];
      let pendingIssues: DataIssue[] = [];
      const flush = () => {
        if (pending.length === 0 && pendingIssues.length === 0) return;
        const records = pending;
        const found = pendingIssues;
        db.transaction(() => {
          writer.upsert(records, startedAt);
          for (const i of found) addIssue.run(entity, i.recordId, i.field, i.value, i.problem, startedAt);
        }).immediate();
        loaded += records.length;
        issues += found.length;
        pending = [];
        pendingIssues = [];
        onProgress?.({ entity, rows: loaded, total, phase: 'reading' });
      };
      const connection = await connectionWithSecret(config, definition.name, keytarCredentialStore());
      const mark: { taken: ChangeMark | null } = { taken: null };
      const changes = definition.entities[entity]!.changes;
      if (changes.mode === 'version' || changes.mode === 'last_modified') {
        await desk.worker.read({ bridgeFile: file, connection, entity, select: 'mark' }, (records) => {
          if (records[0]) mark.taken = records[0] as unknown as ChangeMark;
        });
      }
      const { rows, rejected } = await desk.worker.read(
        { bridgeFile: file, connection, entity },
        (records, found) => {
          pending.push(...records);
          pendingIssues.push(...found);
          if (pending.length >= WRITE_BATCH) flush();
        },
        (n) => {
          total = n;
        },
      );
      flush();
      const removed = writer.removeUnseen(startedAt);
      // What the next incremental refresh starts from: the mark taken before this read; chunk
      // hashes of an older legacy state would hide a chunk that returned to it, so they go.
      db.transaction(() => {
        saveChunkHashes(db, entity, []);
        saveDatasetState(db, entity, {
          mark: mark.taken,
          plan: fingerprint(definition.entities[entity]!, config.connection, definition.time_zone),
          mode: 'full',
          completedAt: zonedIso(new Date(), desk.timeZone),
          rejected,
        });
      }).immediate();
      results.push({ entity, rows, loaded, rejected, removed, issues });
      onProgress?.({ entity, rows: loaded, total: total ?? rows, phase: 'done' });
    } catch (err) {
      stateFailed.run((err as Error).message, entity);
      throw err;
    }
  }
  rebuildSearchIndex(db);
  const finishedAt = zonedIso(new Date(), desk.timeZone);
  audit(db, {
    at: finishedAt,
    actor,
    action: 'cache.refresh',
    subject: definition.name,
    detail: Object.fromEntries(
      results.map((r) => [r.entity, { loaded: r.loaded, rejected: r.rejected, removed: r.removed }]),
    ),
  });
  return { startedAt, finishedAt, entities: results };
}
