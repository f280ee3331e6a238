// The result of an open visit: the checklist answered item by item and the violations found,
// checked by forms/inspection-form.ts (the contract's inspections.record schemas) and recorded
// with inspections.record. The desk grades it by the city's rule; the screen shows what it gave.
import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { type FormEvent, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../src-main/common/contract.ts';
import type { Ordinance } from '../../../src-main/common/model.ts';
import {
  emptyResult,
  type InspectionResultInput,
  type InspectionResultValues,
  inspectionResultSchema,
} from '../../forms/inspection-form.ts';
import type { useRecordInspection } from '../../queries/index.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { ChecklistAnswers } from './ChecklistAnswers.tsx';
import { ViolationRows } from './ViolationRows.tsx';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  group: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    marginBottom: tokens.spacingVerticalS,
  },
  intro: { margin: 0, maxWidth: '60rem' },
  actions: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
});

export function ResultForm({
  shown,
  ordinances,
  labelledBy,
  record,
}: {
  shown: OpOutput<'inspections.show'>;
  ordinances: readonly Ordinance[];
  labelledBy: string;
  /** The screen's mutation: what it gave outlives this form (which goes once the visit is done). */
  record: ReturnType<typeof useRecordInspection>;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const addRef = useRef<HTMLButtonElement>(null);
  const inspectionId = shown.visit.inspection.id;
  const form = useForm<InspectionResultValues, unknown, InspectionResultInput>({
    resolver: zodResolver(inspectionResultSchema),
    defaultValues: emptyResult(shown.checklist.map((c) => c.code)),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const unanswered = Object.keys(form.formState.errors.answers ?? {}).length;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (record.isPending) return;
    void form.handleSubmit((input) => record.mutate({ inspectionId, ...input }))(event);
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby={labelledBy}>
      <p className={styles.intro}>{t('inspections.form.intro')}</p>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t('inspections.form.checklistLegend')}</legend>
        <ChecklistAnswers
          items={shown.checklist}
          form={form}
          onLastAnswered={() => addRef.current?.focus()}
        />
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t('inspections.form.violationsLegend')}</legend>
        <ViolationRows ref={addRef} form={form} ordinances={ordinances} />
      </fieldset>
      {unanswered > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('inspections.form.unansweredSummary', { count: unanswered })}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={record.isPending}>
          {record.isPending ? t('inspections.form.recording') : t('inspections.form.submit')}
        </Button>
      </div>
      {record.isError ? <ErrorMessage error={record.error} /> : null}
    </form>
  );
}
