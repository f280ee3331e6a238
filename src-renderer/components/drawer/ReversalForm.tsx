// Void or refund a payment, with a reason (a supervisor's action; the service checks the role and
// refuses a clerk with "forbidden" whatever this form shows). The values are checked by
// forms/reversal-form.ts (the contract's payments.void and payments.refund schemas).
import { MoneyInput, TextInput } from '../../forms/inputs.tsx';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { type FormEvent, useEffect } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useReversePayment } from '../../queries/index.ts';
import { formatMoney } from '../../format.ts';
import {
  emptyReversal,
  type ReversalInput,
  type ReversalValues,
  reversalSchema,
} from '../../forms/reversal-form.ts';
import { useFieldProblem } from '../../forms/field-problem.ts';
import { useLanguage } from '../../hooks.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import type { ReverseRequest } from './DrawerEntries.tsx';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '36rem' },
  actions: { display: 'flex' },
});

export function ReversalForm({
  labelledBy,
  request,
}: {
  labelledBy: string;
  request: ReverseRequest | null;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const reverse = useReversePayment();
  const problem = useFieldProblem();
  // Checked on submit only, and again on the next submit (as before the library).
  const form = useForm<ReversalValues, unknown, ReversalInput>({
    resolver: zodResolver(reversalSchema),
    defaultValues: emptyReversal,
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
  });
  const { errors } = form.formState;
  const kind = useWatch({ control: form.control, name: 'kind' });

  useEffect(() => {
    if (!request) return;
    form.setValue('kind', request.kind);
    form.setValue('paymentId', request.paymentId);
    form.setFocus('reason');
  }, [request, form]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reverse.isPending) return;
    void form.handleSubmit((input) =>
      reverse.mutate(input, {
        onSuccess: () => form.reset({ ...form.getValues(), reason: '', amount: '' }),
      }),
    )(event);
  };
  const done = reverse.data;
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby={labelledBy}>
      <Controller
        control={form.control}
        name="kind"
        render={({ field }) => (
          <Field label={t('drawer.reverseKind')}>
            <RadioGroup
              ref={field.ref}
              name={field.name}
              layout="horizontal"
              value={field.value}
              onChange={(_, d) => field.onChange(d.value as 'void' | 'refund')}
            >
              <Radio value="void" label={t('drawer.void')} />
              <Radio value="refund" label={t('drawer.refund')} />
            </RadioGroup>
          </Field>
        )}
      />
      <Controller
        control={form.control}
        name="paymentId"
        render={({ field }) => (
          <Field
            label={t('drawer.paymentId')}
            hint={t('drawer.paymentIdHint')}
            required
            {...problem('paymentId', errors.paymentId)}
          >
            <TextInput field={field} />
          </Field>
        )}
      />
      {kind === 'refund' ? (
        <Controller
          control={form.control}
          name="amount"
          render={({ field }) => (
            <Field
              label={t('drawer.refundAmount')}
              hint={t('drawer.refundAmountHint')}
              {...problem('amount', errors.amount)}
            >
              <MoneyInput field={field} />
            </Field>
          )}
        />
      ) : null}
      <Controller
        control={form.control}
        name="reason"
        render={({ field }) => (
          <Field label={t('drawer.reason')} required {...problem('reason', errors.reason)}>
            <TextInput field={field} />
          </Field>
        )}
      />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={reverse.isPending}>
          {reverse.isPending ? t('drawer.recording') : t('drawer.recordReversal')}
        </Button>
      </div>
      {reverse.isError ? <ErrorMessage error={reverse.error} /> : null}
      <div role="status">
        {done ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {t('drawer.reversalDone', {
                kind: kind === 'void' ? t('drawer.kindVoid') : t('drawer.kindRefund'),
                amount: formatMoney(done.amountCents, language),
                payment: done.paymentId,
                receipt: done.receiptNo,
              })}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    </form>
  );
}
