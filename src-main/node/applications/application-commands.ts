// The commands of a new application, each one cache transaction with its audit entry:
// - create: registers a new business through the outbox (registerBusiness; the business lives under
//   local:<operationId> until replay brings Riverton's BUSNO) or takes one already known, and copies
//   the licence type's checklist from the city's requirements file;
// - update a requirement: received / passed / approved, waived (supervisor), or open again;
// - issue: refused while a required item is open; otherwise the licence goes through the outbox
//   (issueLicence; local:<operationId> until replay brings the legacy licence number).
// Applications and their checklists are desk records (see README.md in this folder).
import { randomUUID } from 'node:crypto';
import type { IssueLicencePayload } from '../../common/command-defs/issue-licence.ts';
import type { RegisterBusinessPayload } from '../../common/command-defs/register-business.ts';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import { addMonths } from '../../common/licence-rules.ts';
import type { NewBusiness } from '../../common/ops/application-ops.ts';
import { zonedIso } from '../../common/time.ts';
import { formatPhone } from '../bridge/transforms.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import { assertBridgeTakes, assertMayGive } from '../commands/may-give.ts';
import { enqueue } from '../commands/outbox.ts';
import { deskFeeRules } from '../fees/load-fee-rules.ts';
import type { Desk } from '../desk/open-desk.ts';
import { audit } from '../security/audit.ts';
import { assertAllowed, loadPolicy } from '../security/policy.ts';
import { updateSearchIndex } from '../sync/refresh-search.ts';
import { loadRequirements, requirementsFor } from './requirements.ts';
import { nextDeskNumber } from '../commands/desk-numbers.ts';
import { currentIdOf } from '../sync/provisional-refs.ts';

/** The state that completes an item of each kind ('waived' completes any, with a supervisor). */
export const doneState = { document: 'received', inspection: 'passed', approval: 'approved' } as const;

function nextApplicationId(desk: Desk): string {
  return nextDeskNumber(desk.cache, desk.configured().deskId, 'application', 'APP', 5);
}

const upper = (v: string | null) => (v ? v.toUpperCase() : null);

export interface CreateApplicationInput {
  business:
    { kind: 'new'; facts: NewBusiness; dismissed: string[] } | { kind: 'existing'; businessId: string };
  licenceTypeCode: string;
}

export function createApplication(
  desk: Desk,
  actor: string,
  input: CreateApplicationInput,
  now = new Date(),
): { applicationId: string; businessOperationId: string | null } {
  const db = desk.cache;
  const deskId = desk.configured().deskId;
  assertAllowed(loadPolicy(desk.paths.dataDir), actor, 'application.create');
  if (input.business.kind === 'new') assertBridgeTakes(desk, 'registerBusiness');
  const typeCode = input.licenceTypeCode.trim().toUpperCase();
  const checklist = requirementsFor(loadRequirements(desk.bridge().dir).requirements, typeCode);
  return db
    .transaction(() => {
      const type = db.prepare('SELECT code FROM licence_type WHERE code = ?').get(typeCode);
      if (!type) {
        throw new WorkbenchError('invalid_input', errorText('application.type_unknown', { typeCode }), {
          licenceTypeCode: errorText('field.unknown_licence_type', {}),
        });
      }
      const at = zonedIso(now, desk.timeZone);
      let businessId: string;
      let businessOperationId: string | null = null;
      if (input.business.kind === 'existing') {
        businessId = input.business.businessId.trim();
        if (!db.prepare('SELECT 1 FROM business WHERE id = ?').get(businessId)) {
          throw new WorkbenchError('not_found', errorText('application.business_not_found', { businessId }));
        }
      } else {
        const f = input.business.facts;
        const payload: RegisterBusinessPayload = {
          v: 1,
          name: f.name.toUpperCase(),
          dbaName: upper(f.dbaName),
          ownerName: upper(f.ownerName),
          addressLine: upper(f.addressLine),
          city: upper(f.city),
          state: upper(f.state),
          postalCode: f.postalCode,
          phone: f.phone ? formatPhone(f.phone).slice(0, 14) : null,
          taxId: f.taxId,
          openedOn: at.slice(0, 10),
          registeredAt: at,
        };
        businessOperationId = randomUUID();
        businessId = `local:${businessOperationId}`;
        db.prepare(
          `INSERT INTO business (id, name, dba_name, owner_name, address_line, city, state, postal_code, phone, tax_id, opened_on, legacy_updated_at, refreshed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
        ).run(
          businessId,
          f.name,
          f.dbaName,
          f.ownerName,
          f.addressLine,
          f.city,
          payload.state,
          f.postalCode,
          payload.phone,
          f.taxId,
          payload.openedOn,
          at,
        );
        enqueue(
          db,
          {
            deskId,
            actor,
            createdAt: at,
            command: 'registerBusiness',
            payload,
            base: [],
            changes: [{ entity: 'business', id: businessId }],
          },
          businessOperationId,
        );
        audit(db, {
          at,
          actor,
          action: 'business.register',
          subject: businessId,
          detail: {
            operationId: businessOperationId,
            name: payload.name,
            // The clerk saw these possible duplicates and chose to register a new business anyway.
            dismissedSuggestions: input.business.dismissed,
          },
        });
      }
      const applicationId = nextApplicationId(desk);
      db.prepare(
        `INSERT INTO application (id, business_id, licence_type_code, status, created_at, created_by, dismissed)
         VALUES (?, ?, ?, 'open', ?, ?, ?)`,
      ).run(
        applicationId,
        businessId,
        typeCode,
        at,
        actor,
        JSON.stringify(input.business.kind === 'new' ? input.business.dismissed : []),
      );
      const addItem = db.prepare(
        `INSERT INTO application_item (application_id, code, label_en, label_es, kind, required, state, position)
         VALUES (?, ?, ?, ?, ?, ?, 'open', ?)`,
      );
      checklist.forEach((item, i) =>
        addItem.run(
          applicationId,
          item.code,
          item.label.en,
          item.label.es,
          item.kind,
          item.required ? 1 : 0,
          i,
        ),
      );
      audit(db, {
        at,
        actor,
        action: 'application.create',
        subject: applicationId,
        detail: { businessId, licenceTypeCode: typeCode, items: checklist.map((i) => i.code) },
      });
      return { applicationId, businessOperationId };
    })
    .immediate();
}

interface ItemRow {
  code: string;
  kind: keyof typeof doneState;
  required: number;
  state: string;
  label_en: string;
  label_es: string | null;
}

function loadOpenApplication(desk: Desk, applicationId: string) {
  const row = desk.cache.prepare('SELECT * FROM application WHERE id = ?').get(applicationId.trim()) as
    Record<string, unknown> | undefined;
  if (!row) {
    throw new WorkbenchError('not_found', errorText('application.not_found', { applicationId }));
  }
  if (row.status !== 'open') {
    throw new WorkbenchError(
      'invalid_input',
      errorText('application.closed', { applicationId, status: String(row.status) }),
    );
  }
  return row;
}

export function updateRequirement(
  desk: Desk,
  actor: string,
  input: { applicationId: string; code: string; state: string; note?: string | undefined },
  now = new Date(),
): void {
  const db = desk.cache;
  const policy = loadPolicy(desk.paths.dataDir);
  assertAllowed(policy, actor, input.state === 'waived' ? 'application.waive' : 'application.update');
  db.transaction(() => {
    const app = loadOpenApplication(desk, input.applicationId);
    const item = db
      .prepare('SELECT * FROM application_item WHERE application_id = ? AND code = ?')
      .get(app.id, input.code) as ItemRow | undefined;
    if (!item) {
      throw new WorkbenchError(
        'not_found',
        errorText('application.item_not_found', { applicationId: app.id as string, code: input.code }),
      );
    }
    const allowed = ['open', 'waived', doneState[item.kind]];
    if (!allowed.includes(input.state)) {
      throw new WorkbenchError(
        'invalid_input',
        errorText('application.item_state_refused', {
          labelEn: item.label_en,
          labelEs: item.label_es ?? '',
          kind: item.kind,
          done: doneState[item.kind],
          state: input.state,
        }),
      );
    }
    if (input.state === 'waived' && !input.note?.trim()) {
      throw new WorkbenchError('invalid_input', errorText('application.waiver_reason_required', {}), {
        note: errorText('field.required_for_waiver', {}),
      });
    }
    const at = zonedIso(now, desk.timeZone);
    const open = input.state === 'open';
    db.prepare(
      `UPDATE application_item SET state = ?, note = ?, done_by = ?, done_at = ? WHERE application_id = ? AND code = ?`,
    ).run(input.state, input.note?.trim() || null, open ? null : actor, open ? null : at, app.id, item.code);
    audit(db, {
      at,
      actor,
      action: input.state === 'waived' ? 'application.waive' : 'application.requirement',
      subject: app.id as string,
      detail: { code: item.code, from: item.state, to: input.state, note: input.note?.trim() || undefined },
    });
  }).immediate();
}

/** The applicant gave up: closed without a licence; the business (if registered) stays. */
export function withdrawApplication(
  desk: Desk,
  actor: string,
  input: { applicationId: string; reason: string },
  now = new Date(),
): void {
  const db = desk.cache;
  assertAllowed(loadPolicy(desk.paths.dataDir), actor, 'application.update');
  const reason = input.reason.trim();
  if (!reason) {
    throw new WorkbenchError('invalid_input', errorText('application.withdraw_reason_required', {}), {
      reason: errorText('field.required', {}),
    });
  }
  db.transaction(() => {
    const app = loadOpenApplication(desk, input.applicationId);
    const at = zonedIso(now, desk.timeZone);
    db.prepare(`UPDATE application SET status = 'withdrawn' WHERE id = ?`).run(app.id);
    audit(db, { at, actor, action: 'application.withdraw', subject: app.id as string, detail: { reason } });
  }).immediate();
}

/** Required items not yet done, in checklist order. */
export function openRequiredItems(desk: Desk, applicationId: string): Array<{ code: string; label: string }> {
  return desk.cache
    .prepare(
      `SELECT code, label_en AS label FROM application_item
         WHERE application_id = ? AND required = 1 AND state = 'open' ORDER BY position`,
    )
    .all(applicationId) as Array<{ code: string; label: string }>;
}

/**
 * The fees of a new licence of a type on a day: the annual fee (the rows the city's fee rules call
 * the base, "Base Fee" by default; it becomes the licence's LICFEE, what a renewal charges) and the
 * one-time application fee, each the newest entry in effect that day. Penalties and other rows of
 * the legacy fee table are not part of it. Null when the type has no base fee on file.
 */
export function newLicenceFees(
  desk: Desk,
  typeCode: string,
  day: string,
): { annualCents: number; applicationCents: number; dueCents: number } | null {
  const base = deskFeeRules(desk).baseFeeDescriptions.map((d) => d.toLowerCase());
  const rows = desk.cache
    .prepare(
      `SELECT lower(trim(description)) AS description, amount_cents AS amountCents FROM fee_schedule
       WHERE licence_type_code = ? AND (effective_on IS NULL OR effective_on <= ?)
       ORDER BY effective_on DESC, id DESC`,
    )
    .all(typeCode, day) as Array<{ description: string | null; amountCents: number }>;
  const newest = (wanted: string[]) => {
    const seen = new Map<string, number>();
    for (const r of rows)
      if (r.description && wanted.includes(r.description) && !seen.has(r.description))
        seen.set(r.description, r.amountCents);
    return seen.size ? [...seen.values()].reduce((a, b) => a + b, 0) : null;
  };
  const annualCents = newest(base);
  if (annualCents === null) return null;
  const applicationCents = newest(['application fee']) ?? 0;
  return { annualCents, applicationCents, dueCents: annualCents + applicationCents };
}

export function issueLicence(
  desk: Desk,
  actor: string,
  applicationId: string,
  now = new Date(),
): { operationId: string; licenceId: string } {
  const db = desk.cache;
  const deskId = desk.configured().deskId;
  assertMayGive(desk, actor, 'issueLicence');
  const result = db
    .transaction(() => {
      const app = loadOpenApplication(desk, applicationId);
      const open = openRequiredItems(desk, app.id as string);
      if (open.length > 0) {
        throw new WorkbenchError(
          'invalid_input',
          errorText('application.items_open', {
            count: open.length,
            labels: open.map((o) => o.label).join('; '),
          }),
          { items: open.map((o) => o.code).join(',') },
        );
      }
      // Registered offline and numbered by the legacy system since: the business under its legacy number.
      const businessRow = db
        .prepare('SELECT * FROM business WHERE id = ?')
        .get(currentIdOf(db, String(app.business_id))) as Record<string, unknown> | undefined;
      if (!businessRow) {
        throw new WorkbenchError(
          'not_found',
          errorText('application.business_gone', { applicationId: app.id as string }),
        );
      }
      const type = db
        .prepare('SELECT term_months FROM licence_type WHERE code = ?')
        .get(app.licence_type_code) as { term_months: number | null } | undefined;
      const at = zonedIso(now, desk.timeZone);
      const issuedOn = at.slice(0, 10);
      const payload: IssueLicencePayload = {
        v: 1,
        businessId: businessRow.id as string,
        licenceTypeCode: app.licence_type_code as string,
        issuedOn,
        expiresOn: addMonths(issuedOn, type?.term_months && type.term_months > 0 ? type.term_months : 12),
        feeCents: newLicenceFees(desk, app.licence_type_code as string, issuedOn)?.annualCents ?? 0,
        issuedAt: at,
        applicationId: app.id as string,
      };
      const operationId = randomUUID();
      const licenceId = `local:${operationId}`;
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO licence (id, business_id, licence_type_code, status, issued_on, expires_on, fee_cents, legacy_updated_at, refreshed_at)
           VALUES (?, ?, ?, 'active', ?, ?, ?, NULL, ?)`,
        )
        .run(
          licenceId,
          payload.businessId,
          payload.licenceTypeCode,
          issuedOn,
          payload.expiresOn,
          payload.feeCents,
          at,
        );
      enqueue(
        db,
        {
          deskId,
          actor,
          createdAt: at,
          command: 'issueLicence',
          payload,
          base: [
            { entity: 'business', id: payload.businessId, record: rowToRecord('business', businessRow) },
          ],
          changes: [{ entity: 'licence', id: licenceId }],
        },
        operationId,
      );
      db.prepare(
        `UPDATE application SET status = 'issued', licence_id = ?, issued_at = ?, issued_by = ? WHERE id = ?`,
      ).run(licenceId, at, actor, app.id);
      audit(db, {
        at,
        actor,
        action: 'licence.issue',
        subject: app.id as string,
        detail: { operationId, licenceId, businessId: payload.businessId, feeCents: payload.feeCents },
      });
      return { operationId, licenceId, rowid: Number(lastInsertRowid) };
    })
    .immediate();
  // The clerk finds the new licence by name at once (the index is updated in its own transaction).
  updateSearchIndex(db, { licenceRowids: [result.rowid], businessIds: [] });
  return { operationId: result.operationId, licenceId: result.licenceId };
}
