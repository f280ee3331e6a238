// The search screen: a search box that searches as the clerk types, and the virtualised results.
// Focus stays in the search box; Up/Down move the highlight, Enter opens the highlighted licence.
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
import { type KeyboardEvent, type RefObject, useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ResultList } from '../components/ResultList.tsx';
import { useDebouncedValue, useDocumentTitle } from '../hooks.ts';
import { useDeskStatus, useLicenceSearch } from '../queries.ts';
import { openLicence } from '../route.ts';
import { useSearchState } from '../search-state.tsx';

const DEBOUNCE_MS = 150;
const PAGE = 10;

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

  const open = (index: number) => {
    const licence = results[index];
    if (!licence) return;
    setSelectedId(licence.licenceId);
    openLicence(licence.licenceId);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
      setSelectedId(null);
      inputRef.current?.focus();
      return;
    }
    if (results.length === 0) return;
    const inList = event.currentTarget.getAttribute('role') === 'listbox';
    const last = results.length - 1;
    let next: number | null = null;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(activeIndex + 1, last);
        break;
      case 'ArrowUp':
        next = Math.max(activeIndex - 1, 0);
        break;
      case 'PageDown':
        next = Math.min(Math.max(activeIndex, 0) + PAGE, last);
        break;
      case 'PageUp':
        next = Math.max(activeIndex - PAGE, 0);
        break;
      case 'Home':
        if (inList) next = 0;
        break;
      case 'End':
        if (inList) next = last;
        break;
      case 'Enter':
        if (activeIndex >= 0) {
          event.preventDefault();
          open(activeIndex);
        }
        return;
    }
    if (next !== null) {
      event.preventDefault();
      setSelectedId(results[next]?.licenceId ?? null);
    }
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
            onKeyDown={onKeyDown}
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
          onOpen={open}
          onKeyDown={onKeyDown}
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
