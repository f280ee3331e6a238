// The one read-only table of the UI: the columns and rows are a TanStack Table (v9, `useTable`,
// core row model only: no sorting or paging is wanted), rendered with Fluent's Table parts. Each
// use types its columns over its own rows with `columnsOf<Row>()`. A column's `meta` says how its
// cells look: `numeric` right-aligns them in tabular figures (money, counts), `cellClassName`
// adds a class (fixed or per row), `width` fixes its width. A table with no rows shows the `empty` message instead.
import {
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  type ColumnDef,
  createColumnHelper,
  type RowData,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import type { ReactNode } from 'react';

// No optional features: the table is only columns over rows.
const features = tableFeatures({});
type Features = typeof features;

declare module '@tanstack/react-table' {
  // TFeatures and TValue are part of the interface being extended; the UI's meta does not use them.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TFeatures, TData extends RowData, TValue> {
    /** Right-aligned, tabular figures (money, counts). */
    numeric?: boolean;
    /** A class for the column's cells, or one per row. */
    cellClassName?: string | ((row: TData) => string | undefined);
    /** The column's width (CSS, e.g. '6rem'); columns without one share what is left. */
    width?: string;
  }
}

/** A column of a DataTable over rows of type T. */
export type TableColumn<T extends RowData> = ColumnDef<Features, T, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The column helper for rows of type T: `columnsOf<Row>().accessor('amountCents', {...})`. */
export const columnsOf = <T extends RowData>() => createColumnHelper<Features, T>();

const useStyles = makeStyles({
  numeric: {
    textAlign: 'end',
    justifyContent: 'flex-end',
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
  },
  empty: { color: tokens.colorNeutralForeground3 },
  wrap: { overflowX: 'auto' },
  caption: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  captionShown: {
    textAlign: 'start',
    captionSide: 'top',
    paddingBlockEnd: tokens.spacingVerticalS,
    fontWeight: tokens.fontWeightSemibold,
  },
});

type Props<T extends RowData> = {
  columns: TableColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  /** The table's name: the id of its heading, a label, or a caption for screen readers. */
  labelledBy?: string;
  label?: string;
  caption?: string;
  /** Show the caption above the table (by default it is for screen readers only). */
  captionShown?: boolean;
  /** Shown instead of the table when there are no rows (without it an empty table is shown). */
  empty?: string;
  size?: 'small' | 'extra-small';
  /** Rows after the data rows, such as a total (Fluent TableRow elements). */
  extraRows?: ReactNode;
  /** Extra attributes of a row (data-* for the tests). */
  rowAttributes?: (row: T) => Record<`data-${string}`, string>;
  /** A class for a row (a highlight). */
  rowClassName?: (row: T) => string | undefined;
  /** The wrapper's class (the default scrolls sideways when the table is wider than its place). */
  className?: string;
};

export function DataTable<T extends RowData>(props: Props<T>) {
  const styles = useStyles();
  const table = useTable({
    features,
    columns: props.columns,
    data: props.rows as T[],
    getRowId: (row, index) => props.rowKey(row, index),
  });
  if (props.rows.length === 0 && props.empty !== undefined) {
    return (
      <Text as="p" className={styles.empty}>
        {props.empty}
      </Text>
    );
  }
  return (
    <div className={props.className ?? styles.wrap}>
      <Table size={props.size ?? 'small'} aria-labelledby={props.labelledBy} aria-label={props.label}>
        {props.caption ? (
          <caption className={props.captionShown ? styles.captionShown : styles.caption}>
            {props.caption}
          </caption>
        ) : null}
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id}>
              {group.headers.map((header) => {
                const numeric = header.column.columnDef.meta?.numeric;
                const width = header.column.columnDef.meta?.width;
                return (
                  <TableHeaderCell
                    key={header.id}
                    className={numeric ? styles.numeric : undefined}
                    style={width ? { width } : undefined}
                    button={numeric ? { className: styles.numeric } : undefined}
                  >
                    {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                  </TableHeaderCell>
                );
              })}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {table.getRowModel().rows.map((row) => (
            <TableRow
              key={row.id}
              className={props.rowClassName?.(row.original)}
              {...props.rowAttributes?.(row.original)}
            >
              {row.getAllCells().map((cell) => {
                const meta = cell.column.columnDef.meta;
                const extra =
                  typeof meta?.cellClassName === 'function'
                    ? meta.cellClassName(row.original)
                    : meta?.cellClassName;
                return (
                  <TableCell key={cell.id} className={mergeClasses(meta?.numeric && styles.numeric, extra)}>
                    <table.FlexRender cell={cell} />
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
          {props.extraRows}
        </TableBody>
      </Table>
    </div>
  );
}

/** The numeric cell style, for a DataTable's extra rows (a total under a numeric column). */
export const useTableStyles = useStyles;
