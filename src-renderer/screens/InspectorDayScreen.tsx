// #/inspections: the inspector's day. A day (today unless another is chosen) and whose visits
// (the person's own unless a legacy user id is typed), then the visits and the overdue ones in the
// route order the desk gives (inspections.day), each opening its visit; and scheduling another
// visit. Read from the desk's cache, so it works with the link to the legacy system cut.
import { Field, Input, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ScheduleVisitForm } from '../components/inspections/ScheduleVisitForm.tsx';
import { VisitTable } from '../components/inspections/VisitTable.tsx';
import { ScreenTitle } from '../components/ScreenTitle.tsx';
import { Section } from '../components/Section.tsx';
import { formatDate, today } from '../format.ts';
import { useDebouncedValue, useDocumentTitle, useLanguage } from '../hooks.ts';
import { useMayDo } from '../may-do.ts';
import { useInspectorDay } from '../queries/index.ts';
import { filterLegend, filterRow, screenRoot } from '../styles/screen.ts';

const useStyles = makeStyles({
  root: screenRoot,
  // Top-aligned: the inspector's field has a hint under it.
  filters: { ...filterRow, alignItems: 'flex-start' },
  legend: filterLegend,
  note: { color: tokens.colorNeutralForeground2 },
});

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** The day and inspector last looked at, so coming back from a visit returns to the same list. */
let remembered: { on: string; inspector: string } | null = null;

export function InspectorDayScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const [on, setOn] = useState(remembered?.on ?? today());
  const [inspector, setInspector] = useState(remembered?.inspector ?? '');
  const typed = useDebouncedValue(inspector.trim(), 300);
  useEffect(() => {
    remembered = { on, inspector };
  }, [on, inspector]);
  const maySchedule = useMayDo('inspection.schedule');
  useDocumentTitle(t('inspections.day.title'));
  const day = useInspectorDay({
    ...(isoDay.test(on) ? { on } : {}),
    ...(typed ? { inspector: typed } : {}),
  });
  const data = day.data;
  return (
    <div className={styles.root}>
      <ScreenTitle heading={t('inspections.day.heading')} intro={t('inspections.day.intro')} />
      <fieldset className={styles.filters}>
        <legend className={styles.legend}>{t('inspections.day.filters')}</legend>
        <Field label={t('inspections.day.on')}>
          <Input type="date" value={on} onChange={(_, d) => setOn(d.value)} name="on" />
        </Field>
        <Field label={t('inspections.day.inspector')} hint={t('inspections.day.inspectorHint')}>
          <Input
            value={inspector}
            onChange={(_, d) => setInspector(d.value.toUpperCase())}
            name="inspector"
            autoComplete="off"
            maxLength={8}
          />
        </Field>
      </fieldset>
      {day.isPending ? <Spinner label={t('search.searching')} /> : null}
      {day.isError ? <ErrorMessage error={day.error} onRetry={() => void day.refetch()} /> : null}
      {data ? (
        <Section title={t('inspections.day.tableLabel')}>
          {(id) => (
            <>
              <Text as="p" role="status" className={styles.note} data-testid="day-count">
                {t('inspections.day.count', {
                  inspector: data.inspector,
                  date: formatDate(data.on, language),
                  count: data.visits.length,
                })}
              </Text>
              <VisitTable labelledBy={id} visits={data.visits} />
            </>
          )}
        </Section>
      ) : null}
      {maySchedule ? (
        <Section title={t('inspections.schedule.heading')}>
          {(id) => (
            // Started again from the day and inspector shown, whenever they change.
            <ScheduleVisitForm
              key={`${on}|${typed}`}
              labelledBy={id}
              on={isoDay.test(on) ? on : today()}
              inspector={typed}
            />
          )}
        </Section>
      ) : null}
    </div>
  );
}
