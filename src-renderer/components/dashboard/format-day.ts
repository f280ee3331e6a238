// Short day labels for chart axes ("Nov 3" / "3 nov"), in the UI's language; the tables carry the
// full dates.
import { type Language, localeOf } from '../../i18n/index.ts';

const formats = new Map<Language, Intl.DateTimeFormat>();

export function shortDay(iso: string, language: Language): string {
  let f = formats.get(language);
  if (!f) {
    f = new Intl.DateTimeFormat(localeOf[language], { month: 'short', day: 'numeric', timeZone: 'UTC' });
    formats.set(language, f);
  }
  const [y, m, d] = iso.split('-').map(Number);
  return f.format(new Date(Date.UTC(y!, m! - 1, d!)));
}
