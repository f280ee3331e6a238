// The city's requirements file: the shipped one loads, and mistakes are reported with file and line.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRequirements, requirementsFor } from '../../src-main/node/applications/requirements.ts';
import { placesOf, requirementsProblems as problems } from './support/file-problems.ts';

describe('requirements file', () => {
  it("Riverton's file loads; a type not listed gets the default list", () => {
    const { requirements } = loadRequirements(join(import.meta.dirname, '../../bridges/riverton'));
    const food = requirementsFor(requirements, 'FOOD');
    expect(food.map((i) => i.code)).toContain('HEALTH');
    expect(food.find((i) => i.code === 'HEALTH')).toMatchObject({ kind: 'inspection', required: true });
    expect(requirementsFor(requirements, 'KENL')).toEqual(requirements.default);
  });

  it('names the line and field of each mistake, all at once', () => {
    const text = [
      'version: 1',
      'types:',
      '  FOOD:',
      '    - { code: APPFORM, label: { en: Form, es: Solicitud }, kind: document, required: true }',
      '    - { code: HEALTH, label: { en: Health }, kind: inspektion, required: yes }',
      '    - { code: APPFORM, label: { en: Again, es: Otra }, kind: document, required: false }',
    ].join('\n');
    const found = problems(text);
    expect(placesOf(found)).toEqual(
      expect.arrayContaining(['5 types.FOOD.1.label.es', '5 types.FOOD.1.kind', '5 types.FOOD.1.required']),
    );
    // Once the items themselves are right, a code listed twice is named at its second place.
    const twice = problems(
      text
        .replace('{ en: Health }', '{ en: Health, es: Salud }')
        .replace('inspektion', 'inspection')
        .replace('yes', 'true'),
    );
    expect(twice).toEqual([expect.objectContaining({ line: 6, path: 'types.FOOD.2.code' })]);
    expect(twice[0]!.message).toMatch(/listed twice/);
  });

  it('reports YAML syntax errors with their line', () => {
    const found = problems('version: 1\ntypes:\n  FOOD: [\n');
    expect(found[0]).toMatchObject({ path: '(yaml)', file: 'requirements.yaml' });
    expect(found[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('a wrong type code or version is named', () => {
    const found = problems('version: 2\ntypes:\n  food: []\n');
    expect(found.map((p) => p.path)).toEqual(expect.arrayContaining(['version', 'types.food']));
  });
});
