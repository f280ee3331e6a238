// "Renew…": the renewal fee as the fee engine computes it today (every line, FeeBreakdown) and
// anything that blocks the renewal, shown on the screen and again in the confirmation with the
// current and the new expiry date, then licences.renew. The desk checks everything again when it
// records the renewal (it refuses in the same words); the message afterwards shows the date it
// recorded.
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { CalendarArrowRightRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LicenceDetail, OpOutput } from '../../src-main/common/contract.ts';
import { renewableStatuses } from '../../src-main/common/licence-rules.ts';
import { formatDate, formatMoney } from '../format.ts';
import { hasLeft } from '../change-settled.ts';
import { useLanguage } from '../hooks.ts';
import { useFeeQuote, useRenewLicence } from '../queries/index.ts';
import { DateText } from './DateText.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { FactList } from './FactList.tsx';
import { FeeBreakdown } from './FeeBreakdown.tsx';
import { ConfirmDialog } from './layout/ConfirmDialog.tsx';
import { useStackStyles } from './layout/stack-styles.ts';

/** `readAt`: when `detail` was read from the desk. */
export function RenewAction({ detail, readAt }: { detail: LicenceDetail; readAt: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const stack = useStackStyles();
  const renew = useRenewLicence();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<(OpOutput<'licences.renew'> & { at: number }) | null>(null);
  const { licence } = detail;
  const renewable = (renewableStatuses as readonly string[]).includes(licence.status);
  const quote = useFeeQuote(licence.id);
  const check = quote.data;
  const blocked = check ? !check.ok : false;
  const waiting = detail.pendingOperations.find((o) => o.operationId === done?.operationId);
  const reached = hasLeft(done?.at ?? null, readAt, Boolean(waiting));

  const confirm = () => {
    renew.mutate(licence.id, {
      onSuccess: (result) => {
        setDone({ ...result, at: Date.now() });
        setOpen(false);
        void quote.refetch();
      },
    });
  };

  return (
    <div className={stack.tight}>
      {renewable ? (
        <>
          <Text className={stack.hint}>{t('counter.renewHint')}</Text>
          {check ? (
            <FeeBreakdown check={check} />
          ) : quote.isError ? (
            <ErrorMessage error={quote.error} />
          ) : (
            <Text className={stack.hint}>{t('fees.loading')}</Text>
          )}
          <ConfirmDialog
            open={open}
            onOpenChange={(next) => {
              setOpen(next);
              if (next) renew.reset();
            }}
            trigger={
              <Button appearance="primary" icon={<CalendarArrowRightRegular />}>
                {t('counter.renew')}
              </Button>
            }
            title={t('counter.renewTitle', { id: licence.id })}
            confirmLabel={renew.isPending ? t('counter.renewing') : t('counter.renewConfirm')}
            onConfirm={confirm}
            confirmDisabled={renew.isPending || !check || blocked}
            cancelLabel={t('counter.cancel')}
          >
            <FactList
              facts={[
                {
                  key: 'current',
                  label: t('counter.currentExpiry'),
                  value: <DateText iso={licence.expiresOn} />,
                },
                {
                  key: 'new',
                  label: t('counter.newExpiry'),
                  value: <DateText iso={check?.newExpiresOn ?? null} />,
                },
                {
                  key: 'fee',
                  label: t('fees.total'),
                  value: formatMoney(check?.quote?.totalCents ?? null, language),
                },
              ]}
            />
            {check ? <FeeBreakdown check={check} /> : null}
            <Text>{t('counter.keptOnDesk')}</Text>
            {renew.isError ? <ErrorMessage error={renew.error} /> : null}
          </ConfirmDialog>
        </>
      ) : (
        <Text className={stack.hint}>
          {t('counter.notRenewable', { status: t(`status.${licence.status}`).toLowerCase() })}
        </Text>
      )}
      <div role="status" className={stack.fullWidth}>
        {done ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {t('counter.renewed', { id: done.licenceId, date: formatDate(done.newExpiresOn, language) })}{' '}
              {waiting?.status === 'conflict'
                ? t('counter.renewConflict')
                : reached
                  ? t('counter.renewReached')
                  : t('counter.keptOnDesk')}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    </div>
  );
}
