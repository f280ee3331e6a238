// TanStack Query hooks of the status actions and certificates (status-ops.ts).
import { invalidate } from './query-client.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OpInput } from '../../src-main/common/contract.ts';
import { useApi } from '../api-context.tsx';

export function useChangeLicenceStatus() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OpInput<'licences.changeStatus'>) => api['licences.changeStatus'](input),
    // Everything a change on this desk can alter on screen (as licences.ts does for a renewal).
    onSettled: () =>
      invalidate(
        client,
        'licences.get',
        'licences.search',
        'desk.status',
        'certificates.list',
        'fees.quote',
        'licences.statusHistory',
      ),
  });
}

export function useCertificates(licenceId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['certificates.list', licenceId],
    queryFn: () => api['certificates.list']({ licenceId }),
  });
}

export function useVerifyCertificate() {
  const api = useApi();
  return useMutation({
    mutationFn: (code: string) => api['certificates.verify']({ code }),
  });
}

export function useStatusHistory(licenceId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['licences.statusHistory', licenceId],
    queryFn: () => api['licences.statusHistory']({ licenceId }),
  });
}
