// The one keyboard-worked virtual list (the search results, the renewal queue): a listbox whose
// rows are virtualised by TanStack Virtual (only the rows in view are in the DOM, so thousands
// scroll smoothly). Arrow keys, Home, End, PageUp and PageDown move the active row and scroll it
// into view; Enter or a click opens it. The active row is announced through
// aria-activedescendant (focus stays on the listbox, or on the field that drives it) and is the
// listbox's selected option (aria-selected): these lists select one row to open, not several.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type ReactNode, type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import { type ListKeyOptions, nextActiveIndex } from './list-keys.ts';

const useStyles = makeStyles({
  frame: {
    display: 'flex',
    flexDirection: 'column',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    overflow: 'hidden',
  },
  header: {
    flexShrink: 0,
    overflow: 'hidden',
    scrollbarGutter: 'stable',
    minHeight: '36px',
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    // the width of the rows' active marker, so the headings stand over their columns
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflowY: 'auto',
    scrollbarGutter: 'stable',
    outlineStyle: 'none',
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  inner: { position: 'relative', width: '100%' },
  row: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    boxSizing: 'border-box',
    cursor: 'pointer',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    borderLeftColor: tokens.colorCompoundBrandStroke,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected },
  },
  headerCell: {
    display: 'block',
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  empty: { padding: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground3 },
});

/** What a field that drives the list (the search box) calls with its keys. */
export interface KeyboardListControl {
  /** Moves or opens the active row for a navigation key; true when the key was used. */
  handleKey: (event: KeyboardEvent<HTMLElement>, options?: ListKeyOptions) => boolean;
}

type Props<T> = {
  id: string;
  items: readonly T[];
  itemKey: (item: T) => string;
  /** The option id of row `index`, for aria-activedescendant (also on a driving field). */
  optionId: (index: number) => string;
  rowHeight: number;
  activeIndex: number;
  onActiveChange: (index: number) => void;
  onOpen: (index: number) => void;
  /** The column headings (hidden from screen readers: each row reads as one option). */
  columns: readonly string[];
  /** The grid (columns) shared by the heading and every row. */
  gridClassName: string;
  /** The cells of one row, in the order of `columns`. */
  renderRow: (item: T, index: number) => ReactNode;
  /** Extra attributes of a row (e.g. data-licence-id for the tests). */
  rowAttributes?: (item: T) => Record<`data-${string}`, string>;
  label: string;
  description?: string;
  /** Shown in the list when it has no rows. */
  empty?: ReactNode;
  /** Keys handled before the list's own (e.g. Escape to clear the search). */
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
  className?: string;
  testId?: string;
  controlRef?: Ref<KeyboardListControl>;
};

export function KeyboardList<T>(props: Props<T>) {
  const { id, items, activeIndex, onActiveChange, onOpen, rowHeight, optionId } = props;
  const styles = useStyles();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });

  useEffect(() => {
    if (activeIndex >= 0 && activeIndex < items.length)
      virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, items.length, virtualizer]);

  const handleKey = (event: KeyboardEvent<HTMLElement>, options?: ListKeyOptions): boolean => {
    if (items.length === 0) return false;
    if (event.key === 'Enter') {
      if (activeIndex < 0) return false;
      event.preventDefault();
      onOpen(activeIndex);
      return true;
    }
    // PageUp/PageDown move by the rows the list shows at once.
    const pageRows = Math.floor((scrollerRef.current?.clientHeight ?? rowHeight * 10) / rowHeight);
    const next = nextActiveIndex(event.key, activeIndex, items.length, pageRows, options);
    if (next === null) return false;
    event.preventDefault();
    onActiveChange(next);
    return true;
  };
  useImperativeHandle(props.controlRef, () => ({ handleKey }));

  return (
    <div className={mergeClasses(styles.frame, props.className)}>
      <div className={mergeClasses(props.gridClassName, styles.header)} aria-hidden="true">
        {props.columns.map((c) => (
          <span key={c} className={styles.headerCell}>
            {c}
          </span>
        ))}
      </div>
      <div
        ref={scrollerRef}
        id={id}
        role="listbox"
        tabIndex={0}
        aria-label={props.label}
        aria-description={props.description}
        aria-activedescendant={
          activeIndex >= 0 && activeIndex < items.length ? optionId(activeIndex) : undefined
        }
        className={styles.scroller}
        onKeyDown={(event) => {
          props.onKeyDown?.(event);
          if (!event.defaultPrevented) handleKey(event);
        }}
        // Focus arriving with no active row makes the first one active, so it is announced.
        onFocus={() => {
          if (activeIndex < 0 && items.length > 0) onActiveChange(0);
        }}
        data-testid={props.testId}
      >
        {items.length === 0 && props.empty ? <div className={styles.empty}>{props.empty}</div> : null}
        <div className={styles.inner} style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {virtualizer.getVirtualItems().map((virtual) => {
            const item = items[virtual.index];
            if (item === undefined) return null;
            const active = virtual.index === activeIndex;
            return (
              // keys are handled by the listbox (and a driving field), through aria-activedescendant
              <div
                key={props.itemKey(item)}
                id={optionId(virtual.index)}
                role="option"
                aria-selected={active}
                tabIndex={-1}
                className={mergeClasses(props.gridClassName, styles.row, active && styles.active)}
                style={{ height: `${rowHeight}px`, transform: `translateY(${virtual.start}px)` }}
                onClick={() => onOpen(virtual.index)}
                {...props.rowAttributes?.(item)}
              >
                {props.renderRow(item, virtual.index)}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
