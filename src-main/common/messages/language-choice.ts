// Which language a terminal person reads, from the environment (the CLI's edge): WB_LANG when
// set (en, es, or a locale such as es_MX), else the POSIX locale variables in their order of
// precedence (LC_ALL, LC_MESSAGES, LANG), Spanish for any es_* locale. English otherwise.
// Takes the variables as a plain object so it stays pure (no `process` here).
import type { MessageLanguage } from './message-entry.ts';

export interface LanguageEnv {
  WB_LANG?: string | undefined;
  LC_ALL?: string | undefined;
  LC_MESSAGES?: string | undefined;
  LANG?: string | undefined;
}

const languageOfLocale = (locale: string): MessageLanguage =>
  /^es([_-]|\.|@|$)/i.test(locale.trim()) ? 'es' : 'en';

export function messageLanguageFrom(env: LanguageEnv): MessageLanguage {
  if (env.WB_LANG?.trim()) return languageOfLocale(env.WB_LANG);
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v.trim() !== '');
  return locale ? languageOfLocale(locale) : 'en';
}
