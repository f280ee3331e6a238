// One licence: its business, terms, fees, payments and inspections, as the desk's cache holds it;
// the counter (renew, take payment); the changes to it that wait for the legacy database.
// Back (or Escape) returns to the search with the query and the highlighted result kept.
import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CounterSection } from '../components/CounterSection.tsx';
import { DateText } from '../components/DateText.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { LicenceFacts } from '../components/LicenceFacts.tsx';
import { LicenceHistory } from '../components/LicenceHistory.tsx';
import { LicencePaymentReversal } from '../components/drawer/LicencePaymentReversal.tsx';
import { LicenceStatusSection } from '../components/licence-status/LicenceStatusSection.tsx';
import { PendingBadge } from '../components/PendingBadge.tsx';
import { PendingNotice } from '../components/PendingNotice.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { text } from '../format.ts';
import { useDocumentTitle } from '../hooks.ts';
import { useLicence } from '../queries/index.ts';
import { backToSearch, licenceHref } from '../route.ts';
import { screenRoot, screenHeading } from '../styles/screen.ts';
import { shownId } from '../provisional-id.ts';

const useStyles = makeStyles({
  root: screenRoot,
  toolbar: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  refreshed: { marginInlineStart: 'auto', color: tokens.colorNeutralForeground3 },
  kbd: {
    marginInlineStart: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase100,
  },
  title: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  heading: screenHeading,
  business: { display: 'flex', flexDirection: 'column' },
  dba: { color: tokens.colorNeutralForeground3 },
});

export function LicenceScreen({ licenceId }: { licenceId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const query = useLicence(licenceId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const detail = query.data;
  useDocumentTitle(t('app.titleLicence', { id: licenceId }));

  // A licence opened under its provisional id that the legacy system has numbered since: the page
  // moves to the legacy number (replacing the history entry, so Back does not return to the old id).
  const currentId = detail?.licence.id;
  useEffect(() => {
    if (currentId && currentId !== licenceId && licenceId.startsWith('local:'))
      window.location.replace(licenceHref(currentId));
  }, [currentId, licenceId]);

  // Move focus to the page's heading when the licence arrives, so screen readers start there.
  const loaded = Boolean(detail);
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      backToSearch();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const dba = detail?.business.dbaName?.trim();
  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        <Button icon={<ArrowLeftRegular />} onClick={backToSearch} aria-keyshortcuts="Escape">
          {t('licence.back')}
          <span className={styles.kbd} aria-hidden="true">
            {t('licence.backHint')}
          </span>
        </Button>
        {detail ? (
          <Text className={styles.refreshed}>
            {t('licence.lastRefreshed')} <DateText iso={detail.refreshedAt} withTime />
          </Text>
        ) : null}
      </div>

      {detail ? (
        <>
          <div className={styles.title}>
            <h1 ref={headingRef} tabIndex={-1} className={styles.heading}>
              {t('licence.heading', { id: shownId(detail.licence.id) })}
            </h1>
            <StatusBadge status={detail.licence.status} size="large" />
            <PendingBadge
              size="large"
              waiting={detail.pendingOperations.filter((o) => o.status === 'pending').length}
              inConflict={detail.pendingOperations.filter((o) => o.status === 'conflict').length}
            />
          </div>
          <div className={styles.business}>
            <Text size={500}>{text(detail.business.name)}</Text>
            {dba ? <Text className={styles.dba}>{t('search.dba', { name: dba })}</Text> : null}
          </div>
          <PendingNotice operations={detail.pendingOperations} />
          <LicenceFacts detail={detail} />
          <CounterSection detail={detail} readAt={query.dataUpdatedAt} />
          <LicenceStatusSection detail={detail} />
          <LicenceHistory detail={detail} />
          <LicencePaymentReversal detail={detail} />
        </>
      ) : query.isError ? (
        <>
          <h1 ref={headingRef} tabIndex={-1} className={styles.heading}>
            {t('licence.heading', { id: licenceId })}
          </h1>
          <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
        </>
      ) : (
        <Spinner label={t('licence.loading', { id: licenceId })} />
      )}
    </div>
  );
}
