// A site's inspection history (the legacy history rows, newest first): on a licence page and on
// an inspector's visit, one table so both read the same.
import { makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../src-main/common/model.ts';
import { text } from '../format.ts';
import { DateText } from './DateText.tsx';
import { columnsOf, DataTable, type TableColumn } from './table/DataTable.tsx';

const inspectionColumn = columnsOf<Inspection>();

const useStyles = makeStyles({ notes: { whiteSpace: 'normal' } });

export function InspectionHistory({
  labelledBy,
  inspections,
  empty,
}: {
  labelledBy: string;
  inspections: readonly Inspection[];
  /** Said when there are none (default: none for this licence). */
  empty?: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const columns: TableColumn<Inspection>[] = [
    inspectionColumn.accessor('inspectedOn', {
      header: t('licence.inspectedOn'),
      cell: (c) => <DateText iso={c.getValue()} />,
    }),
    inspectionColumn.accessor('kind', { header: t('licence.kind'), cell: (c) => text(c.getValue()) }),
    inspectionColumn.accessor('result', {
      header: t('licence.result'),
      cell: (c) => t(`inspectionResult.${c.getValue()}`),
    }),
    inspectionColumn.accessor('inspector', {
      header: t('licence.inspector'),
      cell: (c) => text(c.getValue()),
    }),
    inspectionColumn.accessor('notes', {
      header: t('licence.notes'),
      cell: (c) => <span className={styles.notes}>{text(c.getValue())}</span>,
    }),
  ];
  return (
    <DataTable
      labelledBy={labelledBy}
      columns={columns}
      rows={inspections}
      rowKey={(i) => i.id}
      empty={empty ?? t('licence.inspectionsEmpty')}
    />
  );
}
