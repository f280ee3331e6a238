// For the requirements file tests: the problems parseRequirements reports for a file's text
// (none when it takes the file).
import {
  parseRequirements,
  RequirementsFileError,
} from '../../../src-main/node/applications/requirements.ts';

export const requirementsProblems = (text: string) => {
  try {
    parseRequirements(text, 'requirements.yaml');
  } catch (err) {
    if (err instanceof RequirementsFileError) return err.problems;
    throw err;
  }
  return [];
};
