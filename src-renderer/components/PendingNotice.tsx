// On a licence page or an inspection visit: the changes to it that have not reached the legacy
// database, and the ones parked in a conflict (with the way to the conflicts screen).
import { Link, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { PendingOperation } from '../../src-main/common/sync-model.ts';
import { conflictsHref } from '../route.ts';

export function PendingNotice({
  operations: ops,
  summaryKey = 'pending.summaryWaiting',
}: {
  operations: readonly PendingOperation[];
  /** How the waiting changes are counted ("…to this licence", "…to this visit"). */
  summaryKey?: 'pending.summaryWaiting' | 'inspections.pendingSummary';
}) {
  const { t } = useTranslation();
  const waiting = ops.filter((o) => o.status === 'pending').length;
  const inConflict = ops.filter((o) => o.status === 'conflict').length;
  const inDoubt = ops.some((o) => o.inDoubt);
  if (waiting === 0 && inConflict === 0) return null;
  return (
    <MessageBar intent={inConflict > 0 ? 'warning' : 'info'} layout="multiline" data-pending-notice="">
      <MessageBarBody>
        {waiting > 0 ? <div>{t(summaryKey, { count: waiting })}</div> : null}
        {inConflict > 0 ? (
          <div>
            {t('pending.summaryConflict', { count: inConflict })}{' '}
            <Link href={conflictsHref()} inline>
              {t('pending.openConflicts')}
            </Link>
          </div>
        ) : null}
        {inDoubt ? <div>{t('pending.inDoubt')}</div> : null}
      </MessageBarBody>
    </MessageBar>
  );
}
