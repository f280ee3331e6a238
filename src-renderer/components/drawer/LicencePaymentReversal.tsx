// On a licence's page, for a supervisor or admin with an open drawer: Void or Refund on each of
// the licence's payments still standing, then the reason. A clerk does not see it; the service
// refuses a clerk anyway (forbidden), whatever the screen shows.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LicenceDetail } from '../../../src-main/common/contract.ts';
import type { Payment } from '../../../src-main/common/model.ts';
import { useCurrentDrawer, useDeskStatus } from '../../queries/index.ts';
import { formatDate, formatMoney } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { Section } from '../Section.tsx';
import { columnsOf, DataTable, type TableColumn } from '../table/DataTable.tsx';
import type { ReverseRequest } from './DrawerEntries.tsx';
import { ReversalForm } from './ReversalForm.tsx';

const column = columnsOf<Payment>();

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  mono: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS },
});

export function LicencePaymentReversal({ detail }: { detail: LicenceDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const role = useDeskStatus().data?.role;
  const drawer = useCurrentDrawer();
  const [request, setRequest] = useState<ReverseRequest | null>(null);
  if (!(role === 'supervisor' || role === 'admin') || !drawer.data?.session) return null;
  const reversed = new Set(
    detail.payments.flatMap((p) => (p.reversalKind === 'void' && p.reversalOf ? [p.reversalOf] : [])),
  );
  const standing = detail.payments.filter((p) => !p.reversalOf && p.amountCents > 0 && !reversed.has(p.id));
  const receiptOf = (p: Payment) => p.receiptNo?.trim() || p.id;
  const columns: TableColumn<Payment>[] = [
    column.accessor('paidOn', {
      header: t('licence.paidOn'),
      cell: (c) => formatDate(c.getValue(), language),
    }),
    column.accessor(receiptOf, {
      id: 'receipt',
      header: t('drawer.receipt'),
      cell: (c) => <span className={styles.mono}>{c.getValue()}</span>,
    }),
    column.accessor('method', {
      header: t('drawer.method'),
      cell: (c) => t(`paymentMethod.${c.getValue()}`),
    }),
    column.accessor('amountCents', {
      header: t('drawer.amount'),
      cell: (c) => formatMoney(c.getValue(), language),
      meta: { numeric: true },
    }),
    column.display({
      id: 'actions',
      header: t('drawer.actions'),
      cell: ({ row: { original: p } }) => (
        <div className={styles.actions}>
          <Button
            size="small"
            aria-label={t('drawer.voidThis', { receipt: receiptOf(p) })}
            onClick={() => setRequest({ kind: 'void', paymentId: p.id })}
          >
            {t('drawer.void')}
          </Button>
          <Button
            size="small"
            aria-label={t('drawer.refundThis', { receipt: receiptOf(p) })}
            onClick={() => setRequest({ kind: 'refund', paymentId: p.id })}
          >
            {t('drawer.refund')}
          </Button>
        </div>
      ),
    }),
  ];
  return (
    <Section title={t('drawer.reverseHeading')}>
      {(id) => (
        <div className={styles.stack}>
          <DataTable
            labelledBy={id}
            columns={columns}
            rows={standing.slice(0, 10)}
            rowKey={(p) => p.id}
            empty={t('licence.paymentsEmpty')}
          />
          <ReversalForm labelledBy={id} request={request} />
        </div>
      )}
    </Section>
  );
}
