// The status changes made at this desk to the licence: when, who, from and to, the reason (kept
// only on the desk: the legacy schema has no place for it) and whether it reached the legacy system.
import { makeStyles, tokens, useId } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { LicenceDetail, OpOutput } from '../../../src-main/common/contract.ts';
import { formatTimestamp } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { useStatusHistory } from '../../status-queries.ts';
import { SimpleTable } from '../SimpleTable.tsx';

const useStyles = makeStyles({
  root: { alignSelf: 'stretch' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

type Change = OpOutput<'licences.statusHistory'>['changes'][number];

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
      <SimpleTable<Change>
        labelledBy={id}
        rows={history.data?.changes ?? []}
        rowKey={(c) => c.operationId || c.at}
        empty={t('licenceActions.historyEmpty')}
        columns={[
          { key: 'at', label: t('licenceActions.colWhen'), render: (c) => formatTimestamp(c.at, language) },
          {
            key: 'change',
            label: t('licenceActions.colChange'),
            render: (c) => `${t(`status.${c.from}`)} → ${t(`status.${c.to}`)}`,
          },
          { key: 'reason', label: t('licenceActions.reason'), render: (c) => c.reason },
          { key: 'by', label: t('licenceActions.colBy'), render: (c) => c.actor },
          {
            key: 'state',
            label: t('licenceActions.colState'),
            render: (c) => t(`licenceActions.state.${c.state}`),
          },
        ]}
      />
    </div>
  );
}
