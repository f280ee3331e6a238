// The `workbench` command line: IT and test scripts drive a real desk through the same services
// as the UI. Run through bin/workbench.cjs, which makes sure Node 24 runs it.
import { Command, InvalidArgumentError, Option } from 'commander';
import { errorMessageIn, fieldMessagesIn, isWorkbenchError } from '../../common/errors.ts';
import { messageLanguageFrom } from '../../common/messages/language-choice.ts';
import { BridgeFileError } from '../../node/bridge/load-bridge.ts';
import { currentActor } from '../../node/security/actor.ts';
import { registerBusinessSubcommands } from './businesses.ts';
import { registerApplicationSubcommands } from './applications.ts';
import { registerBatchSubcommands } from './batches.ts';
import { registerConflictSubcommands } from './conflicts.ts';
import { registerCounterSubcommands } from './counter.ts';
import { registerDashboardSubcommands } from './dashboard.ts';
import { registerDocumentSubcommands } from './documents.ts';
import { registerDrawerSubcommands } from './drawer.ts';
import { registerInspectionSubcommands } from './inspections.ts';
import { registerCaseSubcommands } from './cases.ts';
import { registerStatusSubcommands } from './licence-status.ts';
import { registerFeeSubcommands } from './fees.ts';
import { registerJournalSubcommand } from './journal.ts';
import { runConnect, runDemoCreate, runSearch, runServe, runStatus, runSync } from './desk.ts';
import { registerCredentialsSubcommands } from './credentials.ts';
import { registerBridgeCheckSubcommand } from './bridge-check.ts';
import { registerDiscoverSubcommand } from './discover.ts';

const positiveInt = (label: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`${label} must be a whole number`);
  return n;
};

const program = new Command('workbench')
  .description('Civic Workbench: licences from the legacy database, on this desk.')
  .option(
    '--data-dir <dir>',
    "this desk's data directory (default: $WORKBENCH_HOME or the user's app data folder)",
  )
  .showHelpAfterError();

const dataDir = () => program.opts<{ dataDir?: string }>().dataDir;

const demo = program
  .command('demo')
  .description('the built-in demo legacy systems: Riverton (1990s) and PermitFlow (2000s, in Lakeside)');
demo
  .command('create')
  .description("create a demo city's legacy database and point this desk at it")
  .addOption(
    new Option('--system <system>', 'which legacy system')
      .choices(['riverton', 'permitflow'])
      .default('riverton'),
  )
  .addOption(
    new Option('--engine <engine>', 'where to create it')
      .choices(['sqlite', 'postgres', 'mariadb'])
      .default('sqlite'),
  )
  .option('--size <licences>', 'number of licences (permits for PermitFlow)', positiveInt('--size'), 2000)
  .option('--seed <n>', 'random seed (same seed, same city)', positiveInt('--seed'), 1)
  .option('--connection <odbc>', 'ODBC connection string (default: the local server of the engine)')
  .option('--json', 'print the result as JSON')
  .action((o) => runDemoCreate(dataDir(), o));

program
  .command('connect')
  .description('point this desk at a legacy database through a bridge')
  .requiredOption('--bridge <name>', 'a bridge under bridges/ (e.g. riverton) or a path to a bridge.yaml')
  .option('--connection <odbc>', 'DSN-less ODBC connection string, without password')
  .option(
    '--set <name=value>',
    "fill the bridge's connection template instead (repeatable), e.g. --set server=db.city.local",
    (v: string, all: string[] = []) => [...all, v],
  )
  .action((o) => runConnect(dataDir(), o));

program
  .command('sync')
  .description(
    "send this desk's waiting changes to the legacy database, then refresh the cache from it (exit 3: the legacy database could not be reached; nothing is lost)",
  )
  .option('--full', 'read everything again rather than only what changed')
  .option('--no-push', 'only refresh: leave the waiting changes on this desk for now')
  .option('--json', 'print the result as JSON')
  .action((o) => runSync(dataDir(), currentActor(), o));

program
  .command('search')
  .description("search this desk's licences (business, DBA, owner, licence number, address, phone)")
  .argument('<text...>', 'what to look for')
  .option('--limit <n>', 'at most this many results', positiveInt('--limit'), 50)
  .option('--json', 'print the results as JSON')
  .action((text: string[], o) => runSearch(dataDir(), text.join(' '), o));

program
  .command('status')
  .description('what this desk holds and when it last refreshed')
  .option('--json', 'print as JSON')
  .action((o) => runStatus(dataDir(), o));

program
  .command('serve')
  .description('serve the workbench UI on this machine only (browser mode), with a per-launch token')
  .option('--port <port>', 'port on 127.0.0.1 (0 picks a free one)', positiveInt('--port'), 0)
  .option(
    '--probe-interval-ms <ms>',
    'how often the legacy link is checked while online',
    positiveInt('--probe-interval-ms'),
  )
  .option(
    '--max-backoff-ms <ms>',
    'the longest wait between checks while offline',
    positiveInt('--max-backoff-ms'),
  )
  .option(
    '--refresh-minutes <n>',
    'how often changes are pulled from the legacy database (15)',
    positiveInt('--refresh-minutes'),
  )
  .action((o) => runServe(dataDir(), o));

registerCounterSubcommands(program, dataDir);
registerBusinessSubcommands(program, dataDir);
registerApplicationSubcommands(program, dataDir);
registerStatusSubcommands(program, dataDir);
registerConflictSubcommands(program, dataDir);
registerJournalSubcommand(program, dataDir);
registerCredentialsSubcommands(program, dataDir);
registerDiscoverSubcommand(program);
registerBridgeCheckSubcommand(program, dataDir);
registerBatchSubcommands(program, dataDir);
registerDrawerSubcommands(program, dataDir);
registerFeeSubcommands(program, dataDir);
registerDashboardSubcommands(program, dataDir);
registerDocumentSubcommands(program, dataDir);
registerInspectionSubcommands(program, dataDir);
registerCaseSubcommands(program, dataDir);

program.parseAsync().catch((err: unknown) => {
  if (err instanceof BridgeFileError) console.error(err.message);
  else if (isWorkbenchError(err)) {
    // In the person's language (WB_LANG, else the locale): from the error's catalog key when it has
    // one, else the service's English sentence (the IT errors not yet in the catalog).
    const language = messageLanguageFrom(process.env);
    const sentence = errorMessageIn(err, language) ?? err.message;
    console.error(`workbench: ${sentence}`);
    // The contract's field problems (what the UI shows beside each field), unless the sentence says
    // them already; in another language only those with a key (the rest are English or codes).
    for (const [field, problem] of Object.entries(fieldMessagesIn(err, language)))
      if (!sentence.includes(problem) && (language === 'en' || err.fieldTexts?.[field]))
        console.error(`  ${field}: ${problem}`);
  } else
    console.error(
      `workbench: unexpected failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    );
  process.exit(1);
});
