// `workbench receipt <payment>`: the receipt of a payment from the command line, through the same
// operation as the UI's "Print receipt" (documents.receipt, called in process by in-process.ts, so
// its input is checked by the contract), kept on the desk and optionally copied.
import { copyFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { callOperation } from './in-process.ts';

export function registerDocumentSubcommands(program: Command, dataDir: () => string | undefined): void {
  program.addCommand(
    new Command('receipt')
      .description(
        'print the receipt (PDF) of a payment: its legacy number or local:<operation> for one taken here',
      )
      .argument('<payment>', 'the payment id, as `workbench outbox` or the licence page shows it')
      .addOption(
        new Option('--language <lang>', 'language of the receipt').choices(['en', 'es']).default('en'),
      )
      .option('--out <file>', 'also write the PDF here')
      .option('--json', 'print where it was kept as JSON')
      .action(async (paymentId: string, o: { language: 'en' | 'es'; out?: string; json?: boolean }) => {
        const printed = await callOperation(dataDir(), 'documents.receipt', {
          paymentId,
          language: o.language,
        });
        if (o.out) copyFileSync(printed.savedTo, o.out);
        if (o.json) {
          const { base64: _bytes, ...where } = printed;
          process.stdout.write(`${JSON.stringify({ ...where, out: o.out ?? null }, null, 2)}\n`);
        } else
          console.log(
            `Receipt ${printed.fileName} kept at ${printed.savedTo}${o.out ? ` and written to ${o.out}` : ''}.`,
          );
      }),
  );
}
