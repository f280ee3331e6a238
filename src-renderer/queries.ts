// TanStack Query hooks over the contract: one query key per operation and input.
import { keepPreviousData, QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { OpInput } from '../src-main/common/contract.ts';
import { useApi } from './api-context.tsx';
import { isPermanent } from './error-text.ts';

/** How many results one search asks for; the list is virtualised, so hundreds are fine. */
export const SEARCH_LIMIT = 500;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Asking again will not change a permanent answer; anything else gets one more try.
        retry: (failures, error) => !isPermanent(error) && failures < 1,
      },
    },
  });
}

export function useLicenceSearch(text: string) {
  const api = useApi();
  const trimmed = text.trim();
  return useQuery({
    queryKey: ['licences.search', trimmed, SEARCH_LIMIT],
    queryFn: () => api['licences.search']({ text: trimmed, limit: SEARCH_LIMIT }),
    enabled: trimmed.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** How often a licence still waiting for its city number is read again, to move to that number once it has it. */
export const PROVISIONAL_LICENCE_POLL_MS = 3_000;

export function useLicence(licenceId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['licences.get', licenceId],
    queryFn: () => api['licences.get']({ licenceId }),
    // The sync may number it any moment (LicenceScreen then moves to the legacy number).
    refetchInterval: licenceId.startsWith('local:') ? PROVISIONAL_LICENCE_POLL_MS : false,
  });
}

/**
 * How often the status bar asks the desk how it is. The desk answers from memory and its cache
 * (never the legacy database), so a few seconds is cheap, and the bar turns "offline" within a
 * few seconds of the desk's monitor noticing the link is down.
 */
export const STATUS_POLL_MS = 3_000;

export function useDeskStatus() {
  const api = useApi();
  return useQuery({
    queryKey: ['desk.status'],
    queryFn: () => api['desk.status']({}),
    refetchInterval: STATUS_POLL_MS,
    // Keep polling in a background tab: the clerk comes back to a true status bar.
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
}

/** Everything a change made on this desk (or a sync) can alter on screen. */
function invalidateDeskData(client: QueryClient): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: ['licences.get'] }),
    client.invalidateQueries({ queryKey: ['licences.search'] }),
    client.invalidateQueries({ queryKey: ['desk.status'] }),
    client.invalidateQueries({ queryKey: ['conflicts.list'] }),
  ]);
}

/**
 * When the desk reports that something moved (changes sent, a refresh finished, a conflict came
 * or went), the records on screen are read again: a provisional receipt becomes the legacy's.
 */
export function useReloadWhenDeskMoves(): void {
  const client = useQueryClient();
  const data = useDeskStatus().data;
  const mark = data
    ? [
        data.pendingChanges,
        data.openConflicts,
        data.lastRefreshedAt,
        data.sync.lastPushAt,
        data.sync.busy,
      ].join('|')
    : null;
  const previous = useRef<string | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = mark;
    if (mark === null || before === null || before === mark) return; // first sight: nothing moved yet
    void Promise.all([
      client.invalidateQueries({ queryKey: ['licences.get'] }),
      client.invalidateQueries({ queryKey: ['licences.search'] }),
      client.invalidateQueries({ queryKey: ['conflicts.list'] }),
    ]);
  }, [mark, client]);
}

export function useRenewLicence() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (licenceId: string) => api['licences.renew']({ licenceId }),
    onSettled: () => invalidateDeskData(client),
  });
}

export function useRecordPayment() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OpInput<'payments.record'>) => api['payments.record'](input),
    onSettled: () => invalidateDeskData(client),
  });
}

export function useSyncNow() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api['sync.now']({}),
    onSettled: () => invalidateDeskData(client),
  });
}

export function useConflicts(includeResolved: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['conflicts.list', includeResolved],
    queryFn: () => api['conflicts.list']({ includeResolved }),
    staleTime: 0,
  });
}

export function useResolveConflict() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OpInput<'conflicts.resolve'>) => api['conflicts.resolve'](input),
    onSettled: () => invalidateDeskData(client),
  });
}
