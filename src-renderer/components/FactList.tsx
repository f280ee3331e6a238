// Label/value pairs as a description list (read by screen readers as term and definition).
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(9rem, max-content) 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
});

export type Fact = { key: string; label: string; value: ReactNode };

export function FactList({ facts }: { facts: Fact[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.root}>
      {facts.map((fact) => (
        <div key={fact.key} style={{ display: 'contents' }} data-fact={fact.key}>
          <dt className={styles.term}>{fact.label}</dt>
          <dd className={styles.value}>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
