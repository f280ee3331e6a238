// The supervisor's dashboard (#/dashboard): a period, the headline numbers, and one part each for
// revenue, renewals, applications and the backlog, with charts, tables and CSV. The desk's service
// refuses anyone but a supervisor or an admin; the screen says so in plain words.
import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isWorkbenchError } from '../../src-main/common/errors.ts';
import type { DashboardFigures } from '../../src-main/common/ops/dashboard-ops.ts';
import { useApi } from '../api-context.tsx';
import {
  ApplicationSection,
  BacklogSection,
  RenewalSection,
  RevenueSection,
} from '../components/dashboard/DashboardSections.tsx';
import { type Figure, FigureCards } from '../components/dashboard/FigureCards.tsx';
import { type PeriodValue, PeriodPicker, shiftPeriod } from '../components/dashboard/PeriodPicker.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ScreenTitle } from '../components/ScreenTitle.tsx';
import { formatCount, formatDate, formatMoney, today } from '../format.ts';
import { useDocumentTitle, useLanguage } from '../hooks.ts';
import { useDeskStatus } from '../queries/index.ts';
import type { Language } from '../i18n/index.ts';
import { screenRoot } from '../styles/screen.ts';

const useStyles = makeStyles({
  root: screenRoot,
  intro: { maxWidth: '60rem', margin: 0 },
  showing: { color: tokens.colorNeutralForeground2, margin: 0 },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(28rem, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
});

function useDashboard(period: PeriodValue | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['dashboard.get', period?.from ?? null, period?.to ?? null],
    queryFn: () => api['dashboard.get'](period ?? {}),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

/** "[" and "]": the period of the same length before or after (when the person is not typing in a field). */
function usePeriodKeys(current: PeriodValue | null, onChange: (period: PeriodValue) => void): void {
  const latest = useRef({ current, onChange });
  latest.current = { current, onChange };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key !== '[' && event.key !== ']') return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)))
        return;
      const { current: period, onChange: change } = latest.current;
      if (!period) return;
      event.preventDefault();
      change(shiftPeriod(period, event.key === '[' ? -1 : 1));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function headlineFigures(f: DashboardFigures, t: (key: string) => string, language: Language): Figure[] {
  const count = (n: number | undefined) => (n === undefined ? null : formatCount(n, language));
  return [
    {
      key: 'netRevenue',
      label: t('dashboard.cards.netRevenue'),
      value: f.revenue ? formatMoney(f.revenue.netCents, language) : null,
      scope: 'city',
    },
    {
      key: 'payments',
      label: t('dashboard.cards.payments'),
      value: count(f.revenue?.paymentCount),
      scope: 'city',
    },
    {
      key: 'renewalsOnTime',
      label: t('dashboard.cards.renewalsOnTime'),
      value: count(f.renewals?.onTime),
      scope: 'desk',
    },
    {
      key: 'renewalsLate',
      label: t('dashboard.cards.renewalsLate'),
      value: count(f.renewals?.late),
      scope: 'desk',
    },
    {
      key: 'received',
      label: t('dashboard.cards.received'),
      value: count(f.applications?.received),
      scope: 'desk',
    },
    {
      key: 'issued',
      label: t('dashboard.cards.issued'),
      value: count(f.applications?.issued),
      scope: 'desk',
    },
    { key: 'backlog', label: t('dashboard.cards.backlog'), value: count(f.backlog?.open), scope: 'desk' },
  ];
}

export function DashboardScreen() {
  const { t } = useTranslation();
  const styles = useStyles();
  const language = useLanguage();
  const [period, setPeriod] = useState<PeriodValue | null>(null);
  const query = useDashboard(period);
  useDocumentTitle(t('dashboard.title'));
  // Figures follow the desk: a refresh from the legacy system or a change sent reads them again.
  const status = useDeskStatus().data;
  const moved = status
    ? `${status.lastRefreshedAt}|${status.pendingChanges}|${status.sync.lastPushAt}`
    : null;
  const lastMoved = useRef(moved);
  const { refetch } = query;
  useEffect(() => {
    if (moved !== null && lastMoved.current !== null && moved !== lastMoved.current) void refetch();
    lastMoved.current = moved;
  }, [moved, refetch]);
  const figures = query.data;
  usePeriodKeys(figures ? { from: figures.from, to: figures.to } : null, setPeriod);
  const forbidden = isWorkbenchError(query.error) && query.error.code === 'forbidden';

  return (
    <div className={styles.root}>
      <ScreenTitle heading={t('dashboard.heading')} />
      <Text as="p" className={styles.intro}>
        {t('dashboard.intro')}
      </Text>
      {forbidden ? (
        <Text as="p" role="alert">
          {t('dashboard.notAllowed')}
        </Text>
      ) : (
        <>
          <PeriodPicker
            value={figures ? { from: figures.from, to: figures.to } : period}
            today={figures ? today(new Date(figures.generatedAt), figures.timeZone) : null}
            onChange={setPeriod}
          />
          {query.isError ? <ErrorMessage error={query.error} onRetry={() => void query.refetch()} /> : null}
          {!figures ? (
            query.isError ? null : (
              <Spinner label={t('dashboard.loading')} />
            )
          ) : (
            <>
              <Text as="p" className={styles.showing} aria-live="polite">
                {t('dashboard.period.showing', {
                  from: formatDate(figures.from, language),
                  to: formatDate(figures.to, language),
                  zone: figures.timeZone,
                })}
              </Text>
              <FigureCards figures={headlineFigures(figures, t, language)} />
              <div className={styles.grid}>
                <RevenueSection figures={figures} />
                <RenewalSection figures={figures} />
                <ApplicationSection figures={figures} />
                <BacklogSection figures={figures} />
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
}
