// The one licence status machine (issue 5, point 5). Every service that changes a licence's status
// asks decideStatusChange first; the help screen lists licenceStatusActionTable. Pure data and
// functions: the services enforce it, the UI only explains it.
import { z } from 'zod';
import { renewableStatuses } from './licence-rules.ts';
import { type Role, roleNames } from './roles.ts';
import { type LicenceStatus, licenceStatuses } from './model.ts';

/** Every status the model knows; 'revoked' (withdrawn for cause) differs from 'closed' (given up). */
export type StatusMachineStatus = LicenceStatus;
export const statusMachineStatuses = licenceStatuses;

export const licenceStatusActions = ['suspend', 'revoke', 'close', 'reinstate', 'renew', 'expire'] as const;
export const LicenceStatusAction = z.enum(licenceStatusActions);
export type LicenceStatusAction = z.infer<typeof LicenceStatusAction>;

/** The staff roles are the IT policy file's (roles.ts). */
export const staffRoles = roleNames;
export type StaffRole = Role;
/** Who takes a status action: a person by role, or 'system' for the nightly expiry run. */
export type StatusActor = StaffRole | 'system';

interface ActionRule {
  readonly from: readonly StatusMachineStatus[];
  /** Where the licence lands. Reinstatement lands on 'expired' instead when its date has passed. */
  readonly to: StatusMachineStatus;
  readonly reasonRequired: boolean;
  readonly actors: readonly StatusActor[];
}

// Reading of the roles: clerk < supervisor < admin, each may do what the one before may; an
// inspector records inspections and takes no status action; only the nightly run marks a licence
// expired (a person renews, suspends or closes instead).
const supervisors = ['supervisor', 'admin'] as const;
const actionRules: Record<LicenceStatusAction, ActionRule> = {
  // An expired licence may be suspended too: it keeps it from being renewed at the counter
  // while the city looks into it.
  suspend: { from: ['active', 'expired'], to: 'suspended', reasonRequired: true, actors: supervisors },
  revoke: {
    from: ['active', 'expired', 'suspended'],
    to: 'revoked',
    reasonRequired: true,
    actors: supervisors,
  },
  close: {
    from: ['active', 'expired', 'suspended'],
    to: 'closed',
    reasonRequired: true,
    actors: supervisors,
  },
  reinstate: { from: ['suspended'], to: 'active', reasonRequired: true, actors: supervisors },
  renew: {
    from: renewableStatuses,
    to: 'active',
    reasonRequired: false,
    actors: ['clerk', 'supervisor', 'admin'],
  },
  expire: { from: ['active'], to: 'expired', reasonRequired: false, actors: ['system'] },
};

/** Ended for good: the business must apply again, as a new application. */
const endedStatuses: readonly StatusMachineStatus[] = ['closed', 'revoked'];

export const statusRefusalCodes = [
  'already_in_status', // the action would leave the licence where it is
  'licence_ended', // closed or revoked: nothing moves it again
  'status_unknown', // the legacy record's status code is not one the desk understands
  'not_suspended', // reinstating a licence that is not suspended
  'suspended_needs_reinstatement', // renewing or expiring a suspended licence
  'not_yet_expired', // the nightly run asked to expire a licence whose date has not passed
  'role_not_allowed', // the person's role may not take this action
  'reason_required', // the action needs a reason and none was given
] as const;
export type StatusRefusalCode = (typeof statusRefusalCodes)[number];

export type StatusDecision =
  | { ok: true; next: StatusMachineStatus; reason: string | null }
  | {
      ok: false;
      code: StatusRefusalCode;
      /** Plain English saying what happened and what to do; the UI translates by code. */
      message: string;
      status: StatusMachineStatus;
      action: LicenceStatusAction;
    };

export interface StatusChangeContext {
  /** Why: required for suspend, revoke, close and reinstate; kept in the history and the audit log. */
  reason?: string | null;
  role: StatusActor;
  /**
   * The licence's expiry date and the city's today (ISO dates). With them, reinstatement lands on
   * 'expired' when the date has passed, and the nightly run cannot expire a licence early. Services
   * should always pass them.
   */
  dates?: { expiresOn: string | null; today: string };
}

const statusWords: Record<StatusMachineStatus, string> = {
  active: 'An active licence',
  expired: 'An expired licence',
  suspended: 'A suspended licence',
  closed: 'A closed licence',
  revoked: 'A revoked licence',
  unknown: 'A licence whose status is unknown',
};
const doneWords: Record<LicenceStatusAction, string> = {
  suspend: 'suspended',
  revoke: 'revoked',
  close: 'closed',
  reinstate: 'reinstated',
  renew: 'renewed',
  expire: 'marked expired',
};
const actorWords: Record<StatusActor, string> = {
  clerk: 'a clerk',
  inspector: 'an inspector',
  supervisor: 'a supervisor',
  admin: 'an admin',
  system: 'the nightly run',
};

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

type Transition =
  { ok: true; next: StatusMachineStatus } | { ok: false; code: StatusRefusalCode; message: string };

/** Whether a move is possible at all from this status, whoever asks (no role or reason checks). */
export function statusTransition(current: StatusMachineStatus, action: LicenceStatusAction): Transition {
  const rule = actionRules[action];
  if (rule.from.includes(current)) return { ok: true, next: rule.to };
  const done = doneWords[action];
  if (current === 'unknown') {
    return {
      ok: false,
      code: 'status_unknown',
      message: `${statusWords.unknown} cannot be ${done}. Refresh it from the legacy system, or have its status corrected there first.`,
    };
  }
  // Reinstating an active licence is answered below: "not suspended" says more than "already active".
  if (current === rule.to && action !== 'reinstate') {
    return { ok: false, code: 'already_in_status', message: `This licence is already ${current}.` };
  }
  if (endedStatuses.includes(current)) {
    return {
      ok: false,
      code: 'licence_ended',
      message: `${statusWords[current]} cannot be ${done}; it must be issued again as a new application.`,
    };
  }
  if (action === 'reinstate') {
    const instead = current === 'expired' ? ' Renew it instead.' : '';
    return {
      ok: false,
      code: 'not_suspended',
      message: `${statusWords[current]} is not suspended, so there is nothing to reinstate.${instead}`,
    };
  }
  if (current === 'suspended') {
    const message =
      action === 'expire'
        ? 'A suspended licence is not marked expired by the nightly run: it stays suspended until a supervisor reinstates it, and reinstatement marks it expired if its date has passed.'
        : `${statusWords.suspended} cannot be ${done}; a supervisor must reinstate it first.`;
    return { ok: false, code: 'suspended_needs_reinstatement', message };
  }
  // Every (status, action) pair is covered above; the unit test walks all of them.
  throw new Error(`licence status machine: no rule for ${action} from ${current}`);
}

function roleRefusal(action: LicenceStatusAction, role: StatusActor): string {
  const allowed = actionRules[action].actors;
  if (action === 'expire') {
    return `Licences are marked expired only by the nightly run, not by ${actorWords[role]}. Renew, suspend or close the licence instead.`;
  }
  const who = listWords(allowed.map((a) => actorWords[a]));
  const you = role === 'system' ? 'the nightly run may not' : `you are signed in as ${actorWords[role]}`;
  const ask = allowed.includes('clerk') ? 'a clerk' : 'a supervisor';
  return `Only ${who} may ${action} a licence; ${you}. Ask ${ask} to do it.`;
}

/**
 * Decides one status change: the move must be possible from the current status, the role must be
 * allowed to make it, and a reason given where one is required (checked in that order, so nobody
 * fetches a supervisor for a move that cannot happen).
 */
export function decideStatusChange(
  current: StatusMachineStatus,
  action: LicenceStatusAction,
  context: StatusChangeContext,
): StatusDecision {
  const refuse = (code: StatusRefusalCode, message: string): StatusDecision => ({
    ok: false,
    code,
    message,
    status: current,
    action,
  });
  const transition = statusTransition(current, action);
  if (!transition.ok) return refuse(transition.code, transition.message);
  const rule = actionRules[action];
  if (!rule.actors.includes(context.role))
    return refuse('role_not_allowed', roleRefusal(action, context.role));
  const reason = context.reason?.trim() || null;
  if (rule.reasonRequired && !reason) {
    return refuse(
      'reason_required',
      `Give a reason to ${action} this licence; it is kept in the licence's history and the audit log.`,
    );
  }
  const dates = context.dates;
  const past = dates && dates.expiresOn !== null && dates.expiresOn < dates.today;
  if (action === 'expire' && dates && !past) {
    return refuse(
      'not_yet_expired',
      dates.expiresOn === null
        ? 'This licence has no expiry date, so it cannot be marked expired. Give it one first.'
        : `This licence runs until ${dates.expiresOn}; it cannot be marked expired before then.`,
    );
  }
  const next = action === 'reinstate' && past ? 'expired' : transition.next;
  return { ok: true, next, reason };
}

/** The actions this role can take on a licence in this status (for buttons and shortcuts). */
export function availableStatusActions(
  current: StatusMachineStatus,
  role: StatusActor,
): LicenceStatusAction[] {
  return licenceStatusActions.filter(
    (action) => statusTransition(current, action).ok && actionRules[action].actors.includes(role),
  );
}

export interface LicenceStatusActionRow {
  action: LicenceStatusAction;
  /** English; the UI translates by action. */
  label: string;
  from: readonly StatusMachineStatus[];
  to: StatusMachineStatus;
  reasonRequired: boolean;
  actors: readonly StatusActor[];
  explanation: string;
}

const explanations: Record<LicenceStatusAction, string> = {
  suspend:
    'Stops an active or expired licence for now, for example pending a hearing; it cannot be renewed until reinstated.',
  revoke: 'Withdraws the licence for cause. The business must apply again as a new application.',
  close:
    'Ends the licence because the business stopped trading or gave it up. A new application is needed to trade again.',
  reinstate: 'Lifts a suspension: the licence is active again, or expired if its date passed meanwhile.',
  renew: 'Extends an active or expired licence by one term; a suspended one must be reinstated first.',
  expire: 'Done by the nightly run when an active licence passes its expiry date.',
};

/** What a help screen lists: each action, from which statuses, to which, who, and whether a reason is needed. */
export const licenceStatusActionTable: readonly LicenceStatusActionRow[] = licenceStatusActions.map(
  (action) => {
    const rule = actionRules[action];
    return {
      action,
      label: action[0]!.toUpperCase() + action.slice(1),
      from: rule.from,
      to: rule.to,
      reasonRequired: rule.reasonRequired,
      actors: rule.actors,
      explanation: explanations[action],
    };
  },
);
