// An ordinance section in plain words, English and Spanish, for the inspector's documents: the
// title the city's ordinance code table gives it (cached from Riverton's ORDSEC), else the words
// of the checklist item the inspection rules cite under it (inspections.yaml), else nothing (the
// document prints the bare section rather than inventing words).
import type { Cache } from '../cache/open-cache.ts';
import type { InspectionRulesFile } from '../inspections/inspection-rules.ts';

export interface PlainWords {
  en: string;
  es: string;
}

/** The plain words of each section asked for; a section neither table knows is left out. */
export function ordinanceWords(
  db: Cache,
  rules: InspectionRulesFile | null,
  sections: readonly string[],
): Map<string, PlainWords> {
  const words = new Map<string, PlainWords>();
  const titleOf = db.prepare('SELECT title_en, title_es FROM ordinance WHERE section = ?');
  for (const section of new Set(sections)) {
    const row = titleOf.get(section) as { title_en: string; title_es: string } | undefined;
    if (row) {
      words.set(section, { en: row.title_en, es: row.title_es });
      continue;
    }
    const item = Object.values(rules?.kinds ?? {})
      .flatMap((k) => k.items)
      .find((i) => i.ordinance === section);
    if (item) words.set(section, item.words);
  }
  return words;
}
