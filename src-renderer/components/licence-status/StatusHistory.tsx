// The status changes made at this desk to the licence: when, who, from and to, the reason (kept
// only on the desk: the legacy schema has no place for it) and whether it reached the legacy system.
import { makeStyles, tokens, useId } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { LicenceDetail, OpOutput } from '../../../src-main/common/contract.ts';
import { formatTimestamp } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { useStatusHistory } from '../../queries/index.ts';
import { columnsOf, DataTable } from '../table/DataTable.tsx';

const useStyles = makeStyles({
  root: { alignSelf: 'stretch' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

type Change = OpOutput<'licences.statusHistory'>['changes'][number];
const column = columnsOf<Change>();

export function StatusHistory({ detail }: { detail: LicenceDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const id = useId('status-history');
  const history = useStatusHistory(detail.licence.id);
  // Read again whenever the licence is (a change sent, a refresh): its state follows.
  const waiting = detail.pendingOperations.length;
  const { refetch } = history;
  useEffect(() => {
    void refetch();
  }, [detail.refreshedAt, detail.licence.status, waiting, refetch]);
  return (
    <div className={styles.root}>
      <h4 id={id} className={styles.heading}>
        {t('licenceActions.historyHeading')}
      </h4>
      <DataTable<Change>
        labelledBy={id}
        rows={history.data?.changes ?? []}
        rowKey={(c) => c.operationId || c.at}
        empty={t('licenceActions.historyEmpty')}
        columns={[
          column.accessor('at', {
            header: t('licenceActions.colWhen'),
            cell: (c) => formatTimestamp(c.getValue(), language),
          }),
          column.display({
            id: 'change',
            header: t('licenceActions.colChange'),
            cell: ({ row: { original: c } }) => `${t(`status.${c.from}`)} → ${t(`status.${c.to}`)}`,
          }),
          column.accessor('reason', { header: t('licenceActions.reason') }),
          column.accessor('actor', { header: t('licenceActions.colBy') }),
          column.accessor('state', {
            header: t('licenceActions.colState'),
            cell: (c) => t(`licenceActions.state.${c.getValue()}`),
          }),
        ]}
      />
    </div>
  );
}
