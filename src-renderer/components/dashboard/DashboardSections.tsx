// The four parts of the dashboard: revenue (all desks), renewals, applications and the backlog
// (this desk). Each says where its numbers come from, gives them in a sentence, draws them, lists
// them in a table and offers them as CSV; a part whose source is not on this desk says so.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { paymentMethods } from '../../../src-main/common/model.ts';
import type {
  ApplicationFigures,
  BacklogFigures,
  DashboardFigures,
  DashboardSection,
  RenewalFigures,
  RevenueFigures,
} from '../../../src-main/common/ops/dashboard-ops.ts';
import type { PrintedDocument } from '../../../src-main/common/ops/document-ops.ts';
import { useApi } from '../../api-context.tsx';
import { formatCount, formatDate, formatMoney, formatShortDay, formatTimestamp } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { Section } from '../Section.tsx';
import { columnsOf, DataTable, type TableColumn } from '../table/DataTable.tsx';
import { BarsChart } from './BarsChart.tsx';
import { ByDayDetails } from './ByDayDetails.tsx';
import {
  backlogColour,
  issuedColour,
  lateColour,
  methodColour,
  onTimeColour,
  receivedColour,
} from './chart-colours.ts';
import { CsvDownload } from './CsvDownload.tsx';

const numeric = { numeric: true };

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  scope: { color: tokens.colorNeutralForeground2, margin: 0 },
  summary: { margin: 0 },
  missing: { color: tokens.colorNeutralForeground2, margin: 0 },
});

type MakeCsv = () => Promise<PrintedDocument>;

function useCsv(figures: DashboardFigures, section: DashboardSection): MakeCsv {
  const api = useApi();
  const language = useLanguage();
  return () => api['dashboard.csv']({ from: figures.from, to: figures.to, section, language });
}

function NotAvailable({ title }: { title: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Section title={title}>
      {() => (
        <Text as="p" className={styles.missing}>
          {t('dashboard.notAvailable')}
        </Text>
      )}
    </Section>
  );
}

export function RevenueSection({ figures }: { figures: DashboardFigures }) {
  const { t } = useTranslation();
  const title = t('dashboard.revenue.heading');
  const revenue = figures.revenue;
  const csv = useCsv(figures, 'revenue');
  if (!revenue) return <NotAvailable title={title} />;
  return <RevenueBody title={title} revenue={revenue} csv={csv} />;
}

function RevenueBody({ title, revenue, csv }: { title: string; revenue: RevenueFigures; csv: MakeCsv }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const language = useLanguage();
  const money = (c: number) => formatMoney(c, language);
  const methods = paymentMethods
    .map((m) => `${t(`dashboard.methods.${m}`)} ${money(revenue.byMethod[m])}`)
    .join(', ');
  const days = revenue.byDay.map((d) => ({ date: d.date, total: d.netCents, ...d.byMethod }));
  type Day = (typeof days)[number];
  const day = columnsOf<Day>();
  const dayColumns: TableColumn<Day>[] = [
    day.accessor('date', {
      header: t('dashboard.revenue.date'),
      cell: (c) => formatDate(c.getValue(), language),
    }),
    ...paymentMethods.map((m) =>
      day.accessor(m, {
        header: t(`dashboard.methods.${m}`),
        cell: (c) => money(c.getValue()),
        meta: numeric,
      }),
    ),
    day.accessor('total', {
      header: t('dashboard.revenue.total'),
      cell: (c) => money(c.getValue()),
      meta: numeric,
    }),
  ];
  const methodRows = paymentMethods.map((m) => ({ method: m, cents: revenue.byMethod[m] }));
  const method = columnsOf<(typeof methodRows)[number]>();
  return (
    <Section title={title}>
      {(headingId) => (
        <div className={styles.body} data-section="revenue">
          <Text as="p" className={styles.scope}>
            {revenue.asOf
              ? t('dashboard.revenue.scope', { time: formatTimestamp(revenue.asOf, language) })
              : t('dashboard.revenue.scopeNever')}{' '}
            {revenue.provisionalCount
              ? t('dashboard.revenue.provisional', {
                  count: revenue.provisionalCount,
                  amount: money(revenue.provisionalCents),
                })
              : null}
          </Text>
          <Text as="p" className={styles.summary}>
            {t('dashboard.revenue.summary', {
              net: money(revenue.netCents),
              payments: formatCount(revenue.paymentCount, language),
              gross: money(revenue.grossCents),
              reversals: formatCount(revenue.reversalCount, language),
              reversed: money(revenue.reversedCents),
              methods,
            })}
          </Text>
          <BarsChart
            data={days}
            xKey="date"
            stacked
            label={t('dashboard.revenue.chartLabel')}
            series={paymentMethods.map((m) => ({
              key: m,
              label: t(`dashboard.methods.${m}`),
              colour: methodColour[m],
            }))}
            formatX={(d) => formatShortDay(d, language)}
            formatValue={money}
          />
          <DataTable
            labelledBy={`${headingId}-methods`}
            columns={[
              method.accessor('method', {
                header: t('dashboard.revenue.method'),
                cell: (c) => t(`dashboard.methods.${c.getValue()}`),
              }),
              method.accessor('cents', {
                header: t('dashboard.revenue.amount'),
                cell: (c) => money(c.getValue()),
                meta: numeric,
              }),
            ]}
            rows={methodRows}
            rowKey={(r) => r.method}
            empty=""
          />
          <span id={`${headingId}-methods`} hidden>
            {t('dashboard.revenue.byMethodTable')}
          </span>
          <ByDayDetails
            summary={t('dashboard.revenue.showByDay')}
            tableLabel={t('dashboard.revenue.byDayTable')}
            columns={dayColumns}
            rows={days}
            rowKey={(d) => d.date}
          />
          <CsvDownload section={title} make={csv} />
        </div>
      )}
    </Section>
  );
}

export function RenewalSection({ figures }: { figures: DashboardFigures }) {
  const { t } = useTranslation();
  const title = t('dashboard.renewals.heading');
  const csv = useCsv(figures, 'renewals');
  if (!figures.renewals) return <NotAvailable title={title} />;
  return <RenewalBody title={title} renewals={figures.renewals} csv={csv} />;
}

function RenewalBody({ title, renewals, csv }: { title: string; renewals: RenewalFigures; csv: MakeCsv }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const language = useLanguage();
  const count = (n: number) => formatCount(n, language);
  type Day = RenewalFigures['byDay'][number];
  const day = columnsOf<Day>();
  return (
    <Section title={title}>
      {() => (
        <div className={styles.body} data-section="renewals">
          <Text as="p" className={styles.scope}>
            {t('dashboard.renewals.scope')}
          </Text>
          <Text as="p" className={styles.summary}>
            {t('dashboard.renewals.summary', {
              total: count(renewals.total),
              onTime: count(renewals.onTime),
              late: count(renewals.late),
              waiting: count(renewals.waiting),
            })}{' '}
            {renewals.averageDaysLate !== null
              ? t('dashboard.renewals.averageLate', { days: formatCount(renewals.averageDaysLate, language) })
              : null}{' '}
            {t('dashboard.renewals.fees', {
              fees: formatMoney(renewals.feesCents, language),
              penalties: formatMoney(renewals.penaltiesCents, language),
            })}
          </Text>
          <BarsChart
            data={renewals.byDay}
            xKey="date"
            stacked
            label={t('dashboard.renewals.chartLabel')}
            series={[
              { key: 'onTime', label: t('dashboard.renewals.onTime'), colour: onTimeColour },
              { key: 'late', label: t('dashboard.renewals.late'), colour: lateColour },
            ]}
            formatX={(d) => formatShortDay(d, language)}
          />
          <ByDayDetails<Day>
            summary={t('dashboard.renewals.showByDay')}
            tableLabel={t('dashboard.renewals.byDayTable')}
            columns={[
              day.accessor('date', {
                header: t('dashboard.renewals.date'),
                cell: (c) => formatDate(c.getValue(), language),
              }),
              day.accessor('onTime', {
                header: t('dashboard.renewals.onTime'),
                cell: (c) => count(c.getValue()),
                meta: numeric,
              }),
              day.accessor('late', {
                header: t('dashboard.renewals.late'),
                cell: (c) => count(c.getValue()),
                meta: numeric,
              }),
            ]}
            rows={renewals.byDay}
            rowKey={(d) => d.date}
          />
          <CsvDownload section={title} make={csv} />
        </div>
      )}
    </Section>
  );
}

export function ApplicationSection({ figures }: { figures: DashboardFigures }) {
  const { t } = useTranslation();
  const title = t('dashboard.applications.heading');
  const csv = useCsv(figures, 'applications');
  if (!figures.applications) return <NotAvailable title={title} />;
  return <ApplicationBody title={title} applications={figures.applications} csv={csv} />;
}

function ApplicationBody({
  title,
  applications,
  csv,
}: {
  title: string;
  applications: ApplicationFigures;
  csv: MakeCsv;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const language = useLanguage();
  const count = (n: number) => formatCount(n, language);
  type Day = ApplicationFigures['byDay'][number];
  const day = columnsOf<Day>();
  return (
    <Section title={title}>
      {() => (
        <div className={styles.body} data-section="applications">
          <Text as="p" className={styles.scope}>
            {t('dashboard.applications.scope')}
          </Text>
          <Text as="p" className={styles.summary}>
            {t('dashboard.applications.summary', {
              received: count(applications.received),
              issued: count(applications.issued),
              withdrawn: count(applications.withdrawn),
            })}
          </Text>
          <BarsChart
            data={applications.byDay}
            xKey="date"
            label={t('dashboard.applications.chartLabel')}
            series={[
              { key: 'received', label: t('dashboard.applications.received'), colour: receivedColour },
              { key: 'issued', label: t('dashboard.applications.issued'), colour: issuedColour },
            ]}
            formatX={(d) => formatShortDay(d, language)}
          />
          <ByDayDetails<Day>
            summary={t('dashboard.applications.showByDay')}
            tableLabel={t('dashboard.applications.byDayTable')}
            columns={[
              day.accessor('date', {
                header: t('dashboard.applications.date'),
                cell: (c) => formatDate(c.getValue(), language),
              }),
              day.accessor('received', {
                header: t('dashboard.applications.received'),
                cell: (c) => count(c.getValue()),
                meta: numeric,
              }),
              day.accessor('issued', {
                header: t('dashboard.applications.issued'),
                cell: (c) => count(c.getValue()),
                meta: numeric,
              }),
            ]}
            rows={applications.byDay}
            rowKey={(d) => d.date}
          />
          <CsvDownload section={title} make={csv} />
        </div>
      )}
    </Section>
  );
}

export function BacklogSection({ figures }: { figures: DashboardFigures }) {
  const { t } = useTranslation();
  const title = t('dashboard.backlog.heading');
  const csv = useCsv(figures, 'backlog');
  if (!figures.backlog) return <NotAvailable title={title} />;
  return <BacklogBody title={title} backlog={figures.backlog} csv={csv} />;
}

function BacklogBody({ title, backlog, csv }: { title: string; backlog: BacklogFigures; csv: MakeCsv }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const language = useLanguage();
  const rows = backlog.buckets.map((b) => ({ ...b, label: t(`dashboard.backlog.buckets.${b.bucket}`) }));
  const bucket = columnsOf<(typeof rows)[number]>();
  return (
    <Section title={title}>
      {(headingId) => (
        <div className={styles.body} data-section="backlog">
          <Text as="p" className={styles.scope}>
            {t('dashboard.backlog.scope', { date: formatDate(backlog.asOf, language) })}
          </Text>
          <Text as="p" className={styles.summary}>
            {t('dashboard.backlog.summary', { count: backlog.open })}{' '}
            {backlog.oldestDays !== null
              ? t('dashboard.backlog.oldest', { days: formatCount(backlog.oldestDays, language) })
              : null}
          </Text>
          <BarsChart
            data={rows}
            xKey="label"
            label={t('dashboard.backlog.chartLabel')}
            series={[{ key: 'count', label: t('dashboard.backlog.count'), colour: backlogColour }]}
          />
          <span id={`${headingId}-table`} hidden>
            {t('dashboard.backlog.table')}
          </span>
          <DataTable
            labelledBy={`${headingId}-table`}
            columns={[
              bucket.accessor('label', { id: 'bucket', header: t('dashboard.backlog.bucket') }),
              bucket.accessor('count', {
                header: t('dashboard.backlog.count'),
                cell: (c) => formatCount(c.getValue(), language),
                meta: numeric,
              }),
            ]}
            rows={rows}
            rowKey={(r) => r.bucket}
            empty=""
          />
          <CsvDownload section={title} make={csv} />
        </div>
      )}
    </Section>
  );
}
