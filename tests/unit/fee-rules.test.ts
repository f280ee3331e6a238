// The city's fee rules file (bridges/<name>/fees.yaml) and how it joins the legacy base amounts
// into the fee engine's schedules; then renewal checks and the renewal queue on a real cache
// (migration 0009's hold and balance tables), with Riverton's own rules file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSchedules,
  explainLines,
  noFeeRules,
  type FeeRulesFile,
} from '../../src-main/common/fees/index.ts';
import type { Licence } from '../../src-main/common/model.ts';
import { entityWriter } from '../../src-main/node/cache/store.ts';
import { FeeRulesFileError, loadFeeRules, parseFeeRules } from '../../src-main/node/fees/load-fee-rules.ts';
import { checkRenewalIn } from '../../src-main/node/renewals/renewal-check.ts';
import { oldestRenewableExpiry, renewalQueueIn } from '../../src-main/node/renewals/renewal-queue.ts';
import { businessRow, licenceRow, licenceTypeRows } from './support/cache-rows.ts';
import { cacheForAll } from './support/desk-cache.ts';
import { refusedProblems } from './support/file-problems.ts';

const root = join(import.meta.dirname, '../..');
const rivertonRules = join(root, 'bridges/riverton/fees.yaml');

const problemsOf = (text: string) =>
  refusedProblems(() => parseFeeRules(text, 'fees.yaml'), FeeRulesFileError, 'the file was accepted');

describe('the fee rules file', () => {
  it("reads Riverton's rules: the default window and tiers, peddlers doubling, home occupations with grace and a minimum", () => {
    const rules = loadFeeRules(rivertonRules);
    expect(rules.baseFeeDescriptions).toEqual(['Base Fee']);
    const def = rules.default![0]!;
    expect(def.renewalWindow).toEqual({
      opensBefore: { unit: 'days', count: 90 },
      closesAfter: { unit: 'months', count: 12 },
    });
    expect(def.latePenalty?.rules.map((r) => r.kind)).toEqual(['tiers', 'monthlyInterest']);
    expect(JSON.stringify(rules.types.PEDL)).toContain('"kind":"doubling"');
    expect(JSON.stringify(rules.types.HOME)).toContain('"graceDays":10');
  });

  it('reports every mistake at once, each with its line, column and field', () => {
    const text = readFileSync(rivertonRules, 'utf8')
      .replace('capBasisPoints: 3000', 'capBasisPoints: -5') // 1: a negative rate
      .replace('monthCounting: started', 'monthCounting: begun') // 2: not a choice
      .replace('  PEDL:\n', '  PEDL:\n    grace: 3\n'); // 3: an unknown setting
    const problems = problemsOf(text);
    const lines = text.split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    expect(problems.map((p) => [p.line, p.path])).toEqual([
      [lineOf('capBasisPoints: -5'), 'default.latePenalty.rules.0.capBasisPoints'],
      [lineOf('monthCounting: begun'), 'default.latePenalty.rules.1.monthCounting'],
      [lineOf('grace: 3'), 'types.PEDL.grace'],
    ]);
    expect(problems[1]!.message).toBe('must be one of: whole, started');
    expect(problems[2]!.message).toBe('unknown setting "grace"');
    expect(problems.every((p) => p.file === 'fees.yaml' && p.column > 0)).toBe(true);
  });

  it('refuses a base component (the base comes from the legacy table) and broken YAML, by line', () => {
    const base = problemsOf(
      'version: 1\ntypes:\n  FOOD:\n    components:\n      - { kind: base, code: base, label: Base, amountCents: 100 }\n',
    );
    expect(base).toHaveLength(1);
    expect(base[0]).toMatchObject({ line: 5, path: 'types.FOOD.components.0' });
    expect(base[0]!.message).toMatch(/comes from the legacy fee table/);
    const yaml = problemsOf('version: 1\ntypes:\n  FOOD: [\n');
    expect(yaml[0]!.path).toBe('(yaml)');
    expect(yaml[0]!.line).toBeGreaterThanOrEqual(3);
  });
});

describe('schedules from the legacy base amounts and the rules', () => {
  const bases = [
    {
      id: '1',
      licenceTypeCode: 'FOOD',
      effectiveOn: '2020-07-01',
      amountCents: 300_00,
      description: 'Base Fee',
    },
    {
      id: '2',
      licenceTypeCode: 'FOOD',
      effectiveOn: '2020-07-01',
      amountCents: 75_00,
      description: 'Application Fee',
    },
    {
      id: '3',
      licenceTypeCode: 'FOOD',
      effectiveOn: '2024-07-01',
      amountCents: 322_50,
      description: 'Base Fee',
    },
    { id: '4', licenceTypeCode: 'TAXI', effectiveOn: null, amountCents: 90_00, description: null },
  ];
  const rules: FeeRulesFile = {
    version: 1,
    baseFeeDescriptions: ['base fee'],
    default: [
      { components: [] },
      {
        effectiveOn: '2025-01-01',
        components: [{ kind: 'minimum', code: 'minimum', label: 'Minimum fee', amountCents: 400_00 }],
      },
    ],
    types: {},
  };

  it('one schedule from each date the base or the rules change, the base taken from its described rows', () => {
    const s = buildSchedules({ rules, licenceTypeCode: 'FOOD', baseAmounts: bases });
    expect(
      s.map((x) => [
        x.effectiveOn,
        x.components.map((c) => `${c.kind}:${'amountCents' in c ? c.amountCents : ''}`),
      ]),
    ).toEqual([
      ['2020-07-01', ['base:30000']],
      ['2024-07-01', ['base:32250']],
      ['2025-01-01', ['base:32250', 'minimum:40000']],
    ]);
  });

  it('a table without the described rows is all base; without any row, the fee on record stands in', () => {
    expect(
      buildSchedules({ rules, licenceTypeCode: 'TAXI', baseAmounts: bases })[0]!.components[0],
    ).toMatchObject({
      amountCents: 90_00,
    });
    const onRecord = buildSchedules({
      rules: noFeeRules,
      licenceTypeCode: 'NONE',
      baseAmounts: bases,
      fallbackBaseCents: 55_00,
    });
    expect(onRecord).toHaveLength(1);
    expect(onRecord[0]!.components[0]).toMatchObject({ code: 'onRecord', amountCents: 55_00 });
    expect(buildSchedules({ rules: noFeeRules, licenceTypeCode: 'NONE', baseAmounts: bases })).toEqual([]);
    // without the described rows, two amounts from one day are ambiguous: refused, never one picked
    expect(() =>
      buildSchedules({
        rules: { ...rules, baseFeeDescriptions: ['Renewal'] },
        licenceTypeCode: 'FOOD',
        baseAmounts: bases,
      }),
    ).toThrow(/two base amounts for licence type FOOD from 2020-07-01 \(rows 1 and 2\)/);
  });
});

describe('renewal checks and the queue on a desk cache', () => {
  const db = cacheForAll('wb-fee-rules-');
  const rules = loadFeeRules(rivertonRules);
  const at = '2026-11-23T10:00:00-06:00';
  const on = '2026-11-23';

  beforeAll(() => {
    entityWriter(db, 'licenceType').upsert(licenceTypeRows({ FOOD: 'Food Service', PEDL: 'Peddler' }), at);
    entityWriter(db, 'feeSchedule').upsert(
      [
        {
          id: '1',
          licenceTypeCode: 'FOOD',
          effectiveOn: '2024-07-01',
          amountCents: 200_00,
          description: 'Base Fee',
        },
        {
          id: '2',
          licenceTypeCode: 'FOOD',
          effectiveOn: '2024-07-01',
          amountCents: 40_00,
          description: 'Late Penalty',
        },
        {
          id: '3',
          licenceTypeCode: 'PEDL',
          effectiveOn: '2024-07-01',
          amountCents: 80_00,
          description: 'Base Fee',
        },
      ],
      at,
    );
    entityWriter(db, 'business').upsert(
      [businessRow('B1', 'Blue Cafe'), businessRow('B2', 'Green Grocer'), businessRow('B3', 'Red Cart')],
      at,
    );
    const licence = (
      id: string,
      businessId: string,
      type: string,
      status: Licence['status'],
      expiresOn: string,
    ) => licenceRow(id, businessId, { licenceTypeCode: type, status, expiresOn, feeCents: 1 });
    entityWriter(db, 'licence').upsert(
      [
        licence('L-ONTIME', 'B1', 'FOOD', 'active', '2026-12-15'), // expiring in 22 days
        licence('L-LATE', 'B1', 'FOOD', 'expired', '2026-10-08'), // 46 days late
        licence('L-HELD', 'B2', 'FOOD', 'active', '2026-12-01'),
        licence('L-OWES', 'B3', 'PEDL', 'expired', '2026-09-24'), // 60 days late
        licence('L-EARLY', 'B1', 'FOOD', 'active', '2027-06-01'),
        licence('L-GONE', 'B1', 'FOOD', 'expired', '2025-06-01'), // past the 12 months
        licence('L-SUSP', 'B1', 'FOOD', 'suspended', '2026-12-10'),
      ],
      at,
    );
    entityWriter(db, 'hold').upsert(
      [
        {
          id: 'H1',
          licenceId: null,
          businessId: 'B2',
          code: 'zone',
          reason: 'Zoning review',
          placedOn: '2026-11-01',
          releasedOn: null,
        },
        {
          id: 'H2',
          licenceId: 'L-ONTIME',
          businessId: null,
          code: 'insp',
          reason: 'Old',
          placedOn: '2026-01-01',
          releasedOn: '2026-02-01',
        },
      ],
      at,
    );
    entityWriter(db, 'balance').upsert(
      [
        {
          id: 'A1',
          businessId: 'B3',
          licenceId: null,
          amountCents: 25_00,
          dueOn: '2026-10-01',
          description: 'Returned check fee',
        },
      ],
      at,
    );
  });

  it('migration 0009 made the hold and balance tables and the queue indexes, which the queue uses', () => {
    const names = (type: string) =>
      (
        db.prepare('SELECT name FROM sqlite_master WHERE type = ? ORDER BY name').all(type) as {
          name: string;
        }[]
      ).map((r) => r.name);
    expect(names('table')).toEqual(expect.arrayContaining(['hold', 'balance']));
    expect(names('index')).toEqual(
      expect.arrayContaining([
        'hold_by_licence',
        'hold_by_business',
        'balance_by_business',
        'licence_by_status_expiry',
        'licence_by_type_status_expiry',
      ]),
    );
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT count(*) FROM licence l WHERE l.status IN ('active', 'expired')
           AND l.expires_on IS NOT NULL AND l.expires_on >= ? AND l.expires_on <= ? AND l.licence_type_code = ?`,
      )
      .all('2026-11-23', '2027-01-22', 'FOOD') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(
      /licence_by_type_status_expiry|licence_by_status_expiry|licence_by_expiry/,
    );
  });

  it('a licence in its window, with no hold or balance, renews for the base fee, one term on', () => {
    const c = checkRenewalIn(db, rules, 'l-ontime', on);
    expect(c).toMatchObject({ licenceId: 'L-ONTIME', ok: true, problems: [], newExpiresOn: '2027-12-15' });
    expect(explainLines(c.quote!.lines)).toEqual(['Base Fee $200.00', 'Total $200.00']);
  });

  it('a late one pays the tiers and the interest; the new term runs from today', () => {
    const c = checkRenewalIn(db, rules, 'L-LATE', on);
    expect(c.ok).toBe(true);
    expect(c.newExpiresOn).toBe('2027-11-23');
    expect(explainLines(c.quote!.lines)).toEqual([
      'Base Fee $200.00',
      'Late penalty 15% of $200.00 (1–30 days late) $30.00',
      'Late penalty 15% of $200.00 (31 days late or more) $30.00',
      'Interest 1% × 2 months of $200.00 $4.00',
      'Total $264.00',
    ]);
  });

  it('holds on the business, balances and the window block, with their codes; a released hold does not', () => {
    expect(checkRenewalIn(db, rules, 'L-HELD', on).problems.map((p) => p.code)).toEqual(['renewal.hold']);
    const owes = checkRenewalIn(db, rules, 'L-OWES', on);
    expect(owes.problems.map((p) => p.code)).toEqual(['renewal.balanceDue']);
    // the peddler's fee doubled twice (60 days late, every 30 days started): shown although blocked
    expect(owes.quote!.totalCents).toBe(320_00);
    expect(checkRenewalIn(db, rules, 'L-EARLY', on).problems[0]).toMatchObject({
      code: 'renewal.tooEarly',
      detail: { opensOn: '2027-03-03' },
    });
    expect(checkRenewalIn(db, rules, 'L-GONE', on).problems.map((p) => p.code)).toEqual(['renewal.tooLate']);
    expect(checkRenewalIn(db, rules, 'L-SUSP', on).problems.map((p) => p.code)).toEqual(['renewal.status']);
    expect(checkRenewalIn(db, rules, 'NOPE', on)).toMatchObject({
      ok: false,
      quote: null,
      problems: [{ code: 'renewal.notFound' }],
    });
  });

  it('the queue: expiring, expired and delinquent licences with counts, holds and balances; filters', () => {
    const page = renewalQueueIn(db, rules, { kind: 'expiring', withinDays: 30, on });
    expect(page.rows.map((r) => r.licenceId)).toEqual(['L-HELD', 'L-ONTIME']); // not suspended ones
    expect(page.rows[0]).toMatchObject({ holds: 1, balanceCents: 0, daysLate: -8 });
    expect(page.rows[1]).toMatchObject({ holds: 0 }); // its hold was released
    // L-LATE and L-OWES are more than 30 days late; L-GONE is past every window
    expect(page.counts).toEqual({ expiring: 2, expired: 0, delinquent: 2 });
    expect(
      renewalQueueIn(db, rules, { kind: 'expired', withinDays: 50, on }).rows.map((r) => r.licenceId),
    ).toEqual(['L-LATE']);
    const delinquent = renewalQueueIn(db, rules, { kind: 'delinquent', withinDays: 50, on });
    // L-GONE is past every renewal window: a new application, not a renewal
    expect(delinquent.rows.map((r) => [r.licenceId, r.balanceCents])).toEqual([['L-OWES', 25_00]]);
    expect(
      renewalQueueIn(db, rules, { kind: 'all', withinDays: 60, on, text: 'grocer' }).rows.map(
        (r) => r.licenceId,
      ),
    ).toEqual(['L-HELD']);
    expect(
      renewalQueueIn(db, rules, { kind: 'all', withinDays: 60, on, licenceTypeCode: 'PEDL' }).total,
    ).toBe(1);
    expect(
      renewalQueueIn(db, rules, { kind: 'all', withinDays: 60, on, limit: 1, offset: 1 }).rows,
    ).toHaveLength(1);
    expect(oldestRenewableExpiry(rules, on)).toBe('2025-11-23');
    expect(oldestRenewableExpiry(noFeeRules, on)).toBeNull();
  });
});
