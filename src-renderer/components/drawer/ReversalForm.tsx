// Void or refund a payment, with a reason (a supervisor's action; the service checks the role and
// refuses a clerk with "forbidden" whatever this form shows).
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReversePayment } from '../../queries/index.ts';
import { formatMoney } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import type { ReverseRequest } from './DrawerEntries.tsx';
import { parseDrawerAmount } from './drawer-amount.ts';

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
  const [kind, setKind] = useState<'void' | 'refund'>('void');
  const [paymentId, setPaymentId] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<'payment' | 'amount' | 'reason' | null>(null);
  const reasonRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!request) return;
    setKind(request.kind);
    setPaymentId(request.paymentId);
    reasonRef.current?.focus();
  }, [request]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reverse.isPending) return;
    if (!paymentId.trim()) return setProblem('payment');
    let amountCents: number | undefined;
    if (kind === 'refund' && amount.trim()) {
      const parsed = parseDrawerAmount(amount);
      if (!parsed.ok || parsed.cents <= 0) return setProblem('amount');
      amountCents = parsed.cents;
    }
    if (!reason.trim()) {
      reasonRef.current?.focus();
      return setProblem('reason');
    }
    setProblem(null);
    const input =
      kind === 'void'
        ? { kind, paymentId: paymentId.trim(), reason: reason.trim() }
        : {
            kind,
            paymentId: paymentId.trim(),
            reason: reason.trim(),
            ...(amountCents ? { amountCents } : {}),
          };
    reverse.mutate(input as Parameters<typeof reverse.mutate>[0], {
      onSuccess: () => {
        setReason('');
        setAmount('');
      },
    });
  };
  const done = reverse.data;
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby={labelledBy}>
      <Field label={t('drawer.reverseKind')}>
        <RadioGroup
          layout="horizontal"
          value={kind}
          onChange={(_, d) => setKind(d.value as 'void' | 'refund')}
        >
          <Radio value="void" label={t('drawer.void')} />
          <Radio value="refund" label={t('drawer.refund')} />
        </RadioGroup>
      </Field>
      <Field
        label={t('drawer.paymentId')}
        hint={t('drawer.paymentIdHint')}
        required
        validationState={problem === 'payment' ? 'error' : 'none'}
        validationMessage={problem === 'payment' ? t('drawer.detailRequired') : undefined}
      >
        <Input value={paymentId} autoComplete="off" onChange={(_, d) => setPaymentId(d.value)} />
      </Field>
      {kind === 'refund' ? (
        <Field
          label={t('drawer.refundAmount')}
          hint={t('drawer.refundAmountHint')}
          validationState={problem === 'amount' ? 'error' : 'none'}
          validationMessage={problem === 'amount' ? t('counter.amountFormat') : undefined}
        >
          <Input
            value={amount}
            inputMode="decimal"
            autoComplete="off"
            contentBefore={<span aria-hidden="true">$</span>}
            onChange={(_, d) => setAmount(d.value)}
          />
        </Field>
      ) : null}
      <Field
        label={t('drawer.reason')}
        required
        validationState={problem === 'reason' ? 'error' : 'none'}
        validationMessage={problem === 'reason' ? t('drawer.reasonRequired') : undefined}
      >
        <Input ref={reasonRef} value={reason} autoComplete="off" onChange={(_, d) => setReason(d.value)} />
      </Field>
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
