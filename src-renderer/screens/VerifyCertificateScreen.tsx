// `#/certificates/verify`: type a certificate's verification code, read what it says now — valid,
// superseded (renewed or changed since), the licence suspended, revoked, closed or expired, or an
// unknown or mistyped code — with the facts printed on the certificate beside the licence's today.
// A temporary certificate (licence issued at a desk, waiting for its city number) answers
// "temporary" until its day, then, once the licence has its city number, says to print the permanent one.
import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ShieldCheckmarkRegular } from '@fluentui/react-icons';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../src-main/common/contract.ts';
import type { CertifiedFacts } from '../../src-main/common/ops/status-ops.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FactList } from '../components/FactList.tsx';
import { Section } from '../components/Section.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { formatDate, formatTimestamp, text } from '../format.ts';
import { useDocumentTitle, useLanguage } from '../hooks.ts';
import { shownId } from '../provisional-id.ts';
import { licenceHref } from '../route.ts';
import { useVerifyCertificate } from '../queries/index.ts';
import { screenHeading, screenRoot } from '../styles/screen.ts';

const useStyles = makeStyles({
  root: screenRoot,
  heading: screenHeading,
  intro: { maxWidth: '60rem' },
  form: { display: 'flex', alignItems: 'flex-end', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase500, minWidth: '16rem' },
  scope: { color: tokens.colorNeutralForeground3, maxWidth: '60rem' },
  sides: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(22rem, 1fr))',
    gap: tokens.spacingHorizontalXXL,
  },
  side: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  sideHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

type Answer = OpOutput<'certificates.verify'>;

const intentOf = (answer: Answer['answer']) =>
  answer === 'valid'
    ? 'success'
    : answer === 'temporary'
      ? 'info'
      : answer === 'superseded' || answer === 'mistyped' || answer === 'temporary_numbered'
        ? 'warning'
        : 'error';

export function VerifyCertificateScreen() {
  const { t } = useTranslation();
  const styles = useStyles();
  const verify = useVerifyCertificate();
  const [code, setCode] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  useDocumentTitle(t('licenceActions.verifyTitle'));
  useEffect(() => inputRef.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) verify.mutate(code);
  };
  const answer = verify.data;

  return (
    <div className={styles.root}>
      <h1 tabIndex={-1} className={styles.heading}>
        {t('licenceActions.verifyTitle')}
      </h1>
      <Text className={styles.intro}>{t('licenceActions.verifyIntro')}</Text>
      <form className={styles.form} onSubmit={submit}>
        <Field label={t('licenceActions.codeLabel')}>
          <Input
            ref={inputRef}
            className={styles.code}
            value={code}
            placeholder={t('licenceActions.codePlaceholder')}
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            onChange={(_, data) => setCode(data.value)}
          />
        </Field>
        <Button
          type="submit"
          appearance="primary"
          icon={<ShieldCheckmarkRegular />}
          disabledFocusable={verify.isPending}
        >
          {verify.isPending ? t('licenceActions.verifying') : t('licenceActions.verify')}
        </Button>
      </form>
      <Text size={200} className={styles.scope}>
        {t('licenceActions.verifyScope')}
      </Text>
      {verify.isError ? <ErrorMessage error={verify.error} /> : null}
      <div role="status" aria-live="polite">
        {answer ? <VerifyAnswer answer={answer} /> : null}
      </div>
    </div>
  );
}

function VerifyAnswer({ answer }: { answer: Answer }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const certificate = answer.certificate;
  const facts = (f: CertifiedFacts, status: boolean) => [
    {
      key: 'licence',
      label: t('licenceActions.factLicence'),
      value: <Link href={licenceHref(f.licenceId)}>{shownId(f.licenceId)}</Link>,
    },
    {
      key: 'business',
      label: t('licenceActions.factBusiness'),
      value: [text(f.businessName), f.dbaName ? `(${f.dbaName})` : '', f.address ? `— ${f.address}` : '']
        .filter(Boolean)
        .join(' '),
    },
    {
      key: 'type',
      label: t('licenceActions.factType'),
      value: f.licenceTypeName ?? f.licenceTypeCode ?? '—',
    },
    { key: 'issued', label: t('licenceActions.factIssued'), value: formatDate(f.issuedOn, language) || '—' },
    {
      key: 'expires',
      label: t('licenceActions.factExpires'),
      value: formatDate(f.expiresOn, language) || '—',
    },
    ...(status
      ? [{ key: 'status', label: t('licenceActions.factStatus'), value: <StatusBadge status={f.status} /> }]
      : []),
  ];
  return (
    <div className={styles.side}>
      <MessageBar intent={intentOf(answer.answer)} layout="multiline" data-answer={answer.answer}>
        <MessageBarBody>
          <MessageBarTitle>{answer.code}</MessageBarTitle>
          {t(`licenceActions.answer.${answer.answer}`, {
            until: formatDate(certificate?.validUntil, language),
            number: answer.now?.licenceId ?? '',
          })}
          {answer.changed.length > 0 ? (
            <>
              {' '}
              {t('licenceActions.changedFacts', {
                fields: answer.changed.map((f) => t(`licenceActions.fact.${f}`)).join(', '),
              })}
            </>
          ) : null}
        </MessageBarBody>
      </MessageBar>
      {certificate ? (
        <Section title={t('licenceActions.certificateSection')}>
          {() => (
            <div className={styles.sides}>
              <div className={styles.side}>
                <h3 className={styles.sideHeading}>{t('licenceActions.certified')}</h3>
                <FactList
                  facts={[
                    {
                      key: 'certificate',
                      label: t('licenceActions.factCertificate'),
                      value: certificate.certificateNo,
                    },
                    {
                      key: 'kind',
                      label: t('licenceActions.factKind'),
                      value:
                        certificate.kind === 'temporary'
                          ? t('licenceActions.kindTemporary', {
                              date: formatDate(certificate.validUntil, language),
                            })
                          : t('licenceActions.kindPermanent'),
                    },
                    {
                      key: 'issuedAt',
                      label: t('licenceActions.factIssuedAt'),
                      value: `${formatTimestamp(certificate.issuedAt, language)} (${certificate.deskId}, ${certificate.issuedBy})`,
                    },
                    ...facts(certificate.facts, false),
                  ]}
                />
              </div>
              {answer.now ? (
                <div className={styles.side}>
                  <h3 className={styles.sideHeading}>{t('licenceActions.now')}</h3>
                  <FactList facts={facts(answer.now, true)} />
                  {answer.refreshedAt ? (
                    <Text size={200}>
                      {t('licenceActions.refreshedAt', { at: formatTimestamp(answer.refreshedAt, language) })}
                    </Text>
                  ) : null}
                </div>
              ) : null}
            </div>
          )}
        </Section>
      ) : null}
    </div>
  );
}
