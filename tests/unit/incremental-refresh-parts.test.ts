// The parts of incremental refresh that need no legacy database: the SQL of changed rows, key
// ranges and keys-only reads per dialect; marks moved back by the overlap; row-hash chunks whose
// boundaries follow the keys; joining changed chunks into ranges; the writer that leaves unchanged
// and pending rows alone; and a search index updated in place that equals a rebuilt one.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialectTable } from '../../src-main/node/bridge/dialects.ts';
import { loadBridge } from '../../src-main/node/bridge/load-bridge.ts';
import { buildReadPlan } from '../../src-main/node/bridge/read-plan.ts';
import { chunkId, RowChunker } from '../../src-main/node/bridge/row-chunks.ts';
import type { Cache } from '../../src-main/node/cache/open-cache.ts';
import { searchLicences } from '../../src-main/node/cache/search.ts';
import { rebuildSearchIndex } from '../../src-main/node/cache/search-index.ts';
import { changedRanges } from '../../src-main/node/sync/refresh-changed.ts';
import { updateSearchIndex } from '../../src-main/node/sync/refresh-search.ts';
import { markMinusMinutes } from '../../src-main/node/sync/refresh-state.ts';
import { changeWriter } from '../../src-main/node/sync/refresh-writer.ts';
import { cacheForEach } from './support/desk-cache.ts';

const root = join(import.meta.dirname, '../..');
const riverton = loadBridge(join(root, 'bridges/riverton/bridge.yaml')).definition;
const permitflow = loadBridge(join(root, 'bridges/permitflow/bridge.yaml')).definition;
const plan = (
  bridge: typeof riverton,
  entity: 'licence' | 'business' | 'codeValue',
  dialect: 'postgres' | 'mariadb' | 'sqlite',
) => buildReadPlan(bridge, entity, bridge.entities[entity]!, dialectTable[dialect]);

describe('reads of what changed', () => {
  it('last_modified: at or after the mark, and rows whose stamp is blank', () => {
    const p = plan(riverton, 'licence', 'postgres');
    expect(p.markSql).toBe('SELECT MAX("LICUPD") AS "M" FROM "LICMST"');
    const since = p.changedSince({ value: '20261120093000', kind: 'text' });
    expect(since).toBe(`"LICUPD" >= '20261120093000' OR "LICUPD" IS NULL OR TRIM("LICUPD") = ''`);
    expect(p.selectSql({ where: since })).toMatch(
      / FROM "LICMST" WHERE \("LICUPD" >= '20261120093000' OR .*\)$/,
    );
    // MariaDB pages by key through the same filter.
    const m = plan(riverton, 'licence', 'mariadb');
    expect(
      m.pageSql(['RV-0000100'], 1000, m.changedSince({ value: '20261120093000', kind: 'text' })),
    ).toMatch(
      /WHERE \(`LICUPD` >= '20261120093000' OR `LICUPD` IS NULL OR TRIM\(`LICUPD`\) = ''\) AND `LICNO` > 'RV-0000100' ORDER BY `LICNO` LIMIT 1000$/,
    );
  });

  it('version: greater than the mark, as a number, through a query file', () => {
    const p = buildReadPlan(permitflow, 'licence', permitflow.entities.licence!, dialectTable.postgres);
    expect(p.changedSince({ value: '4711', kind: 'number' })).toBe('"RowVer" > 4711');
    expect(p.markSql).toMatch(/^SELECT MAX\("RowVer"\) AS "M" FROM \(.*\) q$/s);
    expect(() => p.changedSince({ value: '1; DROP TABLE x', kind: 'number' })).toThrow(/not a number/);
  });

  it('types the mark by what the driver says the column is', () => {
    const p = plan(riverton, 'licence', 'sqlite');
    expect(p.toMark('20261120093000', 1)).toEqual({ value: '20261120093000', kind: 'text' });
    expect(p.toMark(4711, undefined)).toEqual({ value: '4711', kind: 'number' });
    expect(p.toMark('4711', -5)).toEqual({ value: '4711', kind: 'number' });
    expect(p.toMark('2026-11-20 09:30:00', 93)).toEqual({ value: '2026-11-20 09:30:00', kind: 'time' });
    expect(p.toMark('              ', 1)).toBeNull();
    expect(p.toMark(null, 1)).toBeNull();
  });

  it('key ranges: after one key, up to and including another', () => {
    const p = plan(riverton, 'licence', 'sqlite');
    expect(p.inKeyRange({ after: ['RV-0000100'], through: ['RV-0000200'] })).toBe(
      `"LICNO" > 'RV-0000100' AND NOT "LICNO" > 'RV-0000200'`,
    );
    expect(p.inKeyRange({ after: null, through: null })).toBe('1 = 1');
  });

  it('keys only: what the canonical key is made of, templates included', () => {
    const licence = plan(riverton, 'licence', 'postgres');
    expect(licence.keys.sql).toBe('SELECT "LICNO" AS "c0" FROM "LICMST"');
    expect(licence.keys.toKey({ c0: ' rv-0000007 ' })).toBe('RV-0000007');
    const codes = plan(riverton, 'codeValue', 'postgres');
    expect(codes.keys.toKey({ c1: 'licenceStatus', c2: 'S ' })).toBe('licenceStatus:S');
    const business = plan(riverton, 'business', 'mariadb');
    expect(business.keys.toKey({ c0: 10001 })).toBe('10001');
    expect(business.keys.pageSql([10001], 500)).toBe(
      'SELECT `BUSNO` AS `c0`, `BUSNO` AS `k0` FROM `BUSMST` WHERE `BUSNO` > 10001 ORDER BY `BUSNO` LIMIT 500',
    );
  });
});

describe('marks moved back by the overlap', () => {
  it('keeps the shape the legacy writes', () => {
    expect(markMinusMinutes({ value: '20261101000500', kind: 'text' }, 15)).toEqual({
      value: '20261031235000',
      kind: 'text',
    });
    expect(markMinusMinutes({ value: '2026-03-01 00:10:00.250', kind: 'time' }, 15).value).toBe(
      '2026-02-28 23:55:00',
    );
    expect(markMinusMinutes({ value: '2026-11-20T09:30', kind: 'text' }, 30).value).toBe(
      '2026-11-20T09:00:00',
    );
    expect(markMinusMinutes({ value: '20261101', kind: 'text' }, 15).value).toBe('20261031');
    expect(markMinusMinutes({ value: '4711', kind: 'number' }, 15).value).toBe('4711');
    expect(markMinusMinutes({ value: 'B-17', kind: 'text' }, 15).value).toBe('B-17');
  });
});

describe('row-hash chunks', () => {
  const rows = (n: number, change?: { at: number; value: string }) =>
    Array.from({ length: n }, (_, i) => ({
      key: [i + 1],
      values: [i === change?.at ? change.value : `row ${i + 1}`],
    }));
  const chunk = (input: Array<{ key: number[]; values: string[] }>, size = 100) => {
    const c = new RowChunker(size);
    const out = input.flatMap((r) => c.add(r.key, r.values) ?? []);
    return [...out, c.finish()].map((x) => ({ ...x, id: chunkId(x.last) }));
  };

  it('cuts chunks where the keys say, about chunk-size rows each', () => {
    const chunks = chunk(rows(10_000));
    expect(chunks.reduce((n, c) => n + c.rows, 0)).toBe(10_000);
    expect(chunks.length).toBeGreaterThan(50);
    expect(chunks.length).toBeLessThan(200);
    expect(Math.max(...chunks.map((c) => c.rows))).toBeLessThanOrEqual(400);
  });

  it('a changed, inserted or deleted row changes only its own chunk', () => {
    const before = chunk(rows(10_000));
    const known = new Map(before.map((c) => [c.id, c.hash]));
    expect(changedRanges(before, known)).toEqual([]);

    const changed = chunk(rows(10_000, { at: 4_999, value: 'changed' }));
    const ranges = changedRanges(changed, known);
    expect(ranges).toHaveLength(1);
    const [range] = ranges;
    expect(Number(range!.after![0])).toBeLessThan(5_000);
    expect(Number(range!.through![0])).toBeGreaterThanOrEqual(5_000);

    const withoutOne = rows(10_000).filter((r) => r.key[0] !== 7_000);
    expect(changedRanges(chunk(withoutOne), known)).toHaveLength(1);
    // Rows added after the last key change only the chunk that runs to the end.
    const appended = chunk(rows(10_010));
    expect(changedRanges(appended, known)).toEqual([{ after: before.at(-2)!.last, through: null }]);
  });

  it('reads everything in one range when nothing is known', () => {
    expect(changedRanges(chunk(rows(1_000)), new Map())).toEqual([{ after: null, through: null }]);
  });
});

describe('writing what changed into the cache', () => {
  let db: Cache;
  cacheForEach('wb-incr-', (cache) => {
    db = cache;
  });

  const business = (id: string, name: string) => ({
    id,
    name,
    dbaName: null,
    phone: '555-201-0000',
    city: 'Riverton',
  });
  const licence = (id: string, businessId: string, status = 'active') => ({
    id,
    businessId,
    status,
    feeCents: 100,
  });

  it('writes new and changed rows only, and never a row with a change waiting', () => {
    const w = changeWriter(db, 'licence');
    changeWriter(db, 'business').write([business('1', 'Acme')], 't0');
    expect(w.write([licence('A', '1'), licence('B', '1')], 't0')).toMatchObject({
      added: 2,
      updated: 0,
      kept: 0,
    });
    expect(w.write([licence('A', '1'), licence('B', '1', 'expired')], 't1')).toMatchObject({
      added: 0,
      updated: 1,
      kept: 0,
    });
    expect(db.prepare(`SELECT refreshed_at FROM licence WHERE id = 'A'`).pluck().get()).toBe('t0');
    db.prepare(
      `INSERT INTO outbox (operation_id, desk_id, actor, created_at, command, payload_version, payload, base)
       VALUES ('op-1', 'd', 'a', 't', 'renewLicence', 1, '{}', '[]')`,
    ).run();
    db.prepare(`INSERT INTO pending_change VALUES ('licence', 'A', 'op-1')`).run();
    expect(w.write([licence('A', '1', 'closed')], 't2')).toMatchObject({ updated: 0, kept: 1 });
    expect(db.prepare(`SELECT status FROM licence WHERE id = 'A'`).pluck().get()).toBe('active');
    // Neither B nor A is in the legacy any more: B goes, A (a change waits) stays.
    expect(w.removeMissing(new Set())).toMatchObject({ ids: ['B'] });
    expect(db.prepare('SELECT id FROM licence').pluck().all()).toEqual(['A']);
  });

  it('updates the search index in place to what a rebuild gives', () => {
    const businesses = changeWriter(db, 'business');
    const licences = changeWriter(db, 'licence');
    businesses.write([business('1', 'Acme Hardware'), business('2', 'Blue Door Cafe')], 't0');
    licences.write([licence('RV-1', '1'), licence('RV-2', '2'), licence('RV-3', '2')], 't0');
    rebuildSearchIndex(db);
    const written = businesses.write([business('2', 'Zzyzx Diner')], 't1');
    const added = licences.write([licence('RV-4', '1')], 't1');
    const gone = licences.removeMissing(new Set(['RV-2', 'RV-3', 'RV-4']));
    expect(written.updated).toBe(1);
    updateSearchIndex(db, { licenceRowids: [...added.rowids, ...gone.rowids], businessIds: ['2'] });
    const found = (text: string) =>
      searchLicences(db, text, 10)
        .results.map((r) => r.licenceId)
        .sort();
    const incremental = ['zzyzx', 'blue', 'acme', '555201', 'RV-1', 'RV-4'].map(found);
    rebuildSearchIndex(db);
    expect(['zzyzx', 'blue', 'acme', '555201', 'RV-1', 'RV-4'].map(found)).toEqual(incremental);
    expect(incremental).toEqual([['RV-2', 'RV-3'], [], ['RV-4'], ['RV-2', 'RV-3', 'RV-4'], [], ['RV-4']]);
  });
});
