// A badge on a record with changes made on this desk that have not reached the legacy database:
// how many wait, and how many are parked in a conflict. Words, not only colour.
import { Badge, type BadgeProps, makeStyles, tokens } from '@fluentui/react-components';
import { CloudArrowUpRegular, WarningRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  row: { display: 'inline-flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
});

export function PendingBadge({
  waiting,
  inConflict = 0,
  size = 'small',
}: {
  waiting: number;
  inConflict?: number;
  size?: BadgeProps['size'];
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (waiting <= 0 && inConflict <= 0) return null;
  return (
    <span className={styles.row} data-pending={waiting} data-conflicts={inConflict}>
      {waiting > 0 ? (
        <Badge appearance="tint" shape="rounded" color="warning" size={size} icon={<CloudArrowUpRegular />}>
          {t('pending.waiting', { count: waiting })}
        </Badge>
      ) : null}
      {inConflict > 0 ? (
        <Badge appearance="tint" shape="rounded" color="danger" size={size} icon={<WarningRegular />}>
          {t('pending.inConflict', { count: inConflict })}
        </Badge>
      ) : null}
    </span>
  );
}
