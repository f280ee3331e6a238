// A licence status as a coloured badge with its translated word (colour is never the only cue).
import { Badge, type BadgeProps } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { LicenceStatus } from '../../src-main/common/model.ts';

const colours: Record<LicenceStatus, NonNullable<BadgeProps['color']>> = {
  active: 'success',
  expired: 'danger',
  suspended: 'warning',
  closed: 'subtle',
  revoked: 'severe',
  unknown: 'informative',
};

export function StatusBadge({
  status,
  size = 'medium',
}: {
  status: LicenceStatus;
  size?: BadgeProps['size'];
}) {
  const { t } = useTranslation();
  return (
    <Badge appearance="tint" shape="rounded" color={colours[status]} size={size}>
      {t(`status.${status}`)}
    </Badge>
  );
}
