// Step 2: review the list and deselect. One checkbox per licence (Tab moves, Space ticks), select
// all or none, and the counts and total of what is selected, which the validation fills in.
import {
  Button,
  Checkbox,
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
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BatchDetail, BatchItem } from '../../../src-main/common/ops/batch-ops.ts';
import { formatDate, formatMoney, MISSING } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { useSetSelected } from './batch-queries.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  frame: { maxHeight: '55vh', overflowY: 'auto', minWidth: 0 },
  numeric: { textAlign: 'end', justifyContent: 'flex-end', fontVariantNumeric: 'tabular-nums' },
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
        <Table size="small" aria-label={t('batch.review.caption')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('batch.review.colSelect')}</TableHeaderCell>
              <TableHeaderCell>{t('batch.review.colLicence')}</TableHeaderCell>
              <TableHeaderCell>{t('batch.review.colBusiness')}</TableHeaderCell>
              <TableHeaderCell>{t('batch.review.colType')}</TableHeaderCell>
              <TableHeaderCell>{t('batch.review.colExpires')}</TableHeaderCell>
              <TableHeaderCell>{t('batch.review.colNewExpiry')}</TableHeaderCell>
              <TableHeaderCell className={styles.numeric}>{t('batch.review.colAmount')}</TableHeaderCell>
              <TableHeaderCell>{t('batch.review.colCheck')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {batch.items.map((item) => (
              <TableRow key={item.licenceId} data-licence={item.licenceId}>
                <TableCell>
                  <Checkbox
                    checked={item.selected}
                    disabled={!editable}
                    aria-label={t('batch.review.selectLicence', {
                      id: item.licenceId,
                      business: item.businessName,
                    })}
                    onChange={(_, d) =>
                      select.mutate({
                        batchId: batch.id,
                        selected: d.checked === true,
                        licenceIds: [item.licenceId],
                      })
                    }
                  />
                </TableCell>
                <TableCell className={styles.number}>{item.licenceId}</TableCell>
                <TableCell>{item.businessName || MISSING}</TableCell>
                <TableCell>{item.licenceTypeName ?? MISSING}</TableCell>
                <TableCell>{formatDate(item.currentExpiresOn, language)}</TableCell>
                <TableCell>{formatDate(item.newExpiresOn, language)}</TableCell>
                <TableCell className={styles.numeric}>
                  {formatMoney(item.quoteTotalCents, language)}
                </TableCell>
                <TableCell
                  className={item.problems?.length || item.state === 'blocked' ? styles.bad : undefined}
                >
                  {checkText(item, t)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
