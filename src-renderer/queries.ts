// TanStack Query hooks over the contract: one query key per operation and input.
import { keepPreviousData, QueryClient, useQuery } from '@tanstack/react-query';
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

export function useLicence(licenceId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['licences.get', licenceId],
    queryFn: () => api['licences.get']({ licenceId }),
  });
}

export function useDeskStatus() {
  const api = useApi();
  return useQuery({
    queryKey: ['desk.status'],
    queryFn: () => api['desk.status']({}),
    refetchInterval: 60_000,
  });
}
