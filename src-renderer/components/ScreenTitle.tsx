// A screen's h1, and the paragraph under it that says what the screen is for. Focus lands on the
// heading when the screen opens, and again when `focusKey` changes (another application, another
// batch), so a screen reader says where the user now is.
import { makeStyles, Text } from '@fluentui/react-components';
import { type ReactNode, useEffect, useRef } from 'react';
import { screenHeading } from '../styles/screen.ts';

const useStyles = makeStyles({
  heading: screenHeading,
  intro: { maxWidth: '60rem' },
});

export function ScreenTitle({
  heading,
  intro,
  focusKey,
}: {
  heading: ReactNode;
  intro?: ReactNode;
  focusKey?: string | null;
}) {
  const styles = useStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [focusKey]);
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1} className={styles.heading}>
        {heading}
      </h1>
      {intro === undefined ? null : (
        <Text as="p" className={styles.intro}>
          {intro}
        </Text>
      )}
    </>
  );
}
