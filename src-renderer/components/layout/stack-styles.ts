// The column layouts most panels of the UI are: their parts one under the other, left-aligned,
// with a small gap (a counter part) or a medium one (a batch step, the issue panel). One place,
// so every panel spaces its parts alike.
import { makeStyles, tokens } from '@fluentui/react-components';

// Parts under each other, each as wide as its content.
const column = (rowGap: string) =>
  ({ display: 'flex', flexDirection: 'column', rowGap, alignItems: 'flex-start' }) as const;

export const useStackStyles = makeStyles({
  /** Parts under each other with a very small gap (a button and its links). */
  snug: column(tokens.spacingVerticalXS),
  /** Parts under each other with a small gap, each as wide as its content. */
  tight: column(tokens.spacingVerticalS),
  /** The same with a medium gap. */
  roomy: column(tokens.spacingVerticalM),
  /** A dialog's content: parts under each other, full width, medium gap. */
  dialog: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  /** Secondary words: a hint, a note. */
  hint: { color: tokens.colorNeutralForeground3 },
  /** A part that takes the whole width of a stack (a result message). */
  fullWidth: { alignSelf: 'stretch' },
});
