// `workbench bridge install-journal NAME`: the one extra table in the legacy database that makes
// replay exactly-once, for cities whose DBA allows it (see src-main/node/bridge/journal.ts).
import type { Command } from 'commander';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import { openDesk } from '../../node/desk/open-desk.ts';
import { resolveDataDir } from '../../node/desk/paths.ts';
import { currentActor } from '../../node/security/actor.ts';
import { audit } from '../../node/security/audit.ts';
import { connectionWithSecret } from '../../node/security/connection-secret.ts';
import { keytarCredentialStore } from '../../node/security/credential-store.ts';
import { zonedIso } from '../../common/time.ts';
import { bridgeCommandGroup } from './bridge-group.ts';

export function registerJournalSubcommand(program: Command, dataDir: () => string | undefined): void {
  const bridge = bridgeCommandGroup(program);
  bridge
    .command('install-journal')
    .description(
      'create the operation journal table (WB_JOURNAL) in the legacy database of this desk, which makes replay exactly-once',
    )
    .argument('<name>', 'the bridge this desk uses, e.g. riverton')
    .option('--check', 'only say whether the journal is there')
    .action(async (name: string, o: { check?: boolean }) => {
      const desk = openDesk({ dataDir: resolveDataDir(dataDir()) });
      try {
        const { definition, file } = desk.bridge();
        if (definition.name !== name) {
          throw new WorkbenchError(
            'invalid_input',
            errorText('bridge.journal_other_bridge', { bridge: definition.name, asked: name }),
          );
        }
        const connection = await connectionWithSecret(
          desk.configured(),
          definition.name,
          keytarCredentialStore(),
        );
        const status = await desk.worker.journal({
          bridgeFile: file,
          connection,
          action: o.check ? 'status' : 'install',
        });
        if (status.created) {
          audit(desk.cache, {
            at: zonedIso(new Date(), desk.timeZone),
            actor: currentActor(),
            action: 'bridge.install_journal',
            subject: name,
            detail: { table: status.table },
          });
          console.log(
            `Created the operation journal ${status.table} in the legacy database: replay is now exactly-once.`,
          );
        } else if (status.installed) {
          console.log(`The operation journal ${status.table} is there: replay is exactly-once.`);
        } else {
          console.log(
            `There is no operation journal (${status.table}) in the legacy database: replay settles doubtful changes by re-reading.`,
          );
          process.exitCode = o.check ? 1 : 0;
        }
      } finally {
        desk.close();
      }
    });
}
