// The bar at the foot of every screen: whether the legacy system is reachable (or offline since
// when), the changes waiting for it, the conflicts waiting for a person, what the desk is doing,
// what its cache holds and when it last refreshed, and a button to sync now.
import { Button, Link, makeStyles, mergeClasses, Spinner, tokens } from '@fluentui/react-components';
import {
  ArrowSyncRegular,
  CheckmarkCircleRegular,
  CloudOffRegular,
  PlugConnectedRegular,
  QuestionCircleRegular,
  WarningRegular,
} from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskStatus } from '../../src-main/common/contract.ts';
import { errorSentence } from '../error-text.ts';
import { formatClock, formatCount } from '../format.ts';
import { useLanguage } from '../hooks.ts';
import { useDeskStatus, useReloadWhenDeskMoves, useSyncNow } from '../queries/index.ts';
import { conflictsHref } from '../route.ts';
import { SyncDetails } from './SyncDetails.tsx';

const useStyles = makeStyles({
  root: {
    flexShrink: 0,
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    flexWrap: 'wrap',
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    paddingInline: tokens.spacingHorizontalL,
    paddingBlock: tokens.spacingVerticalXXS,
  },
  status: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  item: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  end: {
    marginInlineStart: 'auto',
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  sep: { color: tokens.colorNeutralForeground4 },
  online: { color: tokens.colorPaletteGreenForeground1 },
  offline: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  pending: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  conflicts: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  syncButton: { minWidth: 'auto' },
});

const Sep = ({ className }: { className: string }) => (
  <span className={className} aria-hidden="true">
    |
  </span>
);

function Connection({ status }: { status: DeskStatus }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const { state, since } = status.connection;
  if (state === 'online')
    return (
      <span className={mergeClasses(styles.item, styles.online)} data-connection="online">
        <PlugConnectedRegular aria-hidden="true" />
        {t('statusBar.online')}
      </span>
    );
  if (state === 'offline')
    return (
      <span className={mergeClasses(styles.item, styles.offline)} data-connection="offline">
        <CloudOffRegular aria-hidden="true" />
        {since ? t('statusBar.offlineSince', { time: formatClock(since, language) }) : t('statusBar.offline')}
      </span>
    );
  return (
    <span className={styles.item} data-connection="unknown">
      <QuestionCircleRegular aria-hidden="true" />
      {t('statusBar.linkUnknown')}
    </span>
  );
}

/** Sending / refreshing / synced: "synced" only when online and nothing waits. */
function Activity({ status }: { status: DeskStatus }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (status.sync.busy !== 'idle')
    return (
      <span className={styles.item} data-sync={status.sync.busy}>
        <Spinner size="extra-tiny" aria-hidden="true" />
        {t(status.sync.busy === 'pushing' ? 'statusBar.pushing' : 'statusBar.refreshing')}
      </span>
    );
  if (status.connection.state === 'online' && status.pendingChanges === 0)
    return (
      <span className={styles.item} data-sync="synced">
        <CheckmarkCircleRegular aria-hidden="true" />
        {t('statusBar.synced')}
      </span>
    );
  return null;
}

export function StatusBar() {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const status = useDeskStatus();
  const sync = useSyncNow();
  useReloadWhenDeskMoves();
  const data = status.data;

  let live: ReactNode;
  if (data) {
    live = (
      <>
        <Connection status={data} />
        {data.pendingChanges > 0 ? (
          <>
            <Sep className={styles.sep} />
            <span className={styles.pending}>{t('statusBar.pending', { count: data.pendingChanges })}</span>
          </>
        ) : null}
        <Activity status={data} />
        {sync.data && (sync.data.message || sync.data.push.stoppedBy) && !sync.isPending ? (
          <span className={mergeClasses(styles.item, styles.error)} title={sync.data.message ?? undefined}>
            <WarningRegular aria-hidden="true" />
            {t('statusBar.syncIncomplete')}
          </span>
        ) : null}
        {sync.isError ? <span className={styles.error}>{errorSentence(sync.error, t, language)}</span> : null}
      </>
    );
  } else if (status.isError) {
    live = (
      <span className={styles.error}>
        {t('statusBar.unavailable')}: {errorSentence(status.error, t, language)}
      </span>
    );
  } else {
    live = <span>{t('statusBar.loading')}</span>;
  }

  return (
    <footer className={styles.root}>
      {/* Only the changing words are a live region; the link and buttons sit beside it. */}
      <div role="status" aria-label={t('statusBar.label')} className={styles.status}>
        {live}
      </div>
      {data && data.openConflicts > 0 ? (
        <Link href={conflictsHref()} className={mergeClasses(styles.item, styles.conflicts)}>
          <WarningRegular aria-hidden="true" />
          {t('statusBar.conflicts', { count: data.openConflicts })}
        </Link>
      ) : null}
      {data ? (
        <div className={styles.end}>
          <span>
            {t('statusBar.counts', {
              licences: formatCount(data.licences, language),
              businesses: formatCount(data.businesses, language),
            })}
          </span>
          <Sep className={styles.sep} />
          <SyncDetails status={data} />
          <Button
            size="small"
            className={styles.syncButton}
            icon={sync.isPending ? <Spinner size="extra-tiny" /> : <ArrowSyncRegular />}
            disabledFocusable={sync.isPending}
            onClick={() => sync.mutate()}
          >
            {sync.isPending ? t('statusBar.syncing') : t('statusBar.syncNow')}
          </Button>
        </div>
      ) : null}
    </footer>
  );
}
