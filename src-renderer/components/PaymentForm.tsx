// "Take payment": the amount as the clerk types it (dollars and cents, read exactly into cents),
// the method with its details (cash tendered and the change due, the check number, the card
// reference), and payments.record. Payments are taken only in the clerk's open cash drawer: with
// none open, the form says so and links to the drawer. The receipt number afterwards is marked
// provisional until the legacy system has given the payment its own number.
import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  tokens,
} from '@fluentui/react-components';
import { MoneyRegular } from '@fluentui/react-icons';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LicenceDetail, OpOutput } from '../../src-main/common/contract.ts';
import { type PaymentMethod, paymentMethods } from '../../src-main/common/model.ts';
import { formatMoney } from '../format.ts';
import { type AmountProblem, MAX_PAYMENT_CENTS, parseAmount } from '../forms/money-input.ts';
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

const problemKey: Record<AmountProblem, string> = {
  empty: 'counter.amountEmpty',
  format: 'counter.amountFormat',
  zero: 'counter.amountZero',
  tooLarge: 'counter.amountTooLarge',
};

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
  const amountRef = useRef<HTMLInputElement>(null);
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [problem, setProblem] = useState<AmountProblem | null>(null);
  const [tendered, setTendered] = useState('');
  const [reference, setReference] = useState('');
  const [detailProblem, setDetailProblem] = useState<'tendered' | 'reference' | null>(null);
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
    const parsed = parseAmount(amount);
    if (!parsed.ok) {
      setProblem(parsed.problem);
      amountRef.current?.focus();
      return;
    }
    setProblem(null);
    let tenderedCents: number | undefined;
    if (method === 'cash' && tendered.trim()) {
      const given = parseAmount(tendered);
      if (!given.ok || changeDue(parsed.cents, given.cents) === null) {
        setDetailProblem('tendered');
        return;
      }
      tenderedCents = given.cents;
    }
    if ((method === 'check' || method === 'card') && !reference.trim()) {
      setDetailProblem('reference');
      return;
    }
    setDetailProblem(null);
    pay.mutate(
      {
        licenceId: detail.licence.id,
        amountCents: parsed.cents,
        method,
        ...(tenderedCents !== undefined ? { tenderedCents } : {}),
        ...(method === 'check' ? { checkNumber: reference.trim() } : {}),
        ...(method === 'card' ? { cardReference: reference.trim() } : {}),
      },
      {
        onSuccess: (result) => {
          setDone({ ...result, method, at: Date.now() });
          setAmount('');
          setTendered('');
          setReference('');
        },
      },
    );
  };

  // The change due, as the clerk types: only when both amounts read and enough was tendered.
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
        <Field
          className={styles.amount}
          label={t('counter.amount')}
          required
          hint={
            fee != null
              ? t('counter.amountHint', { fee: formatMoney(fee, language) })
              : t('counter.amountHintNoFee')
          }
          validationState={problem ? 'error' : 'none'}
          validationMessage={
            problem ? t(problemKey[problem], { max: formatMoney(MAX_PAYMENT_CENTS, language) }) : undefined
          }
        >
          <Input
            ref={amountRef}
            value={amount}
            inputMode="decimal"
            autoComplete="off"
            contentBefore={<span aria-hidden="true">$</span>}
            onChange={(_, data) => {
              setAmount(data.value);
              if (problem) setProblem(null);
            }}
          />
        </Field>
        <Field className={styles.method} label={t('counter.method')}>
          <Select
            value={method}
            onChange={(_, data) => {
              setMethod(data.value as PaymentMethod);
              setDetailProblem(null);
            }}
          >
            {paymentMethods.map((m) => (
              <option key={m} value={m}>
                {t(`paymentMethod.${m}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {method === 'cash' ? (
        <Field
          label={t('drawer.tenderedLabel')}
          hint={
            change !== null
              ? t('drawer.changeDue', { amount: formatMoney(change, language) })
              : t('drawer.tenderedHint')
          }
          validationState={detailProblem === 'tendered' ? 'error' : 'none'}
          validationMessage={detailProblem === 'tendered' ? t('drawer.tenderedShort') : undefined}
        >
          <Input
            value={tendered}
            inputMode="decimal"
            autoComplete="off"
            contentBefore={<span aria-hidden="true">$</span>}
            onChange={(_, data) => {
              setTendered(data.value);
              setDetailProblem(null);
            }}
          />
        </Field>
      ) : method === 'check' || method === 'card' ? (
        <Field
          label={method === 'check' ? t('drawer.checkNumber') : t('drawer.cardReference')}
          required
          validationState={detailProblem === 'reference' ? 'error' : 'none'}
          validationMessage={detailProblem === 'reference' ? t('drawer.detailRequired') : undefined}
        >
          <Input
            value={reference}
            autoComplete="off"
            onChange={(_, data) => {
              setReference(data.value);
              setDetailProblem(null);
            }}
          />
        </Field>
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
