// TanStack Query hooks of a batch renewal run: the batch (polled while it posts) and its steps.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import type { OpInput } from '../../src-main/common/contract.ts';
import type { BatchDetail } from '../../src-main/common/ops/batch-ops.ts';
import { useApi } from '../api-context.tsx';

/** How often a batch being posted is asked for its progress. */
export const POST_POLL_MS = 500;

export const batchKey = (batchId: string) => ['batches.get', batchId] as const;

export function useBatch(batchId: string) {
  const api = useApi();
  return useQuery({
    queryKey: batchKey(batchId),
    queryFn: () => api['batches.get']({ batchId }),
    staleTime: 0,
    refetchInterval: (q) =>
      q.state.data?.state === 'posting' && q.state.data.running ? POST_POLL_MS : false,
  });
}

/** A step that answers with the batch: the answer replaces what the screen shows. */
function useBatchStep<I>(run: (input: I) => Promise<BatchDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (batch) => {
      client.setQueryData(batchKey(batch.id), batch);
      void client.invalidateQueries({ queryKey: ['desk.status'] });
    },
  });
}

export function useCreateBatch() {
  const api = useApi();
  return useMutation({ mutationFn: (input: OpInput<'batches.create'>) => api['batches.create'](input) });
}

export function useSetSelected() {
  const api = useApi();
  return useBatchStep((input: OpInput<'batches.setSelected'>) => api['batches.setSelected'](input));
}

export function useValidateBatch() {
  const api = useApi();
  return useBatchStep((batchId: string) => api['batches.validate']({ batchId }));
}

export function usePostBatch() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OpInput<'batches.post'>) => api['batches.post'](input),
    // The summary has no items: read the whole batch again (its polling takes over from there).
    onSuccess: (summary) => client.invalidateQueries({ queryKey: batchKey(summary.id) }),
  });
}

export function useCancelBatch() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OpInput<'batches.cancel'>) => api['batches.cancel'](input),
    onSuccess: (summary) => client.invalidateQueries({ queryKey: batchKey(summary.id) }),
  });
}
