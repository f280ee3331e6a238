// Staff roles and what each may do. The IT policy file maps OS accounts to roles
// (src-main/node/security/policy.ts); every service checks the role here before it changes
// anything, so a hidden button is never the only guard.
import { type CommandAction, commandDefinitions } from './commands.ts';
import { joinNamedGroups } from './named-groups.ts';

export const roleNames = ['clerk', 'inspector', 'supervisor', 'admin'] as const;
export type Role = (typeof roleNames)[number];

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
  ...Object.values(commandDefinitions).map((d) => d.actions),
  otherActionRoles,
) as Record<CommandAction | keyof typeof otherActionRoles, readonly Role[]>;
export type ServiceAction = keyof typeof serviceRoles;

const actionWords: Record<ServiceAction, string> = {
  'licence.renew': 'renew licences',
  'payment.record': 'take payments',
  'conflict.resolve': 'resolve conflicts',
  'licence.suspend': 'suspend licences',
  'licence.revoke': 'revoke licences',
  'licence.close': 'close licences',
  'licence.reinstate': 'reinstate licences',
  'certificate.issue': 'issue licence certificates',
  'batch.prepare': 'prepare renewal batches',
  'batch.post': 'post renewal batches',
  'application.create': 'take new applications',
  'application.update': 'update application checklists',
  'application.issue': 'issue licences',
  'application.waive': 'waive a requirement',
  'drawer.use': 'open or close a cash drawer',
  'payment.void': 'void payments',
  'payment.refund': 'refund payments',
  'dashboard.view': "see the supervisor's dashboard",
};

/** null when allowed; else the sentence a person reads. */
export function refusal(role: Role, action: ServiceAction): string | null {
  const allowed: readonly Role[] = serviceRoles[action];
  if (allowed.includes(role)) return null;
  return `Your role (${role}) does not allow you to ${actionWords[action]}: that takes a ${allowed.join(' or ')}. Ask a supervisor, or ask IT to change your role in the workbench policy file.`;
}
