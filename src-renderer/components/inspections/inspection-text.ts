// Words shared by the inspector's screens: a visit's time window, its status with the overdue
// mark, and a pair of words from the city's rules in the UI language.
import type { TFunction } from 'i18next';
import type { ScheduledInspection } from '../../../src-main/common/model.ts';
import type { Language } from '../../i18n/index.ts';

/** "13:00–15:00", or "Any time" for a visit without a window. */
export function windowText(i: ScheduledInspection, t: TFunction): string {
  return i.windowStart && i.windowEnd
    ? t('inspections.window', { from: i.windowStart, to: i.windowEnd })
    : t('inspections.anyTime');
}

/** The city's words (inspections.yaml, the ordinance table) in the person's language. */
export const wordsIn = (words: { en: string; es: string }, language: Language): string => words[language];
