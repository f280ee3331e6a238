// "Take payment": the amount as the clerk types it (dollars and cents, read exactly into cents),
// the method with its details (cash tendered and the change due, the check number, the card
// reference), and payments.record. The values are checked by forms/payment-form.ts (the
// contract's schemas); react-hook-form keeps them and focuses the first field refused. Payments are taken only in the clerk's open cash drawer: with
// none open, the form says so and links to the drawer. The receipt number afterwards is marked
// provisional until the legacy system has given the payment its own number.
import { MoneyInput, TextInput } from '../forms/inputs.tsx';
import {
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  tokens,
} from '@fluentui/react-components';
import { MoneyRegular } from '@fluentui/react-icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { type FormEvent, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { LicenceDetail, OpOutput } from '../../src-main/common/contract.ts';
import { type PaymentMethod, paymentMethods } from '../../src-main/common/model.ts';
import { formatMoney } from '../format.ts';
import { useFieldProblem } from '../forms/field-problem.ts';
import { parseAmount } from '../forms/money-input.ts';
import { emptyPayment, paymentFormSchema } from '../forms/payment-form.ts';
import { hasLeft } from '../change-settled.ts';
import { useLanguage } from '../hooks.ts';
import { useRecordPayment, useCurrentDrawer } from '../queries/index.ts';
import { changeDue } from '../../src-main/common/drawer-totals.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { ReceiptButton } from './ReceiptButton.tsx';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '28rem' },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalM, alignItems: 'flex-start', flexWrap: 'wrap' },
  amount: { flexGrow: 1, minWidth: '12rem' },
  method: { minWidth: '9rem' },
  actions: { display: 'flex' },
  receipt: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
});

/** The legacy system's receipt for the payment taken here, once replay has brought it. */
function legacyReceiptOf(detail: LicenceDetail, done: { operationId: string }): string | null {
  const settled = detail.settledPayments.find((p) => p.operationId === done.operationId);
  return settled?.receiptNo?.trim() || null;
}

export function PaymentForm({ detail, readAt }: { detail: LicenceDetail; readAt: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const pay = useRecordPayment();
  const problem = useFieldProblem();
  // Checked on submit only; a field's error goes as the clerk types in it, as before the library.
  const form = useForm({
    resolver: zodResolver(paymentFormSchema),
    defaultValues: emptyPayment,
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
  });
  const { errors } = form.formState;
  const drawer = useCurrentDrawer();
  const [done, setDone] = useState<
    (OpOutput<'payments.record'> & { method: PaymentMethod; at: number }) | null
  >(null);
  const provisional = Boolean(done && detail.provisionalPaymentIds.includes(done.paymentId));
  const numbered = hasLeft(done?.at ?? null, readAt, provisional);
  const legacyReceipt = numbered && done ? legacyReceiptOf(detail, done) : null;
  const fee = detail.licence.feeCents;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pay.isPending) return;
    void form.handleSubmit((input) =>
      pay.mutate(
        { licenceId: detail.licence.id, ...input },
        {
          onSuccess: (result) => {
            setDone({ ...result, method: input.method, at: Date.now() });
            form.reset({ ...emptyPayment, method: input.method });
          },
        },
      ),
    )(event);
  };

  // The change due, as the clerk types: only when both amounts read and enough was tendered.
  const [method, amount, tendered] = useWatch({
    control: form.control,
    name: ['method', 'amount', 'tendered'],
  });
  const typedAmount = parseAmount(amount);
  const typedTendered = parseAmount(tendered);
  const change =
    method === 'cash' && typedAmount.ok && typedTendered.ok
      ? changeDue(typedAmount.cents, typedTendered.cents)
      : null;

  if (drawer.isSuccess && !drawer.data.session) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          {t('drawer.noDrawer')} <Link href="#/drawer">{t('drawer.goToDrawer')}</Link>
        </MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={t('counter.payHeading')}>
      <div className={styles.row}>
        <Controller
          control={form.control}
          name="amount"
          render={({ field }) => (
            <Field
              className={styles.amount}
              label={t('counter.amount')}
              required
              hint={
                fee != null
                  ? t('counter.amountHint', { fee: formatMoney(fee, language) })
                  : t('counter.amountHintNoFee')
              }
              {...problem('amount', errors.amount)}
            >
              <MoneyInput field={field} afterChange={() => form.clearErrors('amount')} />
            </Field>
          )}
        />
        <Controller
          control={form.control}
          name="method"
          render={({ field }) => (
            <Field className={styles.method} label={t('counter.method')}>
              <Select
                ref={field.ref}
                name={field.name}
                value={field.value}
                onBlur={field.onBlur}
                onChange={(_, data) => {
                  field.onChange(data.value as PaymentMethod);
                  form.clearErrors(['tendered', 'reference']);
                }}
              >
                {paymentMethods.map((m) => (
                  <option key={m} value={m}>
                    {t(`paymentMethod.${m}`)}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        />
      </div>
      {method === 'cash' ? (
        <Controller
          control={form.control}
          name="tendered"
          render={({ field }) => (
            <Field
              label={t('drawer.tenderedLabel')}
              hint={
                change !== null
                  ? t('drawer.changeDue', { amount: formatMoney(change, language) })
                  : t('drawer.tenderedHint')
              }
              {...problem('tendered', errors.tendered)}
            >
              <MoneyInput field={field} afterChange={() => form.clearErrors(['tendered', 'reference'])} />
            </Field>
          )}
        />
      ) : method === 'check' || method === 'card' ? (
        <Controller
          control={form.control}
          name="reference"
          render={({ field }) => (
            <Field
              label={method === 'check' ? t('drawer.checkNumber') : t('drawer.cardReference')}
              required
              {...problem('reference', errors.reference)}
            >
              <TextInput field={field} afterChange={() => form.clearErrors(['tendered', 'reference'])} />
            </Field>
          )}
        />
      ) : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" icon={<MoneyRegular />} disabledFocusable={pay.isPending}>
          {pay.isPending ? t('counter.paying') : t('counter.pay')}
        </Button>
      </div>
      {pay.isError ? <ErrorMessage error={pay.error} /> : null}
      <div role="status">
        {done ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {t('counter.paid', {
                amount: formatMoney(done.amountCents, language),
                method: t(`paymentMethod.${done.method}`),
              })}{' '}
              {done.changeCents
                ? `${t('drawer.changeDue', { amount: formatMoney(done.changeCents, language) })}. `
                : ''}
              {t('counter.receipt')}{' '}
              <span className={styles.receipt} data-receipt={legacyReceipt ?? done.receiptNo}>
                {legacyReceipt ?? done.receiptNo}
              </span>
              {legacyReceipt ? ` ${t('counter.legacyReceipt', { provisional: done.receiptNo })}` : ''}.{' '}
              {legacyReceipt
                ? null
                : numbered
                  ? t('counter.legacyNumbered')
                  : done.provisional
                    ? t('counter.provisionalReceipt')
                    : null}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {done ? <ReceiptButton paymentId={done.paymentId} receiptNo={done.receiptNo} /> : null}
    </form>
  );
}
