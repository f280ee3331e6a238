// The licence screen's status and certificate section: the status actions the person's role may
// take, and the certificate with its verification code.
import { useTranslation } from 'react-i18next';
import type { LicenceDetail } from '../../../src-main/common/contract.ts';
import { SectionPart, SectionParts } from '../layout/SectionParts.tsx';
import { Section } from '../Section.tsx';
import { CertificatePart } from './CertificatePart.tsx';
import { StatusActions } from './StatusActions.tsx';
import { StatusHistory } from './StatusHistory.tsx';

export function LicenceStatusSection({ detail }: { detail: LicenceDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={`${t('licenceActions.statusSection')} · ${t('licenceActions.certificateSection')}`}>
      {() => (
        <SectionParts>
          <SectionPart heading={t('licenceActions.statusSection')} idPrefix="status-actions">
            <StatusActions detail={detail} />
            <StatusHistory detail={detail} />
          </SectionPart>
          <SectionPart heading={t('licenceActions.certificateSection')} idPrefix="certificate">
            <CertificatePart detail={detail} />
          </SectionPart>
        </SectionParts>
      )}
    </Section>
  );
}
