// A refusal of the status or certificate services in the UI language: by the status machine's code
// when the service gave one (fields.statusRefusal), else the service's message from the catalog in
// the UI language (errorSentence), else its code's general sentence.
import type { TFunction } from 'i18next';
import { isWorkbenchError } from '../../../src-main/common/errors.ts';
import { errorSentence } from '../../error-text.ts';
import { currentLanguage } from '../../i18n/index.ts';

export function refusalText(error: unknown, t: TFunction): string {
  const sentence = errorSentence(error, t, currentLanguage());
  if (isWorkbenchError(error)) {
    const code = error.fields?.statusRefusal;
    if (code) return t(`licenceActions.refusal.${code}`, { defaultValue: sentence });
  }
  return sentence;
}
