// What happened to a change, as a badge with words: changed elsewhere, record gone, needs checking.
import { Badge, type BadgeProps } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../src-main/common/sync-model.ts';

const colours: Record<Conflict['kind'], NonNullable<BadgeProps['color']>> = {
  changed: 'warning',
  gone: 'danger',
  in_doubt: 'informative',
  refused: 'severe',
  invalid: 'severe',
};

export function ConflictKindBadge({ kind }: { kind: Conflict['kind'] }) {
  const { t } = useTranslation();
  return (
    <Badge appearance="tint" shape="rounded" color={colours[kind]}>
      {t(`conflicts.kind.${kind}`)}
    </Badge>
  );
}
