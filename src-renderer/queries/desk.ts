// TanStack Query hooks of the desk itself: its status (polled for the status bar), reading the
// records again when the desk reports that something moved, and "Sync now".
import { invalidate } from './query-client.ts';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useApi } from '../api-context.tsx';

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
export function invalidateDeskData(client: QueryClient): Promise<unknown> {
  return invalidate(
    client,
    'licences.get',
    'licences.search',
    'desk.status',
    'conflicts.list',
    'inspections.show',
    'inspections.day',
  );
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
    void invalidate(
      client,
      'licences.get',
      'licences.search',
      'conflicts.list',
      'inspections.show',
      'inspections.day',
    );
  }, [mark, client]);
}

export function useSyncNow() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api['sync.now']({}),
    onSettled: () => invalidateDeskData(client),
  });
}
