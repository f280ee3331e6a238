// What a clerk does at the counter for this licence: renew it, take a payment.
import { useTranslation } from 'react-i18next';
import type { LicenceDetail } from '../../src-main/common/contract.ts';
import { SectionPart, SectionParts } from './layout/SectionParts.tsx';
import { PaymentForm } from './PaymentForm.tsx';
import { RenewAction } from './RenewAction.tsx';
import { Section } from './Section.tsx';

/** `readAt`: when `detail` was read from the desk (see change-settled.ts). */
export function CounterSection({ detail, readAt }: { detail: LicenceDetail; readAt: number }) {
  const { t } = useTranslation();
  return (
    <Section title={t('counter.heading')}>
      {() => (
        <SectionParts>
          <SectionPart heading={t('counter.renewHeading')} idPrefix="renew">
            <RenewAction detail={detail} readAt={readAt} />
          </SectionPart>
          <SectionPart heading={t('counter.payHeading')} idPrefix="pay">
            <PaymentForm detail={detail} readAt={readAt} />
          </SectionPart>
        </SectionParts>
      )}
    </Section>
  );
}
