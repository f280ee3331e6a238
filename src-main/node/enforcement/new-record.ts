// A complaint or a case made on the desk: inside the caller's transaction, the record under
// local:<operationId> (until the legacy system numbers it), its outbox entry and its audit entry.
import { randomUUID } from 'node:crypto';
import type { CommandName } from '../../common/commands.ts';
import type { Changes } from '../commands/effect-parts.ts';
import { giveCommand } from '../commands/give-command.ts';
import type { BaseVersion } from '../commands/outbox.ts';
import type { Desk } from '../desk/open-desk.ts';
import { provisionalId } from '../sync/provisional-refs.ts';

export interface NewRecord {
  command: Extract<CommandName, 'takeComplaint' | 'openCase'>;
  payload: Record<string, unknown> & { v: number };
  /** The payload's own time stamp. */
  at: string;
  base: BaseVersion[];
  /** Writes the record (and what it changes) under its provisional id; returns what changed. */
  write(id: string): Changes;
  detail: Record<string, unknown>;
}

export function queueNewRecord(desk: Desk, actor: string, r: NewRecord): { operationId: string; id: string } {
  const operationId = randomUUID();
  const id = provisionalId(operationId);
  const changes = r.write(id);
  giveCommand(desk, actor, {
    command: r.command,
    at: r.at,
    payload: r.payload as never,
    base: r.base,
    changes,
    subject: id,
    detail: r.detail,
    operationId,
  });
  return { operationId, id };
}
