// Step 2: review the list and deselect. One checkbox per licence (Tab moves, Space ticks), select
// all or none, and the counts and total of what is selected, which the validation fills in.
import { Button, Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BatchDetail, BatchItem } from '../../../src-main/common/ops/batch-ops.ts';
import { formatDate, formatMoney, MISSING } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { columnsOf, DataTable } from '../table/DataTable.tsx';
import { useSetSelected } from '../../queries/index.ts';

const item = columnsOf<BatchItem>();

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  frame: { maxHeight: '55vh', overflowY: 'auto', minWidth: 0 },
  number: { fontFamily: tokens.fontFamilyMonospace },
  bad: { color: tokens.colorPaletteRedForeground1 },
  caption: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

export const editableStates = ['draft', 'validated', 'notices_printed'] as const;

export function CountsLine({ batch }: { batch: BatchDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const c = batch.counts;
  return (
    <Text weight="semibold" role="status" data-batch-counts="">
      {t('batch.review.counts', {
        selected: c.selected,
        items: c.items,
        businesses: c.businesses,
        total: formatMoney(c.selectedTotalCents, language),
      })}
    </Text>
  );
}

function checkText(item: BatchItem, t: TFunction): string {
  if (item.state === 'posted') return t('batch.review.posted');
  if (item.state === 'blocked') return t('batch.review.blocked');
  if (item.problems === null) return t('batch.review.notValidated');
  return item.problems.length
    ? t('batch.review.problems', { count: item.problems.length })
    : t('batch.review.ok');
}

export function ReviewStep({ batch }: { batch: BatchDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const select = useSetSelected();
  const editable = (editableStates as readonly string[]).includes(batch.state);
  const setAll = (selected: boolean) => select.mutate({ batchId: batch.id, selected });
  return (
    <div className={styles.root}>
      <Text>
        {editable
          ? t('batch.review.intro')
          : t('batch.review.locked', { state: t(`batch.state.${batch.state}`) })}
      </Text>
      <div className={styles.bar}>
        <Button disabledFocusable={!editable || select.isPending} onClick={() => setAll(true)}>
          {t('batch.review.selectAll')}
        </Button>
        <Button disabledFocusable={!editable || select.isPending} onClick={() => setAll(false)}>
          {t('batch.review.selectNone')}
        </Button>
        <CountsLine batch={batch} />
      </div>
      {select.error ? <ErrorMessage error={select.error} /> : null}
      <div className={styles.frame}>
        <DataTable
          label={t('batch.review.caption')}
          columns={[
            item.display({
              id: 'select',
              header: t('batch.review.colSelect'),
              cell: ({ row: { original: i } }) => (
                <Checkbox
                  checked={i.selected}
                  disabled={!editable}
                  aria-label={t('batch.review.selectLicence', { id: i.licenceId, business: i.businessName })}
                  onChange={(_, d) =>
                    select.mutate({
                      batchId: batch.id,
                      selected: d.checked === true,
                      licenceIds: [i.licenceId],
                    })
                  }
                />
              ),
            }),
            item.accessor('licenceId', {
              header: t('batch.review.colLicence'),
              meta: { cellClassName: styles.number },
            }),
            item.accessor('businessName', {
              header: t('batch.review.colBusiness'),
              cell: (c) => c.getValue() || MISSING,
            }),
            item.accessor('licenceTypeName', {
              header: t('batch.review.colType'),
              cell: (c) => c.getValue() ?? MISSING,
            }),
            item.accessor('currentExpiresOn', {
              header: t('batch.review.colExpires'),
              cell: (c) => formatDate(c.getValue(), language),
            }),
            item.accessor('newExpiresOn', {
              header: t('batch.review.colNewExpiry'),
              cell: (c) => formatDate(c.getValue(), language),
            }),
            item.accessor('quoteTotalCents', {
              header: t('batch.review.colAmount'),
              cell: (c) => formatMoney(c.getValue(), language),
              meta: { numeric: true },
            }),
            item.display({
              id: 'check',
              header: t('batch.review.colCheck'),
              cell: ({ row: { original: i } }) => checkText(i, t),
              meta: {
                cellClassName: (i) => (i.problems?.length || i.state === 'blocked' ? styles.bad : undefined),
              },
            }),
          ]}
          rows={batch.items}
          rowKey={(i) => i.licenceId}
          rowAttributes={(i) => ({ 'data-licence': i.licenceId })}
        />
      </div>
    </div>
  );
}
