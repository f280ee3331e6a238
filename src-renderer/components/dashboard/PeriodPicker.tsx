// The dashboard's period: two dates (the browser's date fields, typed or picked by keyboard) and
// quick choices for the last 7, 30 and 90 days ending on the city's today.
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface PeriodValue {
  from: string;
  to: string;
}

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    border: 'none',
    margin: 0,
    padding: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  presets: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export function daysBefore(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! - days)).toISOString().slice(0, 10);
}

const dayMs = 86_400_000;
const dayNumber = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / dayMs;
};

/** The period of the same length just before (-1) or after (+1) this one. */
export function shiftPeriod(period: PeriodValue, direction: -1 | 1): PeriodValue {
  const length = dayNumber(period.to) - dayNumber(period.from) + 1;
  return {
    from: daysBefore(period.from, -direction * length),
    to: daysBefore(period.to, -direction * length),
  };
}

export function PeriodPicker({
  value,
  today,
  onChange,
}: {
  value: PeriodValue | null;
  /** The city's today (from the desk), for the quick choices. */
  today: string | null;
  onChange: (period: PeriodValue) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [from, setFrom] = useState(value?.from ?? '');
  const [to, setTo] = useState(value?.to ?? '');
  const [invalid, setInvalid] = useState(false);
  // The fields follow the period shown (a quick choice, [ or ]), not every re-render of the screen.
  const shownFrom = value?.from;
  const shownTo = value?.to;
  useEffect(() => {
    if (shownFrom && shownTo) {
      setFrom(shownFrom);
      setTo(shownTo);
    }
  }, [shownFrom, shownTo]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isoDay.test(from) || !isoDay.test(to) || from > to) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onChange({ from, to });
  };
  const preset = (days: number) => {
    if (!today) return;
    setInvalid(false);
    onChange({ from: daysBefore(today, days - 1), to: today });
  };

  return (
    <form onSubmit={submit} aria-label={t('dashboard.period.legend')}>
      <fieldset className={styles.form}>
        <legend className={styles.legend}>{t('dashboard.period.legend')}</legend>
        <Field
          label={t('dashboard.period.from')}
          validationState={invalid ? 'error' : 'none'}
          validationMessage={invalid ? t('dashboard.period.invalid') : undefined}
        >
          <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} name="from" />
        </Field>
        <Field label={t('dashboard.period.to')}>
          <Input type="date" value={to} onChange={(_, d) => setTo(d.value)} name="to" />
        </Field>
        <Button type="submit" appearance="primary">
          {t('dashboard.period.show')}
        </Button>
        <div className={styles.presets}>
          <Button onClick={() => preset(7)} disabled={!today}>
            {t('dashboard.period.last7')}
          </Button>
          <Button onClick={() => preset(30)} disabled={!today}>
            {t('dashboard.period.last30')}
          </Button>
          <Button onClick={() => preset(90)} disabled={!today}>
            {t('dashboard.period.last90')}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
