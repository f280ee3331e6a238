// One translatable message: the parameters it takes, and its text in each language the workbench
// speaks. Services name a message by key with its parameters; the edges (UI, CLI) render it.
export const messageLanguages = ['en', 'es'] as const;
export type MessageLanguage = (typeof messageLanguages)[number];

/** A parameter is plain data so the error can cross IPC and HTTP as JSON. */
export type ParamValue = string | number;

export interface MessageEntry<P extends string = string> {
  /** Every parameter the texts may use; a unit test checks both languages use exactly these. */
  readonly params: readonly P[];
  readonly en: (p: Readonly<Record<P, ParamValue>>) => string;
  readonly es: (p: Readonly<Record<P, ParamValue>>) => string;
}

/** Declares a message; `params` is spelled out so tests and types can see what it takes. */
export const message = <const P extends string = never>(
  params: readonly P[],
  en: (p: Readonly<Record<P, ParamValue>>) => string,
  es: (p: Readonly<Record<P, ParamValue>>) => string,
): MessageEntry<P> => ({ params, en, es });

/** "1 item" / "2 items": the count decides the word (both languages mark plurals the same way). */
export const plural = (n: ParamValue, one: string, many: string): string => (Number(n) === 1 ? one : many);
