// TanStack Query hooks of the fees domain: a licence's renewal quote and the renewal queue.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OpInput } from '../../src-main/common/contract.ts';
import { useApi } from '../api-context.tsx';

/** The renewal fee of a licence today, line by line, and what blocks it (fees.quote). */
export function useFeeQuote(licenceId: string, on?: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['fees.quote', licenceId, on ?? null],
    queryFn: () => api['fees.quote']({ licenceId, ...(on ? { on } : {}) }),
    staleTime: 0,
  });
}

export function useRenewalQueue(query: OpInput<'renewals.queue'>) {
  const api = useApi();
  return useQuery({
    queryKey: ['renewals.queue', query],
    queryFn: () => api['renewals.queue'](query),
    placeholderData: keepPreviousData,
  });
}
