// TanStack Query hooks of the licences: the search, one licence, and the two counter changes
// (renew, record a payment), which reload what the desk's data shows.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OpInput } from '../../src-main/common/contract.ts';
import { useApi } from '../api-context.tsx';
import { invalidateDeskData } from './desk.ts';

/** How many results one search asks for; the list is virtualised, so hundreds are fine. */
export const SEARCH_LIMIT = 500;

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
