// The desk's batches not posted yet, under "new batch": a run interrupted (the window closed, the
// desk restarted) is found again here and resumed where it stopped.
import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api-context.tsx';
import { formatTimestamp } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { batchHref } from '../../route.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

export function OpenBatches() {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const api = useApi();
  const query = useQuery({
    queryKey: ['batches.list', 'open'],
    queryFn: () => api['batches.list']({ includeFinished: false, limit: 50 }),
    staleTime: 0,
  });
  if (query.error) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const batches = query.data?.batches ?? [];
  if (!query.data) return null;
  if (batches.length === 0) return <Text>{t('batch.open.none')}</Text>;
  return (
    <ul className={styles.list} data-open-batches="">
      {batches.map((b) => (
        <li key={b.id}>
          <Link href={batchHref(b.id)}>{b.id}</Link>{' '}
          {t('batch.open.line', {
            state: t(`batch.state.${b.state}`),
            selected: b.counts.selected,
            posted: b.counts.posted,
            at: formatTimestamp(b.createdAt, language),
            who: b.createdBy,
          })}
        </li>
      ))}
    </ul>
  );
}
