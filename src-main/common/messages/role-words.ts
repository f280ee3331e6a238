// The words a role refusal needs in each language: the role names and what each guarded service
// does ("renew licences"). A command's actions bring their words in its definition
// (../command-defs/); the other actions' words are here. Keyed by the names in ../roles.ts
// (serviceRoles); a unit test checks every action and role there has words in every language.
// They live here, not in roles.ts, so that roles.ts can build its refusal from the catalog
// without an import cycle.
import type { CommandActionDefinition, Words } from '../command-defs/define-command.ts';
import { commandDefinitions } from '../commands.ts';
import type { MessageLanguage } from './message-entry.ts';

export const roleWords: Record<MessageLanguage, Record<string, string>> = {
  en: { clerk: 'clerk', inspector: 'inspector', supervisor: 'supervisor', admin: 'admin' },
  es: { clerk: 'empleado', inspector: 'inspector', supervisor: 'supervisor', admin: 'administrador' },
};

/** The words for what people do that is not giving a command (roles.ts otherActionRoles). */
const otherActionWords: Record<string, Words> = {
  'conflict.resolve': { en: 'resolve conflicts', es: 'resolver conflictos' },
  'certificate.issue': { en: 'issue licence certificates', es: 'emitir certificados de licencia' },
  'batch.prepare': { en: 'prepare renewal batches', es: 'preparar lotes de renovación' },
  'batch.post': { en: 'post renewal batches', es: 'registrar lotes de renovación' },
  'application.update': {
    en: 'update application checklists',
    es: 'actualizar la lista de requisitos de una solicitud',
  },
  'application.waive': { en: 'waive a requirement', es: 'dispensar un requisito' },
  'drawer.use': { en: 'open or close a cash drawer', es: 'abrir o cerrar una caja' },
  'dashboard.view': { en: "see the supervisor's dashboard", es: 'ver el panel del supervisor' },
};

/** Every action's words by language: the commands' from their definitions, then the others. */
const everyActionWords: [string, Words][] = [
  ...Object.values(commandDefinitions).flatMap((d) =>
    Object.entries(d.actions as Record<string, CommandActionDefinition>).map(
      ([action, a]) => [action, a.words] as [string, Words],
    ),
  ),
  ...Object.entries(otherActionWords),
];

export const actionWords: Record<MessageLanguage, Record<string, string>> = {
  en: Object.fromEntries(everyActionWords.map(([action, w]) => [action, w.en])),
  es: Object.fromEntries(everyActionWords.map(([action, w]) => [action, w.es])),
};

/** "supervisor or admin" from "supervisor,admin", in the language's words. */
export function allowedRolesIn(language: MessageLanguage, allowed: string): string {
  const words = allowed.split(',').map((r) => roleWords[language][r] ?? r);
  return words.join(language === 'es' ? ' o ' : ' or ');
}
