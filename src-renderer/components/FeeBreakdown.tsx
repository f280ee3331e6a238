// How a renewal fee is computed: every line of the fee engine's quote in the person's language
// (base, minimum, each late penalty with its rate, days and cap), the total, the renewal window,
// and anything that blocks the renewal. The same part serves the licence screen and the renew dialog.
import { makeStyles, mergeClasses, TableCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { FeeLine } from '../../src-main/common/fees/fee-schedule.ts';
import type { RenewalCheck } from '../../src-main/common/ops/fee-ops.ts';
import { lineText, problemText } from '../fee-text.ts';
import { formatDate, formatMoney } from '../format.ts';
import { useLanguage } from '../hooks.ts';
import { columnsOf, DataTable, useTableStyles } from './table/DataTable.tsx';

const line = columnsOf<FeeLine>();

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  note: { color: tokens.colorNeutralForeground2 },
  total: { fontWeight: tokens.fontWeightSemibold },
  problems: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    color: tokens.colorPaletteRedForeground1,
  },
  blocked: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground1 },
});

export function FeeBreakdown({ check }: { check: RenewalCheck }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const table = useTableStyles();
  const q = check.quote;
  const date = (iso: string | null) => formatDate(iso, language);
  return (
    <div className={styles.root} data-testid="fee-breakdown">
      {q ? (
        <>
          <Text className={styles.note}>
            {t('fees.asOf', {
              date: date(q.asOf),
              late:
                q.daysLate > 0
                  ? t('fees.daysLate', { count: q.daysLate, expiresOn: date(q.expiresOn) })
                  : t('fees.onTime'),
            })}{' '}
            {q.window.opensOn && q.window.closesOn
              ? t('fees.windowBoth', { opensOn: date(q.window.opensOn), closesOn: date(q.window.closesOn) })
              : t('fees.windowNone')}
          </Text>
          <DataTable
            caption={t('fees.breakdownCaption', { id: check.licenceId, date: date(q.asOf) })}
            columns={[
              line.display({
                id: 'item',
                header: t('fees.item'),
                cell: (c) => lineText(c.row.original, t, language),
              }),
              line.accessor('amountCents', {
                header: t('fees.amount'),
                cell: (c) => formatMoney(c.getValue(), language),
                meta: { numeric: true },
              }),
            ]}
            rows={q.lines}
            rowKey={(l, i) => `${l.code}-${i}`}
            rowAttributes={(l) => ({ 'data-line-code': l.code })}
            extraRows={
              <TableRow>
                <TableCell className={styles.total}>{t('fees.total')}</TableCell>
                <TableCell className={mergeClasses(table.numeric, styles.total)} data-testid="fee-total">
                  {formatMoney(q.totalCents, language)}
                </TableCell>
              </TableRow>
            }
          />
        </>
      ) : (
        <Text className={styles.note}>{t('fees.noQuote')}</Text>
      )}
      {check.newExpiresOn && check.ok ? (
        <Text className={styles.note}>{t('fees.newExpiry', { date: date(check.newExpiresOn) })}</Text>
      ) : null}
      {check.problems.length > 0 ? (
        <>
          <Text className={styles.blocked}>{t('fees.blockedHeading')}</Text>
          <ul className={styles.problems} data-testid="renewal-problems">
            {check.problems.map((p) => (
              <li key={`${p.code}-${String(p.detail.reason ?? '')}`} data-problem-code={p.code}>
                {problemText(p, t, language)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
