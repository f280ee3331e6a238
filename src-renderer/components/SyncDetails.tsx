// "Last refresh …" in the status bar opens the details: the link to the legacy system (last and
// next check, why it failed), the last push, and the last refresh of each kind of record.
import {
  Button,
  makeStyles,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  tokens,
  useId,
} from '@fluentui/react-components';
import { HistoryRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { DeskStatus } from '../../src-main/common/contract.ts';
import { formatCount, MISSING } from '../format.ts';
import { useLanguage } from '../hooks.ts';
import { DateText } from './DateText.tsx';
import { FactList } from './FactList.tsx';
import { columnsOf, DataTable } from './table/DataTable.tsx';

const dataset = columnsOf<DeskStatus['datasets'][number]>();

const useStyles = makeStyles({
  trigger: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular, minWidth: 'auto' },
  surface: { maxWidth: '36rem', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function SyncDetails({ status }: { status: DeskStatus }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const headingId = useId('sync-details');
  const datasetsId = useId('datasets');
  const { connection, sync } = status;
  const linkState =
    connection.state === 'online'
      ? t('statusBar.online')
      : connection.state === 'offline'
        ? t('statusBar.offline')
        : t('statusBar.linkUnknown');

  return (
    <Popover withArrow positioning="above-end">
      <PopoverTrigger disableButtonEnhancement>
        <Button appearance="subtle" size="small" className={styles.trigger} icon={<HistoryRegular />}>
          {status.lastRefreshedAt ? (
            // one span: the button lays out its children as flex items, which drops a bare space
            <span>
              {t('statusBar.lastRefresh')} <DateText iso={status.lastRefreshedAt} withTime />
            </span>
          ) : (
            t('statusBar.neverRefreshed')
          )}
        </Button>
      </PopoverTrigger>
      <PopoverSurface aria-labelledby={headingId} className={styles.surface}>
        <h2 id={headingId} className={styles.heading}>
          {t('statusBar.details')}
        </h2>
        <FactList
          facts={[
            {
              key: 'link',
              label: t('statusBar.connection'),
              value: connection.message ? `${linkState}: ${connection.message}` : linkState,
            },
            {
              key: 'checked',
              label: t('statusBar.lastChecked'),
              value: <DateText iso={connection.lastCheckedAt} withTime />,
            },
            ...(connection.nextCheckAt
              ? [
                  {
                    key: 'next',
                    label: t('statusBar.nextCheck'),
                    value: <DateText iso={connection.nextCheckAt} withTime />,
                  },
                ]
              : []),
            {
              key: 'push',
              label: t('statusBar.lastPush'),
              value: <DateText iso={sync.lastPushAt} withTime />,
            },
            ...(sync.lastPushError
              ? [
                  {
                    key: 'pushError',
                    label: t('statusBar.lastPushError'),
                    value: <span className={styles.error}>{sync.lastPushError}</span>,
                  },
                ]
              : []),
          ]}
        />
        <h3 id={datasetsId} className={styles.heading}>
          {t('statusBar.datasets')}
        </h3>
        <DataTable
          size="extra-small"
          labelledBy={datasetsId}
          columns={[
            dataset.accessor('dataset', {
              header: t('statusBar.dataset'),
              cell: (c) => t(`datasets.${c.getValue()}`, { defaultValue: c.getValue() }),
            }),
            dataset.accessor('rows', {
              header: t('statusBar.rows'),
              cell: (c) => formatCount(c.getValue(), language),
              meta: { numeric: true },
            }),
            dataset.display({
              id: 'refreshedAt',
              header: t('statusBar.refreshedAt'),
              cell: ({ row: { original: d } }) =>
                d.lastError ? (
                  <span className={styles.error}>
                    {t('statusBar.failed')}: {d.lastError}
                  </span>
                ) : d.lastRefreshedAt ? (
                  <DateText iso={d.lastRefreshedAt} withTime />
                ) : (
                  MISSING
                ),
            }),
          ]}
          rows={status.datasets}
          rowKey={(d) => d.dataset}
        />
      </PopoverSurface>
    </Popover>
  );
}
