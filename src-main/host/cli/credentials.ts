// `workbench credentials set|delete|check BRIDGE`: the legacy database password of this desk, kept
// in the OS keychain. The secret is read without echo from the terminal (or from stdin with
// --stdin), goes straight to the keychain and is never printed, logged, audited or written to a
// file: desk.json records only which keychain entry to use.
import type { Command } from 'commander';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import { zonedIso } from '../../common/time.ts';
import { readDeskConfig, writeDeskConfig } from '../../node/desk/desk-config.ts';
import { type Desk, openDesk } from '../../node/desk/open-desk.ts';
import { deskPaths, resolveDataDir } from '../../node/desk/paths.ts';
import { currentActor } from '../../node/security/actor.ts';
import { audit } from '../../node/security/audit.ts';
import { connectionUser, DEFAULT_SECRET_KEY } from '../../node/security/connection-secret.ts';
import {
  type CredentialRef,
  type CredentialStore,
  keytarCredentialStore,
} from '../../node/security/credential-store.ts';

interface CredentialOptions {
  account?: string;
  stdin?: boolean;
}

export function registerCredentialsSubcommands(program: Command, dataDir: () => string | undefined): void {
  const credentials = program
    .command('credentials')
    .description("this desk's legacy database password, kept in the OS keychain (never in a file)");
  credentials
    .command('set')
    .description('store the password this desk logs in to the legacy database with')
    .argument('<bridge>', "the desk's bridge (e.g. riverton)")
    .option('--account <name>', 'the legacy account (default: Uid/User of the connection string)')
    .option('--stdin', 'read the password from standard input instead of the terminal')
    .action((bridge: string, o: CredentialOptions) => runCredentialsSet(dataDir(), bridge, o));
  credentials
    .command('delete')
    .description('remove the stored password from the OS keychain')
    .argument('<bridge>', "the desk's bridge")
    .option('--account <name>', 'the legacy account (default: the one this desk uses)')
    .action((bridge: string, o: CredentialOptions) => runCredentialsDelete(dataDir(), bridge, o));
  credentials
    .command('check')
    .description('say whether a password is stored (it is never shown)')
    .argument('<bridge>', "the desk's bridge")
    .option('--account <name>', 'the legacy account (default: the one this desk uses)')
    .action((bridge: string, o: CredentialOptions) => runCredentialsCheck(dataDir(), bridge, o));
}

/** What --stdin delivered, as the secret: one trailing line break dropped, nothing else touched. */
export function secretFromInput(input: Buffer | string): string {
  const text = typeof input === 'string' ? input : input.toString('utf8');
  const secret = text.replace(/\r?\n$/, '');
  if (secret === '') throw new WorkbenchError('invalid_input', errorText('credentials.empty', {}));
  if (/[\r\n\0]/.test(secret))
    throw new WorkbenchError('invalid_input', errorText('credentials.bad_characters', {}));
  return secret;
}

async function runCredentialsSet(
  dataDirFlag: string | undefined,
  bridgeArg: string,
  o: CredentialOptions,
  store: CredentialStore = keytarCredentialStore(),
): Promise<void> {
  await withDesk(dataDirFlag, bridgeArg, async (desk, bridge) => {
    const config = desk.configured();
    const account = o.account?.trim() || config.credential?.account || connectionUser(config.connection);
    if (!account) {
      throw new WorkbenchError('invalid_input', errorText('credentials.no_user', {}));
    }
    const ref: CredentialRef = { bridge, account };
    // Ask the keychain first, so a missing or locked one is reported before anyone types a password.
    const had = (await store.get(ref)) !== null;
    const secret = o.stdin
      ? secretFromInput(await readAllStdin())
      : await promptTwice(`Password for bridge "${bridge}", account "${account}": `);
    await store.set(ref, secret);
    const key = config.credential?.key ?? nonDefault(desk.bridge().definition.connection?.secret_keyword);
    writeDeskConfig(desk.paths.config, { ...config, credential: { account, ...(key ? { key } : {}) } });
    audit(desk.cache, {
      at: zonedIso(new Date(), desk.timeZone),
      actor: currentActor(),
      action: 'credential.set',
      subject: bridge,
      detail: { account, replaced: had },
    });
    console.log(
      `${had ? 'Replaced' : 'Stored'} the password for bridge "${bridge}" (account "${account}") in the OS keychain. ` +
        `This desk's settings refer to it; the password itself is in no file.`,
    );
  });
}

async function runCredentialsDelete(
  dataDirFlag: string | undefined,
  bridgeArg: string,
  o: CredentialOptions,
  store: CredentialStore = keytarCredentialStore(),
): Promise<void> {
  await withDesk(dataDirFlag, bridgeArg, async (desk, bridge) => {
    const ref = refFor(desk, bridge, o);
    const removed = await store.delete(ref);
    audit(desk.cache, {
      at: zonedIso(new Date(), desk.timeZone),
      actor: currentActor(),
      action: 'credential.delete',
      subject: bridge,
      detail: { account: ref.account, removed },
    });
    console.log(
      removed
        ? `Removed the password for bridge "${bridge}" (account "${ref.account}") from the OS keychain.`
        : `No password was stored for bridge "${bridge}" (account "${ref.account}"); nothing to remove.`,
    );
  });
}

async function runCredentialsCheck(
  dataDirFlag: string | undefined,
  bridgeArg: string,
  o: CredentialOptions,
  store: CredentialStore = keytarCredentialStore(),
): Promise<void> {
  await withDesk(dataDirFlag, bridgeArg, async (desk, bridge) => {
    const ref = refFor(desk, bridge, o);
    if ((await store.get(ref)) === null) {
      throw new WorkbenchError(
        'not_configured',
        errorText('credentials.none_stored', { bridge, account: ref.account }),
      );
    }
    const used = desk.configured().credential?.account === ref.account;
    console.log(
      `A password for bridge "${bridge}" (account "${ref.account}") is stored in the OS keychain` +
        (used ? ' and this desk uses it.' : ", but this desk's settings do not refer to it yet."),
    );
  });
}

/** Opens the desk and checks that BRIDGE is the bridge it uses (by name, or as configured). */
async function withDesk(
  dataDirFlag: string | undefined,
  bridgeArg: string,
  use: (desk: Desk, bridge: string) => Promise<void>,
): Promise<void> {
  const dataDir = resolveDataDir(dataDirFlag);
  // Read the settings before opening the cache, so an unconfigured desk creates no files.
  const config = readDeskConfig(deskPaths(dataDir).config);
  if (!config) {
    throw new WorkbenchError('not_configured', errorText('credentials.desk_not_connected', {}));
  }
  const desk = openDesk({ dataDir });
  try {
    const name = desk.bridge().definition.name;
    if (bridgeArg !== name && bridgeArg !== config.bridge) {
      throw new WorkbenchError(
        'invalid_input',
        errorText('credentials.other_bridge', { bridge: name, asked: bridgeArg }),
      );
    }
    await use(desk, name);
  } finally {
    desk.close();
  }
}

function refFor(desk: Desk, bridge: string, o: CredentialOptions): CredentialRef {
  const config = desk.configured();
  const account = o.account?.trim() || config.credential?.account || connectionUser(config.connection);
  if (!account) {
    throw new WorkbenchError('invalid_input', errorText('credentials.no_account', {}));
  }
  return { bridge, account };
}

const nonDefault = (key: string | undefined) =>
  key && key.toUpperCase() !== DEFAULT_SECRET_KEY ? key : undefined;

async function readAllStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function promptTwice(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new WorkbenchError('invalid_input', errorText('credentials.no_terminal', {}));
  }
  const first = secretFromInput(await promptSilently(prompt));
  const again = await promptSilently('Once more, to be sure: ');
  if (again !== first) throw new WorkbenchError('invalid_input', errorText('credentials.entries_differ', {}));
  return first;
}

/** Reads one line from the terminal in raw mode, echoing nothing (not even asterisks). */
function promptSilently(prompt: string): Promise<string> {
  const input = process.stdin;
  return new Promise<string>((resolve, reject) => {
    let typed = '';
    const finish = (err?: WorkbenchError) => {
      input.removeListener('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      // Drop the escape sequences of arrow and function keys; a password has none.
      // eslint-disable-next-line no-control-regex
      for (const ch of chunk.replace(/\x1b(\[[0-9;?]*[ -/]*[@-~]|O.|.)?/g, '')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003')
          return finish(new WorkbenchError('invalid_input', errorText('credentials.cancelled', {})));
        if (ch === '\u007f' || ch === '\b') typed = Array.from(typed).slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.on('data', onData);
    input.resume();
    // The prompt comes once echo is off, so nothing typed after it can show on the screen.
    process.stderr.write(prompt);
  });
}
