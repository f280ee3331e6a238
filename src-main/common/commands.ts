// The commands a person gives that change records: the one list of them. Each is defined once in
// command-defs/ (its payload and version, roles, bindable fields, replay rules, words), and every
// other list is derived here: the payload schemas, the names, the fields a bridge may bind
// (legacy-commands.ts), the roles of commands (roles.ts), the replay rules (replay-rules.ts).
// The outbox stores a payload's version, so a desk updated mid-outage still replays what an older
// version queued; replay checks each payload against its definition again before sending it.
import type { z } from 'zod';
import { assignInspection } from './command-defs/assign-inspection.ts';
import { assignCase } from './command-defs/assign-case.ts';
import { changeLicenceStatus } from './command-defs/change-licence-status.ts';
import { citeCase } from './command-defs/cite-case.ts';
import { closeCase } from './command-defs/close-case.ts';
import { correctBusinessContact } from './command-defs/correct-business-contact.ts';
import type { CommandDefinition } from './command-defs/define-command.ts';
import { issueLicence } from './command-defs/issue-licence.ts';
import { openCase } from './command-defs/open-case.ts';
import { refundPayment, voidPayment } from './command-defs/payment-reversals.ts';
import { recordInspectionResult } from './command-defs/record-inspection-result.ts';
import { recordPayment } from './command-defs/record-payment.ts';
import { registerBusiness } from './command-defs/register-business.ts';
import { renewLicence } from './command-defs/renew-licence.ts';
import { scheduleInspection } from './command-defs/schedule-inspection.ts';
import { takeComplaint } from './command-defs/take-complaint.ts';
import { transferLicence } from './command-defs/transfer-licence.ts';
import { DuplicateNameError } from './named-groups.ts';

/** The definitions by name; a second definition of one name is refused at start-up. */
export function registerCommands<const D extends readonly CommandDefinition[]>(
  ...definitions: D
): { [K in D[number] as K['name']]: K } {
  const byName: Record<string, CommandDefinition> = {};
  for (const d of definitions) {
    if (Object.hasOwn(byName, d.name))
      throw new DuplicateNameError(`Two commands are named "${d.name}": every command is defined once.`);
    byName[d.name] = d;
  }
  return byName as { [K in D[number] as K['name']]: K };
}

export const commandDefinitions = registerCommands(
  renewLicence,
  recordPayment,
  voidPayment,
  refundPayment,
  changeLicenceStatus,
  registerBusiness,
  issueLicence,
  correctBusinessContact,
  recordInspectionResult,
  scheduleInspection,
  transferLicence,
  assignInspection,
  takeComplaint,
  openCase,
  assignCase,
  closeCase,
  citeCase,
);

type Definitions = typeof commandDefinitions;
export type CommandName = keyof Definitions;
/** The payload of one command, as its definition's schema says. */
export type PayloadOf<N extends CommandName> = z.infer<Definitions[N]['payload']>;

export const commandNames = Object.keys(commandDefinitions) as [CommandName, ...CommandName[]];

/** The payload schemas by command name. */
export const commandPayloads = Object.fromEntries(
  commandNames.map((n) => [n, commandDefinitions[n].payload]),
) as { [N in CommandName]: Definitions[N]['payload'] };

/** A command's definition by name, typed loosely (for code that handles every command alike). */
export const definitionOf = (name: CommandName): CommandDefinition => commandDefinitions[name];

/** One value per command, computed from its definition (the derived lists are made with this). */
export function perCommand<T>(value: (definition: CommandDefinition) => T): Record<CommandName, T> {
  return Object.fromEntries(commandNames.map((n) => [n, value(commandDefinitions[n])])) as Record<
    CommandName,
    T
  >;
}

/** The actions (roles.ts) that people carry out with commands. */
export type CommandAction = {
  [N in CommandName]: keyof Definitions[N]['actions'] & string;
}[CommandName];

/**
 * Why a payload read back from the outbox may not be sent as it is (its version is not its
 * command's, or it fails its schema), in the desk's words; null when it may. Replay checks every
 * entry with this before sending it: the outbox is a file on a shared PC, and a desk updated
 * mid-outage may hold payloads queued by an older version before a limit was added.
 */
export function payloadProblem(command: CommandName, version: number, payload: unknown): string | null {
  const definition = definitionOf(command);
  const v = (payload as { v?: unknown } | null)?.v;
  if (version !== definition.version || v !== definition.version)
    return `it was saved as version ${String(v ?? version)} of ${command}, and this version of the workbench knows version ${definition.version}`;
  const checked = definition.payload.safeParse(payload);
  if (checked.success) return null;
  return checked.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');
}

export const isCommandName = (name: string): name is CommandName => Object.hasOwn(commandDefinitions, name);
