// TanStack Query hooks of the inspector's desk (inspection-ops.ts): a day's visits, one visit, the
// ordinance code table and the kinds of inspection, scheduling a visit and recording a result. A
// result changes the visit, the day and the licence's history, so all three are read again.
import { invalidate } from './query-client.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OpInput } from '../../src-main/common/contract.ts';
import { useApi } from '../api-context.tsx';

export function useInspectorDay(input: OpInput<'inspections.day'>) {
  const api = useApi();
  return useQuery({
    queryKey: ['inspections.day', input.inspector ?? '', input.on ?? ''],
    queryFn: () => api['inspections.day'](input),
    staleTime: 0,
  });
}

export function useVisit(inspectionId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['inspections.show', inspectionId],
    queryFn: () => api['inspections.show']({ inspectionId }),
    staleTime: 0,
  });
}

export function useOrdinances() {
  const api = useApi();
  // The code table changes with the legacy system's releases, not during a day.
  return useQuery({
    queryKey: ['inspections.ordinances'],
    queryFn: () => api['inspections.ordinances']({}),
    staleTime: Infinity,
  });
}

export function useInspectionKinds() {
  const api = useApi();
  return useQuery({
    queryKey: ['inspections.kinds'],
    queryFn: () => api['inspections.kinds']({}),
    staleTime: Infinity,
  });
}

export function useScheduleVisit() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OpInput<'inspections.schedule'>) => api['inspections.schedule'](input),
    onSettled: () => invalidate(client, 'inspections.day', 'desk.status'),
  });
}

export function useRecordInspection() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OpInput<'inspections.record'>) => api['inspections.record'](input),
    onSettled: () => invalidate(client, 'inspections.show', 'inspections.day', 'licences.get', 'desk.status'),
  });
}
