// From profiles to a draft bridge, without a database: a small 2000s-style system (PascalCase,
// identity keys, a status code table, a permit number clerks type) is profiled by hand; the
// guesses take the right tables and columns; the draft loads with the desk's loader, its TODOs sit
// on the lines the draft says, codes get meanings from their code table, and payments read the
// permit number through a query file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBridge } from '../../src-main/node/bridge/load-bridge.ts';
import { analyseTables, applyReferences, overlapChecks } from '../../src-main/tooling/discovery/analyse.ts';
import { todoComments } from '../../src-main/tooling/discovery/bridge-check.ts';
import { bridgeName } from '../../src-main/tooling/discovery/discover.ts';
import {
  guessLabel,
  writeDraftBridge,
  yamlFlow,
  yamlScalar,
} from '../../src-main/tooling/discovery/draft-bridge.ts';
import {
  guessMapping,
  nameFit,
  tableNameScore,
  entitySpecs,
} from '../../src-main/tooling/discovery/guess.ts';
import { estimateDistinct } from '../../src-main/tooling/discovery/profile.ts';
import type { ColumnProfile, TableProfile } from '../../src-main/tooling/discovery/profile-types.ts';
import { columnType, profileOf } from './support/column-profiles.ts';
import { renderReport } from '../../src-main/tooling/discovery/report.ts';
import { defaultDiscoveryOptions } from '../../src-main/tooling/discovery/profile-types.ts';
import { expectEach } from './support/each-case.ts';

const dir = mkdtempSync(join(tmpdir(), 'wb-draft-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const t = columnType;
const col = profileOf;

function table(name: string, primaryKey: string[], columns: ColumnProfile[], contents = false): TableProfile {
  const rows = columns[0]!.rows;
  return {
    name,
    schema: 'public',
    qualified: name,
    type: 'table',
    primaryKey,
    rows,
    columns: columns.map((c, i) => ({ ...c, ordinal: i + 1 })),
    contents: contents
      ? Array.from({ length: rows }, (_, i) =>
          Object.fromEntries(columns.map((c) => [c.name, c.sample[i] ?? null])),
        )
      : null,
    error: null,
    seconds: 0,
  };
}

const N = 60;
const seq = (n: number, from = 1) => Array.from({ length: n }, (_, i) => String(from + i));
const dates = (n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.UTC(2020, 0, 1 + i * 5)).toISOString().slice(0, 10));

const statuses = table(
  'PermitStatuses',
  ['StatusId'],
  [
    col('StatusId', t('integer'), ['1', '2', '3', '4']),
    col('Name', t('varchar', { length: 50 }), ['Issued', 'Expired', 'Suspended', 'Pending']),
  ],
  true,
);
const businesses = table(
  'Businesses',
  ['BusinessId'],
  [
    col('BusinessId', t('integer'), seq(N), { autoIncrement: true }),
    col(
      'LegalName',
      t('varchar', { length: 200 }),
      seq(N).map((i) => `Shop Number ${i} LLC`),
    ),
    col(
      'City',
      t('varchar', { length: 50 }),
      seq(N).map(() => 'Lakeside'),
    ),
    col(
      'OwnerFirstName',
      t('varchar', { length: 50 }),
      seq(N).map((i) => (Number(i) % 5 ? `Ann${i}` : `ANN${i}`)),
    ),
    col(
      'OwnerLastName',
      t('varchar', { length: 50 }),
      seq(N).map((i) => `Lee${i}`),
    ),
    col('DateEstablished', t('timestamp'), [
      ...dates(N - 10).map((d) => `${d} 00:00:00`),
      ...Array(10).fill('1900-01-01 00:00:00'),
    ]),
    col('IsDeleted', t('boolean'), [...Array(N - 3).fill('0'), '1', '1', '1']),
    col(
      'ModifiedOn',
      t('timestamp'),
      dates(N).map((d, i) => `${d} 1${i % 10}:30:00`),
    ),
  ],
);
const permits = table(
  'Permits',
  ['PermitId'],
  [
    col('PermitId', t('integer'), seq(N), { autoIncrement: true }),
    col(
      'PermitNumber',
      t('varchar', { length: 20 }),
      seq(N).map((i) => `LK-2024-${i.padStart(6, '0')}`),
    ),
    col('BusinessId', t('integer'), seq(N)),
    col(
      'StatusId',
      t('integer'),
      seq(N).map((i) => String((Number(i) % 4) + 1)),
    ),
    col('ExpiresOn', t('date'), dates(N)),
    col(
      'AnnualFee',
      t('decimal', { precision: 19, scale: 4 }),
      seq(N).map((i) => `${i}.5000`),
    ),
    col('IsDeleted', t('boolean'), [...Array(N - 1).fill('0'), '1']),
  ],
);
const payments = table(
  'Payments',
  ['PaymentId'],
  [
    col('PaymentId', t('integer'), seq(N * 2), { autoIncrement: true }),
    col('PermitId', t('integer'), [...seq(N), ...seq(N)]),
    col(
      'Amount',
      t('decimal', { precision: 19, scale: 4 }),
      seq(N * 2).map((i) => `${i}.2500`),
    ),
    col(
      'ReceivedAt',
      t('timestamp'),
      [...dates(N), ...dates(N)].map((d) => `${d} 09:15:00`),
    ),
  ],
);
const profiles = [statuses, businesses, permits, payments];

function analysed() {
  const analysis = analyseTables(profiles);
  const checks = overlapChecks(analysis);
  // What the worker would find: each candidate's values are in the key it points at.
  const truth: Record<string, string> = {
    'Permits.BusinessId': 'Businesses',
    'Permits.StatusId': 'PermitStatuses',
    'Payments.PermitId': 'Permits',
  };
  applyReferences(
    analysis,
    checks.map((c) => ({
      ...c,
      checked: 50,
      found: truth[`${c.table}.${c.column}`] === c.refTable ? 50 : 3,
      error: null,
    })),
    checks,
  );
  return analysis;
}

describe('the guesses', () => {
  it('checks the name-related column pairs and confirms those found in the key', () => {
    const analysis = analysed();
    const checks = overlapChecks(analysis).map((c) => `${c.table}.${c.column}->${c.refTable}`);
    expect(checks).toEqual(
      expect.arrayContaining([
        'Permits.BusinessId->Businesses',
        'Permits.StatusId->PermitStatuses',
        'Payments.PermitId->Permits',
      ]),
    );
    const permitsFindings = analysis.tables.find((x) => x.profile.name === 'Permits')!.findings;
    expect(permitsFindings.get('StatusId')?.references).toMatchObject({
      table: 'PermitStatuses',
      column: 'StatusId',
    });
  });

  it('takes tables by name and columns by name and content', () => {
    const guess = guessMapping(analysed());
    const byEntity = Object.fromEntries(guess.entities.map((e) => [e.entity, e]));
    expect(byEntity.business?.table.profile.name).toBe('Businesses');
    expect(byEntity.licence?.table.profile.name).toBe('Permits');
    expect(byEntity.payment?.table.profile.name).toBe('Payments');
    expect(guess.missing.sort()).toEqual(['feeSchedule', 'inspection', 'licenceType']);
    const fields = (e: string) =>
      Object.fromEntries(byEntity[e]!.fields.map((f) => [f.spec.field, f.column]));
    expect(fields('business')).toMatchObject({
      id: 'BusinessId',
      name: 'LegalName',
      city: 'City',
      openedOn: 'DateEstablished',
      legacyUpdatedAt: 'ModifiedOn',
      phone: null,
    });
    expect(fields('licence')).toMatchObject({
      businessId: 'BusinessId',
      status: 'StatusId',
      expiresOn: 'ExpiresOn',
      feeCents: 'AnnualFee',
    });
    expect(fields('payment')).toMatchObject({
      licenceId: 'PermitId',
      amountCents: 'Amount',
      paidOn: 'ReceivedAt',
    });
  });

  it('scores table names and column names as a person would read them', () => {
    const spec = (e: string) => entitySpecs.find((s) => s.entity === e)!;
    expect(tableNameScore(spec('licence'), 'LICMST').score).toBeGreaterThan(
      tableNameScore(spec('licence'), 'RVLTYP').score,
    );
    expect(tableNameScore(spec('licenceType'), 'PermitTypes').score).toBe(10);
    expect(tableNameScore(spec('payment'), 'PAYHST').score).toBeGreaterThan(5);
    const expires = spec('licence').fields.find((f) => f.field === 'expiresOn')!;
    expect(nameFit(expires, { full: 'licexp', stripped: 'licexp', stem: 'EXP' })).toBe(9);
    expect(
      nameFit(expires, { full: 'expirationdate', stripped: 'expirationdate', stem: 'EXPIRATIONDATE' }),
    ).toBe(10);
    expect(nameFit(expires, { full: 'city', stripped: 'city', stem: 'CITY' })).toBe(0);
  });
});

describe('the draft', () => {
  const analysis = analysed();
  const guess = guessMapping(analysis);
  const draft = writeDraftBridge(guess, analysis, {
    name: 'lakeside',
    title: 'Lakeside (draft)',
    timeZone: 'UTC',
    timeZoneGiven: false,
    dialect: 'postgres',
    writeDialect: false,
    schemaRef: null,
    source: 'Driver={PostgreSQL Unicode};Database=x',
    generatedAt: '2026-01-01T00:00:00Z',
  });
  for (const [file, text] of Object.entries(draft.queries)) writeFileSync(join(dir, file), text);
  const file = join(dir, 'bridge.yaml');
  writeFileSync(file, draft.text);
  const lines = draft.text.split('\n');

  it('loads with the desk’s own loader', () => {
    const bridge = parseBridge(draft.text, file);
    expect(Object.keys(bridge.entities).sort()).toEqual(['business', 'codeValue', 'licence', 'payment']);
  });

  it('maps fields with the transforms the formats call for', () => {
    const bridge = parseBridge(draft.text, file);
    const b = bridge.entities.business!;
    expect(b.where).toBe('COALESCE(CAST({IsDeleted} AS INTEGER), 0) = 0');
    expect(b.columns.openedOn).toEqual({
      column: 'DateEstablished',
      type: 'date',
      transform: { date: { format: 'iso', placeholders: ['1900-01-01'] } },
    });
    expect(b.columns.legacyUpdatedAt).toEqual({
      column: 'ModifiedOn',
      type: 'timestamp',
      transform: 'timestamp',
    });
    expect(b.columns.phone).toEqual({ value: null });
    expect(b.columns.ownerName).toEqual({ template: '${_ownerFirst} ${_ownerLast}' });
    expect(b.columns._ownerFirst).toEqual({ column: 'OwnerFirstName', transform: 'title_case' });
    expect(b.columns._ownerLast).toBe('OwnerLastName');
    const l = bridge.entities.licence!;
    expect(l.key).toEqual(['PermitId']);
    expect(l.columns.id).toBe('PermitNumber');
    expect(l.columns.feeCents).toEqual({ column: 'AnnualFee', type: 'decimal', transform: 'cents' });
    expect(l.columns.expiresOn).toEqual({ column: 'ExpiresOn', type: 'date', transform: { date: 'iso' } });
    expect(l.columns.status).toEqual({
      column: 'StatusId',
      transform: { map: { '1': 'active', '2': 'expired', '3': 'suspended', '4': 'TODO', '*': 'unknown' } },
    });
    const p = bridge.entities.payment!;
    expect(p.query_file).toBe('payment.sql');
    expect(p.columns.licenceId).toEqual({ column: 'LICENCE_NUMBER', transform: 'trim' });
    expect(draft.queries['payment.sql']).toContain('JOIN {Permits} l ON l.{PermitId} = t.{PermitId}');
    expect(draft.queries['payment.sql']).toContain('COALESCE(CAST(l.{IsDeleted} AS INTEGER), 0) = 0');
    expect(draft.queries['code-values.sql']).toContain(
      "SELECT 'licenceStatus' AS {CODE_TABLE}, {StatusId} AS {CODE}, {Name} AS {LABEL} FROM {PermitStatuses}",
    );
    for (const text of Object.values(draft.queries)) expect(text).not.toContain(';');
  });

  it('puts each TODO on the line it says, with the lines it is about', () => {
    expect(draft.todos.map((x) => x.path)).toEqual(
      expect.arrayContaining([
        'time_zone',
        'entities.licenceType',
        'entities.business.columns.phone',
        'entities.licence.columns.status',
      ]),
    );
    for (const todo of draft.todos) {
      expect(lines[todo.line - 1]).toBe(`${lines[todo.line - 1]!.match(/^\s*/)![0]}# TODO: ${todo.message}`);
    }
    const status = draft.todos.find((x) => x.path === 'entities.licence.columns.status')!;
    expect(status.message).toContain('4 (Pending)');
    expect(status.snippet.at(-1)).toMatch(/^\s+status: /);
    expect(status.snippet[0]).toContain('codes seen (described in PermitStatuses)');
    expect(todoComments(draft.text).map((x) => x.line)).toEqual(draft.todos.map((x) => x.line));
  });

  it('renders a report that links every TODO and every table', () => {
    const html = renderReport({
      analysis,
      guess,
      todos: draft.todos,
      problems: [],
      bridgeFileName: 'bridge.yaml',
      codeTables: draft.codeTables,
      source: 'test',
      engine: 'postgres',
      generatedAt: 'now',
      seconds: 1,
      options: defaultDiscoveryOptions,
    });
    for (const todo of draft.todos) expect(html).toContain(`bridge.yaml:${todo.line}</code>`);
    for (const p of profiles) expect(html).toContain(`data-table="${p.name}"`);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).not.toContain('<script');
  });
});

describe('small parts', () => {
  it('guesses code meanings from codes and their descriptions', () => {
    expect(guessLabel('status', 'A', null)).toBe('active');
    expect(guessLabel('status', '4', 'Revoked')).toBe('revoked');
    expect(guessLabel('status', '9', 'Inactive')).toBe('closed');
    expect(guessLabel('status', '5', 'Pending')).toBeNull();
    expect(guessLabel('method', '3', 'Credit Card')).toBe('card');
    expect(guessLabel('method', 'CK', null)).toBe('check');
    expect(guessLabel('result', 'reinspection required', null)).toBe('reinspect');
    expect(guessLabel('result', '', '(null)')).toBe('pending');
    expect(guessLabel('result', 'cancelled', null)).toBeNull();
  });
  it('writes YAML scalars that read back as the same strings', () => {
    expectEach(yamlScalar, {
      LICNO: 'LICNO',
      Y: "'Y'",
      '1': "'1'",
      '': "''",
      "it's": "'it''s'",
      '"IsDeleted" = 0': '\'"IsDeleted" = 0\'',
    });
    expect(yamlFlow({ map: { A: 'active', '*': 'unknown' } })).toBe("{ map: { A: active, '*': unknown } }");
  });
  it('estimates distinct values of big tables from a sample, never above the rows', () => {
    expect(estimateDistinct(100_000, 100_000, 5_000_000)).toBe(5_000_000);
    expect(estimateDistinct(4, 100_000, 5_000_000)).toBe(4);
    const mid = estimateDistinct(50_000, 100_000, 5_000_000);
    expect(mid).toBeGreaterThan(50_000);
    expect(mid).toBeLessThan(5_000_000);
  });
  it('names a bridge after its folder', () => {
    expect(bridgeName('Lakeside PermitFlow')).toBe('lakeside-permitflow');
    expect(bridgeName('__')).toBe('draft');
  });
});
