// A Fluent UI Field's error state for a react-hook-form field error: the key chosen by
// field-errors.ts, said in the person's language (amounts formatted as money there).
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../format.ts';
import { useLanguage } from '../hooks.ts';
import { fieldErrorText } from './field-errors.ts';

export type FieldProblem = { validationState: 'error' | 'none'; validationMessage?: string };

/** A function from a field's name and error (if any) to the props its Field shows. */
export function useFieldProblem(): (field: string, error: FieldError | undefined) => FieldProblem {
  const { t } = useTranslation();
  const language = useLanguage();
  return (field, error) => {
    if (!error) return { validationState: 'none' };
    const text = fieldErrorText(field, error);
    const amounts = Object.entries(text.amounts ?? {}).map(([name, cents]) => [
      name,
      formatMoney(cents, language),
    ]);
    return { validationState: 'error', validationMessage: String(t(text.key, Object.fromEntries(amounts))) };
  };
}
