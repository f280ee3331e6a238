// The two checks before a person's command is taken at the desk: the person's role allows it (the
// IT policy file), and the desk's bridge has write statements for it. A command the legacy system
// cannot take would wait in the outbox for ever, so it is refused at the counter instead, naming
// what it sends in the person's language (the definition's `sends`). Both refusals are catalog
// messages, translated at the edge.
import { type CommandName, commandDefinitions } from '../../common/commands.ts';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import type { Role } from '../../common/role-names.ts';
import type { ServiceAction } from '../../common/roles.ts';
import type { Desk } from '../desk/open-desk.ts';
import { assertAllowed, loadPolicy } from '../security/policy.ts';

/** The actions a command's definition names (e.g. 'licence.suspend' of changeLicenceStatus). */
type ActionOf<N extends CommandName> = keyof (typeof commandDefinitions)[N]['actions'] & ServiceAction;

/** Refused (not_configured) when the desk's bridge has no write statements for the command. */
export function assertBridgeTakes(desk: Desk, command: CommandName): void {
  const { definition } = desk.bridge();
  if (!definition.commands?.[command]) {
    throw new WorkbenchError(
      'not_configured',
      errorText('bridge.command_missing', { bridge: definition.name, command }),
    );
  }
}

/**
 * The person may give the command here: their role allows the action (the command's only one
 * unless named) and the desk's bridge takes the command. Returns the person's role.
 */
export function assertMayGive<N extends CommandName>(
  desk: Desk,
  actor: string,
  command: N,
  action?: ActionOf<N>,
): Role {
  const actions = Object.keys(commandDefinitions[command].actions) as ServiceAction[];
  const chosen = action ?? actions[0];
  if (!chosen || (!action && actions.length > 1))
    throw new Error(`${command} has several actions (${actions.join(', ')}): name the one the person takes.`);
  const role = assertAllowed(loadPolicy(desk.paths.dataDir), actor, chosen);
  assertBridgeTakes(desk, command);
  return role;
}
