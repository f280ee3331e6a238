// Open the drawer with its starting float (Enter or Ctrl+Enter in the form).
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { LockOpenRegular } from '@fluentui/react-icons';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenDrawer } from '../../queries/index.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { parseDrawerAmount } from './drawer-amount.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '28rem' },
  actions: { display: 'flex' },
});

export function OpenDrawerForm({ labelledBy }: { labelledBy: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const open = useOpenDrawer();
  const [float, setFloat] = useState('');
  const [bad, setBad] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (open.isPending) return;
    const parsed = parseDrawerAmount(float, true);
    if (!parsed.ok) {
      setBad(true);
      inputRef.current?.focus();
      return;
    }
    setBad(false);
    open.mutate(parsed.cents);
  };
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby={labelledBy}>
      <Field
        label={t('drawer.float')}
        hint={t('drawer.floatHint')}
        validationState={bad ? 'error' : 'none'}
        validationMessage={bad ? t('counter.amountFormat') : undefined}
      >
        <Input
          ref={inputRef}
          value={float}
          inputMode="decimal"
          autoComplete="off"
          contentBefore={<span aria-hidden="true">$</span>}
          onChange={(_, d) => setFloat(d.value)}
        />
      </Field>
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
