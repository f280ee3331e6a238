// `workbench drawer open|status|close|report`, `workbench void` and `workbench refund`: the cash
// drawer from the command line. Open, close, void and refund write records: they go through the
// contract's operations in this process (in-process.ts), so the limits, roles, audit and messages
// are the UI's; so does report (it keeps the PDF on the desk). Status only reads.
import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { paymentMethods } from '../../common/model.ts';
import type { DrawerSession } from '../../common/ops/drawer-ops.ts';
import { latestSessionOf, openSessionOf, sessionView } from '../../node/drawer/sessions.ts';
import { currentActor } from '../../node/security/actor.ts';
import { centsOption } from './values.ts';
import { queuedPayload, withDeskCalls } from './in-process.ts';

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
const money = (c: number) => `${c < 0 ? '-' : ''}$${(Math.abs(c) / 100).toFixed(2)}`;

function describeSession(s: DrawerSession): string {
  const lines = [
    `Drawer ${s.id} of ${s.actor} at desk ${s.deskId}: opened ${s.openedAt}${s.closedAt ? `, closed ${s.closedAt}` : ' (open)'}.`,
    `  float ${money(s.floatCents)}; ${s.entries.length} payment(s), void(s) and refund(s)`,
  ];
  for (const m of ['cash', 'check', 'card', 'other'] as const) {
    const t = s.totals[m];
    const v = s.variance?.find((x) => x.method === m);
    lines.push(
      `  ${m.padEnd(6)} in ${money(t.inCents)}, out ${money(t.outCents)}, recorded ${money(t.recordedCents)}` +
        (v ? `, counted ${money(v.countedCents)}, variance ${money(v.varianceCents)}` : ''),
    );
  }
  return lines.join('\n');
}

export function registerDrawerSubcommands(program: Command, dataDir: () => string | undefined): void {
  const drawer = program.command('drawer').description("the person's cash drawer session at this desk");

  drawer
    .command('open')
    .description('open your cash drawer with a starting float')
    .requiredOption('--float <cents>', 'starting float in cents', centsOption('--float', 0))
    .option('--json', 'print the session as JSON')
    .action((o: { float: number; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const { session } = await call('drawer.open', { floatCents: o.float });
        if (o.json) print(session);
        else
          console.log(
            `Cash drawer open with a float of ${money(session.floatCents)} (session ${session.id}).`,
          );
      }),
    );

  drawer
    .command('status')
    .description('your open drawer (or your last one) with its totals by method')
    .option('--json', 'print the session as JSON')
    .action((o: { json?: boolean }) =>
      // The open session or, unlike drawer.current, the last closed one: read from the cache.
      withDeskCalls(dataDir(), (_call, desk) => {
        const deskId = desk.configured().deskId;
        const row =
          openSessionOf(desk.cache, deskId, currentActor()) ??
          latestSessionOf(desk.cache, deskId, currentActor());
        const session = row ? sessionView(desk.cache, row.id) : null;
        if (o.json) print(session);
        else
          console.log(session ? describeSession(session) : 'You have no cash drawer session at this desk.');
      }),
    );

  drawer
    .command('close')
    .description('close your drawer with what you counted; prints the variance by method')
    .requiredOption('--cash <cents>', 'cash counted, in cents', centsOption('--cash', 0))
    .requiredOption('--check <cents>', 'total of the checks, in cents', centsOption('--check', 0))
    .requiredOption('--card <cents>', 'total of the card slips, in cents', centsOption('--card', 0))
    .option('--json', 'print the session as JSON')
    .action((o: { cash: number; check: number; card: number; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const { session } = await call('drawer.close', {
          cashCents: o.cash,
          checkCents: o.check,
          cardCents: o.card,
        });
        if (o.json) print(session);
        else console.log(describeSession(session));
      }),
    );

  drawer
    .command('report')
    .description('print the end-of-day report (PDF) of a session: yours, open or last, by default')
    .option('--session <id>', 'a session of this desk')
    .addOption(new Option('--language <lang>', 'language of the report').choices(['en', 'es']).default('en'))
    .option('--out <file>', 'also write the PDF here')
    .option('--json', 'print where it was kept as JSON')
    .action((o: { session?: string; language: 'en' | 'es'; out?: string; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        // The person's open or last session when none is named (the contract's default).
        const printed = await call('drawer.report', {
          ...(o.session !== undefined ? { sessionId: o.session } : {}),
          language: o.language,
        });
        if (o.out) writeFileSync(o.out, Buffer.from(printed.base64, 'base64'));
        if (o.json) print({ fileName: printed.fileName, savedTo: printed.savedTo });
        else console.log(`End-of-day report kept at ${printed.savedTo}.`);
      }),
    );

  const reversal =
    (kind: 'void' | 'refund') =>
    (payment: string, o: { reason: string; amount?: number; method?: string; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call, desk) => {
        const result =
          kind === 'void'
            ? await call('payments.void', { paymentId: payment, reason: o.reason })
            : await call('payments.refund', {
                paymentId: payment,
                reason: o.reason,
                ...(o.amount !== undefined ? { amountCents: o.amount } : {}),
                // The method is checked by the contract, so a wrong one reads as it does in the UI.
                ...(o.method !== undefined ? { method: o.method as (typeof paymentMethods)[number] } : {}),
              });
        if (o.json) print({ ...result, payload: queuedPayload(desk, result.operationId) });
        else
          console.log(
            `${kind === 'void' ? 'Void' : 'Refund'} of ${money(result.amountCents)} recorded on payment ${result.paymentId}; provisional receipt ${result.receiptNo}.`,
          );
      });

  program
    .command('void')
    .description('void a payment (supervisor): a reversing payment row, nothing deleted')
    .argument('<payment>', 'payment id (legacy number, or local:<operation> while provisional)')
    .requiredOption('--reason <text>', 'why (kept with the void)')
    .option('--json', 'print the result as JSON')
    .action(reversal('void'));

  program
    .command('refund')
    .description('refund part or all of a payment (supervisor), with a reason')
    .argument('<payment>', 'payment id (legacy number, or local:<operation> while provisional)')
    .requiredOption('--reason <text>', 'why (kept with the refund)')
    .option('--amount <cents>', 'how much (default: all that is left)', centsOption('--amount'))
    .option('--method <method>', `how the money goes back: ${paymentMethods.join(', ')}`)
    .option('--json', 'print the result as JSON')
    .action(reversal('refund'));
}
