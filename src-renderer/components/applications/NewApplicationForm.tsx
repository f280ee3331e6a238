// The intake form: the business as the applicant gives it (with duplicate suggestions as the clerk
// types), or one already on file; the licence type; then applications.create. The values are
// checked by forms/application-form.ts (the contract's NewBusiness and applications.create).
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { type FormEvent, type KeyboardEvent, useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { DuplicateSuggestion } from '../../../src-main/common/ops/application-ops.ts';
import {
  useCreateApplication,
  useDuplicateSuggestions,
  useLicenceTypesForApplications,
} from '../../queries/index.ts';
import {
  type ApplicationInput,
  type ApplicationValues,
  applicationResolver,
  businessFieldMax,
  businessFields,
  emptyApplication,
} from '../../forms/application-form.ts';
import { useFieldProblem } from '../../forms/field-problem.ts';
import { useDebouncedValue } from '../../hooks.ts';
import { applicationHref } from '../../route.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { Section } from '../Section.tsx';
import { DuplicateSuggestions } from './DuplicateSuggestions.tsx';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  actions: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function NewApplicationForm() {
  const { t } = useTranslation();
  const styles = useStyles();
  const problem = useFieldProblem();
  // Checked on submit only, and again on the next submit (as before the library).
  const form = useForm<ApplicationValues, unknown, ApplicationInput>({
    resolver: applicationResolver,
    defaultValues: emptyApplication,
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
  });
  const { errors, isSubmitted } = form.formState;
  const facts = useWatch({ control: form.control });
  const dismissed = useWatch({ control: form.control, name: 'dismissed' });
  // The business on file the clerk chose (shown by name); the form holds its id.
  const [existing, setExisting] = useState<DuplicateSuggestion | null>(null);
  const chooseBusiness = (suggestion: DuplicateSuggestion | null) => {
    setExisting(suggestion);
    form.setValue('business', suggestion ? 'existing' : 'new');
    form.setValue('existingId', suggestion?.businessId ?? '');
  };
  const types = useLicenceTypesForApplications();
  const create = useCreateApplication();

  // Debounced as text: a new object every render would restart the timer for ever.
  const lookupKey = useDebouncedValue(
    JSON.stringify({
      name: facts.name ?? '',
      dbaName: facts.dbaName ?? '',
      addressLine: facts.addressLine ?? '',
      phone: facts.phone ?? '',
      taxId: facts.taxId ?? '',
    }),
    250,
  );
  const lookup = useMemo(
    () =>
      JSON.parse(lookupKey) as {
        name: string;
        dbaName: string;
        addressLine: string;
        phone: string;
        taxId: string;
      },
    [lookupKey],
  );
  const worthAsking =
    !existing &&
    (lookup.name.trim().length >= 3 ||
      lookup.phone.replace(/\D/g, '').length >= 7 ||
      lookup.taxId.trim().length >= 4);
  const suggestionsQuery = useDuplicateSuggestions(lookup, worthAsking);
  const shown = useMemo(
    () =>
      worthAsking
        ? (suggestionsQuery.data?.suggestions ?? []).filter((s) => !dismissed.includes(s.businessId))
        : [],
    [worthAsking, suggestionsQuery.data, dismissed],
  );

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (create.isPending) return;
    void form.handleSubmit((input) => {
      if (!existing && shown.length > 0) return;
      create.mutate(input, {
        onSuccess: (detail) => void (window.location.hash = applicationHref(detail.application.id)),
      });
    })(event);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
  };

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
      aria-label={t('applications.headingNew')}
    >
      <Section title={t('applications.business')}>
        {() =>
          existing ? (
            <div className={styles.actions}>
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>
                  {t('applications.usingExisting', { name: existing.name, id: existing.businessId })}
                </MessageBarBody>
              </MessageBar>
              <Button onClick={() => chooseBusiness(null)}>{t('applications.changeBusiness')}</Button>
            </div>
          ) : (
            <div className={styles.grid}>
              {businessFields.map((f) => (
                <Controller
                  key={f}
                  control={form.control}
                  name={f}
                  render={({ field }) => (
                    <Field label={t(`applications.${f}`)} required={f === 'name'} {...problem(f, errors[f])}>
                      <Input
                        ref={field.ref}
                        name={field.name}
                        value={field.value}
                        onBlur={field.onBlur}
                        maxLength={businessFieldMax[f]}
                        autoComplete="off"
                        inputMode={f === 'phone' ? 'tel' : undefined}
                        onChange={(_, d) => field.onChange(d.value)}
                      />
                    </Field>
                  )}
                />
              ))}
            </div>
          )
        }
      </Section>

      {existing ? null : (
        <Section title={t('applications.suggestions')}>
          {() => (
            <div aria-live="polite">
              {!worthAsking ? (
                <Text className={styles.muted}>{t('applications.suggestionsHint')}</Text>
              ) : suggestionsQuery.isError ? (
                <ErrorMessage error={suggestionsQuery.error} />
              ) : !suggestionsQuery.data ? (
                <Spinner size="tiny" label={t('applications.searching')} />
              ) : shown.length === 0 ? (
                <Text as="p" className={styles.muted}>
                  {t('applications.suggestionsNone')}
                </Text>
              ) : (
                <>
                  <Text as="p">
                    {t('applications.suggestionsCount', { count: shown.length })}{' '}
                    {t('applications.suggestionsHint')}
                  </Text>
                  <DuplicateSuggestions
                    suggestions={shown}
                    onUse={(s) => chooseBusiness(s)}
                    onDismiss={(s) => form.setValue('dismissed', [...dismissed, s.businessId])}
                  />
                </>
              )}
              {dismissed.length > 0 ? (
                <Text as="p" className={styles.muted}>
                  {t('applications.dismissedCount', { count: dismissed.length })}
                </Text>
              ) : null}
            </div>
          )}
        </Section>
      )}

      <Section title={t('applications.licenceType')}>
        {() => (
          <Controller
            control={form.control}
            name="licenceTypeCode"
            render={({ field }) => (
              <Field
                label={t('applications.licenceType')}
                required
                {...problem('licenceTypeCode', errors.licenceTypeCode)}
              >
                <Select
                  ref={field.ref}
                  name={field.name}
                  value={field.value}
                  onBlur={field.onBlur}
                  onChange={(_, d) => field.onChange(d.value)}
                >
                  <option value="">{t('applications.chooseType')}</option>
                  {(types.data?.types ?? []).map((type) => (
                    <option key={type.code} value={type.code}>
                      {t('applications.typeOption', {
                        name: type.name,
                        code: type.code,
                        count: type.requirements,
                      })}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
          />
        )}
      </Section>

      <div className={styles.actions}>
        <Button type="submit" appearance="primary" icon={<AddRegular />} disabledFocusable={create.isPending}>
          {create.isPending ? t('applications.creating') : t('applications.create')}
        </Button>
        <Text className={styles.muted}>{t('applications.createHint')}</Text>
      </div>
      <div role="status">
        {!existing && shown.length > 0 && isSubmitted && !errors.name ? (
          <MessageBar intent="warning">
            <MessageBarBody>{t('applications.undismissed')}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {create.isError ? <ErrorMessage error={create.error} /> : null}
    </form>
  );
}
