// Applications as the screen reads them, and the one piece of upkeep they need: once replay has
// brought the legacy number of a business or licence an application refers to (by its
// local:<operationId>), the application follows it, and the licence search index gets the legacy
// licence's document.
import type { ApplicationDetail, ApplicationSummary } from '../../common/ops/application-ops.ts';
import type { Business } from '../../common/model.ts';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import { zonedIso } from '../../common/time.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import type { Cache } from '../cache/open-cache.ts';
import type { Desk } from '../desk/open-desk.ts';
import { updateSearchIndex } from '../sync/refresh-search.ts';
import { newLicenceFees } from './application-commands.ts';

const isLocal = (id: unknown): id is string => typeof id === 'string' && id.startsWith('local:');

/** The legacy key an applied operation got, by its bridge command's result_key. */
function legacyKeyOf(desk: Desk, operationId: string): string | null {
  const row = desk.cache
    .prepare(`SELECT command, legacy_result FROM outbox WHERE operation_id = ? AND status = 'applied'`)
    .get(operationId) as { command: string; legacy_result: string | null } | undefined;
  if (!row?.legacy_result) return null;
  const result = JSON.parse(row.legacy_result) as Record<string, unknown>;
  const commands = desk.bridge().definition.commands as Record<string, { result_key?: string }> | undefined;
  const key = commands?.[row.command]?.result_key;
  const value = key ? result[key] : Object.values(result)[0];
  return value === undefined || value === null ? null : String(value).trim();
}

/** Applications pointing at provisional ids that replay has since numbered follow the legacy ids. */
export function followSettledIds(desk: Desk): void {
  const db = desk.cache;
  const rows = db
    .prepare(
      `SELECT id, business_id, licence_id FROM application
       WHERE business_id >= 'local:' AND business_id < 'local;' OR licence_id >= 'local:' AND licence_id < 'local;'`,
    )
    .all() as Array<{ id: string; business_id: string; licence_id: string | null }>;
  if (rows.length === 0) return;
  const licenceRowids: number[] = [];
  db.transaction(() => {
    for (const r of rows) {
      if (isLocal(r.business_id)) {
        const legacy = legacyKeyOf(desk, r.business_id.slice(6));
        if (legacy) db.prepare('UPDATE application SET business_id = ? WHERE id = ?').run(legacy, r.id);
      }
      if (isLocal(r.licence_id)) {
        const legacy = legacyKeyOf(desk, r.licence_id.slice(6));
        if (legacy) {
          db.prepare('UPDATE application SET licence_id = ? WHERE id = ?').run(legacy, r.id);
          const rowid = db.prepare('SELECT rowid FROM licence WHERE id = ?').pluck().get(legacy) as
            number | undefined;
          if (rowid !== undefined) licenceRowids.push(rowid);
        }
      }
    }
  }).immediate();
  if (licenceRowids.length) updateSearchIndex(db, { licenceRowids, businessIds: [] });
}

const summarySql = `
  SELECT a.id, a.business_id AS businessId, coalesce(b.name, json_extract(o.payload, '$.name'), '?') AS businessName,
         a.licence_type_code AS licenceTypeCode, t.name AS licenceTypeName, a.status, a.licence_id AS licenceId,
         a.created_at AS createdAt, a.created_by AS createdBy,
         (SELECT count(*) FROM application_item i WHERE i.application_id = a.id AND i.required = 1 AND i.state = 'open') AS openRequired
  FROM application a
  LEFT JOIN business b ON b.id = a.business_id
  LEFT JOIN outbox o ON a.business_id LIKE 'local:%' AND o.operation_id = substr(a.business_id, 7)
  LEFT JOIN licence_type t ON t.code = a.licence_type_code`;

export function listApplications(
  desk: Desk,
  status: 'open' | 'issued' | 'all',
  limit: number,
): ApplicationSummary[] {
  followSettledIds(desk);
  const where = status === 'all' ? '' : 'WHERE a.status = ?';
  return desk.cache
    .prepare(`${summarySql} ${where} ORDER BY a.created_at DESC, a.id DESC LIMIT ?`)
    .all(...(status === 'all' ? [] : [status]), limit) as ApplicationSummary[];
}

export function getApplication(desk: Desk, applicationId: string): ApplicationDetail {
  followSettledIds(desk);
  const db = desk.cache;
  const summary = db.prepare(`${summarySql} WHERE a.id = ?`).get(applicationId.trim()) as
    ApplicationSummary | undefined;
  if (!summary) {
    throw new WorkbenchError('not_found', errorText('application.not_found', { applicationId }));
  }
  const app = db
    .prepare('SELECT issued_at, issued_by, dismissed FROM application WHERE id = ?')
    .get(summary.id) as {
    issued_at: string | null;
    issued_by: string | null;
    dismissed: string;
  };
  const items = (
    db
      .prepare('SELECT * FROM application_item WHERE application_id = ? ORDER BY position')
      .all(summary.id) as Array<Record<string, unknown>>
  ).map((r) => ({
    code: r.code as string,
    labelEn: r.label_en as string,
    labelEs: r.label_es as string,
    kind: r.kind as 'document' | 'inspection' | 'approval',
    required: r.required === 1,
    state: r.state as 'open',
    note: (r.note as string | null) ?? null,
    doneBy: (r.done_by as string | null) ?? null,
    doneAt: (r.done_at as string | null) ?? null,
  }));
  return {
    application: {
      ...summary,
      issuedAt: app.issued_at,
      issuedBy: app.issued_by,
      dismissed: JSON.parse(app.dismissed) as string[],
    },
    business: businessOf(db, summary.businessId),
    businessProvisional: isLocal(summary.businessId),
    licenceProvisional: isLocal(summary.licenceId),
    items,
    openRequired: items.filter((i) => i.required && i.state === 'open').map((i) => i.code),
    feeCents:
      newLicenceFees(desk, summary.licenceTypeCode, zonedIso(new Date(), desk.timeZone).slice(0, 10))
        ?.dueCents ?? null,
  };
}

/** The cached business, or (its registration discarded or still unknown) what the clerk typed. */
function businessOf(db: Cache, businessId: string): Business {
  const row = db.prepare('SELECT * FROM business WHERE id = ?').get(businessId) as
    Record<string, unknown> | undefined;
  if (row) return rowToRecord('business', row) as Business;
  const typed = isLocal(businessId)
    ? (db.prepare('SELECT payload FROM outbox WHERE operation_id = ?').pluck().get(businessId.slice(6)) as
        string | undefined)
    : undefined;
  const p = typed ? (JSON.parse(typed) as Record<string, string | null>) : {};
  return {
    id: businessId,
    name: p.name ?? '?',
    dbaName: p.dbaName ?? null,
    ownerName: p.ownerName ?? null,
    addressLine: p.addressLine ?? null,
    city: p.city ?? null,
    state: p.state ?? null,
    postalCode: p.postalCode ?? null,
    phone: p.phone ?? null,
    taxId: p.taxId ?? null,
    openedOn: p.openedOn ?? null,
    legacyUpdatedAt: null,
  };
}
