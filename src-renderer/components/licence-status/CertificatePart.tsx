// "Issue certificate": a PDF with a verification code, for an active, unexpired licence with no
// change waiting (the service checks again and says why not); the certificates issued here are
// listed with their codes. A licence issued at this desk and still waiting for its city number
// (P-XXXXXXXX) gets "Issue temporary certificate" instead: marked TEMPORARY, good for 30 days.
// "C" (when not typing in a field) presses the button.
import { makeStyles, Text, tokens, useId } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LicenceDetail } from '../../../src-main/common/contract.ts';
import type { CertificateRecord } from '../../../src-main/common/ops/status-ops.ts';
import { useApi } from '../../api-context.tsx';
import { formatDate, formatTimestamp, today } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { isProvisionalId, shownId } from '../../provisional-id.ts';
import { useCertificates } from '../../queries/index.ts';
import { DocumentButton } from '../DocumentButton.tsx';
import { columnsOf, DataTable } from '../table/DataTable.tsx';
import { isTypingIn } from './typing.ts';
import { useStackStyles } from '../layout/stack-styles.ts';

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  code: { fontFamily: tokens.fontFamilyMonospace, letterSpacing: '0.05em' },
  list: { alignSelf: 'stretch' },
});

const certificate = columnsOf<CertificateRecord>();

// Commands that change what a certificate would print (payments do not).
const licenceChanging = new Set(['renewLicence', 'changeLicenceStatus', 'issueLicence']);

export function CertificatePart({ detail }: { detail: LicenceDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const stack = useStackStyles();
  const api = useApi();
  const listId = useId('certificates');
  const certificates = useCertificates(detail.licence.id);
  const holder = useRef<HTMLDivElement>(null);
  const { licence } = detail;
  // Issued here, not yet numbered by the legacy system: its own issue waits in the outbox by nature.
  const provisional = isProvisionalId(licence.id);
  const blocking = detail.pendingOperations.filter(
    (o) => licenceChanging.has(o.command) && !(provisional && o.command === 'issueLicence'),
  );

  // Only explains beforehand: the desk checks again with the city's day.
  const why =
    licence.status !== 'active'
      ? t('licenceActions.cannotCertify.status', { status: t(`status.${licence.status}`).toLowerCase() })
      : licence.expiresOn !== null && licence.expiresOn < today()
        ? t('licenceActions.cannotCertify.expired')
        : blocking.length > 0
          ? t('licenceActions.cannotCertify.pending')
          : null;

  useEffect(() => {
    if (why) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key.toLowerCase() !== 'c' || isTypingIn(event.target)) return;
      if (document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      holder.current?.querySelector('button')?.click();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [why]);

  const make = async () => {
    const printed = await api['certificates.issue']({ licenceId: licence.id, language });
    void certificates.refetch();
    return printed;
  };

  return (
    <div className={stack.tight}>
      <Text className={stack.hint}>{t('licenceActions.certificateHint')}</Text>
      {provisional && !why ? (
        <Text>{t('licenceActions.temporaryHint', { number: shownId(licence.id) })}</Text>
      ) : null}
      {why ? (
        <Text>{why}</Text>
      ) : (
        <div ref={holder}>
          <DocumentButton
            label={t(
              provisional ? 'licenceActions.issueTemporaryCertificate' : 'licenceActions.issueCertificate',
            )}
            make={make}
            appearance="primary"
          />
        </div>
      )}
      <div className={styles.list}>
        <h4 id={listId} className={styles.heading}>
          {t('licenceActions.issued')}
        </h4>
        <DataTable<CertificateRecord>
          labelledBy={listId}
          rows={certificates.data?.certificates ?? []}
          rowKey={(c) => c.certificateNo}
          empty={t('licenceActions.noneIssued')}
          columns={[
            certificate.accessor('certificateNo', { header: t('licenceActions.colNumber') }),
            certificate.display({
              id: 'kind',
              header: t('licenceActions.colKind'),
              cell: ({ row: { original: c } }) =>
                c.kind === 'temporary'
                  ? t('licenceActions.kindTemporary', { date: formatDate(c.validUntil, language) })
                  : t('licenceActions.kindPermanent'),
            }),
            certificate.accessor('verificationCode', {
              header: t('licenceActions.colCode'),
              cell: (c) => <span className={styles.code}>{c.getValue()}</span>,
            }),
            certificate.accessor('issuedAt', {
              header: t('licenceActions.colIssued'),
              cell: (c) => formatTimestamp(c.getValue(), language),
            }),
            certificate.accessor('issuedBy', { header: t('licenceActions.colBy') }),
            certificate.accessor('language', {
              header: t('licenceActions.colLanguage'),
              cell: (c) =>
                t(c.getValue() === 'es' ? 'licenceActions.languageEs' : 'licenceActions.languageEn'),
            }),
          ]}
        />
      </div>
    </div>
  );
}
