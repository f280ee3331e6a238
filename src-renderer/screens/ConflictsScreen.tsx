// The conflicts screen: changes this desk made that the legacy system could not take as they
// were. `#/conflicts` lists them (open ones, and the resolved ones on request); `#/conflicts/<id>`
// shows one field by field with the decision to make.
import { Button, Link, makeStyles, Spinner, Switch, Text, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, CheckmarkCircleRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../src-main/common/sync-model.ts';
import { ConflictDetail } from '../components/ConflictDetail.tsx';
import { conflictName } from '../conflict-values.ts';
import { ConflictKindBadge } from '../components/ConflictKindBadge.tsx';
import { DateText } from '../components/DateText.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ScreenTitle } from '../components/ScreenTitle.tsx';
import { Section } from '../components/Section.tsx';
import { columnsOf, DataTable, type TableColumn } from '../components/table/DataTable.tsx';
import { useDocumentTitle } from '../hooks.ts';
import { useConflicts } from '../queries/index.ts';
import { conflictsHref } from '../route.ts';
import { screenRoot, screenHeading } from '../styles/screen.ts';

const column = columnsOf<Conflict>();

const useStyles = makeStyles({
  root: screenRoot,
  heading: screenHeading,
  mono: { fontFamily: tokens.fontFamilyMonospace },
  toolbar: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalL },
});

export function ConflictsScreen({ conflictId }: { conflictId: number | null }) {
  return conflictId === null ? <ConflictList /> : <OneConflict conflictId={conflictId} />;
}

function ConflictList() {
  const { t } = useTranslation();
  const styles = useStyles();
  const [includeResolved, setIncludeResolved] = useState(false);
  const query = useConflicts(includeResolved);
  useDocumentTitle(t('app.titleConflicts'));

  const columns: TableColumn<Conflict>[] = [
    column.display({
      id: 'licence',
      header: t('conflicts.licence'),
      cell: ({ row: { original: c } }) => (
        <Link href={conflictsHref(c.id)} className={c.licenceId ? styles.mono : undefined}>
          {c.licenceId || conflictName(c) || t('conflicts.noLicence')}
        </Link>
      ),
    }),
    column.accessor('command', { header: t('conflicts.change'), cell: (c) => t(`commands.${c.getValue()}`) }),
    column.accessor('kind', {
      header: t('conflicts.kindLabel'),
      cell: (c) => <ConflictKindBadge kind={c.getValue()} />,
    }),
    column.accessor('takenAt', {
      header: t('conflicts.taken'),
      cell: (c) => <DateText iso={c.getValue()} withTime />,
    }),
    column.accessor('status', {
      header: t('conflicts.statusLabel'),
      cell: (c) => t(`conflicts.status.${c.getValue()}`),
    }),
  ];

  const conflicts = query.data?.conflicts ?? [];
  return (
    <div className={styles.root}>
      <ScreenTitle heading={t('conflicts.heading')} intro={t('conflicts.intro')} />
      <div className={styles.toolbar}>
        <Switch
          checked={includeResolved}
          label={t('conflicts.showResolved')}
          onChange={(_, d) => setIncludeResolved(d.checked)}
        />
      </div>
      {query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <Spinner />
      ) : conflicts.length === 0 ? (
        <EmptyState
          icon={<CheckmarkCircleRegular />}
          title={t(includeResolved ? 'conflicts.emptyResolved' : 'conflicts.empty')}
        />
      ) : (
        <Section title={t('conflicts.list')}>
          {(id) => (
            <DataTable
              labelledBy={id}
              columns={columns}
              rows={conflicts}
              rowKey={(c) => String(c.id)}
              empty=""
            />
          )}
        </Section>
      )}
    </div>
  );
}

function OneConflict({ conflictId }: { conflictId: number }) {
  const { t } = useTranslation();
  const styles = useStyles();
  // Resolved conflicts are kept for the record, so the one asked for may be among them.
  const query = useConflicts(true);
  const conflict = query.data?.conflicts.find((c) => c.id === conflictId);
  useDocumentTitle(
    conflict
      ? t('app.titleConflict', { id: conflict.licenceId || conflictName(conflict) })
      : t('app.titleConflicts'),
  );
  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        <Button as="a" href={conflictsHref()} icon={<ArrowLeftRegular />}>
          {t('conflicts.back')}
        </Button>
      </div>
      {conflict ? (
        <ConflictDetail conflict={conflict} />
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data ? (
        <>
          <h1 className={styles.heading}>{t('conflicts.heading')}</h1>
          <Text as="p">{t('conflicts.notFound')}</Text>
        </>
      ) : (
        <Spinner />
      )}
    </div>
  );
}
