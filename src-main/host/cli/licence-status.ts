// `workbench suspend|revoke|close|reinstate <licence> --reason "..."`, `workbench transfer <licence>
// --to <business> --reason "..."` and `workbench certificate issue|verify|list`: the status actions,
// transfers and certificates from the command line. The status actions, transfers and issuing a
// certificate write records: they go through the contract's operations in this
// process (in-process.ts), with the UI's limits, role checks, audit and messages. Verify and list read.
import type { Command } from 'commander';
import { personStatusActions } from '../../common/command-defs/change-licence-status.ts';
import type { DocumentLanguage } from '../../common/ops/document-ops.ts';
import { queuedPayload, withDeskCalls } from './in-process.ts';

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

const answerWords: Record<string, string> = {
  valid: 'VALID: the licence is in force with the facts on the certificate.',
  temporary: 'TEMPORARY: good until its "valid until" day; the licence waits for its city number.',
  temporary_numbered: 'TEMPORARY: the licence now has its city number; print the permanent certificate.',
  superseded: 'SUPERSEDED: the licence was renewed or changed since; print a new certificate.',
  suspended: 'NOT VALID: the licence is suspended.',
  revoked: 'NOT VALID: the licence was revoked.',
  closed: 'NOT VALID: the licence was closed.',
  expired: 'NOT VALID: the licence has expired.',
  licence_missing: 'NOT VALID: the certificate exists, but its licence is no longer on this desk.',
  unknown: 'UNKNOWN: this desk issued no certificate with this code.',
  mistyped: 'MISTYPED: a symbol of the code was typed wrong (its check symbol does not match).',
  malformed: 'NOT A CODE: a verification code has eleven letters and digits, e.g. 7KQ3-M9XT-2RD.',
};

export function registerStatusSubcommands(program: Command, dataDir: () => string | undefined): void {
  for (const action of personStatusActions) {
    program
      .command(action)
      .description(
        `${action} a licence, with a reason (kept on this desk until it reaches the legacy database)`,
      )
      .argument('<licence>', 'licence number')
      .requiredOption('--reason <text>', 'why: kept in the outbox entry and the audit log')
      .option('--json', 'print the result as JSON')
      .action((licence: string, o: { reason: string; json?: boolean }) =>
        withDeskCalls(dataDir(), async (call, desk) => {
          const result = await call('licences.changeStatus', {
            licenceId: licence,
            action,
            reason: o.reason,
          });
          if (o.json) print({ ...result, payload: queuedPayload(desk, result.operationId) });
          else
            console.log(
              `Licence ${result.licenceId}: ${result.from} -> ${result.to} (operation ${result.operationId}).`,
            );
        }),
      );
  }

  program
    .command('transfer')
    .description('transfer an active licence to a new owner (a business this desk holds), with a reason')
    .argument('<licence>', 'licence number')
    .requiredOption('--to <business>', "the new owner's business number")
    .requiredOption('--reason <text>', 'why: kept in the outbox entry and the audit log')
    .option('--json', 'print the result as JSON')
    .action((licence: string, o: { to: string; reason: string; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call, desk) => {
        const result = await call('licences.transfer', {
          licenceId: licence,
          toBusinessId: o.to,
          reason: o.reason,
        });
        if (o.json) print({ ...result, payload: queuedPayload(desk, result.operationId) });
        else
          console.log(
            `Licence ${result.licenceId}: business ${result.fromBusinessId} -> ${result.toBusinessId} (operation ${result.operationId}).`,
          );
      }),
    );

  const certificate = program
    .command('certificate')
    .description('licence certificates and their verification codes');
  certificate
    .command('issue')
    .description('print a certificate for an active licence (kept under <data dir>/documents/certificates)')
    .argument('<licence>', 'licence number')
    .option('--language <lang>', 'en or es', 'en')
    .option('--json', 'print the certificate record as JSON')
    .action((licence: string, o: { language: string; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const { certificate: record, ...printed } = await call('certificates.issue', {
          licenceId: licence,
          language: o.language as DocumentLanguage,
        });
        if (o.json) print({ certificate: record, savedTo: printed.savedTo });
        else
          console.log(
            `Certificate ${record.certificateNo} for licence ${record.licenceId}, code ${record.verificationCode}: ${printed.savedTo}`,
          );
      }),
    );
  certificate
    .command('verify')
    .description("check a certificate's verification code against this desk")
    .argument('<code...>', 'the code as printed (case, spaces and dashes do not matter)')
    .option('--json', 'print the answer as JSON')
    .action((code: string[], o: { json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const answer = await call('certificates.verify', { code: code.join(' ') });
        if (o.json) print(answer);
        else {
          console.log(answerWords[answer.answer]);
          if (answer.certificate)
            console.log(
              `Certificate ${answer.certificate.certificateNo}, licence ${answer.certificate.licenceId}, issued ${answer.certificate.issuedAt}.`,
            );
        }
      }),
    );
  certificate
    .command('list')
    .description('the certificates this desk issued for a licence')
    .argument('<licence>', 'licence number')
    .option('--json', 'print as JSON')
    .action((licence: string, o: { json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const list = (await call('certificates.list', { licenceId: licence })).certificates;
        if (o.json) print(list);
        else
          for (const c of list)
            console.log(`${c.certificateNo}  ${c.verificationCode}  ${c.issuedAt}  by ${c.issuedBy}`);
      }),
    );
}
