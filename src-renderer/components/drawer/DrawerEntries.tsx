// Every payment, void and refund of a drawer session, with its receipt and how it was tendered.
// A supervisor gets Void and Refund on each payment still standing (the service checks the role
// again: a hidden button is not the guard).
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { DrawerEntry, DrawerSession } from '../../../src-main/common/ops/drawer-ops.ts';
import { formatClock, formatMoney } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { columnsOf, DataTable, type TableColumn } from '../table/DataTable.tsx';
import { shownId } from '../../provisional-id.ts';

const column = columnsOf<DrawerEntry>();

const useStyles = makeStyles({
  mono: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS },
});

export type ReverseRequest = { kind: 'void' | 'refund'; paymentId: string };

export function DrawerEntries({
  labelledBy,
  session,
  onReverse,
}: {
  labelledBy: string;
  session: DrawerSession;
  /** Given to supervisors: prefill the void/refund form for this payment. */
  onReverse?: ((request: ReverseRequest) => void) | undefined;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const money = (c: number) => formatMoney(c, language);
  const reversed = new Set(
    session.entries.flatMap((e) => (e.kind === 'void' && e.reverses ? [e.reverses] : [])),
  );
  const receiptOf = (e: DrawerEntry) => e.legacyReceiptNo ?? e.receiptNo;
  const detailOf = (e: DrawerEntry): string => {
    if (e.kind !== 'payment')
      return t('drawer.reverses', { id: e.reversesReceipt ?? e.reverses ?? '', reason: e.reason ?? '' });
    if (e.tenderedCents !== null && e.changeCents !== null)
      return t('drawer.tendered', { tendered: money(e.tenderedCents), change: money(e.changeCents) });
    if (e.checkNumber) return t('drawer.checkNo', { number: e.checkNumber });
    if (e.cardReference) return t('drawer.cardRef', { reference: e.cardReference });
    return '';
  };
  const kindLabel = {
    payment: t('drawer.kindPayment'),
    void: t('drawer.kindVoid'),
    refund: t('drawer.kindRefund'),
  };
  const columns: TableColumn<DrawerEntry>[] = [
    column.accessor('at', { header: t('drawer.time'), cell: (c) => formatClock(c.getValue(), language) }),
    column.display({ id: 'kind', header: t('drawer.kind'), cell: (c) => kindLabel[c.row.original.kind] }),
    column.accessor('licenceId', {
      header: t('drawer.licence'),
      cell: (c) => <span className={styles.mono}>{shownId(c.getValue())}</span>,
    }),
    column.accessor('method', {
      header: t('drawer.method'),
      cell: (c) => t(`paymentMethod.${c.getValue()}`),
    }),
    column.accessor(receiptOf, {
      id: 'receipt',
      header: t('drawer.receipt'),
      cell: (c) => (
        <span className={styles.mono} data-receipt={c.getValue()}>
          {c.getValue()}
        </span>
      ),
    }),
    column.accessor((e) => (e.kind === 'payment' ? e.amountCents : -e.amountCents), {
      id: 'amount',
      header: t('drawer.amount'),
      cell: (c) => money(c.getValue()),
      meta: { numeric: true },
    }),
    column.accessor(detailOf, { id: 'detail', header: t('drawer.detail') }),
  ];
  if (onReverse && session.closedAt === null) {
    columns.push(
      column.display({
        id: 'actions',
        header: t('drawer.actions'),
        cell: ({ row: { original: e } }) =>
          e.kind !== 'payment' ? null : reversed.has(e.paymentId) ||
            reversed.has(`local:${e.operationId}`) ? (
            t('drawer.reversed')
          ) : (
            <div className={styles.actions}>
              <Button
                size="small"
                aria-label={t('drawer.voidThis', { receipt: receiptOf(e) })}
                onClick={() => onReverse({ kind: 'void', paymentId: e.paymentId })}
              >
                {t('drawer.void')}
              </Button>
              <Button
                size="small"
                aria-label={t('drawer.refundThis', { receipt: receiptOf(e) })}
                onClick={() => onReverse({ kind: 'refund', paymentId: e.paymentId })}
              >
                {t('drawer.refund')}
              </Button>
            </div>
          ),
      }),
    );
  }
  return (
    <DataTable
      labelledBy={labelledBy}
      columns={columns}
      rows={session.entries}
      rowKey={(e) => e.operationId}
      empty={t('drawer.noEntries')}
    />
  );
}
