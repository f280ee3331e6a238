// i18next set-up: English and Spanish, the person's choice remembered in localStorage, and the
// <html lang> attribute kept in step so screen readers pronounce the text correctly.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { es } from './es.ts';

export const languages = ['en', 'es'] as const;
export type Language = (typeof languages)[number];

/** The locale used for dates and money in each UI language (a US city: US conventions). */
export const localeOf: Record<Language, string> = { en: 'en-US', es: 'es-US' };

const storageKey = 'workbench.language';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (languages as readonly string[]).includes(value);

function readStoredLanguage(): Language | null {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null; // storage can be disabled; the default language still works
  }
}

function initialLanguage(): Language {
  const stored = readStoredLanguage();
  if (stored) return stored;
  const preferred = globalThis.navigator?.language?.slice(0, 2);
  return isLanguage(preferred) ? preferred : 'en';
}

export function currentLanguage(): Language {
  return isLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : 'en';
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(storageKey, language);
  } catch {
    // not remembered, but still switched
  }
  await i18next.changeLanguage(language);
}

export async function initI18n(): Promise<typeof i18next> {
  i18next.on('languageChanged', (lng) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  });
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, es: { translation: es } },
    lng: initialLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...languages],
    interpolation: { escapeValue: false }, // React escapes what it renders
    returnNull: false,
    react: { useSuspense: false },
  });
  return i18next;
}
