// Step 5: post. Starts (or resumes) the posting on the desk and shows its progress, which the
// screen polls while the desk posts chunk after chunk; an interrupted run offers to resume.
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { BatchDetail } from '../../../src-main/common/ops/batch-ops.ts';
import { useLanguage } from '../../hooks.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { batchProblemText } from './batch-text.ts';
import { usePostBatch } from '../../queries/index.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    alignItems: 'stretch',
    maxWidth: '48rem',
  },
  start: { alignSelf: 'flex-start' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  number: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
});

export function usePostAction(batch: BatchDetail) {
  const post = usePostBatch();
  const canStart = batch.state === 'notices_printed' || (batch.state === 'posting' && !batch.running);
  return {
    post,
    enabled: canStart && !post.isPending,
    run: () => canStart && !post.isPending && post.mutate({ batchId: batch.id }),
  };
}

export function PostStep({
  batch,
  action,
}: {
  batch: BatchDetail;
  action: ReturnType<typeof usePostAction>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const c = batch.counts;
  const total = c.posted + c.blocked + c.remaining;
  const blocked = batch.items.filter((i) => i.state === 'blocked');
  const showProgress = batch.state === 'posting' || batch.state === 'posted';
  const interrupted = batch.state === 'posting' && !batch.running;
  return (
    <div className={styles.root}>
      <Text>{t('batch.post.intro')}</Text>
      {batch.state === 'validated' || batch.state === 'draft' ? (
        <Text>{t('batch.post.needNotices')}</Text>
      ) : null}
      {batch.state === 'notices_printed' || interrupted ? (
        <Button
          className={styles.start}
          appearance="primary"
          disabledFocusable={!action.enabled}
          onClick={action.run}
        >
          {action.post.isPending
            ? t('batch.post.starting')
            : interrupted
              ? t('batch.post.resume')
              : t('batch.post.start', { count: c.remaining })}
        </Button>
      ) : null}
      {action.post.error ? <ErrorMessage error={action.post.error} /> : null}
      {interrupted ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {batch.lastError
              ? t('batch.post.error', { message: batch.lastError })
              : t('batch.post.interrupted')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {showProgress ? (
        <Field
          label={t('batch.post.progress')}
          validationMessage={t('batch.post.progressText', { posted: c.posted, total })}
          validationState="none"
        >
          <ProgressBar
            value={total ? (c.posted + c.blocked) / total : 1}
            thickness="large"
            data-batch-progress=""
          />
        </Field>
      ) : null}
      {batch.state === 'posted' ? (
        <MessageBar intent="success">
          <MessageBarBody role="status">{t('batch.post.done', { posted: c.posted })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {blocked.length ? (
        <>
          <Text>{t('batch.post.blocked', { count: blocked.length })}</Text>
          <ul className={styles.list}>
            {blocked.map((item) => (
              <li key={item.licenceId}>
                <span className={styles.number}>{item.licenceId}</span> {item.businessName}:{' '}
                {(item.problems ?? []).map((p) => batchProblemText(p, t, language)).join(' ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
