// The cash drawer (#/drawer): open it with a starting float; see what it holds by method and every
// payment, void and refund taken in it; close it with the counted amounts (the variance shows
// before confirming); print the end-of-day report. A supervisor also voids and refunds here.
import {
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrawerSession } from '../../src-main/common/ops/drawer-ops.ts';
import { DocumentButton } from '../components/DocumentButton.tsx';
import { CloseDrawerForm } from '../components/drawer/CloseDrawerForm.tsx';
import { DrawerEntries, type ReverseRequest } from '../components/drawer/DrawerEntries.tsx';
import { DrawerTotals } from '../components/drawer/DrawerTotals.tsx';
import { OpenDrawerForm } from '../components/drawer/OpenDrawerForm.tsx';
import { ReversalForm } from '../components/drawer/ReversalForm.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FactList } from '../components/FactList.tsx';
import { ScreenTitle } from '../components/ScreenTitle.tsx';
import { Section } from '../components/Section.tsx';
import { useApi } from '../api-context.tsx';
import { useCurrentDrawer, useDrawerSession, useDrawerSessions, useDeskStatus } from '../queries/index.ts';
import { formatMoney, formatTimestamp } from '../format.ts';
import { useDocumentTitle, useLanguage } from '../hooks.ts';
import { screenRoot } from '../styles/screen.ts';

const useStyles = makeStyles({
  root: screenRoot,
  note: { color: tokens.colorNeutralForeground3 },
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

export function DrawerScreen() {
  const { t } = useTranslation();
  const styles = useStyles();
  const current = useCurrentDrawer();
  const status = useDeskStatus().data;
  const role = status?.role;
  const supervises = role === 'supervisor' || role === 'admin';
  const [closed, setClosed] = useState<DrawerSession | null>(null);
  const [request, setRequest] = useState<ReverseRequest | null>(null);
  useDocumentTitle(t('drawer.title'));

  const session = current.data?.session ?? null;
  return (
    <div className={styles.root}>
      <ScreenTitle heading={t('drawer.heading')} intro={t('drawer.intro')} />
      {current.isPending ? <Spinner label={t('search.searching')} /> : null}
      {current.isError ? <ErrorMessage error={current.error} onRetry={() => void current.refetch()} /> : null}
      {closed && !session ? <ClosedSession session={closed} /> : null}
      {!closed && current.isSuccess && !session && status ? <LastSession actor={status.actor} /> : null}
      {current.isSuccess && !session ? (
        <Section title={t('drawer.openHeading')}>{(id) => <OpenDrawerForm labelledBy={id} />}</Section>
      ) : null}
      {session ? (
        <OpenSession
          session={session}
          onReverse={supervises ? setRequest : undefined}
          onClosed={(s) => setClosed(s)}
        />
      ) : null}
      {session && supervises ? (
        <Section title={t('drawer.reverseHeading')}>
          {(id) => (
            <div className={styles.stack}>
              <Text as="p" className={styles.note}>
                {t('drawer.reverseIntro')}
              </Text>
              <ReversalForm labelledBy={id} request={request} />
            </div>
          )}
        </Section>
      ) : null}
    </div>
  );
}

function SessionFacts({ session }: { session: DrawerSession }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <FactList
      facts={[
        { key: 'clerk', label: t('drawer.clerk'), value: session.actor },
        { key: 'opened', label: t('drawer.openedAt'), value: formatTimestamp(session.openedAt, language) },
        ...(session.closedAt
          ? [
              {
                key: 'closed',
                label: t('drawer.closedAt'),
                value: formatTimestamp(session.closedAt, language),
              },
            ]
          : []),
        { key: 'float', label: t('drawer.floatShort'), value: formatMoney(session.floatCents, language) },
      ]}
    />
  );
}

function OpenSession({
  session,
  onReverse,
  onClosed,
}: {
  session: DrawerSession;
  onReverse: ((r: ReverseRequest) => void) | undefined;
  onClosed: (s: DrawerSession) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <>
      <Section title={t('drawer.sessionHeading')}>
        {(id) => (
          <div className={styles.stack}>
            <SessionFacts session={session} />
            <DrawerTotals labelledBy={id} totals={session.totals} variance={null} />
            <Text as="p" className={styles.note}>
              {t('drawer.cashNote')}
            </Text>
          </div>
        )}
      </Section>
      <Section title={t('drawer.entriesHeading')}>
        {(id) => <DrawerEntries labelledBy={id} session={session} onReverse={onReverse} />}
      </Section>
      <Section title={t('drawer.closeHeading')}>
        {(id) => (
          <div className={styles.stack}>
            <Text as="p" className={styles.note}>
              {t('drawer.closeIntro')}
            </Text>
            <CloseDrawerForm session={session} labelledBy={id} onClosed={onClosed} />
          </div>
        )}
      </Section>
    </>
  );
}

/** The person's last closed drawer at this desk (after a restart or the next morning): its report again. */
function LastSession({ actor }: { actor: string }) {
  const list = useDrawerSessions();
  const last = list.data?.sessions.find((s) => s.actor === actor && s.closedAt !== null) ?? null;
  const one = useDrawerSession(last?.id ?? null);
  return one.data ? <ClosedSession session={one.data.session} title="drawer.lastSession" /> : null;
}

function ClosedSession({
  session,
  title = 'drawer.closedHeading',
}: {
  session: DrawerSession;
  title?: 'drawer.closedHeading' | 'drawer.lastSession';
}) {
  const { t } = useTranslation();
  const api = useApi();
  const language = useLanguage();
  const styles = useStyles();
  return (
    <Section title={t(title)}>
      {(id) => (
        <div className={styles.stack}>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {t('drawer.closedBody', { at: formatTimestamp(session.closedAt, language) })}
            </MessageBarBody>
          </MessageBar>
          <SessionFacts session={session} />
          <DrawerTotals labelledBy={id} totals={session.totals} variance={session.variance} />
          <DrawerEntries labelledBy={id} session={session} onReverse={undefined} />
          <DocumentButton
            label={t('drawer.printReport')}
            appearance="primary"
            make={() => api['drawer.report']({ sessionId: session.id, language })}
          />
          <Link href="#/">{t('header.search')}</Link>
        </div>
      )}
    </Section>
  );
}
