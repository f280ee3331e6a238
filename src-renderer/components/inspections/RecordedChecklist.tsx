// A done visit's checklist, read-only: each item of the city's checklist with what was recorded.
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../src-main/common/contract.ts';
import { text } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { columnsOf, DataTable, type TableColumn } from '../table/DataTable.tsx';
import { wordsIn } from './inspection-text.ts';

type Item = OpOutput<'inspections.show'>['checklist'][number];
const column = columnsOf<Item>();

const useStyles = makeStyles({
  code: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' },
  wrap: { whiteSpace: 'normal' },
  fail: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function RecordedChecklist({ labelledBy, items }: { labelledBy: string; items: readonly Item[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const columns: TableColumn<Item>[] = [
    column.accessor('code', {
      header: t('inspections.columns.item'),
      cell: (c) => <span className={styles.code}>{c.getValue()}</span>,
      meta: { width: '6rem' },
    }),
    column.display({
      id: 'words',
      header: t('inspections.columns.words'),
      cell: ({ row: { original: item } }) => (
        <span className={styles.wrap}>
          {wordsIn(item.words, language)}{' '}
          {item.critical ? (
            <Badge appearance="outline" color="danger" size="small">
              {t('inspections.critical')}
            </Badge>
          ) : null}
        </span>
      ),
    }),
    column.accessor('weight', {
      header: t('inspections.columns.weight'),
      meta: { numeric: true, width: '6rem' },
    }),
    column.display({
      id: 'outcome',
      header: t('inspections.columns.outcome'),
      meta: { width: '10rem' },
      cell: ({ row: { original: item } }) =>
        item.recorded ? (
          <span className={item.recorded.outcome === 'fail' ? styles.fail : undefined}>
            {t(`inspections.outcome.${item.recorded.outcome}`)}
          </span>
        ) : (
          text(null)
        ),
    }),
    column.display({
      id: 'note',
      header: t('inspections.columns.note'),
      meta: { width: '30%' },
      cell: ({ row: { original: item } }) => <span className={styles.wrap}>{text(item.recorded?.note)}</span>,
    }),
  ];
  return (
    <DataTable
      labelledBy={labelledBy}
      columns={columns}
      rows={items}
      rowKey={(i) => i.code}
      rowAttributes={(i) => ({ 'data-item': i.code, 'data-outcome': i.recorded?.outcome ?? '' })}
      empty={t('inspections.visit.noChecklist')}
    />
  );
}
