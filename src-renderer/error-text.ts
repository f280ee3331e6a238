// Maps any failure to the translation key of the plain-language message a person should see.
import { isWorkbenchError } from '../src-main/common/errors.ts';
import { TransportError } from './transport.ts';

export function errorKey(error: unknown): string {
  if (isWorkbenchError(error)) return `errors.${error.code}`;
  if (error instanceof TransportError) return 'errors.offline';
  return 'errors.internal';
}
