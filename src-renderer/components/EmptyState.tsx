// A calm, centred message for a list with nothing to show yet (or nothing found).
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    rowGap: tokens.spacingVerticalS,
    textAlign: 'center',
    paddingBlock: tokens.spacingVerticalXXXL,
    paddingInline: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
  },
  icon: { fontSize: '48px', color: tokens.colorNeutralForeground3 },
  title: { margin: 0 },
  body: { margin: 0, maxWidth: '36rem' },
});

export function EmptyState({
  icon,
  title,
  children,
}: {
  icon: ReactNode;
  title: string;
  children?: ReactNode;
}) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <span className={styles.icon} aria-hidden="true">
        {icon}
      </span>
      <Text as="p" size={500} weight="semibold" className={styles.title}>
        {title}
      </Text>
      {children ? (
        <Text as="p" className={styles.body}>
          {children}
        </Text>
      ) : null}
    </div>
  );
}
