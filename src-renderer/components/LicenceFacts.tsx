// The two fact cards of a licence page: the business, and the licence itself.
import { ContactCorrection } from './business/ContactCorrection.tsx';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { LicenceDetail } from '../../src-main/common/contract.ts';
import { formatMoney, MISSING, text } from '../format.ts';
import { useLanguage } from '../hooks.ts';
import { DateText } from './DateText.tsx';
import { FactList } from './FactList.tsx';
import { Section } from './Section.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { shownId } from '../provisional-id.ts';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(24rem, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  line: { display: 'block' },
});

function joinParts(parts: (string | null | undefined)[], separator: string): string | null {
  const kept = parts.map((p) => p?.trim()).filter(Boolean);
  return kept.length ? kept.join(separator) : null;
}

export function LicenceFacts({ detail }: { detail: LicenceDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const { licence, business, licenceType } = detail;
  const cityLine = joinParts([business.city, joinParts([business.state, business.postalCode], ' ')], ', ');
  const street = business.addressLine?.trim();

  const address =
    street || cityLine ? (
      <>
        {street ? <span className={styles.line}>{street}</span> : null}
        {cityLine ? <span className={styles.line}>{cityLine}</span> : null}
      </>
    ) : (
      MISSING
    );

  const typeName = licenceType
    ? `${text(licenceType.name)} (${licenceType.code})`
    : licence.licenceTypeCode
      ? licence.licenceTypeCode
      : MISSING;

  return (
    <div className={styles.grid}>
      <Section title={t('licence.business')}>
        {() => (
          <>
            <FactList
              facts={[
                { key: 'name', label: t('licence.businessName'), value: text(business.name) },
                { key: 'dba', label: t('licence.dba'), value: text(business.dbaName) },
                { key: 'owner', label: t('licence.owner'), value: text(business.ownerName) },
                { key: 'address', label: t('licence.address'), value: address },
                { key: 'phone', label: t('licence.phone'), value: text(business.phone) },
                {
                  key: 'taxId',
                  label: t('licence.taxId'),
                  value: business.taxId?.trim() ? (
                    <span className={styles.mono}>{business.taxId.trim()}</span>
                  ) : (
                    MISSING
                  ),
                },
                { key: 'opened', label: t('licence.opened'), value: <DateText iso={business.openedOn} /> },
              ]}
            />
            <ContactCorrection detail={detail} />
          </>
        )}
      </Section>
      <Section title={t('licence.details')}>
        {() => (
          <FactList
            facts={[
              {
                key: 'number',
                label: t('licence.number'),
                value: <span className={styles.mono}>{shownId(licence.id)}</span>,
              },
              {
                key: 'status',
                label: t('licence.statusLabel'),
                value: <StatusBadge status={licence.status} />,
              },
              { key: 'type', label: t('licence.type'), value: typeName },
              {
                key: 'term',
                label: t('licence.term'),
                value:
                  licenceType?.termMonths != null
                    ? t('licence.termMonths', { count: licenceType.termMonths })
                    : MISSING,
              },
              { key: 'issued', label: t('licence.issued'), value: <DateText iso={licence.issuedOn} /> },
              { key: 'expires', label: t('licence.expires'), value: <DateText iso={licence.expiresOn} /> },
              { key: 'fee', label: t('licence.annualFee'), value: formatMoney(licence.feeCents, language) },
            ]}
          />
        )}
      </Section>
    </div>
  );
}
