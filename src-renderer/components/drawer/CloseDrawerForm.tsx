// Close the drawer: the clerk types what they counted per method, sees the variance against what
// was recorded (computed with the same rules as the service), then confirms. Ctrl+Enter in the
// form does the next step. The counts are checked by forms/close-drawer-form.ts (the contract's
// drawer.close schema); an empty count is $0.00.
import { MoneyInput } from '../../forms/inputs.tsx';
import { Button, Field, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, LockClosedRegular } from '@fluentui/react-icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type Counted, countedMethods, drawerVariance } from '../../../src-main/common/drawer-totals.ts';
import type { DrawerSession } from '../../../src-main/common/ops/drawer-ops.ts';
import { useCloseDrawer } from '../../queries/index.ts';
import { formatMoney } from '../../format.ts';
import { closeDrawerSchema } from '../../forms/close-drawer-form.ts';
import { useFieldProblem } from '../../forms/field-problem.ts';
import { useLanguage } from '../../hooks.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { DrawerTotals } from './DrawerTotals.tsx';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  field: { minWidth: '11rem' },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalM },
});

const labels = {
  cash: 'drawer.countedCash',
  check: 'drawer.countedCheck',
  card: 'drawer.countedCard',
} as const;

export function CloseDrawerForm({
  session,
  labelledBy,
  onClosed,
}: {
  session: DrawerSession;
  labelledBy: string;
  onClosed: (closed: DrawerSession) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const close = useCloseDrawer();
  const problem = useFieldProblem();
  // Checked on submit only, and again on the next submit (as before the library).
  const form = useForm({
    resolver: zodResolver(closeDrawerSchema),
    defaultValues: { cash: '', check: '', card: '' },
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
  });
  const [checked, setChecked] = useState<Counted | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const variance = checked ? drawerVariance(session.totals, checked) : null;
  const totalOff = variance?.reduce((sum, v) => sum + v.varianceCents, 0) ?? 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (close.isPending) return;
    void form.handleSubmit((counted) => {
      const same = checked && countedMethods.every((m) => checked[m] === counted[m]);
      if (!same) {
        setChecked(counted);
        return;
      }
      // Not mutate's onSuccess: this form unmounts as soon as the drawer reads closed, and the
      // screen (still there) must learn which session to show.
      close
        .mutateAsync({ cashCents: counted.cash, checkCents: counted.check, cardCents: counted.card })
        .then((result) => onClosed(result.session))
        .catch(() => {}); // shown by close.isError
    })(event);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  };

  return (
    <form
      ref={formRef}
      className={styles.form}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
      aria-labelledby={labelledBy}
    >
      <div className={styles.row}>
        {countedMethods.map((m) => (
          <Controller
            key={m}
            control={form.control}
            name={m}
            render={({ field }) => (
              <Field className={styles.field} label={t(labels[m])} {...problem(m, form.formState.errors[m])}>
                <MoneyInput field={field} afterChange={() => setChecked(null)} />
              </Field>
            )}
          />
        ))}
      </div>
      <div role="status">
        {variance ? (
          <MessageBar intent={totalOff === 0 ? 'success' : 'warning'} layout="multiline">
            <MessageBarBody>
              {totalOff === 0
                ? t('drawer.balanced')
                : t('drawer.varianceFound', { amount: formatMoney(totalOff, language) })}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {variance ? <DrawerTotals labelledBy={labelledBy} totals={session.totals} variance={variance} /> : null}
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance={variance ? 'primary' : 'secondary'}
          icon={variance ? <LockClosedRegular /> : <CheckmarkRegular />}
          disabledFocusable={close.isPending}
          aria-keyshortcuts="Control+Enter"
        >
          {close.isPending
            ? t('drawer.closing')
            : variance
              ? t('drawer.confirmClose')
              : t('drawer.checkVariance')}
        </Button>
      </div>
      {close.isError ? <ErrorMessage error={close.error} /> : null}
    </form>
  );
}
