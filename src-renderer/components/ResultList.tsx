// The virtualised result listbox: only the rows in view are in the DOM, so hundreds of results
// scroll smoothly. The highlighted row is announced through aria-activedescendant.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LicenceSummary } from '../../src-main/common/contract.ts';
import { ResultRow, ROW_HEIGHT, useRowStyles } from './ResultRow.tsx';

const useStyles = makeStyles({
  frame: {
    display: 'flex',
    flexDirection: 'column',
    flexGrow: 1,
    minHeight: 0,
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
});

type Props = {
  id: string;
  results: LicenceSummary[];
  activeIndex: number;
  optionId: (index: number) => string;
  onOpen: (index: number) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
};

export function ResultList({ id, results, activeIndex, optionId, onOpen, onKeyDown }: Props) {
  const { t } = useTranslation();
  const styles = useStyles();
  const rowStyles = useRowStyles();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: results.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  useEffect(() => {
    if (activeIndex >= 0 && activeIndex < results.length)
      virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, results.length, virtualizer]);

  const columns = ['licence', 'business', 'owner', 'address', 'type', 'status', 'expires'] as const;
  return (
    <div className={styles.frame}>
      <div className={mergeClasses(rowStyles.grid, styles.header)} aria-hidden="true">
        {columns.map((c) => (
          <span key={c} className={rowStyles.cell}>
            {t(`columns.${c}`)}
          </span>
        ))}
      </div>
      <div
        ref={scrollerRef}
        id={id}
        role="listbox"
        tabIndex={0}
        aria-label={t('search.results')}
        aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
        className={styles.scroller}
        onKeyDown={onKeyDown}
      >
        <div className={styles.inner} style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {virtualizer.getVirtualItems().map((item) => {
            const licence = results[item.index];
            if (!licence) return null;
            return (
              <ResultRow
                key={licence.licenceId}
                id={optionId(item.index)}
                licence={licence}
                active={item.index === activeIndex}
                style={{ transform: `translateY(${item.start}px)` }}
                onOpen={() => onOpen(item.index)}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
