// The catalog of every error message the services and the contract name by key: key -> the
// parameters it takes and its text in English and Spanish. Defined once here (pure TypeScript,
// shared by the services, the UI and the CLI); the edges render it in the person's language.
import { joinNamedGroups } from '../named-groups.ts';
import { conflictErrors } from './conflict-errors.ts';
import { counterErrors } from './counter-errors.ts';
import { deskErrors } from './desk-errors.ts';
import { fieldErrors } from './field-errors.ts';
import { inspectionErrors } from './inspection-errors.ts';
import { recordsErrors } from './records-errors.ts';

/** Joined so that a key defined twice is refused at start-up, not silently replaced. */
export const errorMessages = joinNamedGroups(
  'error message',
  counterErrors,
  recordsErrors,
  deskErrors,
  fieldErrors,
  conflictErrors,
  inspectionErrors,
);

export type ErrorKey = keyof typeof errorMessages;
export const errorKeys = Object.keys(errorMessages) as ErrorKey[];
