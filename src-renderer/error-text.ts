// Maps any failure to the plain-language message a person should see, in the UI language, and
// says whether trying again could help. A WorkbenchError whose message has a catalog key
// (src-main/common/messages/error-messages.ts) is rendered from the key and its parameters;
// one without (or with a key this build does not know) gets the general sentence of its code.
// The English `message` a service sent is never shown: it would reach the Spanish UI in English.
import type { TFunction } from 'i18next';
import { errorMessageIn, fieldMessagesIn, isWorkbenchError } from '../src-main/common/errors.ts';
import type { Language } from './i18n/index.ts';
import { TransportError } from './transport.ts';

export function errorKey(error: unknown): string {
  if (isWorkbenchError(error)) return `errors.${error.code}`;
  if (error instanceof TransportError) return 'errors.offline';
  return 'errors.internal';
}

/**
 * The sentence for `error` in `language`: its own message from the catalog, else its code's. The
 * contract's own refusal ("The request was not valid.") says nothing by itself, so the problem of
 * each field follows it.
 */
export function errorSentence(error: unknown, t: TFunction, language: Language): string {
  if (isWorkbenchError(error)) {
    const own = errorMessageIn(error, language);
    if (own && error.key === 'contract.invalid_request' && error.fieldTexts) {
      const fields = fieldMessagesIn(error, language);
      const problems = Object.keys(error.fieldTexts).map((field) => fields[field]);
      return [own, ...new Set(problems)].join(' ');
    }
    if (own) return own;
  }
  return t(errorKey(error));
}

const permanent = new Set(['invalid_input', 'not_found', 'unauthorized', 'forbidden', 'not_configured']);

/** Asking again will not change this answer (the record is not there, the request is wrong...). */
export const isPermanent = (error: unknown): boolean => isWorkbenchError(error) && permanent.has(error.code);
