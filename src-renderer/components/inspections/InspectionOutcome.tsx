// What recording a result gave: pass or fail with the score and grade, the city's rule worked out
// line by line, the re-inspection a failure scheduled, and that it waits for the legacy system.
import {
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../src-main/common/contract.ts';
import { formatDate } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { shownId } from '../../provisional-id.ts';
import { inspectionHref } from '../../route.ts';
import { wordsIn } from './inspection-text.ts';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  line: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  working: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  sub: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

export function InspectionOutcome({
  outcome,
  waiting,
}: {
  outcome: OpOutput<'inspections.record'>;
  /** The result has not reached the legacy system yet. */
  waiting: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const passed = outcome.result === 'pass';
  return (
    <div className={styles.stack} data-testid="outcome" data-result={outcome.result}>
      <MessageBar intent={passed ? 'success' : 'error'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {t('inspections.outcomeLine', {
              result: t(`inspections.result.${outcome.result}`),
              score: outcome.score,
              grade: outcome.grade,
            })}
          </MessageBarTitle>
          {waiting ? <div>{t('inspections.recordedPending')}</div> : null}
        </MessageBarBody>
      </MessageBar>
      <h3 className={styles.sub}>{t('inspections.working')}</h3>
      <ol className={styles.working} data-testid="working">
        {outcome.working.map((line, n) => (
          <li key={n}>{wordsIn(line, language)}</li>
        ))}
      </ol>
      {outcome.reinspection ? (
        <p className={styles.line} data-testid="reinspection">
          <Link href={inspectionHref(outcome.reinspection.inspectionId)}>
            {t('inspections.reinspection', {
              date: formatDate(outcome.reinspection.scheduledOn, language),
              id: shownId(outcome.reinspection.inspectionId),
            })}
          </Link>
        </p>
      ) : outcome.reinspectionDue ? (
        <p className={styles.line}>
          {t('inspections.reinspectionDue', { date: formatDate(outcome.reinspectionDue, language) })}
        </p>
      ) : null}
    </div>
  );
}
