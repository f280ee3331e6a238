// The day's visits in the route order the desk gave them (one DataTable): where, when, what kind,
// its status with an overdue mark and what waits for the legacy system, and how many violations
// are still open at the site. The visit number is a link, so Enter or a click opens the visit.
import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../src-main/common/ops/inspection-ops.ts';
import { formatDate, text } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { shownId } from '../../provisional-id.ts';
import { inspectionHref, licenceHref } from '../../route.ts';
import { PendingBadge } from '../PendingBadge.tsx';
import { columnsOf, DataTable, type TableColumn } from '../table/DataTable.tsx';
import { windowText } from './inspection-text.ts';

const column = columnsOf<Visit>();

const useStyles = makeStyles({
  mono: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  status: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalXXS,
  },
  badge: { whiteSpace: 'nowrap' },
  none: { color: tokens.colorNeutralForeground3 },
  open: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function VisitTable({ visits, labelledBy }: { visits: readonly Visit[]; labelledBy: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const columns: TableColumn<Visit>[] = [
    column.display({
      id: 'stop',
      header: t('inspections.day.colStop'),
      cell: (c) => c.row.index + 1,
      meta: { width: '4rem' },
    }),
    column.display({
      id: 'visit',
      meta: { width: '6rem' },
      header: t('inspections.day.colVisit'),
      cell: ({ row: { original: v } }) => (
        <Link
          href={inspectionHref(v.inspection.id)}
          className={styles.mono}
          aria-label={t('inspections.day.openVisit', { id: shownId(v.inspection.id) })}
        >
          {shownId(v.inspection.id)}
        </Link>
      ),
    }),
    column.display({
      id: 'window',
      meta: { width: '8rem' },
      header: t('inspections.day.colWindow'),
      cell: ({ row: { original: v } }) => windowText(v.inspection, t),
    }),
    column.accessor('businessName', {
      header: t('inspections.day.colBusiness'),
      cell: (c) => c.getValue() ?? <span className={styles.none}>{t('inspections.noLicence')}</span>,
    }),
    column.display({
      id: 'licence',
      meta: { width: '8rem' },
      header: t('inspections.day.colLicence'),
      cell: ({ row: { original: v } }) =>
        v.inspection.licenceId ? (
          <Link href={licenceHref(v.inspection.licenceId)}>{v.inspection.licenceId}</Link>
        ) : (
          text(null)
        ),
    }),
    column.accessor('site', { header: t('inspections.day.colSite'), cell: (c) => text(c.getValue()) }),
    column.display({
      id: 'kind',
      meta: { width: '5rem' },
      header: t('inspections.day.colKind'),
      cell: ({ row: { original: v } }) => v.inspection.kind,
    }),
    column.display({
      id: 'status',
      header: t('inspections.day.colStatus'),
      cell: ({ row: { original: v } }) => (
        <span className={styles.status}>
          {t(`inspections.status.${v.inspection.status}`)}
          <PendingBadge waiting={v.pendingChanges} />
          {v.overdue ? (
            <Badge appearance="tint" color="danger" shape="rounded" className={styles.badge} data-overdue="">
              {t('inspections.overdueSince', { date: formatDate(v.inspection.scheduledOn, language) })}
            </Badge>
          ) : null}
        </span>
      ),
    }),
    column.accessor('openViolations', {
      header: t('inspections.day.colOpen'),
      cell: (c) => <span className={c.getValue() > 0 ? styles.open : undefined}>{c.getValue()}</span>,
      meta: { numeric: true, width: '9rem' },
    }),
  ];
  return (
    <DataTable
      labelledBy={labelledBy}
      columns={columns}
      rows={visits}
      rowKey={(v) => v.inspection.id}
      rowAttributes={(v) => ({ 'data-visit': v.inspection.id })}
      empty={t('inspections.day.empty')}
    />
  );
}
