// Step 1: the list, from the renewal queue's filters. Building it makes the batch (a draft with
// every matching licence selected) and moves to its own address, #/renewals/batch/<id>.
import { Button, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultChunkSize } from '../../../src-main/common/ops/batch-ops.ts';
import type { RenewalQueueKind } from '../../../src-main/common/ops/fee-ops.ts';
import { batchHref } from '../../route.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { useCreateBatch } from '../../queries/index.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '36rem' },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalM },
});

const kinds: readonly RenewalQueueKind[] = ['expiring', 'expired', 'delinquent', 'all'];
const kindLabel = {
  expiring: 'fees.queue.kindExpiring',
  expired: 'fees.queue.kindExpired',
  delinquent: 'fees.queue.kindDelinquent',
  all: 'fees.queue.kindAll',
} as const;

const whole = (value: string, fallback: number, min: number, max: number) => {
  const n = Number(value);
  return Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
};

export function BuildStep({ formId }: { formId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const create = useCreateBatch();
  const [kind, setKind] = useState<RenewalQueueKind>('expiring');
  const [within, setWithin] = useState('60');
  const [type, setType] = useState('');
  const [text, setText] = useState('');
  const [limit, setLimit] = useState('200');
  const [chunk, setChunk] = useState(String(defaultChunkSize));

  const submit = () => {
    if (create.isPending) return;
    create.mutate(
      {
        criteria: {
          kind,
          withinDays: whole(within, 60, 0, 3650),
          limit: whole(limit, 200, 1, 5000),
          ...(type.trim() ? { licenceTypeCode: type.trim().toUpperCase() } : {}),
          ...(text.trim() ? { text: text.trim() } : {}),
        },
        chunkSize: whole(chunk, defaultChunkSize, 1, 1000),
      },
      { onSuccess: (batch) => (window.location.hash = batchHref(batch.id)) },
    );
  };

  return (
    <form
      id={formId}
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Text>{t('batch.build.intro')}</Text>
      <div className={styles.row}>
        <Field label={t('batch.build.kind')}>
          <Select value={kind} onChange={(_, d) => setKind(d.value as RenewalQueueKind)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(kindLabel[k])}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('batch.build.within')}>
          <Input type="number" min={0} max={3650} value={within} onChange={(_, d) => setWithin(d.value)} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={t('batch.build.type')}>
          <Input value={type} onChange={(_, d) => setType(d.value)} />
        </Field>
        <Field label={t('batch.build.text')}>
          <Input value={text} onChange={(_, d) => setText(d.value)} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={t('batch.build.limit')}>
          <Input type="number" min={1} max={5000} value={limit} onChange={(_, d) => setLimit(d.value)} />
        </Field>
        <Field label={t('batch.build.chunk')} hint={t('batch.build.chunkHint')}>
          <Input type="number" min={1} max={1000} value={chunk} onChange={(_, d) => setChunk(d.value)} />
        </Field>
      </div>
      {create.error ? <ErrorMessage error={create.error} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={create.isPending}>
          {create.isPending ? t('batch.build.creating') : t('batch.build.create')}
        </Button>
      </div>
    </form>
  );
}
