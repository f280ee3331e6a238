// The search a clerk is in the middle of (text and the highlighted licence). It lives above the
// screens so opening a licence and coming back keeps both, and in sessionStorage so a reload does too.
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';

type SearchState = {
  query: string;
  setQuery: (query: string) => void;
  selectedId: string | null;
  setSelectedId: (id: string | null) => void;
};

const SearchStateContext = createContext<SearchState | null>(null);
const storageKey = 'workbench.search';

function readStored(): { query: string; selectedId: string | null } {
  try {
    const raw = globalThis.sessionStorage?.getItem(storageKey);
    const value: unknown = raw ? JSON.parse(raw) : null;
    if (value && typeof value === 'object') {
      const { query, selectedId } = value as Record<string, unknown>;
      return {
        query: typeof query === 'string' ? query : '',
        selectedId: typeof selectedId === 'string' ? selectedId : null,
      };
    }
  } catch {
    // unreadable: start afresh
  }
  return { query: '', selectedId: null };
}

export function SearchStateProvider({ children }: { children: ReactNode }) {
  const [initial] = useState(readStored);
  const [query, setQuery] = useState(initial.query);
  const [selectedId, setSelectedId] = useState<string | null>(initial.selectedId);

  useEffect(() => {
    try {
      globalThis.sessionStorage?.setItem(storageKey, JSON.stringify({ query, selectedId }));
    } catch {
      // not persisted; the in-memory state still works
    }
  }, [query, selectedId]);

  const value = useMemo(() => ({ query, setQuery, selectedId, setSelectedId }), [query, selectedId]);
  return <SearchStateContext.Provider value={value}>{children}</SearchStateContext.Provider>;
}

export function useSearchState(): SearchState {
  const state = useContext(SearchStateContext);
  if (!state) throw new Error('useSearchState must be used inside <SearchStateProvider>');
  return state;
}
