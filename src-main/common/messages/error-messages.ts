// The catalog of every error message the services and the contract name by key: key -> the
// parameters it takes and its text in English and Spanish. Defined once, here or (for an error only
// one command's service gives) in that command's definition (pure TypeScript, shared by the
// services, the UI and the CLI); the edges render it in the person's language.
import { commandDefinitions } from '../commands.ts';
import { type Joined, joinNamedGroups } from '../named-groups.ts';
import { conflictErrors } from './conflict-errors.ts';
import { counterErrors } from './counter-errors.ts';
import { deskErrors } from './desk-errors.ts';
import { fieldErrors } from './field-errors.ts';
import { inspectionErrors } from './inspection-errors.ts';
import { recordsErrors } from './records-errors.ts';

type Definitions = typeof commandDefinitions;
type AsIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;
/** The messages the commands' definitions bring (command-defs/*: `errors`), as one type. */
type CommandMessages = AsIntersection<
  { [N in keyof Definitions]: NonNullable<Definitions[N]['errors']> }[keyof Definitions]
>;

/** Joined so that a key defined twice is refused at start-up, not silently replaced. */
export const errorMessages = joinNamedGroups(
  'error message',
  counterErrors,
  recordsErrors,
  deskErrors,
  fieldErrors,
  conflictErrors,
  inspectionErrors,
  ...Object.values(commandDefinitions).map((d) => d.errors ?? {}),
) as Joined<
  [
    typeof counterErrors,
    typeof recordsErrors,
    typeof deskErrors,
    typeof fieldErrors,
    typeof conflictErrors,
    typeof inspectionErrors,
  ]
> &
  CommandMessages;

export type ErrorKey = keyof typeof errorMessages;
export const errorKeys = Object.keys(errorMessages) as ErrorKey[];
