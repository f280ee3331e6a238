// A missing renewal requirement as the counter (FeeBreakdown, RenewAction) and the batch wizard
// say it, in English and Spanish, from the problem's code and detail (src-renderer/fee-text.ts).
import { describe, expect, it } from 'vitest';
import type { RenewalProblem } from '../../src-main/common/ops/fee-ops.ts';
import { batchProblemText } from '../../src-renderer/components/batch/batch-text.ts';
import { problemText } from '../../src-renderer/fee-text.ts';
import { testI18n } from './support/renderer-i18n.ts';
import { healthRequirementDetail } from './support/renewal-requirement.ts';

const i18n = testI18n();

const problem = (lastInspectedOn: string | null, lastResult: string | null): RenewalProblem => ({
  code: 'renewal.requirement',
  message: 'Licence RV-1 needs a passed health inspection (the service sentence).',
  detail: { ...healthRequirementDetail, lastInspectedOn, lastResult },
});

describe('a missing renewal requirement, in words', () => {
  it('says in English what is missing, since when, and what was found', () => {
    const t = i18n.getFixedT('en');
    const failed = problemText(problem('2026-09-14', 'fail'), t, 'en');
    expect(failed).toMatch(
      /^Missing: passed health inspection on or after .*2025.* \(within 12 months\); the last one, on .*2026.*, failed\. An inspector must record a passed inspection before renewing\.$/,
    );
    expect(problemText(problem(null, null), t, 'en')).toContain('no such inspection is on record');
    expect(problemText(problem('2025-01-02', 'pass'), t, 'en')).toContain('passed, but too long ago');
    expect(problemText(problem('2025-01-02', 'unknown'), t, 'en')).toContain('ended “unknown”');
    // the batch wizard says it the same way
    expect(batchProblemText(problem('2026-09-14', 'fail'), t, 'en')).toBe(failed);
  });

  it('and in Spanish, with the Spanish label', () => {
    const t = i18n.getFixedT('es');
    const text = problemText(problem('2026-09-14', 'reinspect'), t, 'es');
    expect(text).toMatch(
      /^Falta: inspección sanitaria aprobada del .*2025.* o posterior \(en los últimos 12 meses\); la última, del .*2026.*, pidió una nueva inspección\./,
    );
    expect(problemText(problem(null, null), t, 'es')).toContain('no consta ninguna');
    expect(text).not.toMatch(/fees\.|\{\{/);
  });
});
