// Incremental refresh: per entity, read only what changed in the legacy database since the last
// refresh, by the bridge's `changes` mode, and notice rows deleted there.
//
//   version        rows whose column is greater than the largest value seen (PermitFlow's RowVer);
//   last_modified  rows whose column is at or after the last mark less overlap_minutes, and every
//                  row whose column is blank (Riverton's LICUPD/BUSUPD are sometimes blank: such a
//                  row cannot be dated, so it is read each time rather than missed for good); and,
//                  once every `fullEveryHours` (24), every row: a program that changes a row
//                  without stamping it is caught within a day;
//   row_hash       the worker hashes chunks of rows in key order; only chunks whose hash differs
//                  from the one kept in the cache are read;
//   full           every row (there is nothing to tell changes by).
//
// The mark is the column's MAX taken before the rows are read, so it never runs ahead of what was
// read. The first refresh of a dataset, or one whose bridge mapping or connection changed since its
// mark was taken, reads every row. Hard deletes: a keys-only read (or, when every row was read, the
// rows themselves) gives the keys the legacy database holds; cached rows without one are removed,
// except rows with a change still waiting (pending_change), which nothing here overwrites either.
// Unchanged rows are not written again, and the search index is updated for the licences touched.
import { type EntityName, entityNames } from '../../common/model.ts';
import { zonedIso } from '../../common/time.ts';
import type { ChangeMark, DataIssue, KeyRange } from '../bridge/read-plan.ts';
import { chunkId, type RowChunk } from '../bridge/row-chunks.ts';
import type { ReadRequest } from '../bridge/worker-protocol.ts';
import { keyField } from '../cache/canonical-tables.ts';
import { rebuildSearchIndex } from '../cache/search-index.ts';
import type { Desk } from '../desk/open-desk.ts';
import { audit } from '../security/audit.ts';
import { connectionWithSecret } from '../security/connection-secret.ts';
import { keytarCredentialStore } from '../security/credential-store.ts';
import type { EntityRefreshResult, RefreshProgress, RefreshResult } from './refresh-types.ts';
import { changeWriter } from './refresh-writer.ts';
import { updateSearchIndex } from './refresh-search.ts';
import {
  fingerprint,
  markMinusMinutes,
  readChunkHashes,
  readDatasetState,
  saveChunkHashes,
  saveDatasetState,
} from './refresh-state.ts';

export interface RefreshChangedOptions {
  /** A last_modified entity is read whole when its last full pass is older than this (hours, 24). */
  fullEveryHours?: number;
  /** More licences than this to re-index: the search index is rebuilt instead (10,000). */
  rebuildIndexAbove?: number;
}

const WRITE_BATCH = 10_000;

type ReadOptions = Pick<ReadRequest, 'select' | 'since' | 'ranges' | 'chunkSize'>;

export async function refreshChanged(
  desk: Desk,
  actor: string,
  onProgress?: (p: RefreshProgress) => void,
  options: RefreshChangedOptions = {},
): Promise<RefreshResult> {
  const fullEveryMs = (options.fullEveryHours ?? 24) * 3_600_000;
  const { definition, file } = desk.bridge();
  const config = desk.configured();
  const db = desk.cache;
  const connection = await connectionWithSecret(config, definition.name, keytarCredentialStore());
  const startedAt = zonedIso(new Date(), desk.timeZone);
  const results: EntityRefreshResult[] = [];
  const touchedLicences = new Set<number>();
  const touchedBusinesses = new Set<string>();

  const read = (
    entity: EntityName,
    o: ReadOptions,
    onBatch: (r: Record<string, unknown>[], i: DataIssue[]) => void,
  ) => desk.worker.read({ bridgeFile: file, connection, entity, ...o }, onBatch);

  const stateStart = db.prepare(
    `INSERT INTO sync_state (dataset, last_started_at, last_error) VALUES (?, ?, NULL)
     ON CONFLICT (dataset) DO UPDATE SET last_started_at = excluded.last_started_at, last_error = NULL`,
  );
  const stateFailed = db.prepare('UPDATE sync_state SET last_error = ? WHERE dataset = ?');

  for (const entity of entityNames) {
    const mapping = definition.entities[entity];
    if (!mapping) continue;
    stateStart.run(entity, startedAt);
    onProgress?.({ entity, rows: 0, total: null, phase: 'reading' });
    try {
      const plan = fingerprint(mapping, config.connection, definition.time_zone);
      const state = readDatasetState(db, entity);
      const known = state !== null && state.plan === plan;
      const changes = mapping.changes;
      const columnMode = changes.mode === 'version' || changes.mode === 'last_modified';

      // The mark first: rows changed while they are read are read again next time, never skipped.
      const taken: { mark: ChangeMark | null } = { mark: null };
      if (columnMode) {
        await read(entity, { select: 'mark' }, (records) => {
          if (records[0]) taken.mark = records[0] as unknown as ChangeMark;
        });
      }
      let mode: 'full' | 'changed' | 'chunks' = 'full';
      if (changes.mode === 'row_hash') mode = 'chunks';
      else if (columnMode && known && state.mark) {
        const fullDue =
          changes.mode === 'last_modified' &&
          (!state.lastFullAt || Date.now() - Date.parse(state.lastFullAt) >= fullEveryMs);
        if (!fullDue) mode = 'changed';
      }

      // What to read: every row, the rows since the mark, or the rows of chunks that changed.
      let request: ReadOptions | null = {};
      const chunks: Array<RowChunk & { id: string }> = [];
      if (mode === 'changed') {
        const since =
          changes.mode === 'last_modified'
            ? markMinusMinutes(state!.mark!, changes.overlap_minutes)
            : state!.mark!;
        request = { since };
      } else if (mode === 'chunks') {
        const chunkSize = changes.mode === 'row_hash' ? changes.chunk_size : 5000;
        const before = known ? readChunkHashes(db, entity) : new Map<string, string>();
        await read(entity, { select: 'chunks', chunkSize }, (records) => {
          for (const r of records as unknown as RowChunk[]) chunks.push({ ...r, id: chunkId(r.last) });
        });
        const ranges = changedRanges(chunks, before);
        request = ranges.length === 0 ? null : isEverything(ranges) ? {} : { ranges };
      }
      // Every row read: the rows themselves say which keys the legacy holds.
      const everything = request !== null && !request.since && !request.ranges;

      const writer = changeWriter(db, entity);
      const counts = { rows: 0, added: 0, updated: 0, kept: 0, rejected: 0 };
      const seen = new Set<string>();
      const issues: DataIssue[] = [];
      let pending: Record<string, unknown>[] = [];
      const key = keyField(entity);
      const flush = () => {
        if (pending.length === 0) return;
        const w = writer.write(pending, startedAt);
        counts.added += w.added;
        counts.updated += w.updated;
        counts.kept += w.kept;
        if (entity === 'licence') for (const r of w.rowids) touchedLicences.add(r);
        if (entity === 'business') for (const id of w.ids) touchedBusinesses.add(id);
        pending = [];
        onProgress?.({ entity, rows: counts.rows, total: null, phase: 'reading' });
      };
      if (request) {
        const r = await read(entity, { select: 'records', ...request }, (records, found) => {
          for (const rec of records) seen.add(String(rec[key]));
          pending.push(...records);
          issues.push(...found);
          if (pending.length >= WRITE_BATCH) flush();
        });
        flush();
        counts.rows = r.rows;
        counts.rejected = r.rejected;
      }
      // Hard deletes: the keys the legacy holds now, when the read did not give them all. (No
      // chunk changed: no row was deleted either, as a deleted row changes its chunk's hash.)
      let present: Set<string> | null = everything ? seen : null;
      if (!everything && request !== null) {
        const keys = new Set<string>();
        await read(entity, { select: 'keys' }, (records) => {
          for (const rec of records) keys.add(String(rec.id));
        });
        present = keys;
      }

      const completedAt = zonedIso(new Date(), desk.timeZone);
      let removed = 0;
      db.transaction(() => {
        const gone = present ? writer.removeMissing(present) : { ids: [], rowids: [] };
        removed = gone.ids.length;
        if (entity === 'licence') for (const r of gone.rowids) touchedLicences.add(r);
        if (entity === 'business') for (const id of gone.ids) touchedBusinesses.add(id);
        recordIssues(db, entity, everything ? null : [...seen, ...gone.ids], issues, startedAt);
        if (mode === 'chunks') saveChunkHashes(db, entity, chunks);
        saveDatasetState(db, entity, {
          mark: taken.mark ?? (known ? (state?.mark ?? null) : null),
          plan,
          mode: everything ? 'full' : mode,
          completedAt,
          rejected: counts.rejected,
        });
      }).immediate();
      const loaded = counts.added + counts.updated;
      results.push({
        entity,
        rows: counts.rows,
        loaded,
        rejected: counts.rejected,
        removed,
        issues: issues.length,
        mode: everything ? 'full' : mode,
        added: counts.added,
        updated: counts.updated,
        kept: counts.kept,
      });
      onProgress?.({ entity, rows: counts.rows, total: counts.rows, phase: 'done' });
    } catch (err) {
      stateFailed.run((err as Error).message, entity);
      throw err;
    }
  }

  const threshold = options.rebuildIndexAbove ?? 10_000;
  if (touchedLicences.size + touchedBusinesses.size > threshold) rebuildSearchIndex(db);
  else updateSearchIndex(db, { licenceRowids: touchedLicences, businessIds: touchedBusinesses });

  const finishedAt = zonedIso(new Date(), desk.timeZone);
  audit(db, {
    at: finishedAt,
    actor,
    action: 'cache.refresh',
    subject: definition.name,
    detail: {
      refresh: 'changed',
      datasets: Object.fromEntries(
        results.map((r) => [
          r.entity,
          {
            mode: r.mode,
            read: r.rows,
            added: r.added,
            updated: r.updated,
            removed: r.removed,
            kept: r.kept,
            rejected: r.rejected,
          },
        ]),
      ),
    },
  });
  return { startedAt, finishedAt, entities: results };
}

/** The key ranges of the chunks whose hash is not the one kept, adjacent ones joined. */
export function changedRanges(
  chunks: Array<RowChunk & { id: string }>,
  known: Map<string, string>,
): KeyRange[] {
  const ranges: KeyRange[] = [];
  let after: KeyRange['after'] = null;
  let open: KeyRange | null = null;
  for (const c of chunks) {
    if (known.get(c.id) !== c.hash) {
      if (open) open.through = c.last;
      else {
        open = { after, through: c.last };
        ranges.push(open);
      }
    } else open = null;
    after = c.last;
  }
  return ranges;
}

const isEverything = (ranges: KeyRange[]) =>
  ranges.length === 1 && ranges[0]!.after === null && ranges[0]!.through === null;

/**
 * Data issues of what was read: every issue of the dataset replaced after a read of every row;
 * otherwise those of the records read or removed (and issues without a record, once each).
 */
function recordIssues(
  db: Desk['cache'],
  dataset: EntityName,
  recordIds: string[] | null,
  issues: DataIssue[],
  seenAt: string,
): void {
  if (recordIds === null) {
    db.prepare('DELETE FROM data_issue WHERE dataset = ?').run(dataset);
    const add = db.prepare(
      'INSERT INTO data_issue (dataset, record_id, field, value, problem, seen_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const i of issues) add.run(dataset, i.recordId, i.field, i.value, i.problem, seenAt);
    return;
  }
  // Only the records read that had issues (a few among thousands read) are looked up.
  const withIssues = new Set(
    db
      .prepare('SELECT DISTINCT record_id FROM data_issue WHERE dataset = ?')
      .pluck()
      .all(dataset) as string[],
  );
  const clear = db.prepare('DELETE FROM data_issue WHERE dataset = ? AND record_id = ?');
  for (const id of recordIds) if (withIssues.has(id)) clear.run(dataset, id);
  // A record read again that still has its issue (or an issue of a row without a key) is not doubled.
  const add = db.prepare(
    `INSERT INTO data_issue (dataset, record_id, field, value, problem, seen_at)
     SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (
       SELECT 1 FROM data_issue WHERE dataset = ? AND record_id IS ? AND field = ? AND value IS ? AND problem = ?)`,
  );
  for (const i of issues) {
    const what = [i.recordId, i.field, i.value, i.problem];
    add.run(dataset, ...what, seenAt, dataset, ...what);
  }
}
