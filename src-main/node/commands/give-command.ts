// A person's command, given: its outbox entry (with the records as the person saw them and the
// cached records it changed, marked pending) and its audit entry, whose action is the one the
// command's definition names (command-defs/: auditAction). Runs inside the service's cache
// transaction, with the command's local effect, so the three stand or fall together.
import { type CommandName, type PayloadOf, definitionOf } from '../../common/commands.ts';
import type { Desk } from '../desk/open-desk.ts';
import { audit } from '../security/audit.ts';
import { type BaseVersion, enqueue, type NewEntry } from './outbox.ts';

export interface GivenCommand<N extends CommandName> {
  command: N;
  /** When the person gave it, in the desk's time zone (the entry's and the audit's time). */
  at: string;
  payload: PayloadOf<N>;
  base: BaseVersion[];
  changes: NewEntry['changes'];
  /** What the audit entry is about (a licence number, a visit). */
  subject: string;
  /** What the audit entry says besides the operation id. */
  detail: Record<string, unknown>;
  /** The operation's id when it is known before (a record made under local:<operationId>). */
  operationId?: string;
}

/** Queues the command and audits it; returns its operation id. */
export function giveCommand<N extends CommandName>(
  desk: Desk,
  actor: string,
  given: GivenCommand<N>,
): string {
  const db = desk.cache;
  const payload = given.payload as NewEntry['payload'];
  const operationId = enqueue(
    db,
    {
      deskId: desk.configured().deskId,
      actor,
      createdAt: given.at,
      command: given.command,
      payload,
      base: given.base,
      changes: given.changes,
    },
    given.operationId,
  );
  audit(db, {
    at: given.at,
    actor,
    action: definitionOf(given.command).auditAction(payload),
    subject: given.subject,
    detail: { operationId, ...given.detail },
  });
  return operationId;
}
