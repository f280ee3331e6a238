// "Download CSV" for one dashboard section: asks the desk for the file (which it also keeps under
// documents/dashboard/), starts the download at once, and leaves a link to download it again with
// where the desk kept its copy.
import { Button, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintedDocument } from '../../../src-main/common/ops/document-ops.ts';
import { usePrintedDocument } from '../../printed-document.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { useStackStyles } from '../layout/stack-styles.ts';

const useStyles = makeStyles({
  status: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    alignItems: 'flex-start',
  },
  kept: { color: tokens.colorNeutralForeground3, wordBreak: 'break-all' },
});

export function CsvDownload({ section, make }: { section: string; make: () => Promise<PrintedDocument> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const stack = useStackStyles();
  const { run, document, pending, error } = usePrintedDocument(make, { openWindow: false });
  const link = useRef<HTMLAnchorElement>(null);
  // A new file: start its download once (the link stays for another try).
  const started = useRef<string | null>(null);
  useEffect(() => {
    if (document && started.current !== document.url) {
      started.current = document.url;
      link.current?.click();
    }
  }, [document]);
  return (
    <div className={stack.snug}>
      <Button
        icon={<ArrowDownloadRegular />}
        appearance="secondary"
        aria-label={t('dashboard.csv.downloadOf', { section })}
        disabledFocusable={pending}
        onClick={run}
      >
        {pending ? t('dashboard.csv.preparing') : t('dashboard.csv.download')}
      </Button>
      {error ? <ErrorMessage error={error} onRetry={run} /> : null}
      <div role="status">
        {document ? (
          <>
            <Text>{t('dashboard.csv.ready', { file: document.fileName })} </Text>
            <Link
              ref={link}
              href={document.url}
              download={document.fileName}
              data-document={document.fileName}
            >
              {t('dashboard.csv.again', { file: document.fileName })}
            </Link>
            <Text as="p" size={200} className={styles.kept}>
              {t('dashboard.csv.kept', { path: document.savedTo })}
            </Text>
          </>
        ) : null}
      </div>
    </div>
  );
}
