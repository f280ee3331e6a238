// The contract: every call the UI can make, as a named operation with zod schemas for its input
// and output. The Electron IPC server and the loopback HTTP host both dispatch through this one
// table (see dispatch.ts), so the UI runs unchanged over either transport. There is no free-form
// query operation: the UI can only ask for what is named here.
import { z } from 'zod';
import { WorkbenchErrorShape } from './errors.ts';
import {
  Business,
  FeeScheduleEntry,
  Inspection,
  IsoDate,
  IsoTimestamp,
  Licence,
  LicenceNumber,
  LicenceStatus,
  LicenceType,
  Payment,
  PaymentMethod,
  PositiveMoney,
} from './model.ts';
import { applicationOperations } from './ops/application-ops.ts';
import { batchOperations } from './ops/batch-ops.ts';
import { caseOperations } from './ops/case-ops.ts';
import { businessOperations } from './ops/business-ops.ts';
import { dashboardOperations } from './ops/dashboard-ops.ts';
import { documentOperations } from './ops/document-ops.ts';
import { drawerOperations } from './ops/drawer-ops.ts';
import { feeOperations } from './ops/fee-ops.ts';
import { inspectionOperations } from './ops/inspection-ops.ts';
import { statusOperations } from './ops/status-ops.ts';
import { joinNamedGroups } from './named-groups.ts';
import { roleNames } from './roles.ts';
import { Conflict, ConnectionState, PendingOperation, PushSummary, SyncActivity } from './sync-model.ts';

export const LicenceSummary = z.object({
  licenceId: z.string(),
  businessId: z.string(),
  businessName: z.string(),
  dbaName: z.string().nullable(),
  ownerName: z.string().nullable(),
  addressLine: z.string().nullable(),
  licenceTypeName: z.string().nullable(),
  status: LicenceStatus,
  expiresOn: IsoDate.nullable(),
  /** Changes made on this desk to this licence (or its payments) that wait for the legacy database. */
  pendingChanges: z.number().int().nonnegative(),
});
export type LicenceSummary = z.infer<typeof LicenceSummary>;

export const LicenceDetail = z.object({
  licence: Licence,
  business: Business,
  licenceType: LicenceType.nullable(),
  /** Fee schedule entries of the licence's type, newest effective date first. */
  fees: z.array(FeeScheduleEntry),
  /** Payments against the licence, newest first. */
  payments: z.array(Payment),
  inspections: z.array(Inspection),
  /** When this desk last refreshed the licence from the legacy database. */
  refreshedAt: IsoTimestamp,
  /** Changes to this licence or its payments that have not reached the legacy database yet. */
  pendingOperations: z.array(PendingOperation),
  /** Ids of payments that exist only on this desk so far (their receipt numbers are provisional). */
  provisionalPaymentIds: z.array(z.string()),
  /** Payments taken on this desk that reached the legacy system: which legacy payment each became. */
  settledPayments: z.array(
    z.object({
      operationId: z.string(),
      provisionalReceipt: z.string(),
      paymentId: z.string(),
      /** The legacy receipt number, once the desk has the legacy payment row. */
      receiptNo: z.string().nullable(),
    }),
  ),
});
export type LicenceDetail = z.infer<typeof LicenceDetail>;

export const DatasetStatus = z.object({
  dataset: z.string(),
  rows: z.number().int(),
  lastRefreshedAt: IsoTimestamp.nullable(),
  /** The last refresh of this dataset failed with this message. */
  lastError: z.string().nullable(),
});

export const DeskStatus = z.object({
  deskId: z.string(),
  bridge: z.string().nullable(),
  legacyEngine: z.string().nullable(),
  licences: z.number().int(),
  businesses: z.number().int(),
  lastRefreshedAt: IsoTimestamp.nullable(),
  datasets: z.array(DatasetStatus),
  /** Changes made on this desk that have not reached the legacy database yet. */
  pendingChanges: z.number().int().nonnegative(),
  /** Conflicts that wait for a person. */
  openConflicts: z.number().int().nonnegative(),
  connection: ConnectionState,
  sync: SyncActivity,
  /** Who is at the desk (the OS account) and the role the IT policy file gives them (null: none). */
  actor: z.string(),
  role: z.enum(roleNames).nullable(),
});
export type DeskStatus = z.infer<typeof DeskStatus>;

export const coreOperations = {
  /** Search the desk's cache as the clerk types: names, DBA, owner, licence number, address, phone. */
  'licences.search': {
    input: z.object({
      text: z.string().max(200),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({
      results: z.array(LicenceSummary),
      /** True when more licences matched than `limit`. */
      more: z.boolean(),
    }),
  },
  /** One licence with its business, type, fees, payments and inspections. */
  'licences.get': {
    input: z.object({ licenceId: LicenceNumber }),
    output: LicenceDetail,
  },
  /** What the desk holds and when it last refreshed. */
  'desk.status': {
    input: z.object({}),
    output: DeskStatus,
  },
  /** Renew a licence for one more term; kept on the desk until replay brings it to the legacy DB. */
  'licences.renew': {
    input: z.object({ licenceId: LicenceNumber }),
    output: z.object({
      operationId: z.string(),
      licenceId: z.string(),
      previousExpiresOn: IsoDate.nullable(),
      newExpiresOn: IsoDate,
    }),
  },
  /** Take a payment against a licence; the receipt number is provisional until replay. */
  'payments.record': {
    input: z.object({
      licenceId: LicenceNumber,
      amountCents: PositiveMoney,
      method: PaymentMethod,
      /** Cash: what the customer handed over (at least the amount); the change is the difference. */
      tenderedCents: PositiveMoney.optional(),
      /** Check: its number. */
      checkNumber: z.string().trim().min(1).max(40).optional(),
      /** Card: the terminal's reference. */
      cardReference: z.string().trim().min(1).max(80).optional(),
    }),
    output: z.object({
      operationId: z.string(),
      paymentId: z.string(),
      licenceId: z.string(),
      amountCents: z.number().int(),
      receiptNo: z.string(),
      provisional: z.boolean(),
      /** Cash: the change to give back (null for other methods). */
      changeCents: z.number().int().nullable().optional(),
    }),
  },
  /** Push waiting changes to the legacy database, then refresh what changed there. */
  'sync.now': {
    input: z.object({}),
    output: z.object({ push: PushSummary, refreshed: z.boolean(), message: z.string().nullable() }),
  },
  /** Conflicts on this desk: open ones first, then the resolved ones kept for the record. */
  'conflicts.list': {
    input: z.object({ includeResolved: z.boolean().default(false) }),
    output: z.object({ conflicts: z.array(Conflict) }),
  },
  /** A person's decision on a conflict: apply again on the current values, edit then apply, or discard with a reason. */
  'conflicts.resolve': {
    input: z.object({
      conflictId: z.number().int(),
      resolution: z.enum(['apply_again', 'edit', 'discard']),
      reason: z.string().max(500).optional(),
      edits: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
    output: z.object({ conflict: Conflict }),
  },
} as const;

/** Every operation: the core (search, licence, desk, renew, pay, sync, conflicts) and each domain's. */
export const operations = joinNamedGroups(
  'operation',
  coreOperations,
  documentOperations,
  drawerOperations,
  statusOperations,
  feeOperations,
  batchOperations,
  applicationOperations,
  dashboardOperations,
  businessOperations,
  inspectionOperations,
  caseOperations,
);

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export const operationNames = Object.keys(operations) as OperationName[];
export type OpInput<K extends OperationName> = z.input<Operations[K]['input']>;
export type OpOutput<K extends OperationName> = z.output<Operations[K]['output']>;

/** The typed API the UI programs against, whatever the transport. */
export type Api = { [K in OperationName]: (input: OpInput<K>) => Promise<OpOutput<K>> };

/** Server-side handlers receive the parsed (defaulted) input. */
export type Handlers = {
  [K in OperationName]: (input: z.output<Operations[K]['input']>) => Promise<OpOutput<K>>;
};

/** What travels back over any transport. */
export const CallResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: WorkbenchErrorShape }),
]);
export type CallResult = z.infer<typeof CallResult>;

export const isOperationName = (name: unknown): name is OperationName =>
  typeof name === 'string' && Object.hasOwn(operations, name);
