// Close the drawer: the clerk types what they counted per method, sees the variance against what
// was recorded (computed with the same rules as the service), then confirms. Ctrl+Enter in the
// form does the next step.
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkRegular, LockClosedRegular } from '@fluentui/react-icons';
import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Counted, countedMethods, drawerVariance } from '../../../src-main/common/drawer-totals.ts';
import type { DrawerSession } from '../../../src-main/common/ops/drawer-ops.ts';
import { useCloseDrawer } from '../../queries/index.ts';
import { formatMoney } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { DrawerTotals } from './DrawerTotals.tsx';
import { parseDrawerAmount } from './drawer-amount.ts';

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
  const [typed, setTyped] = useState<Record<keyof Counted, string>>({ cash: '', check: '', card: '' });
  const [bad, setBad] = useState<Partial<Record<keyof Counted, boolean>>>({});
  const [checked, setChecked] = useState<Counted | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const read = (): Counted | null => {
    const out: Partial<Counted> = {};
    const problems: Partial<Record<keyof Counted, boolean>> = {};
    for (const m of countedMethods) {
      const parsed = parseDrawerAmount(typed[m], true);
      if (parsed.ok) out[m] = parsed.cents;
      else problems[m] = true;
    }
    setBad(problems);
    return Object.keys(problems).length ? null : (out as Counted);
  };
  const variance = checked ? drawerVariance(session.totals, checked) : null;
  const totalOff = variance?.reduce((sum, v) => sum + v.varianceCents, 0) ?? 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (close.isPending) return;
    const counted = read();
    if (!counted) return;
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
          <Field
            key={m}
            className={styles.field}
            label={t(labels[m])}
            validationState={bad[m] ? 'error' : 'none'}
            validationMessage={bad[m] ? t('counter.amountFormat') : undefined}
          >
            <Input
              value={typed[m]}
              inputMode="decimal"
              autoComplete="off"
              contentBefore={<span aria-hidden="true">$</span>}
              onChange={(_, d) => {
                setTyped((prev) => ({ ...prev, [m]: d.value }));
                setChecked(null);
              }}
            />
          </Field>
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
