// A date or timestamp: localised text for people, the ISO value kept in <time dateTime>.
import { formatDate, formatTimestamp, MISSING } from '../format.ts';
import { useLanguage } from '../hooks.ts';

export function DateText({ iso, withTime = false }: { iso: string | null | undefined; withTime?: boolean }) {
  const language = useLanguage();
  if (!iso) return <>{MISSING}</>;
  return <time dateTime={iso}>{withTime ? formatTimestamp(iso, language) : formatDate(iso, language)}</time>;
}
