// Businesses on file that may be the one being typed in: each says why it matched, and can be used
// for the application or dismissed as a different business (the dismissals go to the audit log).
import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { DismissRegular, CheckmarkRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { DuplicateSuggestion } from '../../../src-main/common/ops/application-ops.ts';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'center',
    justifyContent: 'space-between',
  },
  facts: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: '16rem' },
  name: { fontWeight: tokens.fontWeightSemibold },
  reasons: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXXS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS },
});

export function DuplicateSuggestions({
  suggestions,
  onUse,
  onDismiss,
}: {
  suggestions: DuplicateSuggestion[];
  onUse: (s: DuplicateSuggestion) => void;
  onDismiss: (s: DuplicateSuggestion) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={t('applications.suggestions')}>
      {suggestions.map((s) => (
        <li key={s.businessId} className={styles.item} data-suggestion={s.businessId}>
          <div className={styles.facts}>
            <Text className={styles.name}>
              {s.name}
              {s.dbaName ? ` (${s.dbaName})` : ''}
            </Text>
            <Text className={styles.muted}>
              {[s.addressLine, s.phone, s.taxId, s.ownerName].filter(Boolean).join(' · ') || '—'}
            </Text>
            <Text className={styles.muted}>
              {s.provisional
                ? t('applications.provisionalBusiness')
                : s.licenceIds.length
                  ? t('applications.licences', { list: s.licenceIds.join(', ') })
                  : t('applications.noLicences')}
            </Text>
            <div className={styles.reasons}>
              {s.reasons.map((r) => (
                <Badge key={r} appearance="tint" color={r === 'similar_name' ? 'informative' : 'warning'}>
                  {t(`applications.reason.${r}`, { percent: Math.round(s.nameSimilarity * 100) })}
                </Badge>
              ))}
            </div>
          </div>
          <div className={styles.actions}>
            <Button
              icon={<CheckmarkRegular />}
              aria-label={t('applications.useThisLabel', { name: s.name })}
              onClick={() => onUse(s)}
            >
              {t('applications.useThis')}
            </Button>
            <Button
              icon={<DismissRegular />}
              aria-label={t('applications.dismissLabel', { name: s.name })}
              onClick={() => onDismiss(s)}
            >
              {t('applications.dismiss')}
            </Button>
          </div>
        </li>
      ))}
    </ul>
  );
}
