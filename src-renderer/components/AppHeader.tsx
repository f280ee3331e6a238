// The top bar: product name, which legacy system this desk is bridged to, the keyboard-shortcut
// help, and the language.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { BuildingGovernmentFilled } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useDeskStatus } from '../queries/index.ts';
import { HeaderNav } from './HeaderNav.tsx';
import { HelpOverlay } from './HelpOverlay.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

const useStyles = makeStyles({
  // Two rows: who and where on top, the screens below, so a dozen links never squeeze the desk's facts.
  root: {
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    flexShrink: 0,
  },
  top: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXXL,
    paddingInline: tokens.spacingHorizontalL,
    paddingBlock: tokens.spacingVerticalXS,
  },
  navRow: {
    paddingInline: tokens.spacingHorizontalL,
    paddingBlock: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorBrandBackgroundPressed,
  },
  product: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  icon: { fontSize: '24px' },
  name: { color: 'inherit' },
  desk: {
    display: 'flex',
    columnGap: tokens.spacingHorizontalL,
    margin: 0,
    marginInlineEnd: 'auto',
    fontSize: tokens.fontSizeBase200,
  },
  deskItem: { display: 'flex', columnGap: tokens.spacingHorizontalXS },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

export function AppHeader() {
  const { t } = useTranslation();
  const styles = useStyles();
  const status = useDeskStatus();
  const notConfigured = t('header.notConfigured');
  return (
    <header className={styles.root}>
      <div className={styles.top}>
        <div className={styles.product}>
          <BuildingGovernmentFilled className={styles.icon} aria-hidden="true" />
          <Text as="span" size={500} weight="semibold" className={styles.name}>
            {t('app.name')}
          </Text>
        </div>
        <dl className={styles.desk} aria-label={t('header.desk')}>
          {status.data ? (
            <>
              <div className={styles.deskItem}>
                <dt>{t('header.bridge')}:</dt>
                <dd className={styles.value}>{status.data.bridge ?? notConfigured}</dd>
              </div>
              <div className={styles.deskItem}>
                <dt>{t('header.engine')}:</dt>
                <dd className={styles.value}>{status.data.legacyEngine ?? notConfigured}</dd>
              </div>
              <div className={styles.deskItem}>
                <dt>{t('header.user')}:</dt>
                <dd className={styles.value}>
                  {status.data.actor} ({status.data.role ? t(`role.${status.data.role}`) : t('header.noRole')}
                  )
                </dd>
              </div>
            </>
          ) : null}
        </dl>
        <HelpOverlay />
        <LanguageSwitcher />
      </div>
      <div className={styles.navRow}>
        <HeaderNav />
      </div>
    </header>
  );
}
