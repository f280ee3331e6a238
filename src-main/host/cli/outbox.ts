// `workbench outbox salvage FILE` and `workbench outbox forget-missing --reason TEXT`: what a person
// does when the desk refused a cache that lost waiting changes (node/desk/cache-guard.ts). Both open
// the desk even though its cache lacks changes, which is what they are for; both are audited.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { forgetMissing } from '../../node/commands/outbox-forget.ts';
import { salvageOutbox } from '../../node/commands/outbox-salvage.ts';
import { readMark, shortfall, shortfallInWords } from '../../node/desk/cache-guard.ts';
import { openDesk } from '../../node/desk/open-desk.ts';
import { resolveDataDir } from '../../node/desk/paths.ts';
import { currentActor } from '../../node/security/actor.ts';

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

export function registerSalvageSubcommands(outbox: Command, dataDir: () => string | undefined): void {
  // `outbox` has a --json of its own, and commander gives a --json after "salvage" to it (the
  // program does not use positional options): either one asks for JSON.
  const json = (o: { json?: boolean }) => Boolean(o.json ?? outbox.opts<{ json?: boolean }>().json);
  outbox
    .command('salvage')
    .description(
      'bring back the waiting changes an old, damaged or set-aside cache file still holds (each once, in order)',
    )
    .argument('<file>', 'the old cache file (never changed: a copy of it is read)')
    .option('--json', 'print the result as JSON')
    .action((file: string, o: { json?: boolean }) => {
      const desk = openDesk({ dataDir: resolveDataDir(dataDir()), acceptMissingChanges: true });
      try {
        const result = salvageOutbox(desk, currentActor(), resolve(file));
        const still = shortfall(desk.cache, readMark(desk.paths.dataDir));
        if (json(o)) {
          print({ ...result, stillMissing: still ? still.missing : 0 });
          return;
        }
        console.log(
          `Read ${result.found} outbox entr${result.found === 1 ? 'y' : 'ies'} from ${result.file} (${result.readBy}); ` +
            `brought back ${result.broughtBack.length}, ${result.alreadyHere} already on this desk, ${result.rowsRestored} other rows restored.`,
        );
        for (const e of result.broughtBack)
          console.log(
            `${String(e.seq).padStart(5)}  ${e.status.padEnd(8)} ${e.command}  ${e.licenceId ?? ''}  (was seq ${e.oldSeq}, operation ${e.operationId})`,
          );
        for (const p of result.problems) console.log(`Could not read: ${p}`);
        if (result.inDoubt.length)
          console.log(
            `${result.inDoubt.length} waiting change${result.inDoubt.length === 1 ? '' : 's'} may have been sent after the old file was copied: the next sync checks the legacy database for each before sending it.`,
          );
        console.log(
          still
            ? `${shortfallInWords(still, desk.paths.cache)} Salvage another copy, or, once a person has checked, run "workbench outbox forget-missing --reason <why>".`
            : 'This desk now holds every change it wrote. Run "workbench sync" to send the waiting ones.',
        );
      } finally {
        desk.close();
      }
    });

  outbox
    .command('forget-missing')
    .description(
      'accept, after a person has checked, that changes a damaged or rolled-back cache lost are gone (audited)',
    )
    .requiredOption('--reason <text>', 'why they may be given up (kept in the audit log)')
    .action((o: { reason: string }) => {
      const desk = openDesk({ dataDir: resolveDataDir(dataDir()), acceptMissingChanges: true });
      try {
        const gone = forgetMissing(desk, currentActor(), o.reason);
        console.log(
          `${shortfallInWords(gone, desk.paths.cache)} Given up, as recorded in the audit log with your reason; the desk starts again with the cache as it is.`,
        );
      } finally {
        desk.close();
      }
    });
}
