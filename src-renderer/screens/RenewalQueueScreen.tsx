// #/renewals: the renewal queue. Filters (which licences, within how many days, type, text) with
// the count of each kind; the licences in a KeyboardList (virtualised: only the rows in view are
// in the DOM, so thousands scroll smoothly), worked by keyboard like the search results;
// and the way to a batch renewal (#/renewals/batch/new).
import {
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  Option,
  SpinButton,
  Text,
  tokens,
  useId,
} from '@fluentui/react-components';
import { DocumentQueueAddRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenewalQueueKind, RenewalQueueRow } from '../../src-main/common/ops/fee-ops.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { KeyboardList } from '../components/lists/KeyboardList.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { useRenewalQueue } from '../queries/index.ts';
import { formatCount, formatDate, formatMoney, text } from '../format.ts';
import { useLanguage } from '../hooks.ts';
import { batchHref, openLicence } from '../route.ts';
import { filterLegend, filterRow, screenHeading, screenRoot } from '../styles/screen.ts';

const ROW_HEIGHT = 44;
const LIMIT = 1000;
const columns = 'minmax(8rem, 0.8fr) minmax(12rem, 2fr) minmax(8rem, 1.2fr) 7rem 8rem 7rem minmax(8rem, 1fr)';

const useStyles = makeStyles({
  root: { ...screenRoot, height: '100%', minHeight: 0 },
  heading: screenHeading,
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  filters: filterRow,
  legend: filterLegend,
  note: { color: tokens.colorNeutralForeground2 },
  frame: { minHeight: '20rem', height: '60vh' },
  grid: {
    display: 'grid',
    gridTemplateColumns: columns,
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'center',
    paddingInline: tokens.spacingHorizontalM,
  },
  cell: { display: 'block', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  number: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  flags: { color: tokens.colorPaletteRedForeground1 },
});

const kinds: readonly RenewalQueueKind[] = ['expiring', 'expired', 'delinquent', 'all'];
const kindLabel = {
  expiring: 'fees.queue.kindExpiring',
  expired: 'fees.queue.kindExpired',
  delinquent: 'fees.queue.kindDelinquent',
  all: 'fees.queue.kindAll',
} as const;

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return target.isContentEditable || tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

export function RenewalQueueScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const kindRef = useRef<HTMLButtonElement>(null);
  const listId = useId('renewal-list');
  const headingId = useId('renewals-heading');
  const [kind, setKind] = useState<RenewalQueueKind>('expiring');
  const [withinDays, setWithinDays] = useState(60);
  const [typeCode, setTypeCode] = useState('');
  const [search, setSearch] = useState('');
  const [activeIndex, setActiveIndex] = useState(-1);
  const query = useRenewalQueue({
    kind,
    withinDays,
    ...(typeCode ? { licenceTypeCode: typeCode } : {}),
    ...(search.trim() ? { text: search.trim() } : {}),
    limit: LIMIT,
  });
  const page = query.data;
  const rows = page?.rows ?? [];

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => setActiveIndex(-1), [kind, withinDays, typeCode, search]);

  // "f": to the filters; "b": start a batch renewal (outside fields; listed in shortcut-list.ts).
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isEditable(event.target)) return;
      if (event.key === 'f') {
        event.preventDefault();
        kindRef.current?.focus();
      } else if (event.key === 'b') {
        event.preventDefault();
        window.location.hash = batchHref();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const optionId = (i: number) => `${listId}-row-${i}`;
  const counts = page?.counts;
  const countOf = (k: RenewalQueueKind) =>
    counts ? (k === 'all' ? counts.expiring + counts.expired + counts.delinquent : counts[k]) : null;
  const kindText = (k: RenewalQueueKind) => {
    const n = countOf(k);
    return n === null
      ? t(kindLabel[k])
      : t('fees.queue.kindCount', { label: t(kindLabel[k]), count: formatCount(n, language) });
  };
  const days = (r: RenewalQueueRow) =>
    r.daysLate === 0
      ? t('fees.queue.today')
      : r.daysLate < 0
        ? t('fees.queue.inDays', { count: -r.daysLate })
        : t('fees.queue.ago', { count: r.daysLate });
  const flags = (r: RenewalQueueRow) =>
    [
      r.holds > 0 ? t('fees.queue.holds', { count: r.holds }) : '',
      r.balanceCents > 0 ? t('fees.queue.owes', { amount: formatMoney(r.balanceCents, language) }) : '',
    ]
      .filter(Boolean)
      .join(' · ');
  const typeName = typeCode
    ? (page?.licenceTypes.find((x) => x.code === typeCode)?.name ?? typeCode)
    : t('fees.queue.anyType');

  return (
    <div className={styles.root}>
      <div className={styles.top}>
        <h1 id={headingId} ref={headingRef} tabIndex={-1} className={styles.heading}>
          {t('fees.queue.title')}
        </h1>
        <Button as="a" href={batchHref()} appearance="primary" icon={<DocumentQueueAddRegular />}>
          {t('fees.queue.startBatch')}
        </Button>
      </div>
      {page ? (
        <Text className={styles.note}>{t('fees.queue.intro', { date: formatDate(page.on, language) })}</Text>
      ) : null}
      <fieldset className={styles.filters}>
        <legend className={styles.legend}>{t('fees.queue.filters')}</legend>
        <Field label={t('fees.queue.kind')}>
          <Dropdown
            ref={kindRef}
            value={kindText(kind)}
            selectedOptions={[kind]}
            onOptionSelect={(_, data) => setKind((data.optionValue as RenewalQueueKind) ?? 'expiring')}
            data-testid="queue-kind"
          >
            {kinds.map((k) => (
              <Option key={k} value={k} text={kindText(k)}>
                {kindText(k)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('fees.queue.within')}>
          <SpinButton
            value={withinDays}
            min={0}
            max={3650}
            step={15}
            onChange={(_, data) => {
              const v = data.value ?? Number(data.displayValue);
              if (Number.isInteger(v) && v >= 0 && v <= 3650) setWithinDays(v);
            }}
            data-testid="queue-within"
          />
        </Field>
        <Field label={t('fees.queue.type')}>
          <Dropdown
            value={typeName}
            selectedOptions={[typeCode]}
            onOptionSelect={(_, data) => setTypeCode(data.optionValue ?? '')}
            data-testid="queue-type"
          >
            <Option value="" text={t('fees.queue.anyType')}>
              {t('fees.queue.anyType')}
            </Option>
            {(page?.licenceTypes ?? []).map((lt) => (
              <Option key={lt.code} value={lt.code} text={lt.name}>
                {lt.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('fees.queue.text')}>
          <Input
            value={search}
            placeholder={t('fees.queue.textPlaceholder')}
            onChange={(_, data) => setSearch(data.value)}
            data-testid="queue-text"
          />
        </Field>
      </fieldset>
      {query.isError ? <ErrorMessage error={query.error} /> : null}
      <Text role="status" className={styles.note} data-testid="queue-total">
        {page
          ? `${t('fees.queue.results', { count: page.total })}${page.total > rows.length ? ` (${t('fees.queue.shown', { count: rows.length })})` : ''}`
          : ''}
      </Text>
      <KeyboardList
        id={listId}
        items={rows}
        itemKey={(r) => r.licenceId}
        optionId={optionId}
        rowHeight={ROW_HEIGHT}
        activeIndex={activeIndex}
        onActiveChange={setActiveIndex}
        onOpen={(index) => openLicence(rows[index]!.licenceId)}
        columns={[
          t('fees.queue.colLicence'),
          t('fees.queue.colBusiness'),
          t('fees.queue.colType'),
          t('columns.status'),
          t('fees.queue.colExpires'),
          t('fees.queue.colDays'),
          t('fees.queue.colFlags'),
        ]}
        gridClassName={styles.grid}
        rowAttributes={(r) => ({ 'data-licence-id': r.licenceId })}
        renderRow={(r) => (
          <>
            <span className={mergeClasses(styles.cell, styles.number)}>{r.licenceId}</span>
            <span className={styles.cell} title={r.businessName}>
              {text(r.businessName)}
            </span>
            <span className={styles.cell}>{text(r.licenceTypeName ?? r.licenceTypeCode)}</span>
            <span className={styles.cell}>
              <StatusBadge status={r.status} />
            </span>
            <span className={styles.cell}>{formatDate(r.expiresOn, language)}</span>
            <span className={styles.cell}>{days(r)}</span>
            <span className={mergeClasses(styles.cell, styles.flags)}>{flags(r)}</span>
          </>
        )}
        label={t('fees.queue.tableLabel')}
        description={t('fees.queue.help')}
        empty={page ? t('fees.queue.empty') : undefined}
        className={styles.frame}
        testId="queue-list"
      />
    </div>
  );
}
