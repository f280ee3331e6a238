// The one QueryClient of the UI and its defaults.
import { QueryClient } from '@tanstack/react-query';
import { isPermanent } from '../error-text.ts';

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

/** Asks again for every query of these operations (what a change on this desk can alter on screen). */
export function invalidate(client: QueryClient, ...operations: string[]): Promise<unknown> {
  return Promise.all(operations.map((name) => client.invalidateQueries({ queryKey: [name] })));
}
