// Step 4: the notices. One PDF with a notice per business and the mail-merge CSV, in the language
// chosen (the screen's by default); printing either moves the batch on to posting.
import { Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchDetail } from '../../../src-main/common/ops/batch-ops.ts';
import { useApi } from '../../api-context.tsx';
import { formatTimestamp } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { type Language, languages } from '../../i18n/index.ts';
import { DocumentButton } from '../DocumentButton.tsx';
import { batchKey } from '../../queries/index.ts';
import { useStackStyles } from '../layout/stack-styles.ts';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

const languageName: Record<Language, string> = { en: 'English', es: 'Español' };

export function NoticesStep({ batch }: { batch: BatchDetail }) {
  const { t } = useTranslation();
  const uiLanguage = useLanguage();
  const styles = useStyles();
  const stack = useStackStyles();
  const api = useApi();
  const client = useQueryClient();
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const ready = ['validated', 'notices_printed', 'posting', 'posted'].includes(batch.state);
  const make = (op: 'batches.notices' | 'batches.noticesCsv') => async () => {
    const document = await api[op]({ batchId: batch.id, language });
    await client.invalidateQueries({ queryKey: batchKey(batch.id) });
    return document;
  };
  return (
    <div className={stack.roomy}>
      <Text>{t('batch.notices.intro')}</Text>
      {ready ? (
        <>
          <Field label={t('batch.notices.language')}>
            <Select value={language} onChange={(_, d) => setLanguage(d.value as Language)}>
              {languages.map((l) => (
                <option key={l} value={l} lang={l}>
                  {languageName[l]}
                </option>
              ))}
            </Select>
          </Field>
          <div className={styles.buttons}>
            <DocumentButton
              label={t('batch.notices.pdf')}
              appearance="primary"
              make={make('batches.notices')}
            />
            <DocumentButton label={t('batch.notices.csv')} make={make('batches.noticesCsv')} />
          </div>
          <Text>{t('batch.notices.count', { count: batch.counts.businesses })}</Text>
          {batch.noticesPrintedAt ? (
            <Text>
              {t('batch.notices.printedAt', { at: formatTimestamp(batch.noticesPrintedAt, uiLanguage) })}
            </Text>
          ) : null}
        </>
      ) : (
        <Text>{t('batch.notices.needValidation')}</Text>
      )}
    </div>
  );
}
