// For the tests of the city's files (bridge.yaml, fees.yaml, requirements.yaml): the problems a
// parser refuses a file's text with, each parser throwing its own error class that carries them.
import {
  parseRequirements,
  RequirementsFileError,
} from '../../../src-main/node/applications/requirements.ts';

/**
 * The problems of the `Refusal` error that `parse` throws (any other error is thrown on); when it
 * throws none, `[]`, or with `mustRefuse` an error saying that.
 */
export function refusedProblems<P>(
  parse: () => unknown,
  Refusal: abstract new (problems: P[]) => { readonly problems: P[] },
  mustRefuse?: string,
): P[] {
  try {
    parse();
  } catch (err) {
    if (err instanceof Refusal) return err.problems;
    throw err;
  }
  if (mustRefuse) throw new Error(mustRefuse);
  return [];
}

/** The problems of a requirements.yaml text (none when it is taken). */
export const requirementsProblems = (text: string) =>
  refusedProblems(() => parseRequirements(text, 'requirements.yaml'), RequirementsFileError);

/** Where each problem is, as `line path` (e.g. '5 types.FOOD.1.kind'). */
export const placesOf = (problems: readonly { line?: number | null; path: string }[]) =>
  problems.map((p) => `${p.line} ${p.path}`);
