// "Renew…": a confirmation that shows the current and the new expiry date, then licences.renew.
// The new date shown first is this screen's own reckoning (the same rule as the desk's); the
// message afterwards shows the date the desk actually recorded.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CalendarArrowRightRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LicenceDetail, OpOutput } from '../../src-main/common/contract.ts';
import { renewableStatuses, renewalExpiry } from '../../src-main/common/licence-rules.ts';
import { formatDate, formatMoney } from '../format.ts';
import { hasLeft } from '../change-settled.ts';
import { useLanguage } from '../hooks.ts';
import { useRenewLicence } from '../queries.ts';
import { DateText } from './DateText.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { FactList } from './FactList.tsx';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    alignItems: 'flex-start',
  },
  hint: { color: tokens.colorNeutralForeground3 },
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  result: { alignSelf: 'stretch' },
});

/** Today on this computer's calendar, as YYYY-MM-DD. */
function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `readAt`: when `detail` was read from the desk. */
export function RenewAction({ detail, readAt }: { detail: LicenceDetail; readAt: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const renew = useRenewLicence();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<(OpOutput<'licences.renew'> & { at: number }) | null>(null);
  const { licence, licenceType } = detail;
  const renewable = (renewableStatuses as readonly string[]).includes(licence.status);
  const proposed = renewalExpiry(licence.expiresOn, localToday(), licenceType?.termMonths ?? null);
  const waiting = detail.pendingOperations.find((o) => o.operationId === done?.operationId);
  const reached = hasLeft(done?.at ?? null, readAt, Boolean(waiting));

  const confirm = () => {
    renew.mutate(licence.id, {
      onSuccess: (result) => {
        setDone({ ...result, at: Date.now() });
        setOpen(false);
      },
    });
  };

  return (
    <div className={styles.root}>
      {renewable ? (
        <>
          <Text className={styles.hint}>{t('counter.renewHint')}</Text>
          <Dialog
            open={open}
            onOpenChange={(_, data) => {
              setOpen(data.open);
              if (data.open) renew.reset();
            }}
          >
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary" icon={<CalendarArrowRightRegular />}>
                {t('counter.renew')}
              </Button>
            </DialogTrigger>
            <DialogSurface>
              <DialogBody>
                <DialogTitle>{t('counter.renewTitle', { id: licence.id })}</DialogTitle>
                <DialogContent className={styles.content}>
                  <FactList
                    facts={[
                      {
                        key: 'current',
                        label: t('counter.currentExpiry'),
                        value: <DateText iso={licence.expiresOn} />,
                      },
                      { key: 'new', label: t('counter.newExpiry'), value: <DateText iso={proposed} /> },
                      {
                        key: 'fee',
                        label: t('licence.annualFee'),
                        value: formatMoney(licence.feeCents, language),
                      },
                    ]}
                  />
                  <Text>{t('counter.keptOnDesk')}</Text>
                  {renew.isError ? <ErrorMessage error={renew.error} /> : null}
                </DialogContent>
                <DialogActions>
                  <Button appearance="primary" onClick={confirm} disabledFocusable={renew.isPending}>
                    {renew.isPending ? t('counter.renewing') : t('counter.renewConfirm')}
                  </Button>
                  <DialogTrigger disableButtonEnhancement>
                    <Button appearance="secondary">{t('counter.cancel')}</Button>
                  </DialogTrigger>
                </DialogActions>
              </DialogBody>
            </DialogSurface>
          </Dialog>
        </>
      ) : (
        <Text className={styles.hint}>
          {t('counter.notRenewable', { status: t(`status.${licence.status}`).toLowerCase() })}
        </Text>
      )}
      <div role="status" className={styles.result}>
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
