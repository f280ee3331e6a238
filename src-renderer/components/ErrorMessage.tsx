// A failure in plain words, in the UI language, with a way to try again.
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { errorSentence, isPermanent } from '../error-text.ts';
import { useLanguage } from '../hooks.ts';

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>{errorSentence(error, t, language)}</MessageBarBody>
      {onRetry && !isPermanent(error) ? (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('search.retry')}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
