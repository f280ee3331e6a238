// `workbench renew`, `workbench pay` and `workbench outbox`: the clerk's commands from the command
// line. Renew and pay go through the contract's operations in this process (in-process.ts): the
// same input limits, role checks, audit and messages as the UI, so IT scripts and fault tests drive
// real desks the way the counter does.
import { definitionOf, isCommandName } from '../../common/commands.ts';
import type { Command } from 'commander';
import { paymentMethods } from '../../common/model.ts';
import { listOutbox, type OutboxEntry } from '../../node/commands/outbox.ts';
import { openDesk } from '../../node/desk/open-desk.ts';
import { resolveDataDir } from '../../node/desk/paths.ts';
import { centsOption } from './values.ts';
import { queuedPayload, withDeskCalls } from './in-process.ts';
import { registerSalvageSubcommands } from './outbox.ts';

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
/** An entry in words, as its command's definition says it ("the renewal of licence RV-0000001 to ..."). */
const describeEntry = (e: OutboxEntry): string =>
  isCommandName(e.command)
    ? definitionOf(e.command).describe(e.payload, (e.base[0]?.record ?? {}) as Record<string, unknown>)
    : `${String(e.command)} (not known to this version)`;
const money = (c: number) => `$${(c / 100).toFixed(2)}`;

export function registerCounterSubcommands(program: Command, dataDir: () => string | undefined): void {
  program
    .command('renew')
    .description('renew a licence for one more term (kept on this desk until it reaches the legacy database)')
    .argument('<licence>', 'licence number')
    .option('--json', 'print the result as JSON')
    .action((licence: string, o: { json?: boolean }) =>
      withDeskCalls(dataDir(), async (call, desk) => {
        const result = await call('licences.renew', { licenceId: licence });
        if (o.json) print({ ...result, payload: queuedPayload(desk, result.operationId) });
        else
          console.log(
            `Licence ${result.licenceId} renewed to ${result.newExpiresOn} (operation ${result.operationId}).`,
          );
      }),
    );

  program
    .command('pay')
    .description('record a payment against a licence, with a provisional receipt number')
    .argument('<licence>', 'licence number')
    .requiredOption('--amount <cents>', 'amount in cents, e.g. 2500 for $25.00', centsOption('--amount'))
    // The method is checked by the contract, so a wrong one reads as it does in the UI.
    .requiredOption('--method <method>', `how it was paid: ${paymentMethods.join(', ')}`)
    .option(
      '--tendered <cents>',
      'cash: what the customer handed over (default: the exact amount)',
      centsOption('--tendered'),
    )
    .option('--check-no <number>', 'check: its number')
    .option('--card-ref <reference>', "card: the terminal's reference")
    .option('--json', 'print the result as JSON')
    .action(
      (
        licence: string,
        o: {
          amount: number;
          method: string;
          tendered?: number;
          checkNo?: string;
          cardRef?: string;
          json?: boolean;
        },
      ) =>
        withDeskCalls(dataDir(), async (call, desk) => {
          const result = await call('payments.record', {
            licenceId: licence,
            amountCents: o.amount,
            method: o.method as (typeof paymentMethods)[number],
            ...(o.tendered !== undefined ? { tenderedCents: o.tendered } : {}),
            ...(o.checkNo !== undefined ? { checkNumber: o.checkNo } : {}),
            ...(o.cardRef !== undefined ? { cardReference: o.cardRef } : {}),
          });
          if (o.json) print({ ...result, payload: queuedPayload(desk, result.operationId) });
          else {
            console.log(
              `Payment of ${money(result.amountCents)} (${o.method}) recorded for ${result.licenceId}; provisional receipt ${result.receiptNo}.` +
                (result.changeCents ? ` Change due: ${money(result.changeCents)}.` : ''),
            );
          }
        }),
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
            `${String(e.seq).padStart(5)}  ${e.status.padEnd(8)} ${e.createdAt}  ${describeEntry(e)}  by ${e.actor}`,
          );
        }
      } finally {
        desk.close();
      }
    });
  registerSalvageSubcommands(outbox, dataDir);
}
