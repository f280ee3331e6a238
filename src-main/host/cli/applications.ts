// `workbench application suggest|create|list|show|check|issue`: new applications from the command
// line, so IT scripts and tests drive real desks. Create, check and issue write records: they go
// through the contract's operations in this process (in-process.ts), with the screen's limits,
// role checks, audit and messages. Suggest, list and show read.
import type { Command } from 'commander';
import type { z } from 'zod';
import type { ApplicationDetail, RequirementState } from '../../common/ops/application-ops.ts';
import { withDeskCalls } from './in-process.ts';

const print = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

type BusinessFlags = {
  name?: string;
  dba?: string;
  owner?: string;
  address?: string;
  city?: string;
  state?: string;
  zip?: string;
  phone?: string;
  taxId?: string;
};

const businessOptions = (cmd: Command) =>
  cmd
    .option('--name <text>', 'business name')
    .option('--dba <text>', 'doing business as')
    .option('--owner <text>', 'owner')
    .option('--address <text>', 'street address')
    .option('--city <text>', 'city')
    .option('--state <code>', 'state (2 letters)')
    .option('--zip <code>', 'ZIP code')
    .option('--phone <text>', 'phone')
    .option('--tax-id <text>', 'tax id');

function describe(d: ApplicationDetail): string[] {
  const a = d.application;
  const lines = [
    `Application ${a.id}: ${a.businessName} (business ${d.businessProvisional ? 'provisional' : a.businessId}), ` +
      `${a.licenceTypeName ?? a.licenceTypeCode}, ${a.status}` +
      (a.licenceId
        ? `, licence ${d.licenceProvisional ? 'provisional (numbered at the next sync)' : a.licenceId}`
        : ''),
  ];
  for (const i of d.items) {
    lines.push(
      `  [${i.state === 'open' ? ' ' : 'x'}] ${i.code.padEnd(12)} ${i.labelEn}${i.required ? '' : ' (optional)'}: ${i.state}` +
        (i.doneBy ? ` by ${i.doneBy} at ${i.doneAt}` : '') +
        (i.note ? ` (${i.note})` : ''),
    );
  }
  if (a.status === 'open')
    lines.push(
      d.openRequired.length ? `Open required items: ${d.openRequired.join(', ')}` : 'Ready to issue.',
    );
  return lines;
}

export function registerApplicationSubcommands(program: Command, dataDir: () => string | undefined): void {
  const show = (d: ApplicationDetail, json?: boolean) =>
    json ? print(d) : console.log(describe(d).join('\n'));

  const app = program.command('application').description('new applications: duplicates, checklists, issuing');

  businessOptions(app.command('suggest').description('businesses on file that may be the one typed'))
    .option('--json', 'print as JSON')
    .action((o: BusinessFlags & { json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const r = await call('applications.suggestDuplicates', {
          name: o.name ?? '',
          dbaName: o.dba,
          addressLine: o.address,
          phone: o.phone,
          taxId: o.taxId,
          limit: 8,
        });
        if (o.json) return print(r);
        if (r.suggestions.length === 0) return console.log('No business on file looks like this one.');
        for (const s of r.suggestions)
          console.log(
            `${s.businessId.padEnd(12)} ${s.name}  [${s.reasons.join(', ')}]  ${s.licenceIds.join(' ')}`,
          );
      }),
    );

  businessOptions(
    app.command('create').description('a new application, for a new business or --business <id>'),
  )
    .requiredOption('--type <code>', 'licence type code')
    .option('--business <id>', 'an existing business number instead of a new business')
    .option('--dismissed <ids>', 'comma-separated business ids of suggestions seen and dismissed')
    .option('--json', 'print as JSON')
    .action((o: BusinessFlags & { type: string; business?: string; dismissed?: string; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const business = o.business
          ? { kind: 'existing' as const, businessId: o.business }
          : {
              kind: 'new' as const,
              facts: {
                name: o.name ?? '',
                dbaName: o.dba,
                ownerName: o.owner,
                addressLine: o.address,
                city: o.city,
                state: o.state,
                postalCode: o.zip,
                phone: o.phone,
                taxId: o.taxId,
              },
              dismissed: o.dismissed
                ? o.dismissed
                    .split(',')
                    .map((s) => s.trim())
                    .filter(Boolean)
                : [],
            };
        show(await call('applications.create', { business, licenceTypeCode: o.type }), o.json);
      }),
    );

  app
    .command('list')
    .description("this desk's applications")
    .option('--status <status>', 'open, issued or all', 'open')
    .option('--json', 'print as JSON')
    .action((o: { status: 'open' | 'issued' | 'all'; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const rows = (await call('applications.list', { status: o.status, limit: 500 })).applications;
        if (o.json) return print(rows);
        for (const a of rows)
          console.log(
            `${a.id}  ${a.status.padEnd(7)} ${a.licenceTypeCode.padEnd(4)} ${a.businessName}  open: ${a.openRequired}`,
          );
      }),
    );

  app
    .command('show')
    .argument('<application>', 'application id')
    .option('--json', 'print as JSON')
    .action((id: string, o: { json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) =>
        show(await call('applications.get', { applicationId: id }), o.json),
      ),
    );

  app
    .command('check')
    .description('mark a checklist item received|passed|approved, waived (supervisor, with --note) or open')
    .argument('<application>', 'application id')
    .argument('<code>', 'checklist item code')
    .argument('<state>', 'received, passed, approved, waived or open')
    .option('--note <text>', 'a note (the reason, for a waiver)')
    .option('--json', 'print as JSON')
    .action((id: string, code: string, state: string, o: { note?: string; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        // The state is checked by the contract, so a wrong one reads as it does on the screen.
        const detail = await call('applications.updateRequirement', {
          applicationId: id,
          code,
          state: state as z.infer<typeof RequirementState>,
          ...(o.note !== undefined ? { note: o.note } : {}),
        });
        show(detail, o.json);
      }),
    );

  app
    .command('issue')
    .description('issue the licence (refused while a required item is open)')
    .argument('<application>', 'application id')
    .option('--json', 'print as JSON')
    .action((id: string, o: { json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) =>
        show(await call('applications.issue', { applicationId: id }), o.json),
      ),
    );
}
