// The search screen: a search box that searches as the clerk types, and the virtualised results.
// Focus stays in the search box; the list's keys (Up/Down, PageUp/PageDown) work from it too, and
// Enter opens the highlighted licence.
import {
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  SearchBox,
  Spinner,
  Text,
  tokens,
  useId,
} from '@fluentui/react-components';
import { DocumentSearchRegular, SearchInfoRegular } from '@fluentui/react-icons';
import { type KeyboardEvent, type RefObject, useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import type { KeyboardListControl } from '../components/lists/KeyboardList.tsx';
import { ResultList } from '../components/ResultList.tsx';
import { useDebouncedValue, useDocumentTitle } from '../hooks.ts';
import { useDeskStatus, useLicenceSearch } from '../queries/index.ts';
import { openLicence } from '../route.ts';
import { useSearchState } from '../search-state.tsx';

const DEBOUNCE_MS = 150;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    height: '100%',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalXL,
    minHeight: 0,
  },
  heading: { margin: 0 },
  search: { maxWidth: '48rem' },
  box: { maxWidth: 'none', width: '100%' },
  summary: { minHeight: '20px' },
  count: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
});

export function SearchScreen({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const listId = useId('results');
  const { query, setQuery, selectedId, setSelectedId } = useSearchState();
  const debounced = useDebouncedValue(query, DEBOUNCE_MS);
  const search = useLicenceSearch(debounced);
  const emptyDesk = useDeskStatus().data?.licences === 0;
  useDocumentTitle(t('app.titleSearch'));

  useEffect(() => {
    inputRef.current?.focus();
  }, [inputRef]);

  const typed = debounced.trim();
  const data = typed && !search.isError ? search.data : undefined;
  const results = data?.results ?? [];
  const activeIndex = selectedId ? results.findIndex((r) => r.licenceId === selectedId) : -1;
  const optionId = useCallback((index: number) => `${listId}-option-${index}`, [listId]);
  const listControl = useRef<KeyboardListControl>(null);

  const open = (index: number) => {
    const licence = results[index];
    if (!licence) return;
    setSelectedId(licence.licenceId);
    openLicence(licence.licenceId);
  };

  const select = (index: number) => setSelectedId(results[index]?.licenceId ?? null);

  // Escape clears the search, from the box or the list; the list's own keys do the rest.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
      setSelectedId(null);
      inputRef.current?.focus();
    }
  };
  // In the search box the keys move the list too (Home and End stay with the caret).
  const onBoxKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    onKeyDown(event);
    if (!event.defaultPrevented) listControl.current?.handleKey(event, { inField: true });
  };

  const searching = Boolean(typed) && search.isFetching;
  let summary: string | null = null;
  if (data && data.results.length > 0) summary = t('search.count', { count: data.results.length });
  else if (searching) summary = t('search.searching');
  const noResults = Boolean(data && data.results.length === 0 && !searching);

  return (
    <div className={styles.root}>
      <h1 className={styles.heading}>
        <Text as="span" size={600} weight="semibold">
          {t('search.heading')}
        </Text>
      </h1>
      <search className={styles.search}>
        <Field label={t('search.label')} hint={t('search.hint')}>
          <SearchBox
            input={{ ref: inputRef }}
            className={styles.box}
            size="large"
            value={query}
            placeholder={t('search.placeholder')}
            autoComplete="off"
            spellCheck={false}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={results.length > 0}
            aria-controls={results.length > 0 ? listId : undefined}
            aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
            onChange={(_, d) => {
              setQuery(d.value);
              setSelectedId(null);
            }}
            onKeyDown={onBoxKeyDown}
          />
        </Field>
      </search>

      {emptyDesk ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('search.emptyDesk')}</MessageBarBody>
        </MessageBar>
      ) : null}

      <div role="status" className={styles.summary}>
        {summary ? (
          <div className={styles.count}>
            {searching ? <Spinner size="extra-tiny" aria-hidden="true" /> : null}
            <Text>{summary}</Text>
          </div>
        ) : null}
        {noResults ? (
          <EmptyState icon={<SearchInfoRegular />} title={t('search.noResults', { text: typed })}>
            {t('search.noResultsHint')}
          </EmptyState>
        ) : null}
      </div>

      {data?.more ? (
        <MessageBar intent="info">
          <MessageBarBody>{t('search.more', { count: data.results.length })}</MessageBarBody>
        </MessageBar>
      ) : null}

      {typed && search.isError ? (
        <ErrorMessage error={search.error} onRetry={() => void search.refetch()} />
      ) : null}

      {results.length > 0 ? (
        <ResultList
          id={listId}
          results={results}
          activeIndex={activeIndex}
          optionId={optionId}
          onActiveChange={select}
          onOpen={open}
          onKeyDown={onKeyDown}
          controlRef={listControl}
        />
      ) : null}

      {!typed ? (
        <EmptyState icon={<DocumentSearchRegular />} title={t('search.emptyTitle')}>
          {t('search.emptyBody')}
        </EmptyState>
      ) : null}
    </div>
  );
}
