// Step 3: validate. Every selected licence is checked for today by the desk (holds, money owed,
// the window, the status, missing requirements); the ones that cannot be renewed are listed with
// why, and can be deselected in one go (or fixed, then validated again).
import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { BatchDetail } from '../../../src-main/common/ops/batch-ops.ts';
import { formatDate } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { batchProblemText } from './batch-text.ts';
import { useSetSelected, useValidateBatch } from '../../queries/index.ts';
import { CountsLine, editableStates } from './ReviewStep.tsx';
import { useStackStyles } from '../layout/stack-styles.ts';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, maxHeight: '40vh', overflowY: 'auto' },
  number: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export function useValidateAction(batch: BatchDetail) {
  const validate = useValidateBatch();
  const editable = (editableStates as readonly string[]).includes(batch.state);
  return {
    validate,
    enabled: editable && !validate.isPending,
    run: () => editable && !validate.isPending && validate.mutate(batch.id),
  };
}

export function ValidateStep({
  batch,
  action,
}: {
  batch: BatchDetail;
  action: ReturnType<typeof useValidateAction>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const stack = useStackStyles();
  const select = useSetSelected();
  const bad = batch.items.filter(
    (i) => i.selected && i.problems && i.problems.length > 0 && i.state === 'pending',
  );
  const c = batch.counts;
  return (
    <div className={stack.roomy}>
      <Text>{t('batch.validate.intro')}</Text>
      <Button appearance="primary" disabledFocusable={!action.enabled} onClick={action.run}>
        {action.validate.isPending ? t('batch.validate.running') : t('batch.validate.run')}
      </Button>
      {action.validate.error ? <ErrorMessage error={action.validate.error} /> : null}
      <Text>
        {batch.validatedOn
          ? t('batch.validate.when', { date: formatDate(batch.validatedOn, language) })
          : t('batch.validate.never')}
      </Text>
      <CountsLine batch={batch} />
      {batch.validatedOn && bad.length === 0 && c.unvalidated === 0 && c.selected > 0 ? (
        <MessageBar intent="success">
          <MessageBarBody>{t('batch.validate.allGood', { count: c.selected })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {c.unvalidated > 0 && batch.validatedOn ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('batch.validate.unvalidated', { count: c.unvalidated })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {bad.length ? (
        <>
          <h3 className={styles.heading}>{t('batch.validate.problemsHeading', { count: bad.length })}</h3>
          {/* A long list scrolls: focusable, so it scrolls by keyboard too. */}
          <ul className={styles.list} data-batch-problems="" tabIndex={0}>
            {bad.map((item) => (
              <li key={item.licenceId}>
                <span className={styles.number}>{item.licenceId}</span> {item.businessName}:{' '}
                {item.problems!.map((p) => batchProblemText(p, t, language)).join(' ')}
              </li>
            ))}
          </ul>
          <Button
            disabledFocusable={select.isPending}
            onClick={() =>
              select.mutate({ batchId: batch.id, selected: false, licenceIds: bad.map((i) => i.licenceId) })
            }
          >
            {t('batch.validate.deselectProblems')}
          </Button>
          {select.error ? <ErrorMessage error={select.error} /> : null}
        </>
      ) : null}
    </div>
  );
}
