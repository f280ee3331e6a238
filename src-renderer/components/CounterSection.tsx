// What a clerk does at the counter for this licence: renew it, take a payment.
import { makeStyles, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { LicenceDetail } from '../../src-main/common/contract.ts';
import { PaymentForm } from './PaymentForm.tsx';
import { RenewAction } from './RenewAction.tsx';
import { Section } from './Section.tsx';

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

/** `readAt`: when `detail` was read from the desk (see change-settled.ts). */
export function CounterSection({ detail, readAt }: { detail: LicenceDetail; readAt: number }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const renewId = useId('renew');
  const payId = useId('pay');
  return (
    <Section title={t('counter.heading')}>
      {() => (
        <div className={styles.grid}>
          <section className={styles.part} aria-labelledby={renewId}>
            <h3 id={renewId} className={styles.heading}>
              {t('counter.renewHeading')}
            </h3>
            <RenewAction detail={detail} readAt={readAt} />
          </section>
          <section className={styles.part} aria-labelledby={payId}>
            <h3 id={payId} className={styles.heading}>
              {t('counter.payHeading')}
            </h3>
            <PaymentForm detail={detail} readAt={readAt} />
          </section>
        </div>
      )}
    </Section>
  );
}
