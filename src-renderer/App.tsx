// The app shell: header, the current screen in <main>, and the status bar; global shortcuts.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { AppHeader } from './components/AppHeader.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { backToSearch, parseRoute, useHash } from './route.ts';
import { ConflictsScreen } from './screens/ConflictsScreen.tsx';
import { LicenceScreen } from './screens/LicenceScreen.tsx';
import { SearchScreen } from './screens/SearchScreen.tsx';
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
  const routeKey =
    route.name === 'licence'
      ? `licence:${route.licenceId}`
      : route.name === 'conflicts'
        ? `conflicts:${route.conflictId ?? ''}`
        : 'search';
  useEffect(() => {
    if (routeKey) mainRef.current?.scrollTo({ top: 0 });
  }, [routeKey]);

  return (
    <div className={styles.root}>
      <AppHeader />
      <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
        {route.name === 'licence' ? (
          <LicenceScreen key={route.licenceId} licenceId={route.licenceId} />
        ) : route.name === 'conflicts' ? (
          <ConflictsScreen key={route.conflictId ?? 'list'} conflictId={route.conflictId} />
        ) : (
          <SearchScreen inputRef={searchInput} />
        )}
      </main>
      <StatusBar />
    </div>
  );
}
