// The checklist of a visit, answered item by item: pass, fail or not applicable (radio buttons, so
// arrows work as usual), with a note each. On an item P, F or N answers it and moves the focus to
// the next item (listed in shortcut-list.ts), so a whole checklist goes by keyboard in one pass.
import { Field, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { type KeyboardEvent, useRef } from 'react';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../src-main/common/contract.ts';
import type { ChecklistOutcome } from '../../../src-main/common/model.ts';
import { useFieldProblem } from '../../forms/field-problem.ts';
import { TextInput } from '../../forms/inputs.tsx';
import type { InspectionResultInput, InspectionResultValues } from '../../forms/inspection-form.ts';
import { useLanguage } from '../../hooks.ts';
import { wordsIn } from './inspection-text.ts';

type Item = OpOutput<'inspections.show'>['checklist'][number];

const keyOutcome: Record<string, ChecklistOutcome> = { p: 'pass', f: 'fail', n: 'na' };

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, margin: 0, padding: 0 },
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(20rem, 2fr) minmax(12rem, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    alignItems: 'start',
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':focus-within': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
});

/** The radio of an item to focus: its answer, else its first choice. */
function radioOf(item: HTMLElement | undefined): HTMLInputElement | null {
  return (
    item?.querySelector<HTMLInputElement>('input[type="radio"]:checked') ??
    item?.querySelector<HTMLInputElement>('input[type="radio"]') ??
    null
  );
}

export function ChecklistAnswers({
  items,
  form,
  onLastAnswered,
}: {
  items: readonly Item[];
  form: UseFormReturn<InspectionResultValues, unknown, InspectionResultInput>;
  /** Where the focus goes after the last item is answered by key. */
  onLastAnswered: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const problem = useFieldProblem();
  const rows = useRef<Array<HTMLElement | null>>([]);
  const { errors, isSubmitted } = form.formState;

  const onKeyDown = (index: number, code: string) => (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.type !== 'radio') return; // typing a note
    const outcome = keyOutcome[event.key.toLowerCase()];
    if (!outcome) return;
    event.preventDefault();
    form.setValue(`answers.${code}.outcome`, outcome, { shouldValidate: isSubmitted, shouldDirty: true });
    const next = rows.current[index + 1];
    if (next) radioOf(next)?.focus();
    else onLastAnswered();
  };

  return (
    <ol className={styles.list} style={{ listStyleType: 'none' }}>
      {items.map((item, index) => (
        <li
          key={item.code}
          ref={(el) => {
            rows.current[index] = el;
          }}
          className={styles.item}
          onKeyDown={onKeyDown(index, item.code)}
          data-item={item.code}
        >
          <Controller
            control={form.control}
            name={`answers.${item.code}.outcome`}
            render={({ field }) => (
              <Field
                label={t('inspections.form.itemLabel', {
                  code: item.code,
                  words: wordsIn(item.words, language),
                })}
                hint={[
                  t('inspections.form.pointsHint', { count: item.weight }),
                  item.critical ? t('inspections.form.criticalHint') : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
                required
                {...problem('outcome', errors.answers?.[item.code]?.outcome)}
              >
                <RadioGroup
                  // A refused submit focuses the first unanswered item: its first radio.
                  ref={(el) => field.ref(el ? { focus: () => radioOf(el)?.focus() } : null)}
                  layout="horizontal"
                  name={field.name}
                  value={field.value}
                  onChange={(_, d) => field.onChange(d.value as ChecklistOutcome)}
                  data-testid={`item-${item.code}`}
                >
                  <Radio value="pass" label={t('inspections.outcome.pass')} />
                  <Radio value="fail" label={t('inspections.outcome.fail')} />
                  <Radio value="na" label={t('inspections.outcome.na')} />
                </RadioGroup>
              </Field>
            )}
          />
          <Controller
            control={form.control}
            name={`answers.${item.code}.note`}
            render={({ field }) => (
              <Field label={t('inspections.form.noteLabel', { code: item.code })}>
                <TextInput field={field} />
              </Field>
            )}
          />
        </li>
      ))}
    </ol>
  );
}
