// A batch item's problems in the person's language: the renewal check's codes as the fee screens
// say them (fee-text.ts), the batch's own codes from batch.problem.
import type { TFunction } from 'i18next';
import type { BatchProblem } from '../../../src-main/common/ops/batch-ops.ts';
import type { RenewalProblem } from '../../../src-main/common/ops/fee-ops.ts';
import { problemText } from '../../fee-text.ts';
import type { Language } from '../../i18n/index.ts';

export function batchProblemText(p: BatchProblem, t: TFunction, language: Language): string {
  if (p.code.startsWith('renewal.')) {
    const text = problemText(p as RenewalProblem, t, language);
    // A code the fee screens do not know yet reads as the service's own sentence.
    return text.startsWith('fees.problem.') ? p.message : text;
  }
  const key = `batch.problem.${p.code.replace('.', '_')}`;
  const text = t(key, { ...p.detail, message: p.message });
  return text === key ? p.message : text;
}

export const stepNames = ['build', 'review', 'validate', 'notices', 'post'] as const;
export type StepName = (typeof stepNames)[number];
