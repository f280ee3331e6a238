// A conflict field by field: what the clerk saw, the clerk's change, and the legacy value now,
// with the fields somebody changed elsewhere marked in words (and colour).
import {
  Badge,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ConflictField } from '../../src-main/common/sync-model.ts';
import { fieldLabel, formatFieldValue } from '../conflict-values.ts';
import { useLanguage } from '../hooks.ts';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  changed: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  fieldCell: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalXXS,
  },
  fieldName: { fontWeight: tokens.fontWeightSemibold },
  current: { fontWeight: tokens.fontWeightSemibold },
  caption: {
    textAlign: 'start',
    captionSide: 'top',
    paddingBlockEnd: tokens.spacingVerticalS,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export function ConflictFields({ fields }: { fields: ConflictField[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const show = (f: ConflictField, v: ConflictField['seen']) => formatFieldValue(f.field, v, t, language);
  return (
    <div className={styles.wrap}>
      <Table size="small">
        <caption className={styles.caption}>{t('conflicts.fieldsCaption')}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('conflicts.field')}</TableHeaderCell>
            <TableHeaderCell>{t('conflicts.seen')}</TableHeaderCell>
            <TableHeaderCell>{t('conflicts.mine')}</TableHeaderCell>
            <TableHeaderCell>{t('conflicts.current')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {fields.map((f) => (
            <TableRow
              key={f.field}
              data-field={f.field}
              data-changed-elsewhere={f.changedElsewhere ? 'true' : undefined}
              className={mergeClasses(f.changedElsewhere && styles.changed)}
            >
              <TableCell>
                <span className={styles.fieldCell}>
                  <span className={styles.fieldName}>{fieldLabel(f.field, t)}</span>
                  {f.changedElsewhere ? (
                    <Badge appearance="filled" color="warning" size="small">
                      {t('conflicts.changedElsewhere')}
                    </Badge>
                  ) : null}
                </span>
              </TableCell>
              <TableCell>{show(f, f.seen)}</TableCell>
              <TableCell>{show(f, f.mine)}</TableCell>
              <TableCell className={mergeClasses(f.changedElsewhere && styles.current)}>
                {show(f, f.current)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
