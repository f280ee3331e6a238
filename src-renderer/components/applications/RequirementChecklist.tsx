// The application's checklist: a checkbox per item (checked = received / passed / approved), who
// did it and when; a supervisor may waive an item with a reason. The service checks the role and
// the state; the screen only offers what makes sense.
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail, RequirementItem } from '../../../src-main/common/ops/application-ops.ts';
import { useUpdateRequirement } from '../../queries/index.ts';
import { formatTimestamp } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';

const doneState = { document: 'received', inspection: 'passed', approval: 'approved' } as const;

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  waive: { display: 'flex', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function RequirementChecklist({
  detail,
  labelledBy,
}: {
  detail: ApplicationDetail;
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const update = useUpdateRequirement();
  const [waiving, setWaiving] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const open = detail.application.status === 'open';
  const label = (item: RequirementItem) => (language === 'es' ? item.labelEs : item.labelEn);
  const set = (item: RequirementItem, state: RequirementItem['state'], note?: string) =>
    update.mutate(
      { applicationId: detail.application.id, code: item.code, state, ...(note ? { note } : {}) },
      { onSuccess: () => setWaiving(null) },
    );

  if (detail.items.length === 0) return <Text as="p">{t('applications.checklistEmpty')}</Text>;
  return (
    <div className={styles.wrap}>
      <Table aria-labelledby={labelledBy} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('applications.colItem')}</TableHeaderCell>
            <TableHeaderCell>{t('applications.colKind')}</TableHeaderCell>
            <TableHeaderCell>{t('applications.colRequired')}</TableHeaderCell>
            <TableHeaderCell>{t('applications.colState')}</TableHeaderCell>
            <TableHeaderCell>{t('applications.colWho')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {detail.items.map((item) => (
            <TableRow key={item.code} data-item={item.code}>
              <TableCell>
                <Checkbox
                  label={label(item)}
                  checked={item.state !== 'open'}
                  disabled={!open || update.isPending || item.state === 'waived'}
                  onChange={(_, d) => set(item, d.checked ? doneState[item.kind] : 'open')}
                />
                {open && item.state === 'open' ? (
                  waiving === item.code ? (
                    <div className={styles.waive}>
                      <Field
                        label={t('applications.waiveReason')}
                        hint={t('applications.waiveHint')}
                        required
                      >
                        <Input
                          value={reason}
                          onChange={(_, d) => setReason(d.value)}
                          maxLength={500}
                          autoFocus
                        />
                      </Field>
                      <Button
                        appearance="primary"
                        disabledFocusable={!reason.trim() || update.isPending}
                        onClick={() => set(item, 'waived', reason.trim())}
                      >
                        {t('applications.waiveConfirm')}
                      </Button>
                      <Button onClick={() => setWaiving(null)}>{t('applications.waiveCancel')}</Button>
                    </div>
                  ) : (
                    <Button
                      size="small"
                      appearance="subtle"
                      aria-label={t('applications.waiveLabel', { item: label(item) })}
                      onClick={() => {
                        setReason('');
                        setWaiving(item.code);
                      }}
                    >
                      {t('applications.waive')}
                    </Button>
                  )
                ) : null}
              </TableCell>
              <TableCell>{t(`applications.kind.${item.kind}`)}</TableCell>
              <TableCell>{item.required ? t('applications.yes') : t('applications.no')}</TableCell>
              <TableCell>
                <Badge
                  appearance="tint"
                  color={
                    item.state === 'open'
                      ? item.required
                        ? 'danger'
                        : 'informative'
                      : item.state === 'waived'
                        ? 'warning'
                        : 'success'
                  }
                >
                  {t(`applications.itemState.${item.state}`)}
                </Badge>
                {item.note ? <Text className={styles.muted}> {item.note}</Text> : null}
              </TableCell>
              <TableCell>
                {item.doneBy
                  ? t('applications.doneBy', {
                      who: item.doneBy,
                      when: formatTimestamp(item.doneAt, language),
                    })
                  : '—'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {update.isError ? <ErrorMessage error={update.error} /> : null}
    </div>
  );
}
