// Staff roles and what each may do. The IT policy file maps OS accounts to roles
// (src-main/node/security/policy.ts); every service checks the role here before it changes
// anything, so a hidden button is never the only guard.
import type { CommandActionDefinition } from './command-defs/define-command.ts';
import { type CommandAction, commandDefinitions } from './commands.ts';
import { type ErrorText, errorText, formatErrorText } from './messages/error-text.ts';
import { joinNamedGroups } from './named-groups.ts';

import type { Role } from './role-names.ts';

export { roleNames, type Role } from './role-names.ts';

/** What people do that is not giving a command (the commands' own actions come with their definitions). */
const otherActionRoles = {
  'conflict.resolve': ['clerk', 'supervisor', 'admin'],
  'certificate.issue': ['clerk', 'supervisor', 'admin'],
  'batch.prepare': ['clerk', 'supervisor', 'admin'],
  'batch.post': ['clerk', 'supervisor', 'admin'],
  'application.update': ['clerk', 'supervisor', 'admin'],
  'application.waive': ['supervisor', 'admin'],
  'drawer.use': ['clerk', 'supervisor', 'admin'],
  'dashboard.view': ['supervisor', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

/**
 * The services that change records, and the roles allowed to use each: every command's actions
 * (command-defs/, e.g. 'licence.renew' of renewLicence) and the other actions above. An action
 * named twice is refused at start-up.
 */
export const serviceRoles = joinNamedGroups(
  'action',
  ...Object.values(commandDefinitions).map((d) =>
    Object.fromEntries(
      Object.entries(d.actions as Record<string, CommandActionDefinition>).map(([action, a]) => [
        action,
        a.roles,
      ]),
    ),
  ),
  otherActionRoles,
) as Record<CommandAction | keyof typeof otherActionRoles, readonly Role[]>;
export type ServiceAction = keyof typeof serviceRoles;

/**
 * null when allowed; else the refusal as a catalog message (messages/counter-errors.ts
 * 'roles.refused'), which names the role, what the service does and who may do it. The words for
 * each action are in messages/role-words.ts.
 */
export function roleRefusal(role: Role, action: ServiceAction): ErrorText | null {
  const allowed: readonly Role[] = serviceRoles[action];
  if (allowed.includes(role)) return null;
  return errorText('roles.refused', { role, action, allowed: allowed.join(',') });
}

/** null when allowed; else the sentence a person reads, in English (see roleRefusal for the key). */
export function refusal(role: Role, action: ServiceAction): string | null {
  const text = roleRefusal(role, action);
  return text ? formatErrorText(text, 'en') : null;
}
