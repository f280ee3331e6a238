// The drawer's totals by method: taken, given back, recorded, and (once counted) counted and the
// variance, a variance shown in red words as well as colour.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { MethodVariance } from '../../../src-main/common/drawer-totals.ts';
import type { PaymentMethod } from '../../../src-main/common/model.ts';
import type { DrawerSession } from '../../../src-main/common/ops/drawer-ops.ts';
import { formatMoney } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { columnsOf, DataTable, type TableColumn } from '../table/DataTable.tsx';

const useStyles = makeStyles({
  off: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const column = columnsOf<Row>();
const numeric = { numeric: true };

interface Row {
  method: PaymentMethod;
  inCents: number;
  outCents: number;
  recordedCents: number;
  variance: MethodVariance | undefined;
}

export function DrawerTotals({
  labelledBy,
  totals,
  variance,
}: {
  labelledBy: string;
  totals: DrawerSession['totals'];
  variance: readonly MethodVariance[] | null;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const money = (c: number) => formatMoney(c, language);
  const rows: Row[] = (['cash', 'check', 'card', 'other'] as const).map((method) => ({
    method,
    ...totals[method],
    variance: variance?.find((v) => v.method === method),
  }));
  const columns: TableColumn<Row>[] = [
    column.accessor('method', {
      header: t('drawer.method'),
      cell: (c) => t(`paymentMethod.${c.getValue()}`),
    }),
    column.accessor('inCents', { header: t('drawer.in'), cell: (c) => money(c.getValue()), meta: numeric }),
    column.accessor('outCents', { header: t('drawer.out'), cell: (c) => money(c.getValue()), meta: numeric }),
    column.accessor('recordedCents', {
      header: t('drawer.recorded'),
      cell: (c) => money(c.getValue()),
      meta: numeric,
    }),
  ];
  if (variance) {
    columns.push(
      column.accessor('variance', {
        id: 'counted',
        header: t('drawer.counted'),
        cell: (c) => {
          const v = c.getValue();
          return v ? money(v.countedCents) : '';
        },
        meta: numeric,
      }),
      column.accessor('variance', {
        id: 'variance',
        header: t('drawer.variance'),
        cell: ({ row: { original: r } }) =>
          r.variance ? (
            <span
              className={r.variance.varianceCents !== 0 ? styles.off : undefined}
              data-variance={r.method}
            >
              {money(r.variance.varianceCents)}
            </span>
          ) : (
            ''
          ),
        meta: numeric,
      }),
    );
  }
  return (
    <DataTable labelledBy={labelledBy} columns={columns} rows={rows} rowKey={(r) => r.method} empty="" />
  );
}
