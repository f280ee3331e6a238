// How a renewal fee is computed: every line of the fee engine's quote in the person's language
// (base, minimum, each late penalty with its rate, days and cap), the total, the renewal window,
// and anything that blocks the renewal. The same part serves the licence screen and the renew dialog.
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { RenewalCheck } from '../../src-main/common/ops/fee-ops.ts';
import { lineText, problemText } from '../fee-text.ts';
import { formatDate, formatMoney } from '../format.ts';
import { useLanguage } from '../hooks.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  note: { color: tokens.colorNeutralForeground2 },
  numeric: {
    textAlign: 'end',
    justifyContent: 'flex-end',
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
  },
  total: { fontWeight: tokens.fontWeightSemibold },
  caption: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  problems: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    color: tokens.colorPaletteRedForeground1,
  },
  blocked: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground1 },
  wrap: { overflowX: 'auto' },
});

export function FeeBreakdown({ check }: { check: RenewalCheck }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
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
          <div className={styles.wrap}>
            <Table size="small">
              <caption className={styles.caption}>
                {t('fees.breakdownCaption', { id: check.licenceId, date: date(q.asOf) })}
              </caption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('fees.item')}</TableHeaderCell>
                  <TableHeaderCell className={styles.numeric}>{t('fees.amount')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {q.lines.map((line, i) => (
                  <TableRow key={`${line.code}-${i}`} data-line-code={line.code}>
                    <TableCell>{lineText(line, t, language)}</TableCell>
                    <TableCell className={styles.numeric}>
                      {formatMoney(line.amountCents, language)}
                    </TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableCell className={styles.total}>{t('fees.total')}</TableCell>
                  <TableCell className={`${styles.numeric} ${styles.total}`} data-testid="fee-total">
                    {formatMoney(q.totalCents, language)}
                  </TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </div>
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
