// The commands a desk sends back to the legacy database, and the fields of each command's payload
// that a bridge's write statements may bind: derived from the command definitions (commands.ts).
// A bridge file is checked against it, so a misspelt field is caught when the file is loaded.
import { type CommandName, commandNames, perCommand } from './commands.ts';

export type LegacyCommandName = CommandName;
export const legacyCommandNames: readonly LegacyCommandName[] = commandNames;

/** Every command's bindable fields: the operation's id and actor, then its definition's. */
export const legacyCommandFields: Record<LegacyCommandName, readonly string[]> = perCommand((d) => [
  'operationId',
  'actor',
  ...d.legacyFields,
]);
