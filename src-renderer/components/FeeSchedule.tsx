// The fee schedule of a licence type: the fees in effect today (and any already announced for
// later) first; the history of earlier fees behind a button, since a type can have decades of it.
// A note says how a renewal uses it (the fee engine's lines are in the counter's FeeBreakdown).
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronUpRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeeScheduleEntry } from '../../src-main/common/model.ts';
import { formatDate, formatMoney, text, today } from '../format.ts';
import { useLanguage } from '../hooks.ts';
import { DateText } from './DateText.tsx';
import { columnsOf, DataTable, type TableColumn } from './table/DataTable.tsx';

const column = columnsOf<FeeScheduleEntry>();

const useStyles = makeStyles({
  note: { display: 'block', color: tokens.colorNeutralForeground3, marginBottom: tokens.spacingVerticalS },
  toggle: { marginTop: tokens.spacingVerticalS },
});

/** Splits the schedule into the fees in effect (or announced) and the earlier ones. */
export function splitFees(fees: FeeScheduleEntry[], today: string) {
  const started = fees.map((f) => f.effectiveOn).filter((d): d is string => d !== null && d <= today);
  const since = started.sort().at(-1) ?? null; // ISO dates sort as text
  if (!since) return { since: null, current: fees, earlier: [] };
  return {
    since,
    current: fees.filter((f) => f.effectiveOn === null || f.effectiveOn >= since),
    earlier: fees.filter((f) => f.effectiveOn !== null && f.effectiveOn < since),
  };
}

export function FeeSchedule({ labelledBy, fees }: { labelledBy: string; fees: FeeScheduleEntry[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const [showEarlier, setShowEarlier] = useState(false);
  const { since, current, earlier } = splitFees(fees, today());

  const columns: TableColumn<FeeScheduleEntry>[] = [
    column.accessor('effectiveOn', {
      header: t('licence.effective'),
      cell: (c) => <DateText iso={c.getValue()} />,
    }),
    column.accessor('description', { header: t('licence.description'), cell: (c) => text(c.getValue()) }),
    column.accessor('amountCents', {
      header: t('licence.amount'),
      cell: (c) => formatMoney(c.getValue(), language),
      meta: { numeric: true },
    }),
  ];
  return (
    <>
      {since && earlier.length > 0 ? (
        <Text className={styles.note}>
          {t('licence.feesInEffect', { date: formatDate(since, language) })}
        </Text>
      ) : null}
      <DataTable
        labelledBy={labelledBy}
        columns={columns}
        rows={showEarlier ? fees : current}
        rowKey={(f) => f.id}
        empty={t('licence.feesEmpty')}
      />
      <Text className={styles.note}>{t('fees.scheduleNote')}</Text>
      {earlier.length > 0 ? (
        <Button
          className={styles.toggle}
          appearance="subtle"
          icon={showEarlier ? <ChevronUpRegular /> : <ChevronDownRegular />}
          aria-expanded={showEarlier}
          onClick={() => setShowEarlier((v) => !v)}
        >
          {showEarlier
            ? t('licence.hideEarlierFees')
            : t('licence.showEarlierFees', { count: earlier.length })}
        </Button>
      ) : null}
    </>
  );
}
