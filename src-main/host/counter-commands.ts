// `workbench renew`, `workbench pay` and `workbench outbox`: the clerk's commands from the command
// line, through the same services as the UI, so IT scripts and fault tests drive real desks.
import { type Command, InvalidArgumentError, Option } from 'commander';
import { paymentMethods } from '../common/model.ts';
import { listOutbox } from '../node/commands/outbox.ts';
import { renewLicence } from '../node/commands/licence-commands.ts';
import { recordPayment } from '../node/commands/payment-commands.ts';
import { openDesk } from '../node/desk/open-desk.ts';
import { resolveDataDir } from '../node/desk/paths.ts';
import { currentActor } from '../node/security/actor.ts';
import { registerSalvageCommands } from './salvage-command.ts';

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
const cents = (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new InvalidArgumentError('--amount is a whole number of cents, more than 0');
  return n;
};
const money = (c: number) => `$${(c / 100).toFixed(2)}`;

export function registerCounterCommands(program: Command, dataDir: () => string | undefined): void {
  program
    .command('renew')
    .description('renew a licence for one more term (kept on this desk until it reaches the legacy database)')
    .argument('<licence>', 'licence number')
    .option('--json', 'print the result as JSON')
    .action((licence: string, o: { json?: boolean }) => {
      const desk = openDesk({ dataDir: resolveDataDir(dataDir()) });
      try {
        const result = renewLicence(desk, currentActor(), licence);
        if (o.json) print(result);
        else
          console.log(
            `Licence ${result.payload.licenceId} renewed to ${result.payload.newExpiresOn} (operation ${result.operationId}).`,
          );
      } finally {
        desk.close();
      }
    });

  program
    .command('pay')
    .description('record a payment against a licence, with a provisional receipt number')
    .argument('<licence>', 'licence number')
    .requiredOption('--amount <cents>', 'amount in cents', cents)
    .addOption(
      new Option('--method <method>', 'how it was paid').choices([...paymentMethods]).makeOptionMandatory(),
    )
    .option('--tendered <cents>', 'cash: what the customer handed over (default: the exact amount)', cents)
    .option('--check-no <number>', 'check: its number')
    .option('--card-ref <reference>', "card: the terminal's reference")
    .option('--json', 'print the result as JSON')
    .action(
      (
        licence: string,
        o: {
          amount: number;
          method: (typeof paymentMethods)[number];
          tendered?: number;
          checkNo?: string;
          cardRef?: string;
          json?: boolean;
        },
      ) => {
        const desk = openDesk({ dataDir: resolveDataDir(dataDir()) });
        try {
          const result = recordPayment(desk, currentActor(), {
            licenceId: licence,
            amountCents: o.amount,
            method: o.method,
            tenderedCents: o.tendered,
            checkNumber: o.checkNo,
            cardReference: o.cardRef,
          });
          if (o.json) print(result);
          else {
            console.log(
              `Payment of ${money(o.amount)} (${o.method}) recorded for ${result.payload.licenceId}; provisional receipt ${result.payload.receiptNo}.` +
                (result.changeCents ? ` Change due: ${money(result.changeCents)}.` : ''),
            );
          }
        } finally {
          desk.close();
        }
      },
    );

  const outbox = program
    .command('outbox')
    .description('the changes made on this desk that wait to reach the legacy database')
    .option('--all', 'also the ones already settled')
    .option('--json', 'print as JSON')
    .action((o: { all?: boolean; json?: boolean }) => {
      const desk = openDesk({ dataDir: resolveDataDir(dataDir()) });
      try {
        const entries = listOutbox(desk.cache, o.all ? undefined : 'pending');
        if (o.json) {
          print(entries);
          return;
        }
        if (entries.length === 0)
          console.log('Nothing is waiting: every change on this desk has reached the legacy database.');
        for (const e of entries) {
          console.log(
            `${String(e.seq).padStart(5)}  ${e.status.padEnd(8)} ${e.createdAt}  ${e.command}  ${String(e.payload.licenceId)}  by ${e.actor}`,
          );
        }
      } finally {
        desk.close();
      }
    });
  registerSalvageCommands(outbox, dataDir);
}
