// A small read-only table (Fluent Table) with a message instead of an empty body.
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
import type { ReactNode } from 'react';

export type Column<T> = { key: string; label: string; render: (row: T) => ReactNode; numeric?: boolean };

const useStyles = makeStyles({
  numeric: { textAlign: 'end', justifyContent: 'flex-end', fontVariantNumeric: 'tabular-nums' },
  empty: { color: tokens.colorNeutralForeground3 },
  wrap: { overflowX: 'auto' },
});

type Props<T> = {
  labelledBy: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty: string;
};

export function SimpleTable<T>({ labelledBy, columns, rows, rowKey, empty }: Props<T>) {
  const styles = useStyles();
  if (rows.length === 0) {
    return (
      <Text as="p" className={styles.empty}>
        {empty}
      </Text>
    );
  }
  return (
    <div className={styles.wrap}>
      <Table size="small" aria-labelledby={labelledBy}>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell
                key={c.key}
                className={c.numeric ? styles.numeric : undefined}
                button={c.numeric ? { className: styles.numeric } : undefined}
              >
                {c.label}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={rowKey(row)}>
              {columns.map((c) => (
                <TableCell key={c.key} className={c.numeric ? styles.numeric : undefined}>
                  {c.render(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
