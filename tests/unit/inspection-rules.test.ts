// The inspection rules file (bridges/riverton/inspections.yaml and bad copies of it), the result
// of a checklist by its kind's grade rule, and the re-inspection deadline.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeResult } from '../../src-main/node/inspections/grade.ts';
import {
  InspectionRulesFileError,
  kindRules,
  loadInspectionRules,
  parseInspectionRules,
} from '../../src-main/node/inspections/inspection-rules.ts';
import { reinspectionDue } from '../../src-main/node/inspections/reinspection.ts';
import type { ChecklistOutcome } from '../../src-main/common/model.ts';

const rivertonFile = join(import.meta.dirname, '../../bridges/riverton/inspections.yaml');

const problemsOf = (text: string) => {
  try {
    parseInspectionRules(text, 'inspections.yaml');
  } catch (err) {
    if (err instanceof InspectionRulesFileError) return err.problems;
    throw err;
  }
  throw new Error('expected the file to be refused');
};

const small = (items: string, extra = '') => `version: 1
grading:
  grades:
    - { grade: A, from: 90 }
    - { grade: B, from: 80 }
    - { grade: C, from: 70 }
kinds:
  HLTH:
    label: { en: Health, es: Salud }
    reinspection: { withinDays: 10, skipWeekends: true }
${extra}    items:
${items}`;
const item = (code: string, weight: number, critical = false) =>
  `      - { code: ${code}, weight: ${weight}, critical: ${critical}, words: { en: Item ${code}, es: Punto ${code} } }\n`;

describe('inspection rules file', () => {
  it("reads Riverton's file: four kinds, unique item codes, every item citing a section", () => {
    const rules = loadInspectionRules(rivertonFile);
    expect(Object.keys(rules.kinds).sort()).toEqual(['BLDG', 'FIRE', 'HLTH', 'ZONE']);
    for (const [kind, k] of Object.entries(rules.kinds)) {
      expect(k.items.length, kind).toBeGreaterThan(4);
      expect(
        k.items.some((i) => i.critical),
        kind,
      ).toBe(true);
      for (const i of k.items) expect(i.ordinance, i.code).toMatch(/^\d+-\d+-\d+$/);
    }
    const health = kindRules(rules, 'HLTH')!;
    expect(health.grading.grades.map((g) => g.grade)).toEqual(['A', 'B', 'C']);
    expect(health.reinspection).toEqual({ withinDays: 10, skipWeekends: true });
    expect(kindRules(rules, 'TAXI')).toBeNull();
  });

  it('names every mistake with its line and field', () => {
    expect(problemsOf(small(item('HL01', 10, true) + item('HL01', 5)))).toEqual([
      expect.objectContaining({ path: 'kinds.HLTH.items.1.code', line: 13, message: 'HL01 is listed twice' }),
    ]);
    const text = small(
      item('HL01', 10, true) +
        item('HL02', 5) +
        '      - { code: hl3, weight: 150, critical: maybe, words: { en: Sinks } }\n',
    );
    const problems = problemsOf(text);
    const at = (path: string) => problems.find((p) => p.path === path);
    expect(at('kinds.HLTH.items.2.code')).toMatchObject({
      line: 14,
      message: expect.stringMatching(/capital letters/),
    });
    expect(at('kinds.HLTH.items.2.weight')).toMatchObject({ line: 14, message: 'must be 0 to 100 points' });
    expect(at('kinds.HLTH.items.2.critical')?.line).toBe(14);
    expect(at('kinds.HLTH.items.2.words.es')).toMatchObject({ line: 14, message: 'is required' });
    expect(problems.every((p) => p.file === 'inspections.yaml')).toBe(true);
  });

  it('refuses grades out of order, unknown settings and YAML errors, each at its line', () => {
    const text = small(
      item('HL01', 10),
      '    grading: { grades: [{ grade: A, from: 80 }, { grade: B, from: 85 }] }\n    colour: red\n',
    );
    const problems = problemsOf(text);
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'kinds.HLTH.grading.grades.1.from',
        line: 11,
        message: expect.stringMatching(/highest first/),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'kinds.HLTH.colour', line: 12, message: 'unknown setting "colour"' }),
    );
    expect(problemsOf('version: 1\nkinds: {\n')[0]).toMatchObject({ path: '(yaml)' });
    expect(
      problemsOf('version: 2\ngrading: { grades: [{ grade: A, from: 90 }] }\nkinds: {}\n')[0],
    ).toMatchObject({
      path: 'version',
      line: 1,
    });
  });

  it('names a file that cannot be read', () => {
    expect(() => loadInspectionRules('/nowhere/inspections.yaml')).toThrow(
      /inspections.yaml:1:1 {2}\(file\): cannot be read: ENOENT/,
    );
  });
});

describe('computeResult', () => {
  const rules = kindRules(
    parseInspectionRules(small(item('A1', 10, true) + item('B2', 8) + item('C3', 6) + item('D4', 5)), 'x'),
    'HLTH',
  )!;
  const all = (outcome: ChecklistOutcome): Record<string, ChecklistOutcome> => ({
    A1: outcome,
    B2: outcome,
    C3: outcome,
    D4: outcome,
  });

  it('gives 100 and A when everything passes or does not apply', () => {
    expect(computeResult(rules, all('pass'))).toEqual({
      score: 100,
      grade: 'A',
      result: 'pass',
      working: [{ en: 'Score 100; grade A (A from 90).', es: 'Puntuación 100; nota A (A desde 90).' }],
    });
    expect(computeResult(rules, all('na')).score).toBe(100);
  });

  it('takes the weights of failed items off, with a line for each', () => {
    const r = computeResult(rules, { ...all('pass'), B2: 'fail', D4: 'fail' });
    expect(r).toMatchObject({ score: 87, grade: 'B', result: 'pass' });
    expect(r.working.map((w) => w.en)).toEqual([
      'B2 Item B2: failed, 8 off (100 → 92).',
      'D4 Item D4: failed, 5 off (92 → 87).',
      'Score 87; grade B (B from 80).',
    ]);
    expect(r.working[0]!.es).toBe('B2 Punto B2: no cumple, se restan 8 (100 → 92).');
    expect(computeResult(rules, { ...all('pass'), B2: 'fail', C3: 'fail', D4: 'na' })).toMatchObject({
      score: 86,
      grade: 'B',
    });
  });

  it('fails below the lowest grade', () => {
    const r = computeResult(
      kindRules(parseInspectionRules(small(item('A1', 20) + item('B2', 15)), 'x'), 'HLTH')!,
      { A1: 'fail', B2: 'fail' },
    );
    expect(r).toMatchObject({ score: 65, grade: 'F', result: 'fail' });
    expect(r.working.at(-1)!.en).toBe('Score 65; grade F: below 70, the lowest passing score.');
  });

  it('fails on a critical item whatever the score', () => {
    const r = computeResult(rules, { ...all('pass'), A1: 'fail' });
    expect(r).toMatchObject({ score: 90, grade: 'F', result: 'fail' });
    expect(r.working.map((w) => w.en)).toEqual([
      'A1 Item A1: failed, 10 off (100 → 90).',
      'A1 is critical: the inspection fails whatever the score.',
      'Score 90; grade F: critical item A1 failed.',
    ]);
  });

  it('never scores below 0', () => {
    const heavy = kindRules(parseInspectionRules(small(item('A1', 60) + item('B2', 60)), 'x'), 'HLTH')!;
    expect(computeResult(heavy, { A1: 'fail', B2: 'fail' }).score).toBe(0);
  });

  it('refuses a checklist with items missing or not on the kind', () => {
    expect(() => computeResult(rules, { A1: 'pass', B2: 'pass', C3: 'pass', ZZ: 'fail' })).toThrow(
      'The checklist cannot be scored (not on the HLTH checklist: ZZ; not answered: D4).',
    );
  });
});

describe('reinspectionDue', () => {
  const rule = { withinDays: 10, skipWeekends: true };
  it('is the failure day plus the days, none after a pass or without a rule', () => {
    expect(reinspectionDue(rule, '2026-12-01', 'fail')).toBe('2026-12-11'); // a Friday
    expect(reinspectionDue(rule, '2026-12-01', 'pass')).toBeNull();
    expect(reinspectionDue(null, '2026-12-01', 'fail')).toBeNull();
    expect(reinspectionDue({ withinDays: 31, skipWeekends: false }, '2026-12-01', 'fail')).toBe('2027-01-01');
  });
  it('moves a deadline on a weekend to the Friday before', () => {
    expect(reinspectionDue(rule, '2026-12-02', 'fail')).toBe('2026-12-11'); // Saturday 12th -> Friday
    expect(reinspectionDue(rule, '2026-12-03', 'fail')).toBe('2026-12-11'); // Sunday 13th -> Friday
    expect(reinspectionDue({ withinDays: 10, skipWeekends: false }, '2026-12-03', 'fail')).toBe('2026-12-13');
  });
  it('refuses a day that is not YYYY-MM-DD', () => {
    expect(() => reinspectionDue(rule, '12/01/2026', 'fail')).toThrow(/YYYY-MM-DD/);
  });
});
