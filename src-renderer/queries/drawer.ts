// TanStack Query hooks of the cash drawer (drawer-ops.ts): the person's open drawer, opening and
// closing it, and voids and refunds. Every change reloads the drawer and the desk's records.
import { invalidate } from './query-client.ts';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OpInput } from '../../src-main/common/contract.ts';
import { useApi } from '../api-context.tsx';

function invalidateDrawer(client: QueryClient): Promise<unknown> {
  return invalidate(client, 'drawer.current', 'drawer.list', 'licences.get', 'desk.status');
}

export function useCurrentDrawer() {
  const api = useApi();
  return useQuery({ queryKey: ['drawer.current'], queryFn: () => api['drawer.current']({}), staleTime: 0 });
}

export function useDrawerSessions() {
  const api = useApi();
  return useQuery({ queryKey: ['drawer.list'], queryFn: () => api['drawer.list']({ limit: 5 }) });
}

export function useDrawerSession(sessionId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['drawer.get', sessionId],
    queryFn: () => api['drawer.get']({ sessionId: sessionId! }),
    enabled: sessionId !== null,
  });
}

export function useOpenDrawer() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (floatCents: number) => api['drawer.open']({ floatCents }),
    onSettled: () => invalidateDrawer(client),
  });
}

export function useCloseDrawer() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OpInput<'drawer.close'>) => api['drawer.close'](input),
    onSettled: () => invalidateDrawer(client),
  });
}

export function useReversePayment() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      input:
        ({ kind: 'void' } & OpInput<'payments.void'>) | ({ kind: 'refund' } & OpInput<'payments.refund'>),
    ) => {
      if (input.kind === 'void')
        return api['payments.void']({ paymentId: input.paymentId, reason: input.reason });
      const { kind: _kind, ...refund } = input;
      return api['payments.refund'](refund);
    },
    onSettled: () => invalidateDrawer(client),
  });
}
