// `workbench sync`'s exit code and its sentence about changes that need a person (README, "Command line").
import { describe, expect, it } from 'vitest';
import { type PushSummary, idlePush } from '../../src-main/common/sync-model.ts';
import { needPersonLine, syncExit, syncExitCode } from '../../src-main/host/cli/sync-outcome.ts';

const push = (over: Partial<PushSummary> = {}): PushSummary => ({ ...idlePush(), ...over });

describe('sync exit codes', () => {
  it('0 when nothing waits for a person and the legacy database answered', () => {
    expect(syncExitCode({ message: null, push: push({ applied: 3 }), openConflicts: 0 })).toBe(0);
    expect(syncExit.ok).toBe(0);
  });
  it('3 when the legacy database is away, even with conflicts open', () => {
    expect(syncExitCode({ message: 'could not be reached', push: push(), openConflicts: 2 })).toBe(3);
  });
  it('4 when this sync parked changes for a person, or left changes behind a refused one', () => {
    expect(syncExitCode({ message: null, push: push({ refused: 1, conflicts: 1 }), openConflicts: 1 })).toBe(
      4,
    );
    expect(syncExitCode({ message: null, push: push({ conflicts: 1 }), openConflicts: 1 })).toBe(4);
    expect(syncExitCode({ message: null, push: push({ held: 2 }), openConflicts: 1 })).toBe(4);
  });
  it('0 with conflicts parked earlier that hold nothing back (they are reminded of in words)', () => {
    expect(syncExitCode({ message: null, push: push({ applied: 1 }), openConflicts: 3 })).toBe(0);
    expect(needPersonLine({ message: null, push: push({ applied: 1 }), openConflicts: 3 })).toMatch(
      /^3 changes need a person/,
    );
  });
  it('says how many need a person, how many were refused and how many wait behind them', () => {
    expect(needPersonLine({ message: null, push: push(), openConflicts: 0 })).toBeNull();
    expect(
      needPersonLine({ message: null, push: push({ refused: 1, conflicts: 1, held: 3 }), openConflicts: 1 }),
    ).toBe(
      '1 change needs a person: see "workbench conflicts". 1 was refused by the legacy database in this sync (its words are kept with it). 3 later changes to the same records wait behind it; the others went on.',
    );
  });
});
