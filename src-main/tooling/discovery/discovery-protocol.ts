// Messages between the host and the discovery worker, the child process that owns every ODBC call
// discovery makes (a driver that crashes or hangs takes it down, never the command line or the
// desk). Kept apart from the bridge worker's protocol: discovery is a tool for IT, run now and then.
import type { DialectName } from '../../node/bridge/dialects.ts';
import type { DiscoveryOptions, OverlapCheck, OverlapResult, TableProfile } from './profile-types.ts';

export interface ProfileRequest {
  t: 'profile';
  id: number;
  connection: string;
  dialect: DialectName;
  /** Only these schemas / tables (case-insensitive); all when left out. */
  schema?: string;
  tables?: string[];
  options: DiscoveryOptions;
}

export interface OverlapRequest {
  t: 'overlap';
  id: number;
  connection: string;
  dialect: DialectName;
  checks: Array<OverlapCheck & { text: boolean }>;
}

export type DiscoveryHostMessage = ProfileRequest | OverlapRequest;

export type DiscoveryWorkerMessage =
  | { t: 'ready'; pid: number }
  /** The catalog was read: these tables (with their column counts) will be profiled, in order. */
  | { t: 'catalog'; id: number; tables: Array<{ name: string; columns: number }> }
  | { t: 'progress'; id: number; table: string; column: number; columns: number }
  | { t: 'table'; id: number; profile: TableProfile }
  | { t: 'overlaps'; id: number; results: OverlapResult[] }
  | { t: 'done'; id: number }
  | { t: 'error'; id: number; error: { code: 'legacy_unavailable' | 'internal'; message: string } };
