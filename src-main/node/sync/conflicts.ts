// Conflicts a person resolves: listing them with the three versions side by side, and the
// resolutions (apply again on the current values, edit then apply, discard with a reason). Each
// resolution is one cache transaction with its audit entry; nothing is deleted: the conflict row
// keeps what the clerk saw, the clerk's change and the legacy values, whatever was decided.
import { type CommandName, commandPayloads } from '../../common/commands.ts';
import { WorkbenchError } from '../../common/errors.ts';
import { conflictFields, editableFields, rebase } from '../../common/replay-rules.ts';
import type { Conflict } from '../../common/sync-model.ts';
import { zonedIso } from '../../common/time.ts';
import { type LicenceStatus, paymentMethods } from '../../common/model.ts';
import { type LicenceStatusAction, statusTransition } from '../../common/licence-status.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import type { Cache } from '../cache/open-cache.ts';
import { entityWriter } from '../cache/store.ts';
import { type BaseVersion, enqueue } from '../commands/outbox.ts';
import type { Desk } from '../desk/open-desk.ts';
import { audit } from '../security/audit.ts';
import { assertAllowed, loadPolicy } from '../security/policy.ts';

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
  if (!row) throw new WorkbenchError('not_found', `There is no conflict number ${id} on this desk.`);
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
    licenceId: String(payload.licenceId ?? ''),
    takenAt: r.taken_at as string,
    takenBy: r.taken_by as string,
    detectedAt: r.detected_at as string,
    kind,
    explanation: explain(command, kind, payload, seen, current),
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

const money = (cents: unknown) => `$${(Number(cents) / 100).toFixed(2)}`;

function explain(
  command: CommandName,
  kind: Conflict['kind'],
  payload: Rec,
  seen: Rec,
  current: Rec | null,
): string {
  const what =
    command === 'renewLicence'
      ? `the renewal of licence ${payload.licenceId} to ${payload.newExpiresOn}`
      : command === 'changeLicenceStatus'
        ? `the change of licence ${payload.licenceId} from ${payload.from} to ${payload.to} (${payload.action})`
        : `the payment of ${money(payload.amountCents)} (${payload.method}, receipt ${payload.receiptNo}) for licence ${payload.licenceId}`;
  if (kind === 'gone')
    return `Licence ${payload.licenceId} is no longer in the legacy database, so ${what} was not applied. Discard it with a reason, or edit it onto another licence.`;
  if (kind === 'in_doubt')
    return `This desk sent ${what} but never heard whether it arrived, and without the operation journal it cannot tell. Check the licence in the legacy system, then apply it again or discard it.`;
  const changes: string[] = [];
  const labels = { expiresOn: 'expiry', status: 'status', feeCents: 'fee', licenceTypeCode: 'licence type' };
  const shown = (f: string, v: unknown) =>
    v === null || v === undefined ? '—' : f === 'feeCents' ? money(v) : String(v);
  if (current) {
    for (const [f, label] of Object.entries(labels)) {
      if ((seen[f] ?? null) !== (current[f] ?? null))
        changes.push(`${label} ${shown(f, seen[f])} → ${shown(f, current[f])}`);
    }
  }
  return `Licence ${payload.licenceId} was changed in the legacy database after this desk read it (${changes.join(', ') || 'other fields'}), so ${what} was not applied on top of it.`;
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
      throw new WorkbenchError('not_found', `There is no conflict number ${r.conflictId} on this desk.`);
    if (row.status !== 'open') {
      throw new WorkbenchError(
        'invalid_input',
        `Conflict ${r.conflictId} was already resolved (${String(row.resolution)}).`,
      );
    }
    const now = zonedIso(new Date(), desk.timeZone);
    const command = row.command as CommandName;
    const operationId = row.operation_id as string;
    const payload = JSON.parse(row.mine as string) as Rec;
    const current = (JSON.parse(row.current as string) as Current[])[0]?.record ?? null;
    const licenceId = String(payload.licenceId);

    if (r.resolution === 'discard') {
      const reason = r.reason?.trim();
      if (!reason) {
        throw new WorkbenchError(
          'invalid_input',
          'Say why the change is discarded: the reason is kept with it.',
          {
            reason: 'required',
          },
        );
      }
      db.prepare('DELETE FROM pending_change WHERE operation_id = ?').run(operationId);
      undoLocalEffect(db, command, operationId, current, now);
      finish(db, r.conflictId, 'discard', actor, now, reason, null);
      audit(db, {
        at: now,
        actor,
        action: 'conflict.discard',
        subject: licenceId,
        detail: { conflictId: r.conflictId, operationId, command, reason, discarded: payload },
      });
      return;
    }

    // Apply again (or edit then apply): a new outbox entry on top of what the legacy holds now.
    let next = current ? rebased(desk, command, payload, current) : { ...payload };
    if (r.resolution === 'edit') next = { ...next, ...checkedEdits(command, r.edits ?? {}) };
    if (command === 'renewLicence') next.renewedAt = now; // its own time stamp: how replay recognises it
    if (command === 'changeLicenceStatus') next.changedAt = now;
    const targetId = String(next.licenceId);
    const base = baseFor(db, targetId, targetId === licenceId ? current : null);
    if (!base) {
      throw new WorkbenchError(
        'invalid_input',
        `Licence ${targetId} is not in the legacy database (as far as this desk knows), so the change cannot be applied to it. Discard it with a reason, or edit it onto another licence.`,
        { licenceId: 'not found' },
      );
    }
    const parsed = commandPayloads[command].safeParse(next);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[issue.path.join('.')] = issue.message;
      throw new WorkbenchError('invalid_input', 'The edited change is not valid.', fields);
    }
    const payloadNext = parsed.data as Rec & { v: number };
    db.prepare('DELETE FROM pending_change WHERE operation_id = ?').run(operationId);
    const changes = redoLocalEffect(db, command, operationId, payloadNext, base, now);
    const newOperationId = enqueue(db, {
      deskId: row.desk_id as string,
      actor,
      createdAt: now,
      command,
      payload: payloadNext,
      base: [{ entity: 'licence', id: targetId, record: base }],
      changes,
    });
    if (command === 'recordPayment') {
      db.prepare('UPDATE payment SET id = ? WHERE id = ?').run(
        `local:${newOperationId}`,
        `local:${operationId}`,
      );
      db.prepare(`UPDATE pending_change SET record_id = ? WHERE operation_id = ? AND entity = 'payment'`).run(
        `local:${newOperationId}`,
        newOperationId,
      );
    }
    finish(db, r.conflictId, r.resolution, actor, now, r.reason?.trim() || null, newOperationId);
    audit(db, {
      at: now,
      actor,
      action: r.resolution === 'edit' ? 'conflict.edit' : 'conflict.apply_again',
      subject: licenceId,
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

/** What the new entry is based on: the legacy values in the conflict, or the cached licence for another one. */
function baseFor(db: Cache, licenceId: string, current: Rec | null): Rec | null {
  if (current) return current;
  const row = db.prepare('SELECT * FROM licence WHERE id = ?').get(licenceId) as Rec | undefined;
  return row ? rowToRecord('licence', row) : null;
}

/** Discarded: the cached licence shows the legacy values again; a provisional payment goes. */
function undoLocalEffect(
  db: Cache,
  command: CommandName,
  operationId: string,
  current: Rec | null,
  now: string,
): void {
  if ((command === 'renewLicence' || command === 'changeLicenceStatus') && current)
    entityWriter(db, 'licence').upsert([current], now);
  if (command === 'recordPayment') db.prepare('DELETE FROM payment WHERE id = ?').run(`local:${operationId}`);
}

function redoLocalEffect(
  db: Cache,
  command: CommandName,
  operationId: string,
  payload: Rec,
  base: Rec,
  now: string,
): Array<{ entity: 'licence' | 'payment'; id: string }> {
  if (command === 'renewLicence') {
    entityWriter(db, 'licence').upsert([base], now);
    db.prepare(`UPDATE licence SET expires_on = ?, status = 'active' WHERE id = ?`).run(
      payload.newExpiresOn,
      payload.licenceId,
    );
    return [{ entity: 'licence', id: String(payload.licenceId) }];
  }
  if (command === 'changeLicenceStatus') {
    // The move must still be possible from the status the legacy record has now.
    const move = statusTransition(base.status as LicenceStatus, payload.action as LicenceStatusAction);
    if (!move.ok) throw new WorkbenchError('invalid_input', `${move.message} Discard the change instead.`);
    entityWriter(db, 'licence').upsert([base], now);
    db.prepare('UPDATE licence SET status = ? WHERE id = ?').run(payload.to, payload.licenceId);
    return [{ entity: 'licence', id: String(payload.licenceId) }];
  }
  db.prepare('UPDATE payment SET licence_id = ?, amount_cents = ?, method = ? WHERE id = ?').run(
    payload.licenceId,
    payload.amountCents,
    payload.method,
    `local:${operationId}`,
  );
  return [{ entity: 'payment', id: `local:${operationId}` }];
}

/** A person's edits, checked field by field before they touch anything. */
function checkedEdits(command: CommandName, edits: Record<string, string | number>): Rec {
  const allowed =
    command === 'renewLicence'
      ? ['newExpiresOn']
      : command === 'changeLicenceStatus'
        ? ['reason']
        : ['licenceId', 'amountCents', 'method'];
  const out: Rec = {};
  const problems: Record<string, string> = {};
  for (const [field, value] of Object.entries(edits)) {
    if (!allowed.includes(field)) {
      problems[field] = `cannot be edited; you may edit ${allowed.join(', ')}`;
      continue;
    }
    if (field === 'newExpiresOn' && !/^\d{4}-\d{2}-\d{2}$/.test(String(value)))
      problems[field] = 'must be a date, YYYY-MM-DD';
    else if (field === 'amountCents' && !(Number.isSafeInteger(Number(value)) && Number(value) > 0))
      problems[field] = 'must be a whole number of cents, more than 0';
    else if (field === 'method' && !(paymentMethods as readonly string[]).includes(String(value)))
      problems[field] = `must be one of ${paymentMethods.join(', ')}`;
    out[field] =
      field === 'amountCents'
        ? Number(value)
        : field === 'licenceId'
          ? String(value).trim().toUpperCase()
          : value;
  }
  if (Object.keys(problems).length > 0)
    throw new WorkbenchError('invalid_input', 'The edits are not valid.', problems);
  return out;
}
