// `workbench cases list|show|complaint|open|visit|assign|close|cite`: code enforcement from the command
// line, through the contract's operations in this process (in-process.ts), with the UI's limits,
// role checks, audit and messages. Every step works with the legacy database away: it waits in
// the outbox. The list shows each case's age (days open) and takes the status and officer filters.
import { type Command, Option } from 'commander';
import { formatCents } from '../../common/fees/index.ts';
import { complaintChannels, enforcementCaseStatuses } from '../../common/model.ts';
import type { CaseRow } from '../../common/ops/case-ops.ts';
import { shownIdOf } from '../../node/sync/provisional-refs.ts';
import { withDeskCalls } from './in-process.ts';
import { centsOption } from './values.ts';

const print = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** One line of the case list: number, age, status, officer, place, and what is owed. */
function caseLine(r: CaseRow): string {
  const c = r.case;
  const flags = [
    r.overdue ? `OVERDUE since ${c.correctBy}` : '',
    c.fineCents > 0
      ? `fine ${formatCents(c.fineCents)}${c.finePaidOn ? ` paid ${c.finePaidOn}` : ' unpaid'}`
      : '',
  ]
    .filter(Boolean)
    .join('; ');
  return `  ${shownIdOf(c.id).padEnd(10)} ${String(r.daysOpen).padStart(4)} d  ${c.status.padEnd(9)} ${(c.officer ?? '-').padEnd(8)} ${c.address ?? ''}${c.licenceId ? ` (${c.licenceId})` : ''}${flags ? `  [${flags}]` : ''}`;
}

export function registerCaseSubcommands(program: Command, dataDir: () => string | undefined): void {
  const cases = program.command('cases').description('code enforcement: complaints and cases');
  cases
    .command('list')
    .description('cases with their age in days, oldest first')
    .addOption(
      new Option('--status <status>', 'which cases')
        .choices([...enforcementCaseStatuses, 'all'])
        .default('open'),
    )
    .option('--officer <id>', "only this officer's cases")
    .option('--json', 'print the list as JSON')
    .action((o: { status: 'open' | 'all'; officer?: string; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const list = await call('cases.list', {
          status: o.status,
          ...(o.officer ? { officer: o.officer } : {}),
        });
        if (o.json) return print(list);
        console.log(`${list.total} ${o.status === 'all' ? '' : `${o.status} `}case(s) on ${list.on}`);
        for (const r of list.cases) console.log(caseLine(r));
      }),
    );
  cases
    .command('show')
    .description('one case with its complaints')
    .argument('<case>', 'case number')
    .option('--json', 'print the case as JSON')
    .action((caseId: string, o: { json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const shown = await call('cases.show', { caseId });
        if (o.json) return print(shown);
        const c = shown.row.case;
        console.log(
          `Case ${shownIdOf(c.id)} at ${c.address ?? '?'}: ${c.status}, opened ${c.openedOn ?? '?'}, ${shown.row.daysOpen} day(s)`,
        );
        console.log(`  officer ${c.officer ?? '(not assigned)'}, correct by ${c.correctBy ?? '-'}`);
        if (c.businessId) console.log(`  business ${c.businessId}, licence ${c.licenceId ?? '-'}`);
        if (c.fineCents > 0)
          console.log(
            `  fine ${formatCents(c.fineCents)}, ${c.finePaidOn ? `paid ${c.finePaidOn}` : 'not paid'}`,
          );
        for (const v of shown.visits)
          console.log(
            `  visit ${shownIdOf(v.id)} ${v.scheduledOn} ${v.kind} ${v.inspector ?? '-'}: ${v.status}${v.result ? `, ${v.result}` : ''}`,
          );
        for (const x of shown.violations)
          console.log(
            `  violation ${x.ordinanceSection} (${x.severity}) ${x.status}, correct by ${x.correctBy ?? '-'}`,
          );
        for (const k of shown.complaints)
          console.log(
            `  complaint ${shownIdOf(k.id)} ${k.receivedOn ?? ''} ${k.channel ?? ''}: ${k.description ?? ''}`,
          );
      }),
    );
  cases
    .command('complaint')
    .description('take a complaint about an address (or a licence); shows open cases at the same place')
    .option('--address <text>', 'the place complained about')
    .option('--licence <licence>', 'the licence at that place, if any')
    .addOption(
      new Option('--channel <how>', 'how it came in').choices([...complaintChannels]).default('phone'),
    )
    .requiredOption('--text <text>', 'what the complaint is about')
    .option('--received <date>', 'YYYY-MM-DD (default: today)')
    .option('--json', 'print the result as JSON')
    .action(
      (o: {
        address?: string;
        licence?: string;
        channel: 'phone';
        text: string;
        received?: string;
        json?: boolean;
      }) =>
        withDeskCalls(dataDir(), async (call) => {
          const taken = await call('cases.complaint', {
            ...(o.address ? { address: o.address } : {}),
            ...(o.licence ? { licenceId: o.licence } : {}),
            channel: o.channel,
            description: o.text,
            ...(o.received ? { receivedOn: o.received } : {}),
          });
          if (o.json) return print(taken);
          console.log(
            `Complaint ${shownIdOf(taken.complaintId)} taken about ${taken.address} (operation ${taken.operationId}).`,
          );
          for (const c of taken.openCases)
            console.log(
              `  Open case at the same place: ${shownIdOf(c.id)} opened ${c.openedOn ?? '?'} (${c.officer ?? 'not assigned'})`,
            );
        }),
    );
  cases
    .command('open')
    .description('open a case on one or more complaints about one place')
    .argument('<complaints...>', 'complaint numbers')
    .option('--officer <id>', 'the officer who works it')
    .option('--correct-by <date>', 'YYYY-MM-DD (default: 30 days on)')
    .option('--json', 'print the result as JSON')
    .action((complaintIds: string[], o: { officer?: string; correctBy?: string; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const opened = await call('cases.open', {
          complaintIds,
          ...(o.officer ? { officer: o.officer } : {}),
          ...(o.correctBy ? { correctBy: o.correctBy } : {}),
        });
        if (o.json) return print(opened);
        console.log(
          `Case ${shownIdOf(opened.caseId)} opened, to be corrected by ${opened.correctBy ?? '-'} (operation ${opened.operationId}).`,
        );
      }),
    );
  cases
    .command('visit')
    .description("schedule a visit to an open case's place (by default for its officer)")
    .argument('<case>', 'case number')
    .requiredOption('--kind <kind>', 'the kind of inspection (ZONE, BLDG, HLTH, FIRE...)')
    .requiredOption('--on <date>', 'YYYY-MM-DD')
    .option('--inspector <id>', 'the inspector (default: the case officer)')
    .option('--json', 'print the result as JSON')
    .action((caseId: string, o: { kind: string; on: string; inspector?: string; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const done = await call('cases.visit', {
          caseId,
          kind: o.kind,
          on: o.on,
          ...(o.inspector ? { inspector: o.inspector } : {}),
        });
        if (o.json) return print(done);
        console.log(
          `Visit ${shownIdOf(done.inspectionId)} on ${done.scheduledOn} scheduled for case ${shownIdOf(done.caseId)} (operation ${done.operationId}).`,
        );
      }),
    );
  cases
    .command('assign')
    .description('assign or reassign an open case (a supervisor)')
    .argument('<case>', 'case number')
    .requiredOption('--officer <id>', 'the officer')
    .option('--json', 'print the result as JSON')
    .action((caseId: string, o: { officer: string; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const done = await call('cases.assign', { caseId, officer: o.officer });
        if (o.json) return print(done);
        console.log(
          `Case ${shownIdOf(done.caseId)} assigned to ${done.officer} (operation ${done.operationId}).`,
        );
      }),
    );
  cases
    .command('close')
    .description('close an open case as corrected (or dismissed)')
    .argument('<case>', 'case number')
    .addOption(
      new Option('--outcome <outcome>', 'how it ended')
        .choices(['corrected', 'dismissed'])
        .default('corrected'),
    )
    .option('--note <text>', 'kept in the outbox entry and the audit log')
    .option('--json', 'print the result as JSON')
    .action((caseId: string, o: { outcome: 'corrected'; note?: string; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const done = await call('cases.close', {
          caseId,
          outcome: o.outcome,
          ...(o.note ? { note: o.note } : {}),
        });
        if (o.json) return print(done);
        console.log(
          `Case ${shownIdOf(done.caseId)} closed as ${done.outcome} (operation ${done.operationId}).`,
        );
      }),
    );
  cases
    .command('cite')
    .description("cite an open case with a fine (a supervisor); unpaid, it blocks the business's renewals")
    .argument('<case>', 'case number')
    .requiredOption('--fine <cents>', 'the fine in cents, e.g. 25000 for $250.00', centsOption('--fine'))
    .option('--json', 'print the result as JSON')
    .action((caseId: string, o: { fine: number; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const done = await call('cases.cite', { caseId, fineCents: o.fine });
        if (o.json) return print(done);
        console.log(
          `Case ${shownIdOf(done.caseId)} cited with a fine of ${formatCents(done.fineCents)}${done.businessId ? `, owed by business ${done.businessId}` : ''} (operation ${done.operationId}).`,
        );
      }),
    );
}
