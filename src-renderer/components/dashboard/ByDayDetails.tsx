// The figures of a chart, day by day, in a table that opens on demand (a disclosure any keyboard
// and screen reader knows); the chart is only a picture of this table.
import { makeStyles, tokens, useId } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { RowData } from '@tanstack/react-table';
import { DataTable, type TableColumn } from '../table/DataTable.tsx';

const useStyles = makeStyles({
  summary: {
    cursor: 'pointer',
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  caption: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
});

export function ByDayDetails<T extends RowData>(props: {
  summary: string;
  tableLabel: string;
  columns: TableColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  children?: ReactNode;
}) {
  const styles = useStyles();
  const id = useId('by-day');
  return (
    <details>
      <summary className={styles.summary}>{props.summary}</summary>
      <span id={id} className={styles.caption}>
        {props.tableLabel}
      </span>
      <DataTable labelledBy={id} columns={props.columns} rows={props.rows} rowKey={props.rowKey} empty="" />
      {props.children}
    </details>
  );
}
