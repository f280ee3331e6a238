// TanStack Query hooks of the applications screens (applications.* operations).
import { invalidate } from './query-client.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OpInput, OpOutput } from '../../src-main/common/contract.ts';
import { useApi } from '../api-context.tsx';

export function useLicenceTypesForApplications() {
  const api = useApi();
  return useQuery({
    queryKey: ['applications.licenceTypes'],
    queryFn: () => api['applications.licenceTypes']({}),
    staleTime: 5 * 60_000,
  });
}

export function useDuplicateSuggestions(input: OpInput<'applications.suggestDuplicates'>, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['applications.suggestDuplicates', input],
    queryFn: () => api['applications.suggestDuplicates'](input),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useApplication(applicationId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['applications.get', applicationId],
    queryFn: () => api['applications.get']({ applicationId }),
  });
}

export function useApplications(status: 'open' | 'issued' | 'all') {
  const api = useApi();
  return useQuery({
    queryKey: ['applications.list', status],
    queryFn: () => api['applications.list']({ status }),
  });
}

/** After any change: the application, the list, and what the rest of the desk shows (search, status). */
function useInvalidate() {
  const client = useQueryClient();
  return (detail?: OpOutput<'applications.get'>) => {
    if (detail) client.setQueryData(['applications.get', detail.application.id], detail);
    return invalidate(client, 'applications.list', 'licences.search', 'desk.status');
  };
}

export function useCreateApplication() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: OpInput<'applications.create'>) => api['applications.create'](input),
    onSuccess: (detail) => invalidate(detail),
  });
}

export function useUpdateRequirement() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: OpInput<'applications.updateRequirement'>) =>
      api['applications.updateRequirement'](input),
    onSuccess: (detail) => invalidate(detail),
  });
}

export function useIssueLicence() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: OpInput<'applications.issue'>) => api['applications.issue'](input),
    onSuccess: (detail) => invalidate(detail),
  });
}

export function useWithdrawApplication() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: OpInput<'applications.withdraw'>) => api['applications.withdraw'](input),
    onSuccess: (detail) => invalidate(detail),
  });
}
