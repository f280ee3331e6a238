// What the header and footer of every document need from the desk: the city's name, the desk's
// id (the PDF's author) and the time of printing in the city's zone.
import { zonedIso } from '../../common/time.ts';
import type { Desk } from '../desk/open-desk.ts';
import type { DocLanguage } from './doc-text.ts';
import type { DocumentSetup } from './pdf-layout.ts';

export interface DocumentContext {
  city: string;
  desk: string;
  printedAt: string;
}

/**
 * The city's name: a bridge file may say it (`city: City of Riverton`); otherwise the bridge's
 * name, capitalised ("riverton" -> "Riverton").
 */
export function cityNameOf(desk: Desk): string {
  try {
    const definition = desk.bridge().definition as { name: string; city?: unknown };
    if (typeof definition.city === 'string' && definition.city.trim()) return definition.city.trim();
    return definition.name.replace(
      /(^|[-_ ])(\w)/g,
      (_, sep: string, c: string) => (sep ? ' ' : '') + c.toUpperCase(),
    );
  } catch {
    return 'City';
  }
}

export function documentContext(desk: Desk, now = new Date()): DocumentContext {
  return {
    city: cityNameOf(desk),
    desk: desk.config?.deskId ?? 'desk',
    printedAt: zonedIso(now, desk.timeZone),
  };
}

/** What DocumentLayout.create needs: the context's city, desk and time, the language and the document's own header. */
export function documentSetup(
  context: DocumentContext,
  language: DocLanguage,
  header: Pick<DocumentSetup, 'title' | 'subtitle' | 'subject' | 'keywords'>,
): DocumentSetup {
  return { city: context.city, desk: context.desk, generatedAt: context.printedAt, language, ...header };
}
