// `workbench inspections day|show|record|workload|assign|route-sheet|notice`: the inspector's desk from the command
// line, through the contract's operations in this process (in-process.ts), with the UI's limits,
// role checks, audit and messages. Recording a result works with the legacy database away: it
// waits in the outbox. The route sheet and the notice of violation are PDFs kept on the desk.
import { type Command, Option } from 'commander';
import { messageLanguageFrom } from '../../common/messages/language-choice.ts';
import type { ChecklistOutcome } from '../../common/model.ts';
import type { PrintedDocument } from '../../common/ops/document-ops.ts';
import { withDeskCalls } from './in-process.ts';

const print = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

/** `HL01,HL02` -> ['HL01', 'HL02'], each code upper-cased; `HL03=leaking tap` keeps its note. */
function answersFrom(o: { pass?: string[]; fail?: string[]; na?: string[] }) {
  const answers: Record<string, { outcome: ChecklistOutcome; note?: string }> = {};
  const add = (list: string[] | undefined, outcome: ChecklistOutcome) => {
    for (const entry of (list ?? []).flatMap((l) => l.split(','))) {
      const [code, ...note] = entry.split('=');
      const key = code!.trim().toUpperCase();
      if (!key) continue;
      answers[key] = note.length ? { outcome, note: note.join('=').trim() } : { outcome };
    }
  };
  add(o.pass, 'pass');
  add(o.fail, 'fail');
  add(o.na, 'na');
  return answers;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** --lang: the document's language, by default the terminal's (WB_LANG, else the locale). */
const languageOption = () =>
  new Option('--lang <lang>', "the document's language (default: the terminal's)")
    .choices(['en', 'es'])
    .default(messageLanguageFrom(process.env));

const printedAt = (what: string, printed: PrintedDocument, json?: boolean) => {
  const { base64: _bytes, ...where } = printed;
  if (json) print(where);
  else console.log(`${what} ${printed.fileName} kept at ${printed.savedTo}.`);
};

export function registerInspectionSubcommands(program: Command, dataDir: () => string | undefined): void {
  const inspections = program.command('inspections').description("the inspector's visits and their results");
  inspections
    .command('day')
    .description("an inspector's visits of a day and what is overdue, in route order")
    .option('--inspector <id>', 'the legacy user id (default: yours)')
    .option('--on <date>', 'YYYY-MM-DD (default: today)')
    .option('--json', 'print the day as JSON')
    .action((o: { inspector?: string; on?: string; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const day = await call('inspections.day', {
          ...(o.inspector ? { inspector: o.inspector } : {}),
          ...(o.on ? { on: o.on } : {}),
        });
        if (o.json) return print(day);
        console.log(
          `${day.inspector}, ${day.on}: ${day.visits.length} visit${day.visits.length === 1 ? '' : 's'}`,
        );
        for (const v of day.visits) {
          const i = v.inspection;
          const when = i.windowStart ? `${i.windowStart}-${i.windowEnd}` : 'any time';
          const flags = [
            v.overdue ? `OVERDUE since ${i.scheduledOn}` : '',
            i.status !== 'scheduled' ? i.status.toUpperCase() : '',
            v.openViolations ? `${v.openViolations} open violation(s)` : '',
          ]
            .filter(Boolean)
            .join('; ');
          console.log(
            `  ${i.id.padEnd(8)} ward ${i.ward ?? '-'}  ${when.padEnd(11)} ${i.kind.padEnd(4)} ${v.businessName ?? '(no licence)'} — ${v.site ?? ''}${flags ? `  [${flags}]` : ''}`,
          );
        }
      }),
    );
  inspections
    .command('show')
    .description('one visit: its checklist, what was recorded, and the site history')
    .argument('<inspection>', 'the inspection (schedule) number')
    .option('--json', 'print the visit as JSON')
    .action((inspectionId: string, o: { json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const shown = await call('inspections.show', { inspectionId });
        if (o.json) return print(shown);
        const i = shown.visit.inspection;
        console.log(
          `Inspection ${i.id}: ${shown.kindLabel?.en ?? i.kind}, ${i.scheduledOn}, ${i.status}${i.result ? ` (${i.result}, ${i.score}, grade ${i.grade})` : ''}`,
        );
        console.log(
          `  ${shown.visit.businessName ?? '(no licence)'} — ${shown.visit.site ?? ''}${i.licenceId ? `, licence ${i.licenceId}` : ''}`,
        );
        for (const c of shown.checklist)
          console.log(
            `  ${c.code.padEnd(6)} ${c.critical ? '!' : ' '} ${String(c.weight).padStart(3)}  ${(c.recorded?.outcome ?? '-').padEnd(4)} ${c.words.en}`,
          );
        for (const v of shown.violations)
          console.log(
            `  violation ${v.ordinanceSection} (${v.severity}) correct by ${v.correctBy ?? '-'}: ${v.description ?? ''}`,
          );
        if (shown.openAtSite.length)
          console.log(
            `  still open at the site: ${shown.openAtSite.map((v) => v.ordinanceSection).join(', ')}`,
          );
      }),
    );
  inspections
    .command('record')
    .description("record a visit's result: every checklist item answered; the city's rule grades it")
    .argument('<inspection>', 'the inspection (schedule) number')
    .option('--pass <codes>', 'items passed, comma-separated (repeatable)', collect)
    .option('--fail <codes>', 'items failed, CODE or CODE=note (repeatable)', collect)
    .option('--na <codes>', 'items not applicable (repeatable)', collect)
    .option(
      '--violation <section=description>',
      'a violation found, by ordinance section (repeatable)',
      collect,
    )
    .option('--json', 'print the result as JSON')
    .action(
      (
        inspectionId: string,
        o: { pass?: string[]; fail?: string[]; na?: string[]; violation?: string[]; json?: boolean },
      ) =>
        withDeskCalls(dataDir(), async (call) => {
          const violations = (o.violation ?? []).map((v) => {
            const [section, ...words] = v.split('=');
            return {
              ordinanceSection: section!.trim(),
              ...(words.length ? { description: words.join('=').trim() } : {}),
            };
          });
          const result = await call('inspections.record', {
            inspectionId,
            answers: answersFrom(o),
            violations,
          });
          if (o.json) return print(result);
          console.log(
            `Inspection ${result.inspectionId}: ${result.result.toUpperCase()}, score ${result.score}, grade ${result.grade} (operation ${result.operationId}).`,
          );
          for (const line of result.working) console.log(`  ${line.en}`);
          if (result.reinspectionDue) console.log(`Re-inspection due by ${result.reinspectionDue}.`);
        }),
    );
  inspections
    .command('workload')
    .description("each inspector's visits of a day (open, overdue, done), the busiest first")
    .option('--on <date>', 'YYYY-MM-DD (default: today)')
    .option('--json', 'print the workload as JSON')
    .action((o: { on?: string; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const load = await call('inspections.workload', o.on ? { on: o.on } : {});
        if (o.json) return print(load);
        console.log(`Workload, ${load.on}:`);
        for (const l of load.inspectors)
          console.log(
            `  ${(l.inspector ?? '(no one)').padEnd(9)} ${String(l.open).padStart(3)} open  ${String(l.overdue).padStart(3)} overdue  ${String(l.done).padStart(3)} done`,
          );
      }),
    );
  inspections
    .command('assign')
    .description('assign or reassign an open visit to an inspector (supervisor)')
    .argument('<inspection>', 'the visit number')
    .requiredOption('--to <inspector>', "the inspector's legacy user id")
    .option('--json', 'print the result as JSON')
    .action((inspectionId: string, o: { to: string; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const done = await call('inspections.assign', { inspectionId, toInspector: o.to });
        if (o.json) return print(done);
        console.log(
          `Visit ${done.inspectionId}: ${done.fromInspector ?? '(no one)'} -> ${done.toInspector} (operation ${done.operationId}).`,
        );
      }),
    );
  inspections
    .command('route-sheet')
    .description("the route sheet (PDF) of an inspector's day: the visits of `inspections day`, in its order")
    .option('--inspector <id>', 'the legacy user id (default: yours)')
    .option('--on <date>', 'YYYY-MM-DD (default: today)')
    .addOption(languageOption())
    .option('--json', 'print where it was kept as JSON')
    .action((o: { inspector?: string; on?: string; lang: 'en' | 'es'; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const printed = await call('documents.routeSheet', {
          ...(o.inspector ? { inspector: o.inspector } : {}),
          ...(o.on ? { on: o.on } : {}),
          language: o.lang,
        });
        printedAt('Route sheet', printed, o.json);
      }),
    );
  inspections
    .command('notice')
    .description('the notice of violation (PDF) of a done inspection that found violations')
    .argument('<inspection>', 'the inspection (schedule) number')
    .addOption(languageOption())
    .option('--json', 'print where it was kept as JSON')
    .action((inspectionId: string, o: { lang: 'en' | 'es'; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const printed = await call('documents.violationNotice', { inspectionId, language: o.lang });
        printedAt('Notice of violation', printed, o.json);
      }),
    );
}
