// The visit's result form (src-renderer/forms/inspection-form.ts): what is typed becomes exactly
// the inspections.record input (nothing chosen is "not given", so the ordinance's own severity
// and deadline apply), an unanswered item or a violation without its section is refused with a
// sentence the field-error table says in English and Spanish, and the contract accepts the rest.
import { describe, expect, it } from 'vitest';
import { operations } from '../../src-main/common/contract.ts';
import { fieldErrorText } from '../../src-renderer/forms/field-errors.ts';
import {
  emptyResult,
  emptyViolation,
  inspectionResultSchema,
  ordinanceNeededMessage,
  unansweredMessage,
} from '../../src-renderer/forms/inspection-form.ts';
import { en } from '../../src-renderer/i18n/en.ts';
import { es } from '../../src-renderer/i18n/es.ts';

const codes = ['BD01', 'BD02', 'BD03'];

describe('the inspection result form', () => {
  it('turns the answers and violations into the inspections.record input the contract accepts', () => {
    const values = emptyResult(codes);
    values.answers.BD01 = { outcome: 'pass', note: '  ' };
    values.answers.BD02 = { outcome: 'fail', note: ' Wall removed ' };
    values.answers.BD03 = { outcome: 'na', note: '' };
    values.violations = [
      { ...emptyViolation, ordinanceSection: '14-1-210', description: ' Opened without a permit ' },
      { ordinanceSection: '14-1-110', severity: 'minor', description: '', correctBy: '2026-12-20' },
    ];
    const input = inspectionResultSchema.parse(values);
    expect(input).toEqual({
      answers: {
        BD01: { outcome: 'pass' },
        BD02: { outcome: 'fail', note: 'Wall removed' },
        BD03: { outcome: 'na' },
      },
      violations: [
        { ordinanceSection: '14-1-210', description: 'Opened without a permit' },
        { ordinanceSection: '14-1-110', severity: 'minor', correctBy: '2026-12-20' },
      ],
    });
    expect(operations['inspections.record'].input.safeParse({ inspectionId: '217', ...input }).success).toBe(
      true,
    );
  });

  it('refuses an unanswered item and a violation without its section, in words of both languages', () => {
    const values = emptyResult(codes);
    values.answers.BD01 = { outcome: 'pass', note: '' };
    values.violations = [{ ...emptyViolation }];
    const result = inspectionResultSchema.safeParse(values);
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['answers.BD02.outcome', unansweredMessage],
      ['answers.BD03.outcome', unansweredMessage],
      ['violations.0.ordinanceSection', ordinanceNeededMessage],
    ]);
    const keys = [unansweredMessage, ordinanceNeededMessage].map(
      (message) => fieldErrorText('x', { type: 'custom', message }).key,
    );
    expect(keys).toEqual(['inspections.form.unanswered', 'inspections.form.ordinanceNeeded']);
    expect(en.inspections.form.unanswered).toMatch(/^Answer this item/);
    expect(es.inspections.form.unanswered).toMatch(/^Responda este punto/);
  });
});
