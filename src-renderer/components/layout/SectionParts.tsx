// A section of the licence screen split into parts side by side (one column when narrow), each
// part a <section> named by its own heading, so a screen reader lists "Renew", "Take a payment"…
import { makeStyles, tokens, useId } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(22rem, 1fr))',
    gap: tokens.spacingHorizontalXXL,
  },
  part: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export function SectionParts({ children }: { children: ReactNode }) {
  return <div className={useStyles().grid}>{children}</div>;
}

export function SectionPart({
  heading,
  idPrefix,
  children,
}: {
  heading: string;
  idPrefix: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  const headingId = useId(idPrefix);
  return (
    <section className={styles.part} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {heading}
      </h3>
      {children}
    </section>
  );
}
