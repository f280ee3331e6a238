// The wizard's step indicator: the five steps in order, the one on screen marked as the current
// step (aria-current), the ones behind marked done; each reachable step is a button.
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, CircleRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { type StepName, stepNames } from './batch-text.ts';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  current: {
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `${tokens.strokeWidthThicker} solid ${tokens.colorCompoundBrandStroke}`,
  },
});

export function BatchSteps({
  shown,
  done,
  reachable,
  onGo,
}: {
  shown: StepName;
  done: ReadonlySet<StepName>;
  reachable: ReadonlySet<StepName>;
  onGo: (step: StepName) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <nav aria-label={t('batch.steps')}>
      <ol className={styles.list}>
        {stepNames.map((step, i) => {
          const label = t('batch.stepStatus', {
            n: i + 1,
            total: stepNames.length,
            label: t(`batch.step.${step}`),
          });
          const extra = step === shown ? t('batch.stepCurrent') : done.has(step) ? t('batch.stepDone') : null;
          return (
            <li key={step}>
              <Button
                appearance={step === shown ? 'outline' : 'subtle'}
                className={mergeClasses(step === shown && styles.current)}
                icon={done.has(step) ? <CheckmarkCircleRegular /> : <CircleRegular />}
                aria-current={step === shown ? 'step' : undefined}
                aria-label={extra ? `${label} (${extra})` : label}
                disabledFocusable={!reachable.has(step)}
                onClick={() => onGo(step)}
                data-step={step}
              >
                {label}
              </Button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
