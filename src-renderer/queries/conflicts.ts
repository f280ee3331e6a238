// TanStack Query hooks of the conflicts: the list, and resolving one (which reloads the desk's data).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OpInput } from '../../src-main/common/contract.ts';
import { useApi } from '../api-context.tsx';
import { invalidateDeskData } from './desk.ts';

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
