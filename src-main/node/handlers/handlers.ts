// The contract's operations, implemented over a desk's cache. Reads never touch the legacy
// database: the screen stays fast and keeps working when the legacy system is down.
import type { coreOperations, DeskStatus, Handlers, LicenceDetail } from '../../common/contract.ts';
import { joinNamedGroups } from '../../common/named-groups.ts';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import { engineOf, parseConnectionString } from '../bridge/connection-string.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import { searchLicences } from '../cache/search.ts';
import { renewLicence } from '../commands/licence-commands.ts';
import { recordPayment } from '../commands/payment-commands.ts';
import type { Desk } from '../desk/open-desk.ts';
import { currentActor } from '../security/actor.ts';
import { loadPolicy } from '../security/policy.ts';
import { countOpenConflicts, listConflicts, resolveConflict } from '../sync/conflicts.ts';
import { type DeskRuntime, unknownConnection } from '../sync/desk-runtime.ts';
import { pendingOperationsOf, provisionalPaymentIds, settledPaymentsOf } from '../sync/pending.ts';
import { licenceKey } from '../sync/provisional-refs.ts';
import { syncOnce } from '../sync/sync-once.ts';
import { applicationHandlers } from './application-handlers.ts';
import { batchHandlers } from './batch-handlers.ts';
import { caseHandlers } from './case-handlers.ts';
import { businessHandlers } from './business-handlers.ts';
import { dashboardHandlers } from './dashboard-handlers.ts';
import { documentHandlers } from './document-handlers.ts';
import { drawerHandlers } from './drawer-handlers.ts';
import { feeHandlers } from './fee-handlers.ts';
import type { HandlerContext, HandlersOf } from './handler-context.ts';
import { inspectionHandlers } from './inspection-handlers.ts';
import { statusHandlers } from './status-handlers.ts';

/**
 * The handlers of one desk. `runtime` is the long-running desk's monitor and sync loop (serve,
 * Electron); without it (the command line) the link state is unknown and sync runs inline.
 */
export function createHandlers(
  desk: Desk,
  runtime?: DeskRuntime,
  actor: () => string = currentActor,
): Handlers {
  const db = desk.cache;
  const q = {
    licence: db.prepare('SELECT * FROM licence WHERE id = ?'),
    business: db.prepare('SELECT * FROM business WHERE id = ?'),
    type: db.prepare('SELECT * FROM licence_type WHERE code = ?'),
    fees: db.prepare('SELECT * FROM fee_schedule WHERE licence_type_code = ? ORDER BY effective_on DESC, id'),
    payments: db.prepare('SELECT * FROM payment WHERE licence_id = ? ORDER BY paid_on DESC, id DESC'),
    inspections: db.prepare(
      'SELECT * FROM inspection WHERE licence_id = ? ORDER BY inspected_on DESC, id DESC',
    ),
    counts: db.prepare(
      'SELECT (SELECT count(*) FROM licence) AS licences, (SELECT count(*) FROM business) AS businesses',
    ),
    pending: db.prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`),
    datasets: db.prepare(
      'SELECT dataset, rows, last_completed_at AS lastRefreshedAt, last_error AS lastError FROM sync_state ORDER BY dataset',
    ),
  };

  const ctx: HandlerContext = { desk, runtime, actor };
  const core: HandlersOf<typeof coreOperations> = {
    async 'licences.search'({ text, limit }) {
      return searchLicences(db, text, limit);
    },

    async 'licences.get'({ licenceId }) {
      // A licence opened under its provisional id is found under the legacy id it became.
      const licence = q.licence.get(licenceKey(db, licenceId)) as Record<string, unknown> | undefined;
      if (!licence) throw new WorkbenchError('not_found', errorText('licence.not_found', { licenceId }));
      const business = q.business.get(licence.business_id) as Record<string, unknown> | undefined;
      if (!business) {
        throw new WorkbenchError('not_found', errorText('licence.business_missing', { licenceId }));
      }
      const type = licence.licence_type_code
        ? (q.type.get(licence.licence_type_code) as Record<string, unknown> | undefined)
        : undefined;
      const rows = (stmt: typeof q.fees, key: unknown) => stmt.all(key) as Record<string, unknown>[];
      return {
        licence: rowToRecord('licence', licence),
        business: rowToRecord('business', business),
        licenceType: type ? rowToRecord('licenceType', type) : null,
        fees: type ? rows(q.fees, licence.licence_type_code).map((r) => rowToRecord('feeSchedule', r)) : [],
        payments: rows(q.payments, licence.id).map((r) => rowToRecord('payment', r)),
        inspections: rows(q.inspections, licence.id).map((r) => rowToRecord('inspection', r)),
        refreshedAt: licence.refreshed_at,
        pendingOperations: pendingOperationsOf(db, licence.id as string),
        provisionalPaymentIds: provisionalPaymentIds(db, licence.id as string),
        settledPayments: settledPaymentsOf(db, licence.id as string),
      } as LicenceDetail;
    },

    async 'desk.status'() {
      const counts = q.counts.get() as { licences: number; businesses: number };
      const datasets = q.datasets.all() as DeskStatus['datasets'];
      const times = datasets.map((d) => d.lastRefreshedAt).filter((t): t is string => !!t);
      // The oldest dataset refresh is the honest "last refreshed" of the desk as a whole.
      const lastRefreshedAt = times.length && times.length === datasets.length ? times.sort()[0]! : null;
      return {
        deskId: desk.config?.deskId ?? 'unconfigured',
        bridge: desk.config?.bridge ?? null,
        legacyEngine: desk.config ? (engineOf(parseConnectionString(desk.config.connection)) ?? null) : null,
        licences: counts.licences,
        businesses: counts.businesses,
        lastRefreshedAt,
        datasets,
        pendingChanges: (q.pending.get() as { n: number }).n,
        openConflicts: countOpenConflicts(db),
        connection: runtime?.connection() ?? unknownConnection,
        sync: runtime?.activity() ?? { busy: 'idle', lastPushAt: null, lastPushError: null },
        actor: actor(),
        role: roleOrNull(desk, actor()),
      };
    },

    async 'licences.renew'({ licenceId }) {
      const before = q.licence.get(licenceKey(db, licenceId)) as { expires_on: string | null } | undefined;
      const { operationId, payload } = renewLicence(desk, actor(), licenceId);
      runtime?.kick();
      return {
        operationId,
        licenceId: payload.licenceId,
        previousExpiresOn: before?.expires_on ?? null,
        newExpiresOn: payload.newExpiresOn,
      };
    },

    async 'payments.record'(input) {
      const { operationId, payload, paymentId, changeCents } = recordPayment(desk, actor(), input);
      runtime?.kick();
      return {
        operationId,
        paymentId,
        licenceId: payload.licenceId,
        amountCents: payload.amountCents,
        receiptNo: payload.receiptNo,
        provisional: true,
        changeCents,
      };
    },

    async 'sync.now'() {
      return runtime ? runtime.syncNow() : syncOnce(desk, actor());
    },

    async 'conflicts.list'({ includeResolved }) {
      return { conflicts: listConflicts(desk, includeResolved) };
    },

    async 'conflicts.resolve'(input) {
      const conflict = resolveConflict(desk, actor(), input);
      runtime?.kick();
      return { conflict };
    },
  };
  return joinNamedGroups(
    'handler',
    core,
    documentHandlers(ctx),
    drawerHandlers(ctx),
    statusHandlers(ctx),
    feeHandlers(ctx),
    batchHandlers(ctx),
    applicationHandlers(ctx),
    dashboardHandlers(ctx),
    businessHandlers(ctx),
    inspectionHandlers(ctx),
    caseHandlers(ctx),
  );
}

/** The role of the person at the desk; null when the policy file gives none or cannot be read. */
function roleOrNull(desk: Desk, account: string) {
  try {
    return loadPolicy(desk.paths.dataDir).roleOf(account);
  } catch {
    return null;
  }
}
