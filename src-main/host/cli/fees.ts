// `workbench fees quote` and `workbench renewals queue`: the fee engine and the renewal queue from
// the command line, through the same services as the UI (the English labels of the engine's lines).
import { type Command, InvalidArgumentError, Option } from 'commander';
import { formatCents, isIsoDate } from '../../common/fees/index.ts';
import { type RenewalQueueKind, renewalQueueKinds } from '../../common/ops/fee-ops.ts';
import { zonedIso } from '../../common/time.ts';
import { openDesk } from '../../node/desk/open-desk.ts';
import { resolveDataDir } from '../../node/desk/paths.ts';
import { checkRenewal } from '../../node/renewals/renewal-check.ts';
import { renewalQueue } from '../../node/renewals/renewal-queue.ts';

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
const isoDate = (name: string) => (value: string) => {
  if (!isIsoDate(value)) throw new InvalidArgumentError(`${name} is a date as YYYY-MM-DD`);
  return value;
};
const wholeNumber = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`${name} is a whole number`);
  return n;
};

export function registerFeeSubcommands(program: Command, dataDir: () => string | undefined): void {
  const fees = program.command('fees').description("the city's fees, from the fee engine");
  fees
    .command('quote')
    .description(
      'what renewing a licence costs on a day (today by default), line by line, and what blocks it',
    )
    .argument('<licence>', 'licence number')
    .option('--on <date>', 'the day of the renewal (YYYY-MM-DD)', isoDate('--on'))
    .option('--json', 'print as JSON')
    .action((licence: string, o: { on?: string; json?: boolean }) => {
      const desk = openDesk({ dataDir: resolveDataDir(dataDir()) });
      try {
        const on = o.on ?? zonedIso(new Date(), desk.timeZone).slice(0, 10);
        const check = checkRenewal(desk, licence, on);
        if (o.json) {
          print(check);
          return;
        }
        const q = check.quote;
        console.log(`Licence ${check.licenceId}, renewed on ${on}:`);
        if (q) {
          const width = Math.max(...q.lines.map((l) => l.label.length), 5);
          for (const l of q.lines)
            console.log(`  ${l.label.padEnd(width)}  ${formatCents(l.amountCents).padStart(12)}`);
          console.log(`  ${'Total'.padEnd(width)}  ${formatCents(q.totalCents).padStart(12)}`);
          console.log(
            `  (expires ${q.expiresOn}; ${q.daysLate} day(s) late; window ${q.window.opensOn ?? 'any time'} to ${q.window.closesOn ?? 'any time'})`,
          );
        }
        if (check.newExpiresOn) console.log(`New expiry if renewed: ${check.newExpiresOn}`);
        if (check.ok) console.log('It can be renewed.');
        else for (const p of check.problems) console.log(`Cannot renew: ${p.message}`);
      } finally {
        desk.close();
      }
    });

  // The batch commands (batch-commands.ts) share the 'renewals' group: whichever registers first makes it.
  const renewals =
    program.commands.find((c) => c.name() === 'renewals') ??
    program.command('renewals').description('the renewal queue and batch renewal runs');
  renewals
    .command('queue')
    .description('licences expiring soon, recently expired or delinquent')
    .addOption(
      new Option('--kind <kind>', 'which licences').choices([...renewalQueueKinds]).default('expiring'),
    )
    .option('--within <days>', 'days ahead (expiring) or back (expired)', wholeNumber('--within'), 60)
    .option('--type <code>', 'only this licence type')
    .option('--text <text>', 'part of the licence number or business name')
    .option('--on <date>', 'the day to work the queue out for (YYYY-MM-DD)', isoDate('--on'))
    .option('--limit <n>', 'rows to show', wholeNumber('--limit'), 50)
    .option('--json', 'print as JSON')
    .action(
      (o: {
        kind: RenewalQueueKind;
        within: number;
        type?: string;
        text?: string;
        on?: string;
        limit: number;
        json?: boolean;
      }) => {
        const desk = openDesk({ dataDir: resolveDataDir(dataDir()) });
        try {
          const page = renewalQueue(desk, {
            kind: o.kind,
            withinDays: o.within,
            ...(o.type ? { licenceTypeCode: o.type.toUpperCase() } : {}),
            ...(o.text ? { text: o.text } : {}),
            ...(o.on ? { on: o.on } : {}),
            limit: Math.max(1, Math.min(o.limit, 1000)),
          });
          if (o.json) {
            print(page);
            return;
          }
          const c = page.counts;
          console.log(
            `On ${page.on}: ${c.expiring} expiring within ${o.within} days, ${c.expired} expired in the last ${o.within} days, ${c.delinquent} delinquent.`,
          );
          for (const r of page.rows) {
            const flags = [
              r.holds ? `${r.holds} hold(s)` : '',
              r.balanceCents ? `owes ${formatCents(r.balanceCents)}` : '',
            ]
              .filter(Boolean)
              .join(', ');
            console.log(
              `  ${r.licenceId}  ${r.expiresOn}  ${String(r.daysLate).padStart(5)}  ${(r.licenceTypeCode ?? '').padEnd(4)}  ${r.businessName}${flags ? `  [${flags}]` : ''}`,
            );
          }
          if (page.total > page.rows.length)
            console.log(`  … ${page.total - page.rows.length} more (--limit).`);
        } finally {
          desk.close();
        }
      },
    );
}
