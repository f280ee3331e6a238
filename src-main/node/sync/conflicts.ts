// Conflicts a person resolves: listing them with the three versions side by side, and the
// resolutions (apply again on the current values, edit then apply, discard with a reason). Each
// resolution is one cache transaction with its audit entry; nothing is deleted: the conflict row
// keeps what the clerk saw, the clerk's change and the legacy values, whatever was decided.
import { randomUUID } from 'node:crypto';
import { type CommandName, commandPayloads } from '../../common/commands.ts';
import { WorkbenchError } from '../../common/errors.ts';
import { conflictFields, editableFields, rebase } from '../../common/replay-rules.ts';
import type { Conflict } from '../../common/sync-model.ts';
import { zonedIso } from '../../common/time.ts';
import { type LicenceStatus, MAX_CENTS, maxCentsMessage, paymentMethods } from '../../common/model.ts';
import { type LicenceStatusAction, statusTransition } from '../../common/licence-status.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import type { Cache } from '../cache/open-cache.ts';
import { entityWriter } from '../cache/store.ts';
import { type BaseVersion, enqueue } from '../commands/outbox.ts';
import type { Desk } from '../desk/open-desk.ts';
import { audit } from '../security/audit.ts';
import { assertAllowed, loadPolicy } from '../security/policy.ts';
import {
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

/** The table of the record a command creates under `local:<operationId>`, if it creates one. */
function provisionalTable(command: CommandName): 'payment' | 'business' | 'licence' | null {
  if (command === 'recordPayment' || command === 'voidPayment' || command === 'refundPayment')
    return 'payment';
  if (command === 'registerBusiness') return 'business';
  if (command === 'issueLicence') return 'licence';
  return null;
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

const money = (cents: unknown) => `$${(Number(cents) / 100).toFixed(2)}`;

function explain(
  command: CommandName,
  kind: Conflict['kind'],
  payload: Rec,
  seen: Rec,
  current: Rec | null,
  legacyMessage: string | null,
): string {
  const what = describe(command, payload, seen);
  if (kind === 'refused') {
    // The legacy database's words are kept as it said them: IT may need them to the letter.
    const edit =
      command === 'renewLicence' || command === 'recordPayment' || command === 'refundPayment'
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
    if (command === 'issueLicence')
      return `Business ${payload.businessId} is no longer in the legacy database, so ${what} was not applied. Discard it with a reason.`;
    const fix =
      command === 'recordPayment'
        ? 'or edit it onto another licence'
        : 'and take it again on the licence it belongs to';
    return `Licence ${payload.licenceId} is no longer in the legacy database, so ${what} was not applied. Discard it with a reason, ${fix}.`;
  }
  if (kind === 'in_doubt')
    return `This desk sent ${what} but never heard whether it arrived, and without the operation journal it cannot tell. Check ${command === 'registerBusiness' ? 'the business' : 'the licence'} in the legacy system, then apply it again or discard it.`;
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

/** The change in a few words, for the explanation. */
function describe(command: CommandName, payload: Rec, seen: Rec): string {
  switch (command) {
    case 'renewLicence':
      return `the renewal of licence ${payload.licenceId} to ${payload.newExpiresOn}`;
    case 'changeLicenceStatus':
      return `the change of licence ${payload.licenceId} from ${payload.from} to ${payload.to} (${payload.action})`;
    case 'voidPayment':
      return `the void of payment ${payload.paymentId} (${money(payload.amountCents)}, ${payload.method}) on licence ${payload.licenceId}`;
    case 'refundPayment':
      return `the refund of ${money(payload.amountCents)} (${payload.method}) on payment ${payload.paymentId} of licence ${payload.licenceId}`;
    case 'registerBusiness':
      return `the registration of the new business ${payload.name}`;
    case 'issueLicence':
      return `the new ${payload.licenceTypeCode} licence for ${seen.name ? `${String(seen.name)} (business ${payload.businessId})` : `business ${payload.businessId}`}, application ${payload.applicationId},`;
    default:
      return `the payment of ${money(payload.amountCents)} (${payload.method}, receipt ${payload.receiptNo}) for licence ${payload.licenceId}`;
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
    const subject = auditSubject(command, payload, operationId);

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
        subject,
        detail: { conflictId: r.conflictId, operationId, command, reason, discarded: payload },
      });
      return;
    }

    // Apply again (or edit then apply): a new outbox entry on top of what the legacy holds now.
    let next = current ? rebased(desk, command, payload, current) : { ...payload };
    if (r.resolution === 'edit') next = { ...next, ...checkedEdits(command, r.edits ?? {}) };
    if (command === 'renewLicence') next.renewedAt = now; // its own time stamp: how replay recognises it
    if (command === 'changeLicenceStatus') next.changedAt = now;
    if (command === 'refundPayment') {
      next.signedAmountCents = -Number(next.amountCents);
      assertRefundable(db, operationId, next);
    }
    const base = baseFor(db, command, operationId, next, current);
    const parsed = commandPayloads[command].safeParse(next);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[issue.path.join('.')] = issue.message;
      throw new WorkbenchError('invalid_input', 'The edited change is not valid.', fields);
    }
    const payloadNext = parsed.data as Rec & { v: number };
    db.prepare('DELETE FROM pending_change WHERE operation_id = ?').run(operationId);
    // The new operation's id is known before it is written: the provisional record takes it at once.
    const newOperationId = randomUUID();
    const table = provisionalTable(command);
    if (table) renameProvisional(db, table, operationId, newOperationId);
    if (table === 'business' || table === 'licence') {
      const column = table === 'business' ? 'business_id' : 'licence_id';
      db.prepare(`UPDATE application SET ${column} = ? WHERE ${column} = ?`).run(
        provisionalId(newOperationId),
        provisionalId(operationId),
      );
    }
    const changes = redoLocalEffect(db, command, newOperationId, payloadNext, base, now);
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

/** What the audit entry is about: the licence, or the new business / licence the command made. */
function auditSubject(command: CommandName, payload: Rec, operationId: string): string {
  if (command === 'registerBusiness' || command === 'issueLicence') return provisionalId(operationId);
  return String(payload.licenceId ?? '');
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

const notThere = (what: string, field: string) =>
  new WorkbenchError('invalid_input', `${what} Discard the change with a reason instead.`, {
    [field]: 'not found',
  });

/**
 * What the new entry is based on: the legacy values in the conflict, or the cached record. A new
 * business is based on nothing; a new licence on its business, which must still be on the desk
 * (its registration not discarded).
 */
function baseFor(
  db: Cache,
  command: CommandName,
  operationId: string,
  payload: Rec,
  current: Rec | null,
): BaseVersion[] {
  if (command === 'registerBusiness') return [];
  if (command === 'issueLicence') {
    const businessId = followProvisional(db, String(payload.businessId));
    const row = db.prepare('SELECT * FROM business WHERE id = ?').get(businessId) as Rec | undefined;
    if (!row)
      throw notThere(
        `Business ${String(payload.businessId)} is not on this desk any more (its registration was discarded, or it is gone from the legacy database), so the licence cannot be issued to it.`,
        'businessId',
      );
    return [{ entity: 'business', id: String(payload.businessId), record: rowToRecord('business', row) }];
  }
  if (command === 'voidPayment' || command === 'refundPayment') {
    const paymentId = String(payload.paymentId);
    if (provisionalOperation(paymentId)) {
      const original = db.prepare('SELECT 1 FROM payment WHERE id = ?').get(followProvisional(db, paymentId));
      if (!original)
        throw notThere(
          `Payment ${paymentId} was discarded on this desk and never reached the legacy database, so there is nothing to give back on it.`,
          'paymentId',
        );
    }
    if (!db.prepare('SELECT 1 FROM payment WHERE id = ?').get(provisionalId(operationId))) {
      throw notThere(
        `The ${command === 'voidPayment' ? 'void' : 'refund'} is no longer on this desk.`,
        'paymentId',
      );
    }
  }
  const licenceId = String(payload.licenceId);
  const licence =
    current && licenceId === String(current.id ?? licenceId)
      ? current
      : (() => {
          const row = db.prepare('SELECT * FROM licence WHERE id = ?').get(licenceId) as Rec | undefined;
          return row ? rowToRecord('licence', row) : null;
        })();
  if (!licence) {
    throw new WorkbenchError(
      'invalid_input',
      `Licence ${licenceId} is not in the legacy database (as far as this desk knows), so the change cannot be applied to it. Discard it with a reason, or edit it onto another licence.`,
      { licenceId: 'not found' },
    );
  }
  return [{ entity: 'licence', id: licenceId, record: licence }];
}

/** An edited refund may give back at most what is left of the payment (this refund's old amount aside). */
function assertRefundable(db: Cache, operationId: string, next: Rec): void {
  const paymentId = followProvisional(db, String(next.paymentId));
  const original = db.prepare('SELECT amount_cents FROM payment WHERE id = ?').pluck().get(paymentId) as
    number | undefined;
  if (original === undefined) return; // not cached: baseFor says why, or the legacy system checks
  const given = db
    .prepare(`SELECT coalesce(sum(-amount_cents), 0) FROM payment WHERE reversal_of IN (?, ?) AND id <> ?`)
    .pluck()
    .get(paymentId, String(next.paymentId), provisionalId(operationId)) as number;
  const left = original - given;
  const amount = Number(next.amountCents);
  if (!(Number.isSafeInteger(amount) && amount > 0 && amount <= left)) {
    throw new WorkbenchError(
      'invalid_input',
      `A refund of payment ${String(next.paymentId)} can give back at most ${left} cents (the payment less what was given back already).`,
      { amountCents: `must be between 1 and ${left}` },
    );
  }
}

/** Discarded: the cached records show the legacy values again; a provisional record goes. */
function undoLocalEffect(
  db: Cache,
  command: CommandName,
  operationId: string,
  current: Rec | null,
  now: string,
): void {
  if ((command === 'renewLicence' || command === 'changeLicenceStatus') && current)
    entityWriter(db, 'licence').upsert([current], now);
  const table = provisionalTable(command);
  if (!table) return;
  const local = provisionalId(operationId);
  if (table === 'licence') {
    const rowid = db.prepare('SELECT rowid FROM licence WHERE id = ?').pluck().get(local) as
      number | undefined;
    if (rowid !== undefined) db.prepare('DELETE FROM licence_search WHERE rowid = ?').run(rowid);
    // The application is open again: its licence was never made (a clerk may issue it again).
    db.prepare(
      `UPDATE application SET status = 'open', licence_id = NULL, issued_at = NULL, issued_by = NULL WHERE licence_id = ?`,
    ).run(local);
  }
  db.prepare(`DELETE FROM "${table}" WHERE id = ?`).run(local);
}

/** The local effect again, under the new operation (its provisional record already renamed to it). */
function redoLocalEffect(
  db: Cache,
  command: CommandName,
  newOperationId: string,
  payload: Rec,
  base: BaseVersion[],
  now: string,
): Array<{ entity: 'licence' | 'payment' | 'business'; id: string }> {
  const licence = base[0]?.entity === 'licence' ? (base[0].record as Rec) : null;
  if (command === 'renewLicence' && licence) {
    entityWriter(db, 'licence').upsert([licence], now);
    db.prepare(`UPDATE licence SET expires_on = ?, status = 'active' WHERE id = ?`).run(
      payload.newExpiresOn,
      payload.licenceId,
    );
    return [{ entity: 'licence', id: String(payload.licenceId) }];
  }
  if (command === 'changeLicenceStatus' && licence) {
    // The move must still be possible from the status the legacy record has now.
    const move = statusTransition(licence.status as LicenceStatus, payload.action as LicenceStatusAction);
    if (!move.ok) throw new WorkbenchError('invalid_input', `${move.message} Discard the change instead.`);
    entityWriter(db, 'licence').upsert([licence], now);
    db.prepare('UPDATE licence SET status = ? WHERE id = ?').run(payload.to, payload.licenceId);
    return [{ entity: 'licence', id: String(payload.licenceId) }];
  }
  const local = provisionalId(newOperationId);
  if (command === 'registerBusiness') return [{ entity: 'business', id: local }];
  if (command === 'issueLicence') return [{ entity: 'licence', id: local }];
  if (command === 'voidPayment' || command === 'refundPayment') {
    // A reversal row keeps its negative amount (an edited refund its new one) and what it reverses.
    db.prepare('UPDATE payment SET amount_cents = ?, method = ? WHERE id = ?').run(
      -Number(payload.amountCents),
      payload.method,
      local,
    );
    return [{ entity: 'payment', id: local }];
  }
  db.prepare('UPDATE payment SET licence_id = ?, amount_cents = ?, method = ? WHERE id = ?').run(
    payload.licenceId,
    payload.amountCents,
    payload.method,
    local,
  );
  return [{ entity: 'payment', id: local }];
}

/** An edited amount: a number, or digits typed (Number() alone would take "0x10" as 16 and "1e3" as 1000). */
const centsOf = (value: string | number): number =>
  typeof value === 'number' ? value : /^[1-9][0-9]*$/.test(value.trim()) ? Number(value.trim()) : NaN;

/** A person's edits, checked field by field before they touch anything. */
function checkedEdits(command: CommandName, edits: Record<string, string | number>): Rec {
  const allowed =
    command === 'renewLicence'
      ? ['newExpiresOn']
      : command === 'changeLicenceStatus' || command === 'voidPayment'
        ? ['reason']
        : command === 'refundPayment'
          ? ['amountCents', 'reason']
          : command === 'recordPayment'
            ? ['licenceId', 'amountCents', 'method']
            : [];
  const out: Rec = {};
  const problems: Record<string, string> = {};
  for (const [field, value] of Object.entries(edits)) {
    if (!allowed.includes(field)) {
      problems[field] = allowed.length
        ? `cannot be edited; you may edit ${allowed.join(', ')}`
        : 'cannot be edited: this change is applied again as it was, or discarded';
      continue;
    }
    if (field === 'newExpiresOn' && !/^\d{4}-\d{2}-\d{2}$/.test(String(value)))
      problems[field] = 'must be a date, YYYY-MM-DD';
    else if (field === 'amountCents' && !(Number.isSafeInteger(centsOf(value)) && centsOf(value) > 0))
      problems[field] = 'must be a whole number of cents, more than 0';
    else if (field === 'amountCents' && centsOf(value) > MAX_CENTS) problems[field] = maxCentsMessage;
    else if (field === 'method' && !(paymentMethods as readonly string[]).includes(String(value)))
      problems[field] = `must be one of ${paymentMethods.join(', ')}`;
    out[field] =
      field === 'amountCents'
        ? centsOf(value)
        : field === 'licenceId'
          ? String(value).trim().toUpperCase()
          : value;
  }
  if (Object.keys(problems).length > 0)
    throw new WorkbenchError('invalid_input', 'The edits are not valid.', problems);
  return out;
}
