// Violations (found at this visit, or still open at the site): the ordinance section with its
// plain words from the code table, the severity, the description, the deadline and the status.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Ordinance, Violation } from '../../../src-main/common/model.ts';
import { text } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { DateText } from '../DateText.tsx';
import { columnsOf, DataTable, type TableColumn } from '../table/DataTable.tsx';

const column = columnsOf<Violation>();

const useStyles = makeStyles({
  section: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' },
  title: { display: 'block', color: tokens.colorNeutralForeground2, whiteSpace: 'normal' },
  wrap: { whiteSpace: 'normal' },
});

export function ViolationTable({
  labelledBy,
  violations,
  ordinances,
  empty,
}: {
  labelledBy: string;
  violations: readonly Violation[];
  ordinances: readonly Ordinance[];
  empty: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const titleOf = new Map(ordinances.map((o) => [o.section, language === 'es' ? o.titleEs : o.titleEn]));
  const columns: TableColumn<Violation>[] = [
    column.accessor('ordinanceSection', {
      header: t('inspections.columns.section'),
      cell: (c) => (
        <>
          <span className={styles.section}>{c.getValue()}</span>
          {titleOf.get(c.getValue()) ? (
            <span className={styles.title}>{titleOf.get(c.getValue())}</span>
          ) : null}
        </>
      ),
    }),
    column.accessor('severity', {
      header: t('inspections.columns.severity'),
      meta: { width: '8rem' },
      cell: (c) => t(`inspections.severity.${c.getValue()}`),
    }),
    column.accessor('description', {
      header: t('inspections.columns.description'),
      cell: (c) => <span className={styles.wrap}>{text(c.getValue())}</span>,
    }),
    column.accessor('correctBy', {
      header: t('inspections.columns.correctBy'),
      meta: { width: '9rem' },
      cell: (c) => <DateText iso={c.getValue()} />,
    }),
    column.accessor('status', {
      header: t('inspections.columns.status'),
      meta: { width: '8rem' },
      cell: (c) => t(`inspections.violationStatus.${c.getValue()}`),
    }),
  ];
  return (
    <DataTable
      labelledBy={labelledBy}
      columns={columns}
      rows={violations}
      rowKey={(v) => v.id}
      rowAttributes={(v) => ({ 'data-violation': v.ordinanceSection })}
      empty={empty}
    />
  );
}
