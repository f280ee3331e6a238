// A conflict field by field: what the clerk saw, the clerk's change, and the legacy value now,
// with the fields somebody changed elsewhere marked in words (and colour).
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ConflictField } from '../../src-main/common/sync-model.ts';
import { fieldLabel, formatFieldValue } from '../conflict-values.ts';
import { useLanguage } from '../hooks.ts';
import { columnsOf, DataTable } from './table/DataTable.tsx';

const useStyles = makeStyles({
  changed: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  fieldCell: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalXXS,
  },
  fieldName: { fontWeight: tokens.fontWeightSemibold },
  current: { fontWeight: tokens.fontWeightSemibold },
});

const column = columnsOf<ConflictField>();

export function ConflictFields({ fields }: { fields: ConflictField[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const show = (f: ConflictField, v: ConflictField['seen']) => formatFieldValue(f.field, v, t, language);
  return (
    <DataTable
      caption={t('conflicts.fieldsCaption')}
      captionShown
      rows={fields}
      rowKey={(f) => f.field}
      rowAttributes={(f) => ({
        'data-field': f.field,
        ...(f.changedElsewhere ? { 'data-changed-elsewhere': 'true' } : {}),
      })}
      rowClassName={(f) => (f.changedElsewhere ? styles.changed : undefined)}
      columns={[
        column.display({
          id: 'field',
          header: t('conflicts.field'),
          cell: ({ row }) => (
            <span className={styles.fieldCell}>
              <span className={styles.fieldName}>{fieldLabel(row.original.field, t)}</span>
              {row.original.changedElsewhere ? (
                <Badge appearance="filled" color="warning" size="small">
                  {t('conflicts.changedElsewhere')}
                </Badge>
              ) : null}
            </span>
          ),
        }),
        column.display({
          id: 'seen',
          header: t('conflicts.seen'),
          cell: ({ row }) => show(row.original, row.original.seen),
        }),
        column.display({
          id: 'mine',
          header: t('conflicts.mine'),
          cell: ({ row }) => show(row.original, row.original.mine),
        }),
        column.display({
          id: 'current',
          header: t('conflicts.current'),
          cell: ({ row }) => show(row.original, row.original.current),
          meta: { cellClassName: (f) => (f.changedElsewhere ? styles.current : undefined) },
        }),
      ]}
    />
  );
}
