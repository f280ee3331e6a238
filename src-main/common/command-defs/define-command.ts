// What a command is, said once. A command is a change a person makes to records that goes through
// the outbox to the legacy database (renew a licence, take a payment, ...). Its definition holds
// everything the rest of the house needs to know about it: the payload and its version, the roles
// that may give it, the fields a bridge may bind, what replay compares, what a conflict shows and
// lets a person edit, and the words for it. The lists that used to be kept by hand in several
// files (payload schemas, bindable fields, names, replay rules, the roles of commands) are all
// derived from the definitions in ../commands.ts. Pure: used by the worker, the desk, the UI, tests.
import type { z } from 'zod';
import type { MessageEntry } from '../messages/message-entry.ts';
import type { Role } from '../role-names.ts';

type Rec = Record<string, unknown>;

/** A field of a conflict as a person reads it: its name, what the clerk saw, what the change makes it. */
export type ConflictRow = readonly [field: string, seen: unknown, mine: unknown];

/** The records a command can make under `local:<operationId>` until the legacy system numbers them. */
export type ProvisionalTable =
  'payment' | 'business' | 'licence' | 'scheduled_inspection' | 'complaint' | 'enforcement_case';

export interface RebaseContext {
  /** The desk's date today, YYYY-MM-DD. */
  today: string;
  /** The term of the licence's type in months (null: one year). */
  termMonths: number | null;
}

/** Words a person reads, per language. */
export type Words = { en: string; es: string };

/** One thing people do with a command, the roles allowed it, and its words in a refusal ("renew licences"). */
export interface CommandActionDefinition {
  roles: readonly Role[];
  words: Words;
}

/** The payload's list fields: those whose value is an array (of records, one per element). */
type ListField<P> = string extends keyof P
  ? string
  : { [K in keyof P & string]-?: NonNullable<P[K]> extends readonly unknown[] ? K : never }[keyof P & string];
/** The fields of one element of a list field. */
type ElementField<V> = NonNullable<V> extends readonly (infer E)[] ? keyof E & string : string;
/**
 * The payload's lists a bridge may repeat a statement over (`for_each:`), each with the fields of
 * its elements that the repeated statement may bind (as `<list>.<field>`).
 */
export type LegacyLists<P> = { readonly [K in ListField<P>]?: readonly ElementField<P[K]>[] };

/** A command's own error messages by key (joined into the catalog, messages/error-messages.ts). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each message has its own parameters
export type CommandErrors = Readonly<Record<string, MessageEntry<any>>>;

export interface CommandDefinition<
  N extends string = string,
  S extends z.ZodObject = z.ZodObject,
  A extends string = string,
  E extends CommandErrors = CommandErrors,
> {
  /** The name the outbox stores and a bridge file's `commands:` section uses. */
  name: N;
  /** The payload's version (the outbox stores it; replay refuses a payload of another version). */
  version: number;
  /** The payload's schema; its `v` is `z.literal(version)`. Checked on entry and again at replay. */
  payload: S;
  /** The words for the command in a list (outbox, conflicts screen), per language. */
  label: Words;
  /**
   * What the command sends, as a sentence names it when a desk's bridge lacks the command
   * ("does not take renewals from the workbench yet"), per language.
   */
  sends: Words;
  /**
   * The actions (roles.ts) a person carries out with this command: the roles allowed each, and
   * the words a role refusal uses for it.
   */
  actions: Readonly<Record<A, CommandActionDefinition>>;
  /** Payload fields a bridge's write statements may bind (operationId and actor always may). */
  legacyFields: readonly (keyof z.infer<S> & string)[];
  /**
   * Payload lists a bridge may run a write statement once per element of (`for_each: items`), with
   * the element fields it may bind as `items.<field>`, e.g. `{ items: ['item', 'outcome', 'note'] }`.
   * A list is not itself a bindable field: only its elements' fields are.
   */
  legacyLists?: LegacyLists<z.infer<S>>;
  /** The record the change is based on (the one the clerk saw), if any: named in explanations. */
  basedOn: 'licence' | 'business' | 'scheduledInspection' | 'complaint' | 'enforcementCase' | null;
  /** The record it makes under local:<operationId> until the legacy system numbers it, if any. */
  creates: ProvisionalTable | null;
  /**
   * The fields of the base record replay compares with the legacy record now: if one changed
   * elsewhere, the change is not applied blind but parked as a conflict.
   */
  watch: readonly string[];
  /** Payload fields a person may edit in a conflict before applying the change again. */
  editable: readonly (keyof z.infer<S> & string)[];
  /** The payload field stamped anew when a person applies it again (how replay tells the two apart). */
  restamp?: keyof z.infer<S> & string;
  /** The conflict field by field: what the clerk saw, and what the change makes it. */
  conflictRows(payload: Rec, seen: Rec): ConflictRow[];
  /** The change again, on top of the current legacy record ("apply again"). Default: as it was. */
  rebase?(payload: Rec, current: Rec, context: RebaseContext): Rec;
  /** The change in a few words, for explanations: "the renewal of licence L-1 to 2027-03-31". */
  describe(payload: Rec, seen: Rec): string;
  /**
   * The change on this desk this one is a consequence of, if any (a re-inspection queued with the
   * failed result it follows): the earlier outbox entry of `command` whose payload's `field` is
   * `value`. Replay sends this one only once that one is in the legacy database, holds it while
   * that one waits on a person, and it is withdrawn when a person discards that one
   * (node/sync/follow-ups.ts).
   */
  follows?(payload: Rec): { command: string; field: string; value: string } | null;
  /** The audit log's action for a person giving the command (the status change names its move). */
  auditAction(payload: Rec): string;
  /**
   * The errors only this command's service gives, by key, in every language. Joined into the
   * error catalog with the others (a key defined twice is refused at start-up); errorText knows them.
   */
  errors?: E;
}

/** A definition, with its literal name and schema kept in the type (so payload types derive from it). */
export function defineCommand<
  const N extends string,
  S extends z.ZodObject,
  const A extends string,
  const E extends CommandErrors = Record<never, never>,
>(definition: CommandDefinition<N, S, A, E>): CommandDefinition<N, S, A, E> {
  return definition;
}

/** The same fields of the base record, each shown as the clerk saw it and left as it is. */
export const unchanged = (seen: Rec, ...fields: string[]): ConflictRow[] =>
  fields.map((f) => [f, seen[f], seen[f]] as const);

/** Payload fields a change sets where nothing was seen before (new values, reasons). */
export const given = (payload: Rec, ...fields: string[]): ConflictRow[] =>
  fields.map((f) => [f, null, payload[f]] as const);

/** $12.50 */
export const dollars = (cents: unknown): string => `$${(Number(cents) / 100).toFixed(2)}`;
