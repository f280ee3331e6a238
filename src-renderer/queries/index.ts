// The UI's TanStack Query hooks, one file per domain; components import them from here.
export * from './applications.ts';
export * from './batches.ts';
export * from './businesses.ts';
export * from './conflicts.ts';
export * from './desk.ts';
export * from './drawer.ts';
export * from './fees.ts';
export * from './inspections.ts';
export * from './licences.ts';
export * from './query-client.ts';
export * from './status.ts';
