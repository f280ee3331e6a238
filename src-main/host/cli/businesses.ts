// `workbench business correct`: a business's address and phone corrected through the contract
// (businesses.correctContact), as the licence page does it. Options left out keep what the desk
// holds; an empty option ('') clears that detail.
import type { Command } from 'commander';
import { contactFields } from '../../common/command-defs/correct-business-contact.ts';
import { queuedPayload, withDeskCalls } from './in-process.ts';

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** The option of each contact detail, and the cache column it falls back to. */
const options = {
  addressLine: ['--address <line>', 'street address', 'address_line'],
  city: ['--city <city>', 'city', 'city'],
  state: ['--state <xx>', 'state, two letters', 'state'],
  postalCode: ['--postal-code <code>', 'postal code', 'postal_code'],
  phone: ['--phone <number>', 'phone number', 'phone'],
} as const satisfies Record<(typeof contactFields)[number], readonly [string, string, string]>;

type Options = Partial<Record<(typeof contactFields)[number], string>> & {
  licence?: string;
  reason: string;
  json?: boolean;
};

export function registerBusinessSubcommands(program: Command, dataDir: () => string | undefined): void {
  const business = program.command('business').description("a business's records on this desk");
  const correct = business
    .command('correct')
    .description(
      "correct a business's address and phone (kept on this desk until it reaches the legacy database)",
    )
    .argument('<business>', 'business number')
    .option('--licence <licence>', 'the licence it is corrected from (named in the audit log)')
    .requiredOption('--reason <why>', 'why the details are corrected (kept in the audit log)')
    .option('--json', 'print the result as JSON');
  for (const [flag, help] of Object.values(options)) correct.option(flag, help);
  correct.action((businessId: string, o: Options) =>
    withDeskCalls(dataDir(), async (call, desk) => {
      const held = (desk.cache.prepare('SELECT * FROM business WHERE id = ?').get(businessId.trim()) ??
        {}) as Record<string, string | null>;
      const details = Object.fromEntries(
        contactFields.map((f) => [f, o[f] ?? held[options[f][2]] ?? null]),
      ) as Record<(typeof contactFields)[number], string | null>;
      const result = await call('businesses.correctContact', {
        businessId,
        ...(o.licence !== undefined ? { licenceId: o.licence } : {}),
        ...details,
        reason: o.reason,
      });
      if (o.json) print({ ...result, payload: queuedPayload(desk, result.operationId) });
      else
        console.log(
          `Contact details of business ${result.businessId} corrected (operation ${result.operationId}); they reach the legacy database with the next sync.`,
        );
    }),
  );
}
