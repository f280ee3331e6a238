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
  LicenceStatus,
  LicenceType,
  Payment,
} from './model.ts';

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
});
export type LicenceDetail = z.infer<typeof LicenceDetail>;

export const DatasetStatus = z.object({
  dataset: z.string(),
  rows: z.number().int(),
  lastRefreshedAt: IsoTimestamp.nullable(),
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
});
export type DeskStatus = z.infer<typeof DeskStatus>;

export const operations = {
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
    input: z.object({ licenceId: z.string().min(1).max(64) }),
    output: LicenceDetail,
  },
  /** What the desk holds and when it last refreshed. */
  'desk.status': {
    input: z.object({}),
    output: DeskStatus,
  },
} as const;

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
