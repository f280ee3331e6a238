// The dashboard's headline numbers, one card each, with where each comes from (all desks or this
// desk). A source this desk does not have yet shows as not available, never as zero.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

export interface Figure {
  key: string;
  label: string;
  /** The formatted value, or null: not available on this desk yet. */
  value: string | null;
  scope: 'city' | 'desk';
}

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
  },
  value: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
  },
  missing: { color: tokens.colorNeutralForeground2 },
  scope: { color: tokens.colorNeutralForeground2 },
});

export function FigureCards({ figures }: { figures: Figure[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={t('dashboard.cards.label')}>
      {figures.map((f) => (
        <li key={f.key} className={styles.card} data-figure={f.key}>
          <Text weight="semibold">{f.label}</Text>
          {f.value === null ? (
            <Text className={styles.missing}>{t('dashboard.notAvailable')}</Text>
          ) : (
            <span className={styles.value}>{f.value}</span>
          )}
          <Text size={200} className={styles.scope}>
            {f.scope === 'city' ? t('dashboard.cards.allDesks') : t('dashboard.cards.thisDesk')}
          </Text>
        </li>
      ))}
    </ul>
  );
}
