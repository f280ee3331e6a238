// The bar at the foot of every screen: what this desk's cache holds and when it last refreshed.
import { makeStyles, tokens } from '@fluentui/react-components';
import { DatabaseRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorKey } from '../error-text.ts';
import { formatCount } from '../format.ts';
import { useLanguage } from '../hooks.ts';
import { useDeskStatus } from '../queries.ts';
import { DateText } from './DateText.tsx';

const useStyles = makeStyles({
  root: {
    flexShrink: 0,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    paddingInline: tokens.spacingHorizontalL,
    paddingBlock: tokens.spacingVerticalXS,
  },
  status: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  sep: { color: tokens.colorNeutralStroke1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  pending: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function StatusBar() {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const status = useDeskStatus();
  const data = status.data;

  let body: ReactNode;
  if (data) {
    body = (
      <>
        <span>
          {t('statusBar.counts', {
            licences: formatCount(data.licences, language),
            businesses: formatCount(data.businesses, language),
          })}
        </span>
        <span className={styles.sep} aria-hidden="true">
          |
        </span>
        <span>
          {data.lastRefreshedAt ? (
            <>
              {t('statusBar.lastRefresh')} <DateText iso={data.lastRefreshedAt} withTime />
            </>
          ) : (
            t('statusBar.neverRefreshed')
          )}
        </span>
        {data.pendingChanges > 0 && (
          <>
            <span className={styles.sep} aria-hidden="true">
              |
            </span>
            <span className={styles.pending}>{t('statusBar.pending', { count: data.pendingChanges })}</span>
          </>
        )}
      </>
    );
  } else if (status.isError) {
    body = (
      <span className={styles.error}>
        {t('statusBar.unavailable')}: {t(errorKey(status.error))}
      </span>
    );
  } else {
    body = <span>{t('statusBar.loading')}</span>;
  }

  return (
    <footer className={styles.root}>
      <div role="status" aria-label={t('statusBar.label')} className={styles.status}>
        <DatabaseRegular aria-hidden="true" />
        {body}
      </div>
    </footer>
  );
}
