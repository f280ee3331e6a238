// Open the drawer with its starting float (Enter or Ctrl+Enter in the form). The float is checked
// by forms/open-drawer-form.ts (the contract's drawer.open schema); empty opens an empty drawer.
import { MoneyInput } from '../../forms/inputs.tsx';
import { Button, Field, makeStyles, tokens } from '@fluentui/react-components';
import { LockOpenRegular } from '@fluentui/react-icons';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FormEvent } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useOpenDrawer } from '../../queries/index.ts';
import { openDrawerSchema } from '../../forms/open-drawer-form.ts';
import { useFieldProblem } from '../../forms/field-problem.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '28rem' },
  actions: { display: 'flex' },
});

export function OpenDrawerForm({ labelledBy }: { labelledBy: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const open = useOpenDrawer();
  const problem = useFieldProblem();
  // Checked on submit only, and again on the next submit (as before the library).
  const form = useForm({
    resolver: zodResolver(openDrawerSchema),
    defaultValues: { float: '' },
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (open.isPending) return;
    void form.handleSubmit(({ float }) => open.mutate(float))(event);
  };
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby={labelledBy}>
      <Controller
        control={form.control}
        name="float"
        render={({ field }) => (
          <Field
            label={t('drawer.float')}
            hint={t('drawer.floatHint')}
            {...problem('float', form.formState.errors.float)}
          >
            <MoneyInput field={field} />
          </Field>
        )}
      />
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          icon={<LockOpenRegular />}
          disabledFocusable={open.isPending}
        >
          {open.isPending ? t('drawer.opening') : t('drawer.open')}
        </Button>
      </div>
      {open.isError ? <ErrorMessage error={open.error} /> : null}
    </form>
  );
}
