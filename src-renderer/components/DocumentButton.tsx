// "Print receipt" and the like: one button for any operation that returns a PrintedDocument. It
// opens a PDF in a new tab (the browser's viewer prints it) and always offers the file as a
// download link too, named after the document, with where the desk kept its copy. A CSV (mail
// merge, exports) is offered for download only.
import { Button, Link, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { PrintRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { PrintedDocument } from '../../src-main/common/ops/document-ops.ts';
import { usePrintedDocument } from '../printed-document.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { useStackStyles } from './layout/stack-styles.ts';

const useStyles = makeStyles({
  links: { display: 'flex', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'baseline' },
  kept: { color: tokens.colorNeutralForeground3, wordBreak: 'break-all' },
  compact: { flexShrink: 0 },
  button: { whiteSpace: 'nowrap' },
});

export interface DocumentButtonProps {
  /** The button's text, e.g. t('documents.printReceipt'). */
  label: string;
  /** A longer accessible name when several such buttons share a screen (one per payment row). */
  ariaLabel?: string;
  /** Calls the operation that makes the document. */
  make: () => Promise<PrintedDocument>;
  size?: 'small' | 'medium';
  appearance?: 'primary' | 'secondary' | 'subtle';
  /** Compact (table rows): a short download link only (its accessible name says the file). */
  compact?: boolean;
}

export function DocumentButton({ label, ariaLabel, make, size, appearance, compact }: DocumentButtonProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const stack = useStackStyles();
  const { run, document, pending, error } = usePrintedDocument(make);
  return (
    <div className={mergeClasses(stack.snug, compact && styles.compact)}>
      <Button
        className={styles.button}
        icon={<PrintRegular />}
        size={size ?? 'medium'}
        appearance={appearance ?? 'secondary'}
        aria-label={ariaLabel}
        disabledFocusable={pending}
        onClick={run}
      >
        {pending ? t('documents.preparing') : label}
      </Button>
      {error ? <ErrorMessage error={error} onRetry={run} /> : null}
      <div role="status">
        {document ? (
          <>
            <span className={styles.links}>
              {compact ? null : <Text>{t('documents.ready', { file: document.fileName })}</Text>}
              {compact || document.mimeType !== 'application/pdf' ? null : (
                <Link href={document.url} target="_blank" rel="noopener">
                  {t('documents.open')}
                </Link>
              )}
              <Link
                href={document.url}
                download={document.fileName}
                data-document={document.fileName}
                aria-label={compact ? t('documents.download', { file: document.fileName }) : undefined}
              >
                {compact
                  ? t('documents.downloadShort')
                  : t('documents.download', { file: document.fileName })}
              </Link>
            </span>
            {!document.opened && !compact && document.mimeType === 'application/pdf' ? (
              <Text size={200}>{t('documents.popupBlocked')}</Text>
            ) : null}
            {compact ? null : (
              <Text size={200} className={styles.kept}>
                {t('documents.keptAt', { path: document.savedTo })}
              </Text>
            )}
          </>
        ) : null}
      </div>
    </div>
  );
}
