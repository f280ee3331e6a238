// The application's checklist: a checkbox per item (checked = received / passed / approved), who
// did it and when; a supervisor may waive an item with a reason. The service checks the role and
// the state; the screen only offers what makes sense.
import { Badge, Button, Checkbox, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail, RequirementItem } from '../../../src-main/common/ops/application-ops.ts';
import { useUpdateRequirement } from '../../queries/index.ts';
import { formatTimestamp } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { columnsOf, DataTable } from '../table/DataTable.tsx';

const doneState = { document: 'received', inspection: 'passed', approval: 'approved' } as const;

const column = columnsOf<RequirementItem>();

const useStyles = makeStyles({
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

  const checkCell = (item: RequirementItem) => (
    <>
      <Checkbox
        label={label(item)}
        checked={item.state !== 'open'}
        disabled={!open || update.isPending || item.state === 'waived'}
        onChange={(_, d) => set(item, d.checked ? doneState[item.kind] : 'open')}
      />
      {open && item.state === 'open' ? (
        waiving === item.code ? (
          <div className={styles.waive}>
            <Field label={t('applications.waiveReason')} hint={t('applications.waiveHint')} required>
              <Input value={reason} onChange={(_, d) => setReason(d.value)} maxLength={500} autoFocus />
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
    </>
  );
  const stateCell = (item: RequirementItem) => (
    <>
      <Badge appearance="tint" color={stateColour(item)}>
        {t(`applications.itemState.${item.state}`)}
      </Badge>
      {item.note ? <Text className={styles.muted}> {item.note}</Text> : null}
    </>
  );

  if (detail.items.length === 0) return <Text as="p">{t('applications.checklistEmpty')}</Text>;
  return (
    <div>
      <DataTable
        labelledBy={labelledBy}
        rows={detail.items}
        rowKey={(item) => item.code}
        rowAttributes={(item) => ({ 'data-item': item.code })}
        columns={[
          column.display({
            id: 'item',
            header: t('applications.colItem'),
            cell: ({ row }) => checkCell(row.original),
          }),
          column.accessor('kind', {
            header: t('applications.colKind'),
            cell: (c) => t(`applications.kind.${c.getValue()}`),
          }),
          column.accessor('required', {
            header: t('applications.colRequired'),
            cell: (c) => (c.getValue() ? t('applications.yes') : t('applications.no')),
          }),
          column.display({
            id: 'state',
            header: t('applications.colState'),
            cell: ({ row }) => stateCell(row.original),
          }),
          column.display({
            id: 'who',
            header: t('applications.colWho'),
            cell: ({ row: { original: item } }) =>
              item.doneBy
                ? t('applications.doneBy', { who: item.doneBy, when: formatTimestamp(item.doneAt, language) })
                : '—',
          }),
        ]}
      />
      {update.isError ? <ErrorMessage error={update.error} /> : null}
    </div>
  );
}

function stateColour(item: RequirementItem) {
  if (item.state === 'waived') return 'warning';
  if (item.state !== 'open') return 'success';
  return item.required ? 'danger' : 'informative';
}
