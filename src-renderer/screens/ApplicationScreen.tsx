// New applications (issue 5 point 1). `#/applications/new`: the intake form with duplicate
// suggestions, and the desk's open applications; `#/applications/<id>`: one application with its
// requirements checklist and the licence to issue.
import { Badge, Link, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ApplicationSummary } from '../../src-main/common/ops/application-ops.ts';
import { useApplication, useApplications } from '../queries/index.ts';
import { IssuePanel } from '../components/applications/IssuePanel.tsx';
import { NewApplicationForm } from '../components/applications/NewApplicationForm.tsx';
import { RequirementChecklist } from '../components/applications/RequirementChecklist.tsx';
import { DateText } from '../components/DateText.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FactList } from '../components/FactList.tsx';
import { ScreenTitle } from '../components/ScreenTitle.tsx';
import { Section } from '../components/Section.tsx';
import { columnsOf, DataTable, type TableColumn } from '../components/table/DataTable.tsx';
import { text } from '../format.ts';
import { useDocumentTitle } from '../hooks.ts';
import { applicationHref } from '../route.ts';
import { screenRoot } from '../styles/screen.ts';

const column = columnsOf<ApplicationSummary>();

const useStyles = makeStyles({
  root: screenRoot,
  mono: { fontFamily: tokens.fontFamilyMonospace },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(24rem, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
});

export function ApplicationScreen({ applicationId }: { applicationId: string | null }) {
  return applicationId === null ? <NewApplication /> : <OneApplication applicationId={applicationId} />;
}

function NewApplication() {
  const { t } = useTranslation();
  const styles = useStyles();
  useDocumentTitle(t('applications.titleNew'));
  return (
    <div className={styles.root}>
      <ScreenTitle heading={t('applications.headingNew')} intro={t('applications.intro')} />
      <NewApplicationForm />
      <OpenApplications />
    </div>
  );
}

function OpenApplications() {
  const { t } = useTranslation();
  const styles = useStyles();
  const query = useApplications('open');
  const columns: TableColumn<ApplicationSummary>[] = [
    column.accessor('id', {
      header: t('applications.colApplication'),
      cell: (c) => (
        <Link href={applicationHref(c.getValue())} className={styles.mono}>
          {c.getValue()}
        </Link>
      ),
    }),
    column.accessor('businessName', { header: t('applications.colBusiness') }),
    column.accessor((a) => a.licenceTypeName ?? a.licenceTypeCode, {
      id: 'type',
      header: t('applications.colType'),
      cell: (c) => text(c.getValue()),
    }),
    column.accessor('createdAt', {
      header: t('applications.colCreated'),
      cell: (c) => <DateText iso={c.getValue()} withTime />,
    }),
    column.accessor('openRequired', { header: t('applications.colOpen'), meta: { numeric: true } }),
  ];
  return (
    <Section title={t('applications.openList')}>
      {(id) =>
        query.isError ? (
          <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
        ) : !query.data ? (
          <Spinner size="tiny" />
        ) : (
          <DataTable
            labelledBy={id}
            columns={columns}
            rows={query.data.applications}
            rowKey={(a) => a.id}
            empty={t('applications.openListEmpty')}
          />
        )
      }
    </Section>
  );
}

function OneApplication({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const query = useApplication(applicationId);
  useDocumentTitle(t('applications.titleOne', { id: applicationId }));
  const detail = query.data;
  return (
    <div className={styles.root}>
      <ScreenTitle heading={t('applications.heading', { id: applicationId })} focusKey={applicationId} />
      {query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : !detail ? (
        <Spinner />
      ) : (
        <>
          <div className={styles.columns}>
            <Section title={t('applications.facts')}>
              {() => (
                <FactList
                  facts={[
                    { key: 'name', label: t('applications.name'), value: detail.business.name },
                    { key: 'dba', label: t('applications.dbaName'), value: text(detail.business.dbaName) },
                    {
                      key: 'owner',
                      label: t('applications.ownerName'),
                      value: text(detail.business.ownerName),
                    },
                    {
                      key: 'address',
                      label: t('applications.addressLine'),
                      value: text(
                        [
                          detail.business.addressLine,
                          detail.business.city,
                          detail.business.state,
                          detail.business.postalCode,
                        ]
                          .filter(Boolean)
                          .join(', '),
                      ),
                    },
                    { key: 'phone', label: t('applications.phone'), value: text(detail.business.phone) },
                    { key: 'tax', label: t('applications.taxId'), value: text(detail.business.taxId) },
                    {
                      key: 'businessId',
                      label: t('applications.businessId'),
                      value: detail.businessProvisional ? (
                        <Badge appearance="tint" color="warning">
                          {t('applications.provisionalNumber')}
                        </Badge>
                      ) : (
                        <span className={styles.mono}>{detail.business.id}</span>
                      ),
                    },
                    {
                      key: 'type',
                      label: t('applications.licenceType'),
                      value: text(detail.application.licenceTypeName ?? detail.application.licenceTypeCode),
                    },
                    {
                      key: 'status',
                      label: t('applications.status'),
                      value: `${t(`applications.statusValue.${detail.application.status}`)} · ${t('applications.createdBy', { who: detail.application.createdBy })}`,
                    },
                  ]}
                />
              )}
            </Section>
            <Section title={t('applications.issueHeading')}>{() => <IssuePanel detail={detail} />}</Section>
          </div>
          <Section title={t('applications.checklist')}>
            {(id) => <RequirementChecklist detail={detail} labelledBy={id} />}
          </Section>
          <Link href={applicationHref()}>{t('applications.newApplication')}</Link>
        </>
      )}
    </div>
  );
}
