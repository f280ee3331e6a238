// The drawer's totals by method: taken, given back, recorded, and (once counted) counted and the
// variance, a variance shown in red words as well as colour.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { MethodVariance } from '../../../src-main/common/drawer-totals.ts';
import type { PaymentMethod } from '../../../src-main/common/model.ts';
import type { DrawerSession } from '../../../src-main/common/ops/drawer-ops.ts';
import { formatMoney } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { type Column, SimpleTable } from '../SimpleTable.tsx';

const useStyles = makeStyles({
  off: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

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
  const columns: Column<Row>[] = [
    { key: 'method', label: t('drawer.method'), render: (r) => t(`paymentMethod.${r.method}`) },
    { key: 'in', label: t('drawer.in'), render: (r) => money(r.inCents), numeric: true },
    { key: 'out', label: t('drawer.out'), render: (r) => money(r.outCents), numeric: true },
    { key: 'recorded', label: t('drawer.recorded'), render: (r) => money(r.recordedCents), numeric: true },
  ];
  if (variance) {
    columns.push(
      {
        key: 'counted',
        label: t('drawer.counted'),
        render: (r) => (r.variance ? money(r.variance.countedCents) : ''),
        numeric: true,
      },
      {
        key: 'variance',
        label: t('drawer.variance'),
        render: (r) =>
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
        numeric: true,
      },
    );
  }
  return (
    <SimpleTable labelledBy={labelledBy} columns={columns} rows={rows} rowKey={(r) => r.method} empty="" />
  );
}
