// Conflicts a person resolves: listing them with the three versions side by side, and the
// resolutions (apply again on the current values, edit then apply, discard with a reason). Each
// resolution is one cache transaction with its audit entry; nothing is deleted: the conflict row
// keeps what the clerk saw, the clerk's change and the legacy values, whatever was decided.
import { randomUUID } from 'node:crypto';
import type { ZodType } from 'zod';
import { type CommandDefinition, dollars } from '../../common/command-defs/define-command.ts';
import { type CommandName, definitionOf } from '../../common/commands.ts';
import { errorText, invalidFields, WorkbenchError } from '../../common/errors.ts';
import { conflictFields, editableFields, rebase } from '../../common/replay-rules.ts';
import type { Conflict } from '../../common/sync-model.ts';
import { zonedIso } from '../../common/time.ts';
import type { Cache } from '../cache/open-cache.ts';
import { commandEffects } from '../commands/command-effects.ts';
import { type BaseVersion, enqueue } from '../commands/outbox.ts';
import type { Desk } from '../desk/open-desk.ts';
import { audit } from '../security/audit.ts';
import { recordsOf } from './change-records.ts';
import { assertAllowed, loadPolicy } from '../security/policy.ts';
import { followersOf, withdrawFollower } from './follow-ups.ts';
import {
  dropProvisional,
  followProvisional,
  provisionalId,
  provisionalOperation,
  renameProvisional,
} from './provisional-refs.ts';

export interface Resolution {
  conflictId: number;
  resolution: 'apply_again' | 'edit' | 'discard';
  reason?: string | undefined;
  edits?: Record<string, string | number> | undefined;
}

type Rec = Record<string, unknown>;
interface Current {
  entity: string;
  id: string;
  record: Rec | null;
}

export function countOpenConflicts(db: Cache): number {
  return (db.prepare(`SELECT count(*) AS n FROM conflict WHERE status = 'open'`).get() as { n: number }).n;
}

export function listConflicts(desk: Desk, includeResolved = false): Conflict[] {
  const rows = desk.cache
    .prepare(
      `SELECT c.*, o.command, o.created_at AS taken_at, o.actor AS taken_by
       FROM conflict c JOIN outbox o ON o.operation_id = c.operation_id
       ${includeResolved ? '' : `WHERE c.status = 'open'`}
       ORDER BY c.status = 'open' DESC, c.id`,
    )
    .all() as Rec[];
  return rows.map((r) => toConflict(desk, r));
}

export function getConflict(desk: Desk, id: number): Conflict {
  const row = desk.cache
    .prepare(
      `SELECT c.*, o.command, o.created_at AS taken_at, o.actor AS taken_by
       FROM conflict c JOIN outbox o ON o.operation_id = c.operation_id WHERE c.id = ?`,
    )
    .get(id) as Rec | undefined;
  if (!row) throw new WorkbenchError('not_found', errorText('conflict.not_found', { conflictId: id }));
  return toConflict(desk, row);
}

function toConflict(desk: Desk, r: Rec): Conflict {
  const command = r.command as CommandName;
  const payload = JSON.parse(r.mine as string) as Rec;
  const seen = ((JSON.parse(r.seen as string) as BaseVersion[])[0]?.record ?? {}) as Rec;
  const current = ((JSON.parse(r.current as string) as Current[])[0]?.record ?? null) as Rec | null;
  const kind = r.kind as Conflict['kind'];
  const proposal = current ? rebased(desk, command, payload, current) : payload;
  return {
    id: r.id as number,
    operationId: r.operation_id as string,
    command,
    licenceId: conflictLicence(desk, command, r, payload),
    takenAt: r.taken_at as string,
    takenBy: r.taken_by as string,
    detectedAt: r.detected_at as string,
    kind,
    explanation: explain(command, kind, payload, seen, current, (r.legacy_message as string | null) ?? null),
    legacyMessage: (r.legacy_message as string | null) ?? null,
    fields: conflictFields(command, payload, seen, current),
    editable: editableFields(command, proposal),
    status: r.status as Conflict['status'],
    resolution: (r.resolution as Conflict['resolution']) ?? null,
    resolvedBy: (r.resolved_by as string | null) ?? null,
    resolvedAt: (r.resolved_at as string | null) ?? null,
    reason: (r.reason as string | null) ?? null,
    newOperationId: (r.new_operation_id as string | null) ?? null,
  };
}

/**
 * The licence a conflict is about: the payload's; for a new licence the provisional one (where it
 * lives now); for a new business a licence issued to it on this desk, if any ('' when none).
 */
function conflictLicence(desk: Desk, command: CommandName, r: Rec, payload: Rec): string {
  const op = (r.new_operation_id as string | null) ?? (r.operation_id as string);
  if (command === 'issueLicence') return followProvisional(desk.cache, provisionalId(op));
  if (command === 'registerBusiness') {
    const businessId = followProvisional(desk.cache, provisionalId(op));
    return (
      (desk.cache
        .prepare('SELECT id FROM licence WHERE business_id = ? ORDER BY id LIMIT 1')
        .pluck()
        .get(businessId) as string | undefined) ?? ''
    );
  }
  return String(payload.licenceId ?? '');
}

function explain(
  command: CommandName,
  kind: Conflict['kind'],
  payload: Rec,
  seen: Rec,
  current: Rec | null,
  legacyMessage: string | null,
): string {
  const definition = definitionOf(command);
  const what = definition.describe(payload, seen);
  if (kind === 'invalid') {
    const edit = definition.editable.length > 0 ? 'Edit it and apply it again' : 'Apply it again';
    return `This desk did not send ${what}: as saved in the outbox, it does not pass the checks of this version of the workbench (${legacyMessage ?? 'no detail'}). Later changes to the same record wait behind it. ${edit}, or discard it with a reason.`;
  }
  if (kind === 'refused') {
    // The legacy database's words are kept as it said them: IT may need them to the letter.
    const edit =
      definition.editable.length > 0
        ? 'Edit it and apply it again, or discard it with a reason'
        : 'Apply it again once the legacy system takes it, or discard it with a reason';
    const words = (legacyMessage ?? 'no reason given').replace(/\.$/, '');
    return `The legacy database refused ${what}: "${words}". Nothing of it was written there, and later changes to the same record wait behind it. ${edit}.`;
  }
  if (kind === 'gone') {
    // A reference to a record made on this desk that never reached the legacy database.
    const ref = ['paymentId', 'businessId', 'licenceId'].find((f) => provisionalOperation(payload[f]));
    if (ref) {
      const thing = ref === 'paymentId' ? 'payment' : ref === 'businessId' ? 'business' : 'licence';
      return `The ${thing} it refers to (${String(payload[ref])}) was made on this desk and never reached the legacy database: its own change was discarded, or is a conflict still to settle. So ${what} was not applied. Settle that change first and apply this one again, or discard it with a reason.`;
    }
    if (definition.basedOn && definition.basedOn !== 'licence')
      return `${baseRecordWords(definition, payload)} is no longer in the legacy database, so ${what} was not applied. Discard it with a reason.`;
    const fix = definition.editable.includes('licenceId')
      ? 'or edit it onto another licence'
      : 'and take it again on the licence it belongs to';
    return `Licence ${payload.licenceId} is no longer in the legacy database, so ${what} was not applied. Discard it with a reason, ${fix}.`;
  }
  if (kind === 'in_doubt')
    return `This desk sent ${what} but never heard whether it arrived, and without the operation journal it cannot tell. Check ${definition.basedOn === 'licence' || definition.creates === 'licence' ? 'the licence' : 'the business'} in the legacy system, then apply it again or discard it.`;
  const changes: string[] = [];
  const shown = (f: string, v: unknown) =>
    v === null || v === undefined ? '—' : f.endsWith('Cents') ? dollars(v) : String(v);
  if (current) {
    for (const f of definition.watch) {
      if ((seen[f] ?? null) !== (current[f] ?? null))
        changes.push(`${fieldWords[f] ?? f} ${shown(f, seen[f])} → ${shown(f, current[f])}`);
    }
  }
  return `${baseRecordWords(definition, payload)} was changed in the legacy database after this desk read it (${changes.join(', ') || 'other fields'}), so ${what} was not applied on top of it.`;
}

/** Record fields as a person calls them, in explanations (others by their own name). */
const fieldWords: Record<string, string> = {
  expiresOn: 'expiry',
  status: 'status',
  feeCents: 'fee',
  licenceTypeCode: 'licence type',
  addressLine: 'address',
  ownerName: 'owner',
  postalCode: 'postal code',
};

/** The record a change is based on, as the explanation names it: "Licence RV-0000012", "Visit 217". */
function baseRecordWords(definition: CommandDefinition, payload: Rec): string {
  switch (definition.basedOn) {
    case 'business':
      return `Business ${String(payload.businessId)}`;
    case 'scheduledInspection':
      return `Visit ${String(payload.inspectionId)}`;
    case 'enforcementCase':
      return `Case ${String(payload.caseId)}`;
    case 'complaint': {
      const ids = ((payload.complaints as Array<{ complaintId: string }> | undefined) ?? []).map(
        (c) => c.complaintId,
      );
      return `Complaint ${ids.join(', ')}`;
    }
    default:
      return `Licence ${String(payload.licenceId)}`;
  }
}

function rebased(desk: Desk, command: CommandName, payload: Rec, current: Rec): Rec {
  const term = current.licenceTypeCode
    ? (desk.cache
        .prepare('SELECT term_months FROM licence_type WHERE code = ?')
        .get(current.licenceTypeCode) as { term_months: number | null } | undefined)
    : undefined;
  const today = zonedIso(new Date(), desk.timeZone).slice(0, 10);
  return rebase(command, payload, current, today, term?.term_months ?? null);
}

export function resolveConflict(desk: Desk, actor: string, r: Resolution): Conflict {
  assertAllowed(loadPolicy(desk.paths.dataDir), actor, 'conflict.resolve');
  const db = desk.cache;
  db.transaction(() => {
    const row = db
      .prepare(
        'SELECT c.*, o.command, o.desk_id FROM conflict c JOIN outbox o USING (operation_id) WHERE c.id = ?',
      )
      .get(r.conflictId) as Rec | undefined;
    if (!row)
      throw new WorkbenchError('not_found', errorText('conflict.not_found', { conflictId: r.conflictId }));
    if (row.status !== 'open') {
      throw new WorkbenchError(
        'invalid_input',
        errorText('conflict.already_resolved', {
          conflictId: r.conflictId,
          resolution: String(row.resolution),
        }),
      );
    }
    const now = zonedIso(new Date(), desk.timeZone);
    const command = row.command as CommandName;
    const operationId = row.operation_id as string;
    const payload = JSON.parse(row.mine as string) as Rec;
    const current = (JSON.parse(row.current as string) as Current[])[0]?.record ?? null;
    const subject = auditSubject(command, payload, operationId);

    if (r.resolution === 'discard') {
      const reason = r.reason?.trim();
      if (!reason) {
        throw new WorkbenchError('invalid_input', errorText('conflict.reason_required', {}), {
          reason: errorText('field.required', {}),
        });
      }
      db.prepare('DELETE FROM pending_change WHERE operation_id = ?').run(operationId);
      commandEffects[command].undo?.(db, current, now, payload);
      dropProvisional(db, command, operationId);
      finish(db, r.conflictId, 'discard', actor, now, reason, null);
      audit(db, {
        at: now,
        actor,
        action: 'conflict.discard',
        subject,
        detail: { conflictId: r.conflictId, operationId, command, reason, discarded: payload },
      });
      // What was queued as its consequence (a re-inspection of a failed result) goes with it.
      for (const follower of followersOf(db, operationId))
        withdrawFollower(db, follower, {
          actor,
          at: now,
          reason: `withdrawn with conflict ${r.conflictId}: ${reason}`,
          withConflict: r.conflictId,
        });
      return;
    }

    // Apply again (or edit then apply): a new outbox entry on top of what the legacy holds now.
    const definition = definitionOf(command);
    const effects = commandEffects[command];
    let next = current ? rebased(desk, command, payload, current) : { ...payload };
    if (r.resolution === 'edit') next = { ...next, ...checkedEdits(definition, r.edits ?? {}) };
    // Its own time stamp: how replay tells the change applied again from the first one.
    if (definition.restamp) next[definition.restamp] = now;
    effects.prepare?.(db, operationId, next);
    const base = effects.base(db, operationId, next, current);
    const parsed = definition.payload.safeParse(next);
    if (!parsed.success) throw invalidFields(errorText('conflict.change_invalid', {}), parsed.error);
    const payloadNext = parsed.data as Rec & { v: number };
    db.prepare('DELETE FROM pending_change WHERE operation_id = ?').run(operationId);
    // The new operation's id is known before it is written: the provisional record takes it at once.
    const newOperationId = randomUUID();
    const table = definition.creates;
    if (table) renameProvisional(db, table, operationId, newOperationId);
    if (table === 'business' || table === 'licence') {
      const column = table === 'business' ? 'business_id' : 'licence_id';
      db.prepare(`UPDATE application SET ${column} = ? WHERE ${column} = ?`).run(
        provisionalId(newOperationId),
        provisionalId(operationId),
      );
    }
    const changes = effects.redo(db, newOperationId, payloadNext, base, now);
    enqueue(
      db,
      {
        deskId: row.desk_id as string,
        actor,
        createdAt: now,
        command,
        payload: payloadNext,
        base,
        changes,
      },
      newOperationId,
    );
    if (row.kind === 'refused' || row.kind === 'invalid') queueHeldBehind(db, operationId, newOperationId);
    finish(db, r.conflictId, r.resolution, actor, now, r.reason?.trim() || null, newOperationId);
    audit(db, {
      at: now,
      actor,
      action: r.resolution === 'edit' ? 'conflict.edit' : 'conflict.apply_again',
      subject,
      detail: {
        conflictId: r.conflictId,
        operationId,
        newOperationId,
        command,
        was: payload,
        now: payloadNext,
      },
    });
  }).immediate();
  return getConflict(desk, r.conflictId);
}

/**
 * The changes that waited behind a refused (or invalid) change were made after it: they go after
 * the change that replaces it too, in their own order. Without this the replacement, a new entry
 * at the end of the outbox, would reach the legacy database after them (a payment edited after a
 * refusal landing after the renewal that was taken after it).
 */
function queueHeldBehind(db: Cache, refusedOperationId: string, replacementId: string): void {
  const refused = db
    .prepare('SELECT seq, payload, base FROM outbox WHERE operation_id = ?')
    .get(refusedOperationId) as { seq: number; payload: string; base: string };
  const keys = new Set(
    recordsOf({
      operationId: refusedOperationId,
      payload: JSON.parse(refused.payload) as Rec,
      base: JSON.parse(refused.base) as BaseVersion[],
    }),
  );
  const later = db
    .prepare(
      `SELECT operation_id, payload, base FROM outbox
       WHERE status = 'pending' AND seq > ? AND operation_id <> ? ORDER BY seq`,
    )
    .all(refused.seq, replacementId) as Array<{ operation_id: string; payload: string; base: string }>;
  const toEnd = db.prepare(
    'UPDATE outbox SET seq = (SELECT max(seq) + 1 FROM outbox) WHERE operation_id = ?',
  );
  for (const r of later) {
    const touched = recordsOf({
      operationId: r.operation_id,
      payload: JSON.parse(r.payload) as Rec,
      base: JSON.parse(r.base) as BaseVersion[],
    });
    if (touched.some((k) => keys.has(k))) toEnd.run(r.operation_id);
  }
  // The counter AUTOINCREMENT keeps must stay past every seq, so a later entry never takes one.
  db.prepare(
    `UPDATE sqlite_sequence SET seq = (SELECT max(seq) FROM outbox) WHERE name = 'outbox' AND seq < (SELECT max(seq) FROM outbox)`,
  ).run();
}

/** What the audit entry is about: the licence, or the new business / licence the command made. */
function auditSubject(command: CommandName, payload: Rec, operationId: string): string {
  const { creates } = definitionOf(command);
  if (creates === 'business' || creates === 'licence') return provisionalId(operationId);
  return String(payload.licenceId ?? payload.businessId ?? '');
}

function finish(
  db: Cache,
  id: number,
  resolution: Resolution['resolution'],
  actor: string,
  at: string,
  reason: string | null,
  newOperationId: string | null,
): void {
  db.prepare(
    `UPDATE conflict SET status = 'resolved', resolution = ?, resolved_by = ?, resolved_at = ?, reason = ?, new_operation_id = ? WHERE id = ?`,
  ).run(resolution, actor, at, reason, newOperationId, id);
}

/** An edited amount: a number, or digits typed (Number() alone would take "0x10" as 16 and "1e3" as 1000). */
const centsOf = (value: string | number): number =>
  typeof value === 'number' ? value : /^[1-9][0-9]*$/.test(value.trim()) ? Number(value.trim()) : NaN;

/** A typed value as the payload holds it: cents as a number, a licence number in capitals, text trimmed. */
function typedValue(field: string, value: string | number): unknown {
  if (field.endsWith('Cents')) return centsOf(value);
  if (field === 'licenceId') return String(value).trim().toUpperCase();
  return typeof value === 'string' ? value.trim() : value;
}

/**
 * A person's edits, checked field by field before they touch anything: only the fields the
 * command's definition lets a person edit, each against the payload schema's own rule for it.
 */
function checkedEdits(definition: CommandDefinition, edits: Record<string, string | number>): Rec {
  const allowed: readonly string[] = definition.editable;
  const shape = definition.payload.shape as Record<string, ZodType>;
  const out: Rec = {};
  const problems: Record<string, string> = {};
  for (const [field, value] of Object.entries(edits)) {
    if (!allowed.includes(field)) {
      problems[field] = allowed.length
        ? `cannot be edited; you may edit ${allowed.join(', ')}`
        : 'cannot be edited: this change is applied again as it was, or discarded';
      continue;
    }
    const typed = typedValue(field, value);
    const checked = shape[field]!.safeParse(typed);
    if (!checked.success) problems[field] = checked.error.issues[0]?.message ?? 'is not valid';
    out[field] = checked.success ? checked.data : typed;
  }
  if (Object.keys(problems).length > 0)
    throw new WorkbenchError('invalid_input', errorText('conflict.edits_invalid', {}), problems);
  return out;
}
