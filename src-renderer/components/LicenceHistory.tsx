// The tables of a licence page: the fee schedule of its type, payments and inspections.
import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { LicenceDetail } from '../../src-main/common/contract.ts';
import type { Payment } from '../../src-main/common/model.ts';
import { formatMoney, text } from '../format.ts';
import { useLanguage } from '../hooks.ts';
import { DateText } from './DateText.tsx';
import { FeeSchedule } from './FeeSchedule.tsx';
import { InspectionHistory } from './InspectionHistory.tsx';
import { ReceiptButton } from './ReceiptButton.tsx';
import { Section } from './Section.tsx';
import { columnsOf, DataTable, type TableColumn } from './table/DataTable.tsx';

const paymentColumn = columnsOf<Payment>();

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  receipt: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  was: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
});

export function LicenceHistory({ detail }: { detail: LicenceDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const typeName = detail.licenceType?.name?.trim();
  const provisional = new Set(detail.provisionalPaymentIds);
  // A customer may come back with the provisional receipt they were given offline.
  const wasProvisional = new Map(detail.settledPayments.map((s) => [s.paymentId, s.provisionalReceipt]));

  const receiptOf = new Map(detail.payments.map((p) => [p.id, p.receiptNo?.trim() || null]));
  const reversedReceipt = (p: Payment) => (p.reversalOf ? (receiptOf.get(p.reversalOf) ?? null) : null);

  const paymentColumns: TableColumn<Payment>[] = [
    paymentColumn.accessor('paidOn', {
      header: t('licence.paidOn'),
      cell: (c) => <DateText iso={c.getValue()} />,
    }),
    paymentColumn.accessor('amountCents', {
      header: t('licence.amount'),
      cell: (c) => formatMoney(c.getValue(), language),
      meta: { numeric: true },
    }),
    paymentColumn.display({
      id: 'method',
      header: t('licence.method'),
      // A void or refund is a payment row of its own: say which, and the receipt it gives money back on.
      cell: ({ row: { original: p } }) =>
        p.reversalKind ? (
          <span className={styles.receipt} data-reversal={p.reversalKind}>
            {t(`licence.reversal.${p.reversalKind}`)}
            <Text size={200} className={styles.was}>
              {reversedReceipt(p)
                ? t('licence.reverses', { receipt: reversedReceipt(p) })
                : t('licence.reversesPayment', { id: p.reversalOf ?? '' })}
            </Text>
          </span>
        ) : (
          t(`paymentMethod.${p.method}`)
        ),
    }),
    paymentColumn.display({
      id: 'receipt',
      header: t('licence.receipt'),
      cell: ({ row: { original: p } }) => (
        <span className={styles.receipt} data-payment={p.id}>
          {p.receiptNo?.trim() ? <span className={styles.mono}>{p.receiptNo.trim()}</span> : text(null)}
          {provisional.has(p.id) ? (
            <Badge appearance="outline" color="warning" size="small" title={t('licence.provisionalHint')}>
              {t('licence.provisional')}
            </Badge>
          ) : null}
          {wasProvisional.has(p.id) ? (
            <Text size={200} className={styles.was}>
              {t('licence.wasProvisional', { receipt: wasProvisional.get(p.id) })}
            </Text>
          ) : null}
          <ReceiptButton paymentId={p.id} receiptNo={p.receiptNo} compact />
        </span>
      ),
    }),
  ];

  return (
    <div className={styles.stack}>
      <Section title={typeName ? t('licence.feesOf', { type: typeName }) : t('licence.fees')}>
        {(id) => <FeeSchedule labelledBy={id} fees={detail.fees} />}
      </Section>
      <Section title={t('licence.payments')}>
        {(id) => (
          <DataTable
            labelledBy={id}
            columns={paymentColumns}
            rows={detail.payments}
            rowKey={(p) => p.id}
            empty={t('licence.paymentsEmpty')}
          />
        )}
      </Section>
      <Section title={t('licence.inspections')}>
        {(id) => <InspectionHistory labelledBy={id} inspections={detail.inspections} />}
      </Section>
    </div>
  );
}
