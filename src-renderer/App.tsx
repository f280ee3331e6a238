// The app shell: header, the current screen in <main>, and the status bar; global shortcuts.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { AppHeader } from './components/AppHeader.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { backToSearch, parseRoute, type Route, useHash } from './route.ts';
import { ApplicationScreen } from './screens/ApplicationScreen.tsx';
import { BatchScreen } from './screens/BatchScreen.tsx';
import { ConflictsScreen } from './screens/ConflictsScreen.tsx';
import { DashboardScreen } from './screens/DashboardScreen.tsx';
import { DrawerScreen } from './screens/DrawerScreen.tsx';
import { InspectorDayScreen } from './screens/InspectorDayScreen.tsx';
import { VisitScreen } from './screens/VisitScreen.tsx';
import { LicenceScreen } from './screens/LicenceScreen.tsx';
import { RenewalQueueScreen } from './screens/RenewalQueueScreen.tsx';
import { SearchScreen } from './screens/SearchScreen.tsx';
import { VerifyCertificateScreen } from './screens/VerifyCertificateScreen.tsx';
import { useSearchShortcut } from './shortcuts.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  main: { flexGrow: 1, minHeight: 0, overflowY: 'auto', outlineStyle: 'none' },
});

/** One key per page: a new key starts the page afresh (scrolled to the top, its state reset). */
function keyOf(route: Route): string {
  switch (route.name) {
    case 'licence':
      return `licence:${route.licenceId}`;
    case 'conflicts':
      return `conflicts:${route.conflictId ?? ''}`;
    case 'batch':
      return `batch:${route.batchId ?? 'new'}`;
    case 'application':
      return `application:${route.applicationId ?? 'new'}`;
    case 'inspection':
      return `inspection:${route.inspectionId}`;
    default:
      return route.name;
  }
}

/** Every screen but the search (which keeps its input ref for the global shortcut). */
function RouteScreen({ route }: { route: Exclude<Route, { name: 'search' }> }) {
  switch (route.name) {
    case 'licence':
      return <LicenceScreen licenceId={route.licenceId} />;
    case 'conflicts':
      return <ConflictsScreen conflictId={route.conflictId} />;
    case 'drawer':
      return <DrawerScreen />;
    case 'renewals':
      return <RenewalQueueScreen />;
    case 'batch':
      return <BatchScreen batchId={route.batchId} />;
    case 'application':
      return <ApplicationScreen applicationId={route.applicationId} />;
    case 'dashboard':
      return <DashboardScreen />;
    case 'verify':
      return <VerifyCertificateScreen />;
    case 'inspections':
      return <InspectorDayScreen />;
    case 'inspection':
      return <VisitScreen inspectionId={route.inspectionId} />;
  }
}

export function App() {
  const styles = useStyles();
  const route = parseRoute(useHash());
  const searchInput = useRef<HTMLInputElement>(null);

  useSearchShortcut(() => {
    if (route.name === 'search') {
      searchInput.current?.focus();
      searchInput.current?.select(); // typing replaces the old query; arrows keep it
    } else backToSearch(); // the search screen focuses its box when it mounts
  });

  // The route is the page: start each one scrolled to the top.
  const mainRef = useRef<HTMLElement>(null);
  const routeKey = keyOf(route);
  useEffect(() => {
    if (routeKey) mainRef.current?.scrollTo({ top: 0 });
  }, [routeKey]);

  return (
    <div className={styles.root}>
      <AppHeader />
      <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
        {route.name === 'search' ? (
          <SearchScreen inputRef={searchInput} />
        ) : (
          <RouteScreen key={routeKey} route={route} />
        )}
      </main>
      <StatusBar />
    </div>
  );
}
