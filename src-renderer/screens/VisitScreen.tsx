// #/inspections/<id>: one visit. Its facts, then (open) the result form or (done) the checklist
// and violations as recorded, the result just recorded with its working, and the site's earlier
// inspections and still-open violations. A result recorded with the link cut waits in the desk's
// outbox: the pending badge and notice say so until it reaches the legacy system.
import { Link, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { InspectionHistory } from '../components/InspectionHistory.tsx';
import { InspectionOutcome } from '../components/inspections/InspectionOutcome.tsx';
import { wordsIn } from '../components/inspections/inspection-text.ts';
import { RecordedChecklist } from '../components/inspections/RecordedChecklist.tsx';
import { ResultForm } from '../components/inspections/ResultForm.tsx';
import { ViolationTable } from '../components/inspections/ViolationTable.tsx';
import { VisitFacts } from '../components/inspections/VisitFacts.tsx';
import { PendingBadge } from '../components/PendingBadge.tsx';
import { PendingNotice } from '../components/PendingNotice.tsx';
import { ScreenTitle } from '../components/ScreenTitle.tsx';
import { Section } from '../components/Section.tsx';
import { useDocumentTitle, useLanguage } from '../hooks.ts';
import { useOrdinances, useRecordInspection, useVisit } from '../queries/index.ts';
import { shownId } from '../provisional-id.ts';
import { inspectionHref } from '../route.ts';
import { useMayDo } from '../may-do.ts';
import { screenRoot } from '../styles/screen.ts';

const useStyles = makeStyles({
  root: screenRoot,
  title: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  back: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
});

export function VisitScreen({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const query = useVisit(inspectionId);
  const ordinances = useOrdinances().data?.ordinances ?? [];
  const record = useRecordInspection();
  const mayRecord = useMayDo('inspection.record');
  const recorded = record.data ?? null;
  useDocumentTitle(t('inspections.visit.title', { id: shownId(inspectionId) }));
  const shown = query.data;
  const i = shown?.visit.inspection;
  const pending = shown?.pendingOperations ?? [];
  return (
    <div className={styles.root}>
      <Link href={inspectionHref()} className={styles.back}>
        <ArrowLeftRegular aria-hidden="true" />
        {t('inspections.visit.back')}
      </Link>
      {query.isPending ? <Spinner label={t('search.searching')} /> : null}
      {query.isError ? <ErrorMessage error={query.error} onRetry={() => void query.refetch()} /> : null}
      {shown && i ? (
        <>
          <div className={styles.title}>
            <ScreenTitle
              heading={t('inspections.visit.heading', {
                id: shownId(i.id),
                kind: shown.kindLabel ? wordsIn(shown.kindLabel, language) : i.kind,
              })}
            />
            <PendingBadge
              size="large"
              waiting={pending.filter((o) => o.status === 'pending').length}
              inConflict={pending.filter((o) => o.status === 'conflict').length}
            />
          </div>
          <PendingNotice operations={pending} summaryKey="inspections.pendingSummary" />
          <Section title={t('inspections.visit.factsHeading')}>{() => <VisitFacts shown={shown} />}</Section>
          {recorded ? (
            <Section title={t('inspections.outcomeHeading')}>
              {() => (
                <InspectionOutcome
                  outcome={recorded}
                  waiting={pending.some((o) => o.operationId === recorded.operationId)}
                />
              )}
            </Section>
          ) : null}
          {i.status === 'scheduled' && !recorded && !mayRecord ? (
            <MessageBar intent="info">
              <MessageBarBody>{t('inspections.visit.readOnly')}</MessageBarBody>
            </MessageBar>
          ) : null}
          {i.status === 'scheduled' && !recorded && mayRecord ? (
            <Section title={t('inspections.form.heading')}>
              {(id) => <ResultForm shown={shown} ordinances={ordinances} labelledBy={id} record={record} />}
            </Section>
          ) : null}
          {i.status === 'done' ? (
            <>
              <Section title={t('inspections.visit.checklistHeading')}>
                {(id) => <RecordedChecklist labelledBy={id} items={shown.checklist} />}
              </Section>
              <Section title={t('inspections.visit.violationsHeading')}>
                {(id) => (
                  <ViolationTable
                    labelledBy={id}
                    violations={shown.violations}
                    ordinances={ordinances}
                    empty={t('inspections.visit.violationsEmpty')}
                  />
                )}
              </Section>
            </>
          ) : null}
          {i.status === 'cancelled' || i.status === 'no_show' ? (
            <MessageBar intent="info">
              <MessageBarBody>
                {t('inspections.visit.closed', { status: t(`inspections.status.${i.status}`) })}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <Section title={t('inspections.visit.openHeading')}>
            {(id) => (
              <ViolationTable
                labelledBy={id}
                violations={shown.openAtSite}
                ordinances={ordinances}
                empty={t('inspections.visit.openEmpty')}
              />
            )}
          </Section>
          <Section title={t('inspections.visit.previousHeading')}>
            {(id) => (
              <InspectionHistory
                labelledBy={id}
                inspections={shown.previous}
                empty={t('inspections.visit.previousEmpty')}
              />
            )}
          </Section>
        </>
      ) : null}
    </div>
  );
}
