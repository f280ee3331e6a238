// The header's way to the other screens: the search, and the conflicts (with how many are open,
// so a conflict is never more than one step away whatever the screen).
import { CounterBadge, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useDeskStatus } from '../queries/index.ts';
import { useVerifyShortcut, verifyHref } from './licence-status/useVerifyShortcut.ts';
import { applicationHref, conflictsHref, inspectionHref } from '../route.ts';
import { useMayDo } from '../may-do.ts';

const useStyles = makeStyles({
  nav: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalL },
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXL,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  item: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  // Text on the brand-coloured header: the on-brand colour in every state.
  link: {
    whiteSpace: 'nowrap',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active': { color: tokens.colorNeutralForegroundOnBrand },
  },
});

export function HeaderNav() {
  useVerifyShortcut();
  const { t } = useTranslation();
  const styles = useStyles();
  const status = useDeskStatus().data;
  const open = status?.openConflicts ?? 0;
  // The dashboard is a supervisor's (the desk's service refuses anyone else anyway).
  const seesDashboard = status?.role === 'supervisor' || status?.role === 'admin';
  // The inspector's day is for those who may record results (the service checks it again).
  const inspects = useMayDo('inspection.record');
  return (
    <nav className={styles.nav} aria-label={t('header.nav')}>
      <ul className={styles.list}>
        <li className={styles.item}>
          <Link className={styles.link} href="#/">
            {t('header.search')}
          </Link>
        </li>
        <li className={styles.item}>
          <Link className={styles.link} href="#/renewals">
            {t('fees.queue.title')}
          </Link>
        </li>
        <li className={styles.item}>
          <Link className={styles.link} href="#/drawer">
            {t('drawer.nav')}
          </Link>
        </li>
        <li className={styles.item}>
          <Link className={styles.link} href={conflictsHref()}>
            {t('header.conflicts')}
          </Link>
          {open > 0 ? (
            <CounterBadge
              count={open}
              color="danger"
              size="small"
              aria-label={t('statusBar.conflicts', { count: open })}
            />
          ) : null}
        </li>
        <li className={styles.item}>
          <Link className={styles.link} href={verifyHref} aria-keyshortcuts="V">
            {t('licenceActions.verifyLink')}
          </Link>
        </li>
        <li className={styles.item}>
          <Link className={styles.link} href={applicationHref()}>
            {t('applications.nav')}
          </Link>
        </li>
        {inspects ? (
          <li className={styles.item}>
            <Link className={styles.link} href={inspectionHref()}>
              {t('inspections.nav')}
            </Link>
          </li>
        ) : null}
        {seesDashboard ? (
          <li className={styles.item}>
            <Link className={styles.link} href="#/dashboard">
              {t('dashboard.navLink')}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
