// The result of an inspection from its checklist, by the kind's grade rule: the score is 100 less
// the weights of the failed items (never below 0; an item not applicable takes nothing off), the
// grade is the first whose floor the score reaches (else F), and a failed critical item fails the
// inspection whatever the score. The working says why, line by line, in English and Spanish, so
// the inspector and the notice can show how the result came out.
import { WorkbenchError } from '../../common/errors.ts';
import type { ChecklistOutcome } from '../../common/model.ts';
import type { KindRules } from './inspection-rules.ts';

export interface WorkingLine {
  en: string;
  es: string;
}

export interface InspectionOutcome {
  score: number;
  grade: 'A' | 'B' | 'C' | 'F';
  result: 'pass' | 'fail';
  /** One line per deduction and per critical failure, then the line that gives the grade. */
  working: WorkingLine[];
}

/** Scores a checklist: every item of the kind answered once, no item the kind does not have. */
export function computeResult(
  rules: KindRules,
  outcomes: Readonly<Record<string, ChecklistOutcome>>,
): InspectionOutcome {
  const known = new Set(rules.items.map((i) => i.code));
  const unknown = Object.keys(outcomes).filter((c) => !known.has(c));
  const missing = rules.items.filter((i) => !(i.code in outcomes)).map((i) => i.code);
  if (unknown.length || missing.length) {
    const parts = [
      unknown.length ? `not on the ${rules.kind} checklist: ${unknown.join(', ')}` : '',
      missing.length ? `not answered: ${missing.join(', ')}` : '',
    ].filter(Boolean);
    throw new WorkbenchError('invalid_input', `The checklist cannot be scored (${parts.join('; ')}).`);
  }

  const working: WorkingLine[] = [];
  let score = 100;
  const criticalFailed: string[] = [];
  for (const item of rules.items) {
    if (outcomes[item.code] !== 'fail') continue;
    const before = score;
    score = Math.max(0, score - item.weight);
    working.push({
      en: `${item.code} ${item.words.en}: failed, ${item.weight} off (${before} → ${score}).`,
      es: `${item.code} ${item.words.es}: no cumple, se restan ${item.weight} (${before} → ${score}).`,
    });
    if (item.critical && rules.grading.criticalFails) {
      criticalFailed.push(item.code);
      working.push({
        en: `${item.code} is critical: the inspection fails whatever the score.`,
        es: `${item.code} es crítico: la inspección no pasa, sea cual sea la puntuación.`,
      });
    }
  }

  const step = rules.grading.grades.find((g) => score >= g.from);
  const lowest = rules.grading.grades[rules.grading.grades.length - 1]!;
  const grade = criticalFailed.length || !step ? 'F' : step.grade;
  if (criticalFailed.length)
    working.push({
      en: `Score ${score}; grade F: critical item${criticalFailed.length > 1 ? 's' : ''} ${criticalFailed.join(', ')} failed.`,
      es: `Puntuación ${score}; nota F: no cumple${criticalFailed.length > 1 ? 'n los puntos críticos' : ' el punto crítico'} ${criticalFailed.join(', ')}.`,
    });
  else if (step)
    working.push({
      en: `Score ${score}; grade ${step.grade} (${step.grade} from ${step.from}).`,
      es: `Puntuación ${score}; nota ${step.grade} (${step.grade} desde ${step.from}).`,
    });
  else
    working.push({
      en: `Score ${score}; grade F: below ${lowest.from}, the lowest passing score.`,
      es: `Puntuación ${score}; nota F: menos de ${lowest.from}, la puntuación mínima para pasar.`,
    });
  return { score, grade, result: grade === 'F' ? 'fail' : 'pass', working };
}
