// A refusal of the status or certificate services in the UI language: by the status machine's code
// when the service gave one (fields.statusRefusal), else the service's own plain sentence.
import type { TFunction } from 'i18next';
import { isWorkbenchError } from '../../../src-main/common/errors.ts';
import { errorKey } from '../../error-text.ts';

export function refusalText(error: unknown, t: TFunction): string {
  if (isWorkbenchError(error)) {
    const code = error.fields?.statusRefusal;
    if (code) return t(`licenceActions.refusal.${code}`, { defaultValue: error.message });
    // The services' sentences say what happened and what to do (English); better than a generic line.
    if (error.code === 'invalid_input' || error.code === 'forbidden' || error.code === 'not_found')
      return error.message;
  }
  return t(errorKey(error));
}
