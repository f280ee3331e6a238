// An error message as data: a catalog key and its parameters. Services build one with
// `errorText(key, params)` (checked against the catalog by the types); the edges turn it into
// words with `formatErrorText` in the person's language.
import { z } from 'zod';
import { errorMessages, type ErrorKey } from './error-messages.ts';
import type { MessageLanguage, ParamValue } from './message-entry.ts';

export const ErrorTextShape = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
/** Kept loose (any key) over the wire: an older or newer desk may know keys this one does not. */
export type ErrorText = z.infer<typeof ErrorTextShape>;

export type ErrorParams<K extends ErrorKey> = Parameters<(typeof errorMessages)[K]['en']>[0];

/** A message by key, with exactly the parameters its texts take. */
export function errorText<K extends ErrorKey>(key: K, params: ErrorParams<K>): ErrorText {
  return { key, params: { ...(params as Record<string, ParamValue>) } };
}

export const isKnownErrorKey = (key: string): key is ErrorKey => Object.hasOwn(errorMessages, key);

/** The text in `language`, or null when this desk's catalog does not know the key. */
export function formatErrorText(text: ErrorText, language: MessageLanguage): string | null {
  if (!isKnownErrorKey(text.key)) return null;
  const entry = errorMessages[text.key] as {
    [L in MessageLanguage]: (p: Record<string, ParamValue>) => string;
  };
  return entry[language](text.params);
}

export const isErrorText = (value: unknown): value is ErrorText => ErrorTextShape.safeParse(value).success;
