// Renewal requirements (requirements.yaml `renewal:`): the schema and its mistakes with file and
// line, and the check on a real desk cache with inspections in it: a passed inspection of the kind
// within the months before the renewal day lets the renewal through; one too old, failed, of
// another kind, after the renewal day or none at all is a renewal.requirement problem saying what
// was found. A batch's licences are answered by one query.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  loadRequirements,
  parseRequirements,
  renewalRequirementsFor,
} from '../../src-main/node/applications/requirements.ts';
import { entityWriter } from '../../src-main/node/cache/store.ts';
import { loadFeeRules } from '../../src-main/node/fees/load-fee-rules.ts';
import { checkRenewalIn } from '../../src-main/node/renewals/renewal-check.ts';
import { renewalRequirementProblems } from '../../src-main/node/renewals/renewal-requirements.ts';
import { businessRow, licenceRow, licenceTypeRows } from './support/cache-rows.ts';
import { cacheForAll } from './support/desk-cache.ts';
import { healthRequirementDetail } from './support/renewal-requirement.ts';
import { placesOf, requirementsProblems as problems } from './support/file-problems.ts';

const root = join(import.meta.dirname, '../..');
const riverton = join(root, 'bridges/riverton');

describe('renewal requirements in the requirements file', () => {
  it("Riverton's file: food needs a passed health inspection within 12 months, liquor a fire one within 24", () => {
    const { requirements } = loadRequirements(riverton);
    expect(renewalRequirementsFor(requirements, 'FOOD')).toEqual([
      expect.objectContaining({
        code: 'HEALTH',
        kind: 'inspection',
        inspectionKind: 'HLTH',
        withinMonths: 12,
      }),
    ]);
    expect(renewalRequirementsFor(requirements, 'LIQR')).toEqual([
      expect.objectContaining({ code: 'FIRE', inspectionKind: 'FIRE', withinMonths: 24 }),
    ]);
    // A type not listed needs nothing more than the fee rules, and so does a licence with no type.
    expect(renewalRequirementsFor(requirements, 'GENL')).toEqual([]);
    expect(renewalRequirementsFor(requirements, null)).toEqual([]);
  });

  it('a file without renewal: still loads (nothing needed on renewal)', () => {
    const file = parseRequirements('version: 1\ntypes: {}\n', 'requirements.yaml');
    expect(file.renewal).toEqual({});
  });

  it('names the line and field of each mistake in renewal:, all at once', () => {
    const text = [
      'version: 1',
      'types: {}',
      'renewal:',
      '  FOOD:',
      '    - { code: HEALTH, label: { en: Health, es: Salud }, kind: inspection, inspectionKind: HLTH, withinMonths: 12 }',
      '    - { code: PERMIT, label: { en: Permit, es: Permiso }, kind: document, withinMonths: 12 }',
      '    - { code: FIRE, label: { en: Fire }, kind: inspection, inspectionKind: fire, withinMonths: 0, every: 2 }',
      '  liqr:',
      '    - { code: FIRE, label: { en: Fire, es: Incendios }, kind: inspection, inspectionKind: fire, withinMonths: 24 }',
    ].join('\n');
    const found = problems(text);
    expect(placesOf(found)).toEqual(
      expect.arrayContaining([
        '6 renewal.FOOD.1.kind',
        '7 renewal.FOOD.2.label.es',
        '7 renewal.FOOD.2.withinMonths',
        '7 renewal.FOOD.2.inspectionKind',
        '7 renewal.FOOD.2',
        // a wrong type code is placed at its list (the key has no node of its own on the path)
        '9 renewal.liqr',
      ]),
    );
    expect(found.find((p) => p.path === 'renewal.FOOD.1.kind')!.message).toMatch(
      /a renewal can only require an inspection/,
    );
    expect(found.every((p) => p.file === 'requirements.yaml')).toBe(true);
  });

  it('a renewal item listed twice for a type is named at its second place', () => {
    const item = '{ code: HEALTH, label: { en: Health, es: Salud }, kind: inspection, withinMonths: 12 }';
    const found = problems(`version: 1\ntypes: {}\nrenewal:\n  FOOD:\n    - ${item}\n    - ${item}\n`);
    expect(found).toEqual([expect.objectContaining({ line: 6, path: 'renewal.FOOD.1.code' })]);
    expect(found[0]!.message).toMatch(/listed twice/);
  });
});

describe('renewal requirements checked on a desk cache', () => {
  const db = cacheForAll('wb-renewal-req-');
  const rules = loadFeeRules(join(riverton, 'fees.yaml'));
  const { requirements } = loadRequirements(riverton);
  const at = '2026-11-23T10:00:00-06:00';
  const on = '2026-11-23';

  beforeAll(() => {
    entityWriter(db, 'licenceType').upsert(licenceTypeRows({ FOOD: 'Food Service', GENL: 'General' }), at);
    entityWriter(db, 'feeSchedule').upsert(
      ['FOOD', 'GENL'].map((code, i) => ({
        id: String(i + 1),
        licenceTypeCode: code,
        effectiveOn: '2024-07-01',
        amountCents: 100_00,
        description: 'Base Fee',
      })),
      at,
    );
    entityWriter(db, 'business').upsert([businessRow('B1', 'Blue Cafe')], at);
    const licence = (id: string, type: string) =>
      licenceRow(id, 'B1', { licenceTypeCode: type, expiresOn: '2026-12-15', feeCents: 1 });
    entityWriter(db, 'licence').upsert(
      ['L-PASS', 'L-EDGE', 'L-OLD', 'L-FAIL', 'L-NONE', 'L-FIRE', 'L-LATER']
        .map((id) => licence(id, 'FOOD'))
        .concat([licence('L-GENL', 'GENL')]),
      at,
    );
    let n = 0;
    const inspection = (licenceId: string, inspectedOn: string, kind: string, result: string) => ({
      id: String(++n),
      licenceId,
      inspectedOn,
      kind,
      result,
      inspector: 'R. Diaz',
      notes: null,
    });
    entityWriter(db, 'inspection').upsert(
      [
        inspection('L-PASS', '2026-08-02', 'HLTH', 'pass'),
        inspection('L-PASS', '2026-10-01', 'FIRE', 'fail'), // another kind: does not matter
        inspection('L-EDGE', '2025-11-23', 'HLTH', 'pass'), // exactly 12 months before: still in
        inspection('L-OLD', '2025-11-22', 'HLTH', 'pass'), // one day too old
        inspection('L-FAIL', '2025-06-01', 'HLTH', 'pass'),
        inspection('L-FAIL', '2026-09-14', 'HLTH', 'fail'),
        inspection('L-FIRE', '2026-10-01', 'FIRE', 'pass'), // passed, but not a health inspection
        inspection('L-LATER', '2026-11-30', 'HLTH', 'pass'), // after the renewal day
        inspection('L-GENL', '2020-01-01', 'FIRE', 'fail'),
      ],
      at,
    );
  });

  const check = (id: string) => checkRenewalIn(db, rules, id, on, requirements);

  it('a passed inspection of the kind within the months before the renewal day: renewable', () => {
    expect(check('L-PASS')).toMatchObject({ ok: true, problems: [] });
    expect(check('L-EDGE')).toMatchObject({ ok: true, problems: [] });
    // A type the file lists no renewal items for needs nothing, whatever its inspections.
    expect(check('L-GENL')).toMatchObject({ ok: true, problems: [] });
  });

  it('too old: refused, naming the item, the window and the last inspection found', () => {
    const c = check('L-OLD');
    expect(c.ok).toBe(false);
    expect(c.problems).toEqual([
      {
        code: 'renewal.requirement',
        message: expect.stringContaining('needs a passed health inspection'),
        detail: { ...healthRequirementDetail, lastInspectedOn: '2025-11-22', lastResult: 'pass' },
      },
    ]);
    expect(c.problems[0]!.message).toMatch(/on or after 2025-11-23.*on 2025-11-22, passed, but too long ago/);
    // The quote is still worked out: the clerk sees the fee and why it cannot be taken.
    expect(c.quote?.totalCents).toBe(100_00);
  });

  it('failed since its last pass, of another kind only, after the renewal day, or none: refused', () => {
    expect(check('L-FAIL').problems[0]).toMatchObject({
      code: 'renewal.requirement',
      detail: { lastInspectedOn: '2026-09-14', lastResult: 'fail' },
    });
    expect(check('L-FAIL').problems[0]!.message).toMatch(/on 2026-09-14, failed/);
    for (const id of ['L-FIRE', 'L-LATER', 'L-NONE']) {
      expect(check(id).problems, id).toEqual([
        expect.objectContaining({
          code: 'renewal.requirement',
          detail: expect.objectContaining({ lastInspectedOn: null, lastResult: null }),
        }),
      ]);
    }
    expect(check('L-NONE').problems[0]!.message).toMatch(/no HLTH inspection of this licence is on record/);
    // Checked on a later day, the later inspection counts.
    expect(checkRenewalIn(db, rules, 'L-LATER', '2026-12-01', requirements).ok).toBe(true);
  });

  it('a pass recorded on this desk (a done schedule row, before the sync posts it to the history) counts at once', () => {
    const visit = (id: string, licenceId: string, status: string, result: string | null) => ({
      id,
      licenceId,
      address: null,
      ward: '3',
      kind: 'HLTH',
      scheduledOn: '2026-11-20',
      windowStart: null,
      windowEnd: null,
      inspector: 'MGARCIA',
      status,
      result,
      score: result ? 96 : null,
      grade: result === 'pass' ? 'A' : null,
    });
    entityWriter(db, 'licence').upsert(
      ['L-DESK', 'L-SCHED'].map((id) =>
        licenceRow(id, 'B1', { licenceTypeCode: 'FOOD', expiresOn: '2026-12-15', feeCents: 1 }),
      ),
      at,
    );
    expect(check('L-DESK').ok).toBe(false);
    entityWriter(db, 'scheduledInspection').upsert(
      [visit('S-1', 'L-DESK', 'done', 'pass'), visit('S-2', 'L-SCHED', 'scheduled', null)],
      at,
    );
    expect(check('L-DESK')).toMatchObject({ ok: true, problems: [] });
    // A visit only on the schedule, not done, is no inspection yet.
    expect(check('L-SCHED').problems[0]).toMatchObject({ code: 'renewal.requirement' });
  });

  it('a batch of licences is answered by one query over inspection_by_licence', () => {
    const ids = ['L-PASS', 'L-EDGE', 'L-OLD', 'L-FAIL', 'L-NONE', 'L-FIRE', 'L-LATER', 'L-GENL'];
    const prepare = db.prepare.bind(db);
    const sql: string[] = [];
    db.prepare = ((text: string) => {
      sql.push(text);
      return prepare(text);
    }) as typeof db.prepare;
    let missing: ReturnType<typeof renewalRequirementProblems>;
    try {
      missing = renewalRequirementProblems(
        db,
        requirements,
        ids.map((id) => ({ id, licenceTypeCode: id === 'L-GENL' ? 'GENL' : 'FOOD' })),
        on,
      );
    } finally {
      db.prepare = prepare;
    }
    expect(sql).toHaveLength(1);
    expect([...missing.keys()].sort()).toEqual(['L-FAIL', 'L-FIRE', 'L-LATER', 'L-NONE', 'L-OLD']);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql[0]!}`).all('[]', on) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/inspection_by_licence/);
  });
});
