// What `workbench sync` tells the person and the script that ran it, from what the sync found:
// one pure function, so the exit codes README documents are the ones the command returns.
import type { PushSummary } from '../../common/sync-model.ts';

/** Exit codes of `workbench sync` (README, "Command line"). */
export const syncExit = {
  /** Everything waiting reached the legacy database, or nothing waited. */
  ok: 0,
  /** The legacy database could not be reached: nothing is lost, the changes keep waiting. */
  away: 3,
  /**
   * The legacy database was reached, but this sync parked changes for a person, or left changes
   * waiting behind a refused one ("workbench conflicts"). Conflicts parked by an earlier sync that
   * hold nothing back are reminded of in words, with exit 0: the sync itself did all it could.
   */
  needPerson: 4,
} as const;

export interface SyncFacts {
  /** Why the sync stopped short (the legacy database away, a change waiting on another), or null. */
  message: string | null;
  push: PushSummary;
  /** Conflicts of this desk still open after the sync, refused changes among them. */
  openConflicts: number;
}

/** The exit code: away wins (nothing could be decided), then changes this sync left to a person. */
export function syncExitCode(facts: SyncFacts): number {
  if (facts.message) return syncExit.away;
  return facts.push.conflicts > 0 || facts.push.held > 0 ? syncExit.needPerson : syncExit.ok;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The sentence about changes that need a person, or null when none do. */
export function needPersonLine(facts: SyncFacts): string | null {
  if (facts.openConflicts === 0) return null;
  const { refused, held } = facts.push;
  const parts = [
    `${plural(facts.openConflicts, 'change needs', 'changes need')} a person: see "workbench conflicts".`,
  ];
  if (refused)
    parts.push(
      `${plural(refused, 'was', 'were')} refused by the legacy database in this sync (its words are kept with ${refused === 1 ? 'it' : 'them'}).`,
    );
  if (held)
    parts.push(
      `${plural(held, 'later change to the same records waits', 'later changes to the same records wait')} behind ${refused === 1 ? 'it' : 'them'}; the others went on.`,
    );
  return parts.join(' ');
}
