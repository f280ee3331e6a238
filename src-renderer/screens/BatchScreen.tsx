// #/renewals/batch/new and #/renewals/batch/<id>: the batch renewal wizard. Five steps (build the
// list, review, validate, print notices, post) under a step indicator; the screen opens on the
// step the batch has reached. Keyboard: every control by Tab; Ctrl+Enter does the step's main
// action; "[" and "]" (outside a field) go to the previous and next step.
import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchDetail } from '../../src-main/common/ops/batch-ops.ts';
import { BatchSteps } from '../components/batch/BatchSteps.tsx';
import { type StepName, stepNames } from '../components/batch/batch-text.ts';
import { useBatch, useCancelBatch } from '../queries/index.ts';
import { BuildStep } from '../components/batch/BuildStep.tsx';
import { NoticesStep } from '../components/batch/NoticesStep.tsx';
import { OpenBatches } from '../components/batch/OpenBatches.tsx';
import { PostStep, usePostAction } from '../components/batch/PostStep.tsx';
import { editableStates, ReviewStep } from '../components/batch/ReviewStep.tsx';
import { useValidateAction, ValidateStep } from '../components/batch/ValidateStep.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ScreenTitle } from '../components/ScreenTitle.tsx';
import { Section } from '../components/Section.tsx';
import { formatTimestamp } from '../format.ts';
import { useDocumentTitle, useLanguage } from '../hooks.ts';
import { screenRoot } from '../styles/screen.ts';

const useStyles = makeStyles({
  root: screenRoot,
  meta: { color: tokens.colorNeutralForeground2 },
  nav: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  cancel: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
});

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return target.isContentEditable || tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** Ctrl+Enter: the step's main action; "[" / "]": previous / next step (outside fields). */
function useBatchShortcuts(handlers: { primary: () => void; previous: () => void; next: () => void }) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.metaKey) return;
      if (e.ctrlKey && e.key === 'Enter') {
        e.preventDefault();
        ref.current.primary();
      } else if (!e.ctrlKey && !isEditable(e.target) && (e.key === '[' || e.key === ']')) {
        e.preventDefault();
        if (e.key === '[') ref.current.previous();
        else ref.current.next();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The step a batch has reached: where the screen opens. */
function reachedStep(batch: BatchDetail): StepName {
  switch (batch.state) {
    case 'draft':
      return batch.validatedOn ? 'validate' : 'review';
    case 'validated':
      return 'notices';
    case 'cancelled':
      return 'review';
    default:
      return 'post';
  }
}

function stepsOf(batch: BatchDetail) {
  const s = batch.state;
  const later = (states: string[]) => states.includes(s);
  const reachable = new Set<StepName>(['review', 'validate']);
  if (later(['validated', 'notices_printed', 'posting', 'posted'])) reachable.add('notices');
  if (later(['notices_printed', 'posting', 'posted'])) reachable.add('post');
  const done = new Set<StepName>(['build']);
  if (batch.validatedOn || s !== 'draft') done.add('review');
  if (later(['validated', 'notices_printed', 'posting', 'posted'])) done.add('validate');
  if (later(['notices_printed', 'posting', 'posted'])) done.add('notices');
  if (s === 'posted') done.add('post');
  return { reachable, done };
}

export function BatchScreen({ batchId }: { batchId: string | null }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const title = batchId ? t('batch.titleOf', { id: batchId }) : t('batch.title');
  useDocumentTitle(title);
  return (
    <div className={styles.root}>
      <ScreenTitle heading={title} focusKey={batchId} />
      {batchId ? <ExistingBatch batchId={batchId} /> : <NewBatch />}
    </div>
  );
}

function NewBatch() {
  const { t } = useTranslation();
  const formId = 'batch-build-form';
  useBatchShortcuts({
    primary: () => (document.getElementById(formId) as HTMLFormElement | null)?.requestSubmit(),
    previous: () => {},
    next: () => {},
  });
  return (
    <>
      <BatchSteps shown="build" done={new Set()} reachable={new Set(['build'])} onGo={() => {}} />
      <Section title={t('batch.step.build')}>{() => <BuildStep formId={formId} />}</Section>
      <Section title={t('batch.open.heading')}>{() => <OpenBatches />}</Section>
    </>
  );
}

function ExistingBatch({ batchId }: { batchId: string }) {
  const { t } = useTranslation();
  const query = useBatch(batchId);
  if (query.error) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Text role="status">{t('batch.loading')}</Text>;
  return <Wizard batch={query.data} />;
}

function Wizard({ batch }: { batch: BatchDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const [shown, setShown] = useState<StepName>(() => reachedStep(batch));
  const { reachable, done } = stepsOf(batch);
  const validateAction = useValidateAction(batch);
  const postAction = usePostAction(batch);
  const stepRef = useRef<HTMLDivElement>(null);

  // A step that became out of reach (selection changed after the notices) falls back to the reached one.
  useEffect(() => {
    if (!reachable.has(shown)) setShown(reachedStep(batch));
  }, [batch, reachable, shown]);
  // After each validation the screen moves to what it found: its problems, or the notices. (The
  // notices step stays on screen once printed, with its download links, until the person moves on.)
  const lastValidation = useRef(batch.validatedAt);
  useEffect(() => {
    if (lastValidation.current !== batch.validatedAt) {
      lastValidation.current = batch.validatedAt;
      setShown(batch.state === 'validated' ? 'notices' : 'validate');
    }
  }, [batch]);

  const index = stepNames.indexOf(shown);
  const go = (delta: number) => {
    const target = stepNames[index + delta];
    if (target && reachable.has(target)) setShown(target);
  };
  useBatchShortcuts({
    primary: () => {
      if (shown === 'validate' || shown === 'review') validateAction.run();
      else if (shown === 'post') postAction.run();
      else if (shown === 'notices') stepRef.current?.querySelector<HTMLButtonElement>('button')?.click();
    },
    previous: () => go(-1),
    next: () => go(1),
  });

  let body: ReactNode;
  if (shown === 'review' || shown === 'build') body = <ReviewStep batch={batch} />;
  else if (shown === 'validate') body = <ValidateStep batch={batch} action={validateAction} />;
  else if (shown === 'notices') body = <NoticesStep batch={batch} />;
  else body = <PostStep batch={batch} action={postAction} />;

  return (
    <>
      <Text className={styles.meta}>
        {t(`batch.state.${batch.state}`)} ·{' '}
        {t('batch.builtBy', { at: formatTimestamp(batch.createdAt, language), who: batch.createdBy })}
      </Text>
      <BatchSteps shown={shown} done={done} reachable={reachable} onGo={setShown} />
      <Section title={t(`batch.step.${shown}`)}>
        {() => (
          <div ref={stepRef} data-batch-step={shown}>
            {body}
          </div>
        )}
      </Section>
      <div className={styles.nav}>
        <Button disabledFocusable={!reachable.has(stepNames[index - 1] ?? 'build')} onClick={() => go(-1)}>
          {t('batch.previous')}
        </Button>
        <Button disabledFocusable={!reachable.has(stepNames[index + 1] ?? 'build')} onClick={() => go(1)}>
          {t('batch.next')}
        </Button>
        {batch.state === 'cancelled' ? <Text>{t('batch.cancel.cancelled')}</Text> : null}
        {[...editableStates, 'posting'].includes(batch.state as (typeof editableStates)[number]) ? (
          <CancelBatch batch={batch} />
        ) : null}
      </div>
    </>
  );
}

function CancelBatch({ batch }: { batch: BatchDetail }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const cancel = useCancelBatch();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) return <Button onClick={() => setOpen(true)}>{t('batch.cancel.button')}</Button>;
  return (
    <div className={styles.cancel}>
      <Field label={t('batch.cancel.reason')} required>
        <Input value={reason} onChange={(_, d) => setReason(d.value)} autoFocus />
      </Field>
      <Button
        appearance="primary"
        disabledFocusable={!reason.trim() || cancel.isPending}
        onClick={() => cancel.mutate({ batchId: batch.id, reason: reason.trim() })}
      >
        {t('batch.cancel.confirm')}
      </Button>
      <Button onClick={() => setOpen(false)}>{t('batch.cancel.keep')}</Button>
      {cancel.error ? <ErrorMessage error={cancel.error} /> : null}
    </div>
  );
}
