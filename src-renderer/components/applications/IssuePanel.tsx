// Issuing the licence: disabled, with the open required items listed, until the checklist allows
// it; afterwards the licence (provisional until the next sync) with the way to take its fee.
import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CertificateRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from '../../../src-main/common/ops/application-ops.ts';
import { useIssueLicence, useWithdrawApplication } from '../../queries/index.ts';
import { formatMoney } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { shownId } from '../../provisional-id.ts';
import { licenceHref } from '../../route.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { useStackStyles } from '../layout/stack-styles.ts';

const useStyles = makeStyles({
  list: { margin: 0 },
  row: { display: 'flex', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function IssuePanel({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const stack = useStackStyles();
  const issue = useIssueLicence();
  const withdraw = useWithdrawApplication();
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const app = detail.application;
  const blocked = detail.items.filter((i) => detail.openRequired.includes(i.code));
  const canIssue = app.status === 'open' && blocked.length === 0;
  const doIssue = () => {
    if (canIssue && !issue.isPending) issue.mutate({ applicationId: app.id });
  };
  // Ctrl+Enter issues from anywhere on the application screen (listed in the help overlay).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) doIssue();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (app.status === 'issued' && app.licenceId) {
    return (
      <div className={stack.roomy} role="status">
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {t('applications.issued')}{' '}
            {detail.licenceProvisional
              ? t('applications.issuedProvisional', { id: shownId(app.licenceId) })
              : t('applications.issuedNumber', { id: app.licenceId })}
          </MessageBarBody>
        </MessageBar>
        {detail.feeCents != null ? (
          <Text>{t('applications.fee', { fee: formatMoney(detail.feeCents, language) })}</Text>
        ) : null}
        <Link href={licenceHref(app.licenceId)}>{t('applications.openLicence')}</Link>
      </div>
    );
  }
  if (app.status === 'withdrawn') {
    return (
      <div className={stack.roomy} role="status">
        <MessageBar intent="info">
          <MessageBarBody>{t('applications.withdrawn')}</MessageBarBody>
        </MessageBar>
      </div>
    );
  }
  return (
    <div className={stack.roomy}>
      {detail.feeCents != null ? (
        <Text>{t('applications.fee', { fee: formatMoney(detail.feeCents, language) })}</Text>
      ) : null}
      <div id="issue-blockers" aria-live="polite">
        {blocked.length > 0 ? (
          <>
            <Text as="p">{t('applications.issueBlocked', { count: blocked.length })}</Text>
            <ul className={styles.list}>
              {blocked.map((i) => (
                <li key={i.code}>{language === 'es' ? i.labelEs : i.labelEn}</li>
              ))}
            </ul>
          </>
        ) : (
          <Text as="p">{t('applications.issueReady')}</Text>
        )}
      </div>
      <Button
        appearance="primary"
        icon={<CertificateRegular />}
        disabledFocusable={!canIssue || issue.isPending}
        aria-describedby="issue-blockers"
        onClick={doIssue}
      >
        {issue.isPending ? t('applications.issuing') : t('applications.issue')}
      </Button>
      {issue.isError ? <ErrorMessage error={issue.error} /> : null}
      {withdrawing ? (
        <div className={styles.row}>
          <Field label={t('applications.withdrawReason')} required>
            <Input value={reason} onChange={(_, d) => setReason(d.value)} maxLength={500} autoFocus />
          </Field>
          <Button
            disabledFocusable={!reason.trim() || withdraw.isPending}
            onClick={() => withdraw.mutate({ applicationId: app.id, reason: reason.trim() })}
          >
            {t('applications.withdrawConfirm')}
          </Button>
          <Button appearance="subtle" onClick={() => setWithdrawing(false)}>
            {t('applications.withdrawCancel')}
          </Button>
        </div>
      ) : (
        <Button appearance="subtle" onClick={() => setWithdrawing(true)}>
          {t('applications.withdraw')}
        </Button>
      )}
      {withdraw.isError ? <ErrorMessage error={withdraw.error} /> : null}
    </div>
  );
}
