// Businesses: correcting a business's contact details (the command correctBusinessContact).
import { invalidate } from './query-client.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OpInput } from '../../src-main/common/contract.ts';
import { useApi } from '../api-context.tsx';

export function useCorrectBusinessContact() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OpInput<'businesses.correctContact'>) => api['businesses.correctContact'](input),
    // The licence page and search show the business's address; the status bar counts what waits.
    onSettled: () => invalidate(client, 'licences.get', 'licences.search', 'desk.status'),
  });
}
