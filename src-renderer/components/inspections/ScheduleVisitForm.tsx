// Schedule a visit: to a licence or a bare address (a site without one), of a kind the city's
// rules know, on a day, for an inspector (the one whose day is shown, or none yet). Checked by
// forms/schedule-visit-form.ts (the contract's inspections.schedule schema); with the link cut the
// visit is kept on this desk under a provisional number (P-…) until the legacy system numbers it.
import {
  Button,
  Dropdown,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  tokens,
} from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FormEvent } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFieldProblem } from '../../forms/field-problem.ts';
import { DateInput, TextInput } from '../../forms/inputs.tsx';
import {
  emptyScheduleVisit,
  type ScheduleVisitInput,
  type ScheduleVisitValues,
  scheduleVisitSchema,
} from '../../forms/schedule-visit-form.ts';
import { formatDate } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { shownId } from '../../provisional-id.ts';
import { useInspectionKinds, useScheduleVisit } from '../../queries/index.ts';
import { inspectionHref } from '../../route.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { wordsIn } from './inspection-text.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(11rem, 1fr))',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'start',
  },
  actions: { display: 'flex' },
});

export function ScheduleVisitForm({
  labelledBy,
  on,
  inspector,
}: {
  labelledBy: string;
  /** The day and inspector the day screen shows: the form starts from them. */
  on: string;
  inspector: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const problem = useFieldProblem();
  const kinds = useInspectionKinds().data?.kinds ?? [];
  const schedule = useScheduleVisit();
  const form = useForm<ScheduleVisitValues, unknown, ScheduleVisitInput>({
    resolver: zodResolver(scheduleVisitSchema),
    defaultValues: emptyScheduleVisit(on, inspector),
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
  });
  const { errors } = form.formState;
  const kindText = (code: string) => {
    const k = kinds.find((x) => x.kind === code);
    return k ? `${wordsIn(k.label, language)} (${k.kind})` : code;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (schedule.isPending) return;
    void form.handleSubmit((input) =>
      schedule.mutate(input, {
        onSuccess: () => form.reset({ ...form.getValues(), licenceId: '', address: '' }),
      }),
    )(event);
  };
  const done = schedule.data;
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby={labelledBy}>
      <div className={styles.row}>
        <Controller
          control={form.control}
          name="licenceId"
          render={({ field }) => (
            <Field
              label={t('inspections.schedule.licence')}
              hint={t('inspections.schedule.licenceHint')}
              {...problem('licenceId', errors.licenceId)}
            >
              <TextInput field={field} />
            </Field>
          )}
        />
        <Controller
          control={form.control}
          name="address"
          render={({ field }) => (
            <Field label={t('inspections.schedule.address')} {...problem('address', errors.address)}>
              <TextInput field={field} />
            </Field>
          )}
        />
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <Field label={t('inspections.schedule.kind')} required {...problem('kind', errors.kind)}>
              <Dropdown
                ref={field.ref}
                placeholder={t('inspections.schedule.kindPlaceholder')}
                value={field.value ? kindText(field.value) : ''}
                selectedOptions={field.value ? [field.value] : []}
                onOptionSelect={(_, d) => field.onChange(d.optionValue ?? '')}
              >
                {kinds.map((k) => (
                  <Option key={k.kind} value={k.kind} text={kindText(k.kind)}>
                    {kindText(k.kind)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          )}
        />
        <Controller
          control={form.control}
          name="on"
          render={({ field }) => (
            <Field label={t('inspections.schedule.on')} required {...problem('on', errors.on)}>
              <DateInput field={field} />
            </Field>
          )}
        />
        <Controller
          control={form.control}
          name="inspector"
          render={({ field }) => (
            <Field
              label={t('inspections.schedule.inspector')}
              hint={t('inspections.schedule.inspectorHint')}
              {...problem('inspector', errors.inspector)}
            >
              <TextInput field={field} />
            </Field>
          )}
        />
      </div>
      <div className={styles.actions}>
        <Button type="submit" disabledFocusable={schedule.isPending}>
          {schedule.isPending ? t('inspections.schedule.scheduling') : t('inspections.schedule.submit')}
        </Button>
      </div>
      {schedule.isError ? <ErrorMessage error={schedule.error} /> : null}
      <div role="status">
        {done ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <Link href={inspectionHref(done.inspectionId)} inline>
                {t('inspections.schedule.done', {
                  id: shownId(done.inspectionId),
                  date: formatDate(done.scheduledOn, language),
                })}
              </Link>
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    </form>
  );
}
