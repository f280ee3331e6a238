// What the UI and the command line see of the write path: the desk's link to the legacy database,
// the changes waiting, and the conflicts a person resolves. See src-main/node/sync/README.md.
import { z } from 'zod';
import { commandNames } from './commands.ts';
import { IsoTimestamp } from './model.ts';

export const ConnectionState = z.object({
  /** unknown: not checked yet (just started, or a command-line desk that never probes). */
  state: z.enum(['online', 'offline', 'unknown']),
  /** When the current state began (offline since ...). */
  since: IsoTimestamp.nullable(),
  lastCheckedAt: IsoTimestamp.nullable(),
  /** Why the last check failed, in plain words. */
  message: z.string().nullable(),
  /** When the monitor will check again while offline. */
  nextCheckAt: IsoTimestamp.nullable(),
});
export type ConnectionState = z.infer<typeof ConnectionState>;

export const SyncActivity = z.object({
  /** What the desk is doing now. */
  busy: z.enum(['idle', 'pushing', 'refreshing']),
  lastPushAt: IsoTimestamp.nullable(),
  lastPushError: z.string().nullable(),
});
export type SyncActivity = z.infer<typeof SyncActivity>;

export const CommandNameSchema = z.enum(commandNames);

export const PendingOperation = z.object({
  operationId: z.string(),
  command: CommandNameSchema,
  createdAt: IsoTimestamp,
  actor: z.string(),
  status: z.enum(['pending', 'conflict']),
  /** Sent, and the desk never heard how it ended: settled by re-reading at the next push. */
  inDoubt: z.boolean(),
});
export type PendingOperation = z.infer<typeof PendingOperation>;

const FieldValue = z.union([z.string(), z.number(), z.null()]);

/** One field of a conflict: what the clerk saw, what the clerk's change makes it, what the legacy has now. */
export const ConflictField = z.object({
  field: z.string(),
  seen: FieldValue,
  mine: FieldValue,
  current: FieldValue,
  /** seen != current: somebody else changed it. */
  changedElsewhere: z.boolean(),
});
export type ConflictField = z.infer<typeof ConflictField>;

export const conflictResolutions = ['apply_again', 'edit', 'discard'] as const;

export const Conflict = z.object({
  id: z.number().int(),
  operationId: z.string(),
  command: CommandNameSchema,
  licenceId: z.string(),
  takenAt: IsoTimestamp,
  takenBy: z.string(),
  detectedAt: IsoTimestamp,
  /**
   * changed: somebody changed the record; gone: the record is no longer in the legacy DB;
   * in_doubt: a person must check; refused: the legacy database will not take it as it is;
   * invalid: the desk will not send it, its payload failing its command's definition.
   */
  kind: z.enum(['changed', 'gone', 'in_doubt', 'refused', 'invalid']),
  /** refused: what the legacy database said, in its own words; invalid: what the desk's check found (null for the other kinds). */
  legacyMessage: z.string().nullable(),
  /** A sentence saying what happened, for people. */
  explanation: z.string(),
  fields: z.array(ConflictField),
  /** Payload fields the clerk may edit before applying (edit resolution), with their current proposal. */
  editable: z.record(z.string(), FieldValue),
  status: z.enum(['open', 'resolved']),
  resolution: z.enum(conflictResolutions).nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: IsoTimestamp.nullable(),
  reason: z.string().nullable(),
  /** The outbox entry a resolution made (apply again / edit). */
  newOperationId: z.string().nullable(),
});
export type Conflict = z.infer<typeof Conflict>;

export const PushSummary = z.object({
  applied: z.number().int(),
  alreadyApplied: z.number().int(),
  conflicts: z.number().int(),
  remaining: z.number().int(),
  /** Changes refused by the legacy database in this push, parked for a person (counted in conflicts too). */
  refused: z.number().int().default(0),
  /** Changes left waiting because an earlier change to the same record waits for a person. */
  held: z.number().int().default(0),
  /** Why the push stopped before the end, in plain words (legacy unreachable ...). */
  stoppedBy: z.string().nullable(),
});
export type PushSummary = z.infer<typeof PushSummary>;

/** A push that sent nothing (yet): `remaining` changes wait. */
export const idlePush = (remaining = 0): PushSummary => ({
  applied: 0,
  alreadyApplied: 0,
  conflicts: 0,
  refused: 0,
  held: 0,
  remaining,
  stoppedBy: null,
});
