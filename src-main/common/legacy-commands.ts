// The commands a desk sends back to the legacy database, and the fields of each command's payload
// that a bridge's write statements may bind: derived from the command definitions (commands.ts).
// A bridge file is checked against it, so a misspelt field is caught when the file is loaded. The
// lists (for statements a bridge repeats per element, `for_each:`) are derived the same way.
import { type CommandName, commandNames, perCommand } from './commands.ts';

export type LegacyCommandName = CommandName;
export const legacyCommandNames: readonly LegacyCommandName[] = commandNames;

/** Every command's bindable fields: the operation's id and actor, then its definition's. */
export const legacyCommandFields: Record<LegacyCommandName, readonly string[]> = perCommand((d) => [
  'operationId',
  'actor',
  ...d.legacyFields,
]);

/**
 * Every command's lists: for each list field of its payload, the fields of one element that a
 * statement repeated over it (`for_each: <list>`) may bind as `<list>.<field>`.
 */
export const legacyCommandLists: Record<
  LegacyCommandName,
  Readonly<Record<string, readonly string[]>>
> = perCommand((d) =>
  Object.fromEntries(
    Object.entries(d.legacyLists ?? {}).filter((e): e is [string, readonly string[]] => e[1] !== undefined),
  ),
);

/**
 * What a bridge file's commands are checked against: each command's bindable fields and its lists.
 * The loader takes another one only in tests, for a command shape no definition has yet.
 */
export interface LegacyCommandCatalog {
  fields: Readonly<Record<string, readonly string[]>>;
  lists: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

export const legacyCommandCatalog: LegacyCommandCatalog = {
  fields: legacyCommandFields,
  lists: legacyCommandLists,
};
