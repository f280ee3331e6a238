// Correct a business's address and phone from one of its licences: a button that opens the form
// filled with what the desk holds; saving queues the correction (businesses.correctContact), which
// reaches the legacy system with the next sync like every change.
import { TextInput } from '../../forms/inputs.tsx';
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { LicenceDetail } from '../../../src-main/common/contract.ts';
import { contactFields } from '../../../src-main/common/command-defs/correct-business-contact.ts';
import {
  type ContactFormInput,
  type ContactFormValues,
  contactFormSchema,
} from '../../forms/contact-form.ts';
import { useCorrectBusinessContact } from '../../queries/index.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    maxWidth: '32rem',
    marginTop: tokens.spacingVerticalM,
  },
  row: { display: 'grid', gridTemplateColumns: '2fr 1fr 1fr', columnGap: tokens.spacingHorizontalM },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS },
});

type FieldName = keyof ContactFormInput;

export function ContactCorrection({ detail }: { detail: LicenceDetail }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const correct = useCorrectBusinessContact();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const { business } = detail;
  const current = Object.fromEntries(contactFields.map((f) => [f, business[f] ?? ''])) as Record<
    (typeof contactFields)[number],
    string
  >;
  const form = useForm<ContactFormInput, unknown, ContactFormValues>({
    resolver: zodResolver(contactFormSchema),
    defaultValues: { ...current, reason: '' },
    mode: 'onSubmit',
  });
  const close = () => {
    setOpen(false);
    form.reset({ ...current, reason: '' });
    opener.current?.focus();
  };
  const save = form.handleSubmit((values) =>
    correct.mutate(
      { ...values, businessId: business.id, licenceId: detail.licence.id },
      { onSuccess: () => close() },
    ),
  );

  if (!open)
    return (
      <div className={styles.form}>
        <div className={styles.actions}>
          <Button ref={opener} icon={<EditRegular />} onClick={() => (correct.reset(), setOpen(true))}>
            {t('business.correct')}
          </Button>
        </div>
        {correct.isSuccess ? (
          <MessageBar intent="success">
            <MessageBarBody>{t('business.saved')}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    );

  const field = (name: FieldName, autoFocus = false) => (
    <Controller
      key={name}
      control={form.control}
      name={name}
      render={({ field: f, fieldState }) => (
        <Field
          label={t(`business.${name}`)}
          validationState={fieldState.error ? 'error' : 'none'}
          validationMessage={fieldState.error ? t(`business.invalid.${name}`) : undefined}
        >
          <TextInput field={f} autoFocus={autoFocus} />
        </Field>
      )}
    />
  );

  return (
    <form
      className={styles.form}
      noValidate
      aria-label={t('business.correctTitle')}
      onSubmit={(e) => void save(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
      }}
    >
      <Text weight="semibold">{t('business.correctTitle')}</Text>
      <Text size={200}>{t('business.correctHint')}</Text>
      {field('addressLine', true)}
      <div className={styles.row}>
        {field('city')}
        {field('state')}
        {field('postalCode')}
      </div>
      {field('phone')}
      {field('reason')}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={correct.isPending}>
          {correct.isPending ? t('business.saving') : t('business.save')}
        </Button>
        <Button onClick={close}>{t('business.cancel')}</Button>
      </div>
      {correct.isError ? <ErrorMessage error={correct.error} /> : null}
    </form>
  );
}
