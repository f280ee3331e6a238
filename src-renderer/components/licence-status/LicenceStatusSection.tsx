// The licence screen's status and certificate section: the status actions the person's role may
// take, and the certificate with its verification code.
import { makeStyles, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { LicenceDetail } from '../../../src-main/common/contract.ts';
import { Section } from '../Section.tsx';
import { CertificatePart } from './CertificatePart.tsx';
import { StatusActions } from './StatusActions.tsx';
import { StatusHistory } from './StatusHistory.tsx';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(22rem, 1fr))',
    gap: tokens.spacingHorizontalXXL,
  },
  part: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export function LicenceStatusSection({ detail }: { detail: LicenceDetail }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const statusId = useId('status-actions');
  const certificateId = useId('certificate');
  return (
    <Section title={`${t('licenceActions.statusSection')} · ${t('licenceActions.certificateSection')}`}>
      {() => (
        <div className={styles.grid}>
          <section className={styles.part} aria-labelledby={statusId}>
            <h3 id={statusId} className={styles.heading}>
              {t('licenceActions.statusSection')}
            </h3>
            <StatusActions detail={detail} />
            <StatusHistory detail={detail} />
          </section>
          <section className={styles.part} aria-labelledby={certificateId}>
            <h3 id={certificateId} className={styles.heading}>
              {t('licenceActions.certificateSection')}
            </h3>
            <CertificatePart detail={detail} />
          </section>
        </div>
      )}
    </Section>
  );
}
