// The violations found at a visit, as the inspector adds them: the ordinance section from the
// city's code table (its words in the person's language), the severity (the ordinance's own
// unless another is chosen), a description and the day it must be corrected by (the ordinance's
// own deadline unless one is given).
import { Button, Dropdown, Field, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { forwardRef } from 'react';
import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type Ordinance, violationSeverities } from '../../../src-main/common/model.ts';
import { useFieldProblem } from '../../forms/field-problem.ts';
import { DateInput, TextInput } from '../../forms/inputs.tsx';
import {
  emptyViolation,
  type InspectionResultInput,
  type InspectionResultValues,
} from '../../forms/inspection-form.ts';
import { useLanguage } from '../../hooks.ts';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(16rem, 2fr) minmax(14rem, 1fr) minmax(12rem, 2fr) 12rem auto',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'start',
    border: 'none',
    margin: 0,
    padding: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  // Level with the inputs: below the fields' labels.
  remove: {
    alignSelf: 'start',
    marginTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalXXS})`,
  },
  none: { color: tokens.colorNeutralForeground3 },
  dropdown: { minWidth: 0 },
});

type Props = {
  form: UseFormReturn<InspectionResultValues, unknown, InspectionResultInput>;
  ordinances: readonly Ordinance[];
};

export const ViolationRows = forwardRef<HTMLButtonElement, Props>(function ViolationRows(
  { form, ordinances },
  addRef,
) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const problem = useFieldProblem();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'violations' });
  const values = useWatch({ control: form.control, name: 'violations' });
  const { errors } = form.formState;
  const titleOf = (o: Ordinance) => (language === 'es' ? o.titleEs : o.titleEn);
  const optionText = (o: Ordinance) => `${o.section} — ${titleOf(o)}`;
  const bySection = new Map(ordinances.map((o) => [o.section, o]));

  return (
    <div className={styles.stack}>
      {fields.length === 0 ? (
        <Text as="p" className={styles.none}>
          {t('inspections.form.violationsNone')}
        </Text>
      ) : null}
      {fields.map((row, index) => {
        const chosen = bySection.get(values?.[index]?.ordinanceSection ?? '');
        const n = index + 1;
        return (
          <fieldset key={row.id} className={styles.row} data-violation-row={n}>
            <legend className={styles.legend}>{t('inspections.form.violationLabel', { n })}</legend>
            <Controller
              control={form.control}
              name={`violations.${index}.ordinanceSection`}
              render={({ field }) => (
                <Field
                  label={t('inspections.form.ordinance')}
                  required
                  {...problem('ordinanceSection', errors.violations?.[index]?.ordinanceSection)}
                >
                  <Dropdown
                    ref={field.ref}
                    className={styles.dropdown}
                    placeholder={t('inspections.form.ordinancePlaceholder')}
                    value={chosen ? optionText(chosen) : ''}
                    selectedOptions={field.value ? [field.value] : []}
                    onOptionSelect={(_, d) => field.onChange(d.optionValue ?? '')}
                    onBlur={field.onBlur}
                  >
                    {ordinances.map((o) => (
                      <Option key={o.section} value={o.section} text={optionText(o)}>
                        {optionText(o)}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
              )}
            />
            <Controller
              control={form.control}
              name={`violations.${index}.severity`}
              render={({ field }) => {
                const asOrdinance = chosen
                  ? t('inspections.form.severityDefault', {
                      severity: t(`inspections.severity.${chosen.defaultSeverity}`),
                    })
                  : t('inspections.form.severityAsOrdinance');
                return (
                  <Field label={t('inspections.form.severity')}>
                    <Dropdown
                      ref={field.ref}
                      className={styles.dropdown}
                      value={field.value ? t(`inspections.severity.${field.value}`) : asOrdinance}
                      selectedOptions={[field.value]}
                      onOptionSelect={(_, d) => field.onChange(d.optionValue ?? '')}
                    >
                      <Option value="" text={asOrdinance}>
                        {asOrdinance}
                      </Option>
                      {violationSeverities.map((s) => (
                        <Option key={s} value={s} text={t(`inspections.severity.${s}`)}>
                          {t(`inspections.severity.${s}`)}
                        </Option>
                      ))}
                    </Dropdown>
                  </Field>
                );
              }}
            />
            <Controller
              control={form.control}
              name={`violations.${index}.description`}
              render={({ field }) => (
                <Field label={t('inspections.form.description')}>
                  <TextInput field={field} />
                </Field>
              )}
            />
            <Controller
              control={form.control}
              name={`violations.${index}.correctBy`}
              render={({ field }) => (
                <Field
                  label={t('inspections.form.correctBy')}
                  hint={field.value ? undefined : t('inspections.form.correctByHint')}
                >
                  <DateInput field={field} />
                </Field>
              )}
            />
            <Button
              className={styles.remove}
              icon={<DeleteRegular />}
              aria-label={t('inspections.form.removeViolation', { n })}
              title={t('inspections.form.removeViolation', { n })}
              onClick={() => remove(index)}
            />
          </fieldset>
        );
      })}
      <div>
        <Button ref={addRef} icon={<AddRegular />} onClick={() => append({ ...emptyViolation })}>
          {t('inspections.form.addViolation')}
        </Button>
      </div>
    </div>
  );
});
