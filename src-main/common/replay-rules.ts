// The domain side of replay, the same for every command: what each command's definition
// (command-defs/) says about which fields of the record it read decide whether it may still be
// applied, how a conflict is shown field by field, what a person may edit, and how a command is
// rebased on the current legacy values when a person says "apply again". Pure: used by the
// worker, the desk and tests.
import { type CommandName, definitionOf, perCommand } from './commands.ts';
import type { ConflictField } from './sync-model.ts';

type Rec = Record<string, unknown>;

/** The fields of the base record each command depends on (see each definition's `watch`). */
export const commandWatch: Record<CommandName, readonly string[]> = perCommand((d) => d.watch);

/** Fields that differ between what the clerk saw and what the legacy database holds now. */
export function changedFields(command: CommandName, seen: Rec, current: Rec): string[] {
  return commandWatch[command].filter((f) => !same(seen[f], current[f]));
}

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

const shown = (v: unknown): string | number | null =>
  v === null || v === undefined ? null : typeof v === 'number' ? v : String(v);

/** The conflict as a person reads it: each field with what was seen, the clerk's change and the legacy value now. */
export function conflictFields(
  command: CommandName,
  payload: Rec,
  seen: Rec,
  current: Rec | null,
): ConflictField[] {
  const rows = [...definitionOf(command).conflictRows(payload, seen)];
  rows.push(['legacyUpdatedAt', seen.legacyUpdatedAt, seen.legacyUpdatedAt]);
  return rows.map(([field, s, mine]) => {
    const now = current === null ? null : current[field];
    const isRecordField = field in seen;
    return {
      field,
      seen: shown(s),
      mine: shown(mine),
      current: isRecordField ? shown(now) : null,
      changedElsewhere: isRecordField && (current === null || !same(s, now)),
    };
  });
}

/** Fields of a command's payload a person may edit before applying it again, with their values. */
export function editableFields(command: CommandName, payload: Rec): Record<string, string | number | null> {
  return Object.fromEntries(definitionOf(command).editable.map((f) => [f, shown(payload[f])]));
}

/** The command again, on top of the current legacy record (as its definition says; else as it was). */
export function rebase(
  command: CommandName,
  payload: Rec,
  current: Rec,
  today: string,
  termMonths: number | null,
): Rec {
  const definition = definitionOf(command);
  return definition.rebase ? definition.rebase(payload, current, { today, termMonths }) : { ...payload };
}
