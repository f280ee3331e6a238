// What stops a renewal, as reasons a person can act on. Each has a stable `code` the UI
// translates (with `detail` for the numbers and dates) and an English `message`.
import type { Hold } from './fee-schedule.ts';
import { formatCents } from './money.ts';
import type { WindowCheck } from './renewal-window.ts';

export const blockerCodes = [
  'renewal.hold',
  'renewal.balanceDue',
  'renewal.tooEarly',
  'renewal.tooLate',
] as const;
export type BlockerCode = (typeof blockerCodes)[number];

export interface Blocker {
  code: BlockerCode;
  message: string;
  detail: Record<string, string | number | null>;
}

export function renewalBlockers(args: {
  holds: readonly Hold[];
  /** What the business still owes from earlier charges, in cents; more than 0 blocks. */
  outstandingBalanceCents: number;
  window: WindowCheck;
  expiresOn: string;
}): Blocker[] {
  const { holds, outstandingBalanceCents, window, expiresOn } = args;
  const blockers: Blocker[] = [];
  if (window.status === 'tooEarly') {
    blockers.push({
      code: 'renewal.tooEarly',
      message: `Too early to renew: renewals of this licence open on ${window.opensOn} (it expires on ${expiresOn}). Come back then.`,
      detail: { opensOn: window.opensOn, expiresOn },
    });
  } else if (window.status === 'tooLate') {
    blockers.push({
      code: 'renewal.tooLate',
      message: `Too late to renew: renewals of this licence closed on ${window.closesOn} (it expired on ${expiresOn}). The business needs a new application.`,
      detail: { closesOn: window.closesOn, expiresOn, daysLate: window.daysLate },
    });
  }
  for (const hold of holds) {
    const placed = [hold.placedOn && `on ${hold.placedOn}`, hold.placedBy && `by ${hold.placedBy}`]
      .filter(Boolean)
      .join(' ');
    blockers.push({
      code: 'renewal.hold',
      message: `On hold${placed ? ` (placed ${placed})` : ''}: ${hold.reason}. The hold must be lifted before renewing.`,
      detail: {
        holdCode: hold.code,
        reason: hold.reason,
        placedOn: hold.placedOn ?? null,
        placedBy: hold.placedBy ?? null,
      },
    });
  }
  if (outstandingBalanceCents > 0) {
    blockers.push({
      code: 'renewal.balanceDue',
      message: `An outstanding balance of ${formatCents(outstandingBalanceCents)} must be paid before renewing.`,
      detail: { balanceCents: outstandingBalanceCents },
    });
  }
  return blockers;
}
