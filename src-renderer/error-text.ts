// Maps any failure to the translation key of the plain-language message a person should see, and
// says whether trying again could help.
import { isWorkbenchError } from '../src-main/common/errors.ts';
import { TransportError } from './transport.ts';

export function errorKey(error: unknown): string {
  if (isWorkbenchError(error)) return `errors.${error.code}`;
  if (error instanceof TransportError) return 'errors.offline';
  return 'errors.internal';
}

const permanent = new Set(['invalid_input', 'not_found', 'unauthorized', 'forbidden', 'not_configured']);

/** Asking again will not change this answer (the record is not there, the request is wrong...). */
export const isPermanent = (error: unknown): boolean => isWorkbenchError(error) && permanent.has(error.code);
