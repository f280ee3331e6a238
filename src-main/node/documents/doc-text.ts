// The words printed on documents, in English and Spanish. Documents are made on the node side,
// where the renderer's i18next is not available, so each document keeps a small dictionary of its
// own labels; the type makes the Spanish table list exactly the English keys.

export type DocLanguage = 'en' | 'es';
export const docLanguages: readonly DocLanguage[] = ['en', 'es'];

/** The BCP 47 tag written into the PDF and used for number and date formats. */
export const localeOf = (language: DocLanguage): string => (language === 'es' ? 'es-US' : 'en-US');

export type DocTextVars = Record<string, string | number>;
export type DocTranslate<K extends string> = (key: K, vars?: DocTextVars) => string;

/**
 * A document's labels: `const text = docText({ en: {...}, es: {...} })`, then
 * `const t = text('es'); t('receiptNo', { n: 'D1-0001' })` with `{n}` placeholders in the strings.
 */
export function docText<T extends Record<string, string>>(dictionary: {
  en: T;
  es: { [K in keyof T]: string };
}): (language: DocLanguage) => DocTranslate<keyof T & string> {
  return (language) => (key, vars) => {
    const template = (dictionary[language] as Record<string, string>)[key] ?? String(key);
    return vars
      ? template.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole))
      : template;
  };
}
