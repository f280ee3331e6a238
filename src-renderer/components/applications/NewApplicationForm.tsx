// The intake form: the business as the applicant gives it (with duplicate suggestions as the clerk
// types), or one already on file; the licence type; then applications.create.
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
import { type FormEvent, type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateSuggestion } from '../../../src-main/common/ops/application-ops.ts';
import {
  useCreateApplication,
  useDuplicateSuggestions,
  useLicenceTypesForApplications,
} from '../../queries/index.ts';
import { useDebouncedValue } from '../../hooks.ts';
import { applicationHref } from '../../route.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { Section } from '../Section.tsx';
import { DuplicateSuggestions } from './DuplicateSuggestions.tsx';

const fields = [
  'name',
  'dbaName',
  'ownerName',
  'addressLine',
  'city',
  'state',
  'postalCode',
  'phone',
  'taxId',
] as const;
type FieldName = (typeof fields)[number];
const maxLength: Record<FieldName, number> = {
  name: 40,
  dbaName: 40,
  ownerName: 40,
  addressLine: 40,
  city: 20,
  state: 2,
  postalCode: 10,
  phone: 14,
  taxId: 11,
};

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
  const nameRef = useRef<HTMLInputElement>(null);
  const typeRef = useRef<HTMLSelectElement>(null);
  const [facts, setFacts] = useState<Record<FieldName, string>>(
    () => Object.fromEntries(fields.map((f) => [f, ''])) as Record<FieldName, string>,
  );
  const [typeCode, setTypeCode] = useState('');
  const [dismissed, setDismissed] = useState<string[]>([]);
  const [existing, setExisting] = useState<DuplicateSuggestion | null>(null);
  const [problems, setProblems] = useState<{ name?: boolean; type?: boolean }>({});
  const types = useLicenceTypesForApplications();
  const create = useCreateApplication();

  // Debounced as text: a new object every render would restart the timer for ever.
  const lookupKey = useDebouncedValue(
    JSON.stringify({
      name: facts.name,
      dbaName: facts.dbaName,
      addressLine: facts.addressLine,
      phone: facts.phone,
      taxId: facts.taxId,
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
    const missing = { name: !existing && !facts.name.trim(), type: !typeCode };
    setProblems(missing);
    if (missing.name) return nameRef.current?.focus();
    if (missing.type) return typeRef.current?.focus();
    if (!existing && shown.length > 0) return;
    create.mutate(
      {
        business: existing
          ? { kind: 'existing', businessId: existing.businessId }
          : {
              kind: 'new',
              facts: Object.fromEntries(fields.map((f) => [f, facts[f].trim() || null])) as never,
              dismissed,
            },
        licenceTypeCode: typeCode,
      },
      { onSuccess: (detail) => void (window.location.hash = applicationHref(detail.application.id)) },
    );
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
              <Button onClick={() => setExisting(null)}>{t('applications.changeBusiness')}</Button>
            </div>
          ) : (
            <div className={styles.grid}>
              {fields.map((f) => (
                <Field
                  key={f}
                  label={t(`applications.${f}`)}
                  required={f === 'name'}
                  validationState={f === 'name' && problems.name ? 'error' : 'none'}
                  validationMessage={
                    f === 'name' && problems.name ? t('applications.nameRequired') : undefined
                  }
                >
                  <Input
                    ref={f === 'name' ? nameRef : undefined}
                    name={f}
                    value={facts[f]}
                    maxLength={maxLength[f]}
                    autoComplete="off"
                    inputMode={f === 'phone' ? 'tel' : undefined}
                    onChange={(_, d) => setFacts((prev) => ({ ...prev, [f]: d.value }))}
                  />
                </Field>
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
                    onUse={(s) => setExisting(s)}
                    onDismiss={(s) => setDismissed((d) => [...d, s.businessId])}
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
          <Field
            label={t('applications.licenceType')}
            required
            validationState={problems.type ? 'error' : 'none'}
            validationMessage={problems.type ? t('applications.typeRequired') : undefined}
          >
            <Select ref={typeRef} value={typeCode} onChange={(_, d) => setTypeCode(d.value)}>
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
      </Section>

      <div className={styles.actions}>
        <Button type="submit" appearance="primary" icon={<AddRegular />} disabledFocusable={create.isPending}>
          {create.isPending ? t('applications.creating') : t('applications.create')}
        </Button>
        <Text className={styles.muted}>{t('applications.createHint')}</Text>
      </div>
      <div role="status">
        {!existing && shown.length > 0 && problems.name === false ? (
          <MessageBar intent="warning">
            <MessageBarBody>{t('applications.undismissed')}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {create.isError ? <ErrorMessage error={create.error} /> : null}
    </form>
  );
}
