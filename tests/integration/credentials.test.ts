// Credentials on real parts: a real Secret Service (gnome-keyring on a D-Bus session bus; the
// test command runs under scripts/with-keyring.sh), keytar, the real `workbench` command line and
// a MariaDB account that only the keychain's password opens. A distinctive random secret goes
// through set, sync, a failing sync, status and search, and is then looked for in everything the
// desks wrote (every file of their data directories, every row of their caches, every line the
// commands printed, the ODBC drivers' logs): it must be nowhere, while the keychain still has it.
// Without a keychain the desk must say so in plain words, with the fix, and no stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src-main/node/bridge/odbc-errors.ts';
import { readDeskConfig } from '../../src-main/node/desk/desk-config.ts';
import { connectionWithSecret } from '../../src-main/node/security/connection-secret.ts';
import {
  type CredentialRef,
  KEYCHAIN_SERVICE,
  keytarCredentialStore,
} from '../../src-main/node/security/credential-store.ts';
import { connectionFor, dropDatabase, queryLegacy, uniqueDatabaseName } from './support/legacy-databases.ts';
import { type CliResult, newDeskDir, repoRoot, workbench, workbenchOk } from './support/workbench-cli.ts';

const token = () => randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');
// The secrets carry what a connection string must quote (";", "=", "{", "}", spaces) and a
// non-ASCII letter; each holds random tokens, so even a partial or escaped leak is found.
const right = { a: token(), b: token() };
const wrong = { a: token(), b: token() };
const SECRET = `${right.a}}; x={ü}=${right.b}`;
const WRONG_SECRET = `${wrong.a} ;${wrong.b}`;
const needles = [SECRET, right.a, right.b, WRONG_SECRET, wrong.a, wrong.b];

const startedAt = Date.now();
const store = keytarCredentialStore();
const user = `wbt_${randomBytes(4).toString('hex')}`;
const database = uniqueDatabaseName('cred');
const pgDatabase = uniqueDatabaseName('credpg');
const pgAccount = `wbt-pg-${randomBytes(4).toString('hex')}`;
const userConnection = `Driver={MariaDB Unicode};Server=127.0.0.1;Port=3306;User=${user};Database=${database}`;
const desk = newDeskDir('cred');
const pgDesk = newDeskDir('credpg');
const ttyDesk = newDeskDir('credtty');
const keychainRefs: CredentialRef[] = [
  { bridge: 'riverton', account: user },
  { bridge: 'riverton', account: pgAccount },
];
/** Everything every command printed, for the leak check. */
const printed: Array<{ command: string; out: string }> = [];

function run(dir: string, args: string[], o: { input?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  if (o.input === undefined && o.env === undefined) {
    const r = workbench(dir, args, 120_000);
    printed.push({ command: args.join(' '), out: r.stdout + r.stderr });
    return r;
  }
  // The shared helper has no stdin or environment of its own to give; the same launch, with them.
  const r = spawnSync(
    process.execPath,
    [join(repoRoot, 'bin', 'workbench.cjs'), '--data-dir', dir, ...args],
    {
      encoding: 'utf8',
      timeout: 120_000,
      input: o.input ?? '',
      env: { ...process.env, ...o.env },
    },
  );
  printed.push({ command: args.join(' '), out: r.stdout + r.stderr });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(dir: string, args: string[], o?: { input?: string }): string {
  const r = run(dir, args, o);
  if (r.status !== 0)
    throw new Error(`workbench ${args.join(' ')} exited ${r.status}\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

const mariaRoot = connectionFor('mariadb', database);

beforeAll(async () => {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error(
      'No D-Bus session bus, so no Secret Service: run the tests through scripts/test.sh, or prefix the ' +
        'command with scripts/with-keyring.sh.',
    );
  }
  workbenchOk(desk, ['demo', 'create', '--engine', 'mariadb', '--size', '200', '--connection', mariaRoot]);
  // An account that only the secret opens, allowed to read the demo city and nothing else.
  for (const host of ['127.0.0.1', 'localhost']) {
    await queryLegacy(mariaRoot, `CREATE USER '${user}'@'${host}' IDENTIFIED BY '${SECRET}'`);
    await queryLegacy(mariaRoot, `GRANT SELECT ON \`${database}\`.* TO '${user}'@'${host}'`);
  }
  workbenchOk(desk, ['connect', '--bridge', 'riverton', '--connection', userConnection]);
});

afterAll(async () => {
  for (const ref of keychainRefs) await store.delete(ref).catch(() => false);
  for (const host of ['127.0.0.1', 'localhost'])
    await queryLegacy(connectionFor('mariadb', ''), `DROP USER IF EXISTS '${user}'@'${host}'`).catch(
      () => {},
    );
  await dropDatabase('mariadb', database).catch(() => {});
  await dropDatabase('postgres', pgDatabase).catch(() => {});
  for (const dir of [desk, pgDesk, ttyDesk]) rmSync(dir, { recursive: true, force: true });
});

const noStackTrace = (text: string) => {
  expect(text).not.toMatch(/\n\s+at .+:\d+/);
  expect(text).not.toMatch(/unexpected failure/);
};

describe('the OS keychain through keytar (real Secret Service)', () => {
  it('keeps, returns, replaces and deletes a secret under civic-workbench / <bridge>/<account>', async () => {
    const ref = { bridge: 'wbt-roundtrip', account: `acct-${token()}` };
    keychainRefs.push(ref);
    expect(await store.get(ref)).toBeNull();
    await store.set(ref, SECRET);
    expect(await store.get(ref)).toBe(SECRET);
    // The entry other tools see: service and account as documented.
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, `${ref.bridge}/${ref.account}`)).toBe(SECRET);
    await store.set(ref, WRONG_SECRET);
    expect(await store.get(ref)).toBe(WRONG_SECRET);
    expect(await store.delete(ref)).toBe(true);
    expect(await store.get(ref)).toBeNull();
    expect(await store.delete(ref)).toBe(false);
    await expect(store.set(ref, '')).rejects.toThrow(/empty password/);
  });

  it('puts the secret into the connection string only in memory, and the worker redacts it', async () => {
    const ref = { bridge: 'riverton', account: `acct-${token()}` };
    keychainRefs.push(ref);
    const config = {
      version: 1 as const,
      deskId: 'd',
      bridge: 'riverton',
      connection: userConnection,
      credential: { account: ref.account },
    };
    await expect(connectionWithSecret(config, 'riverton', store)).rejects.toThrow(
      `No password is stored in the OS keychain for bridge "riverton" (account "${ref.account}"). Run "workbench credentials set riverton"`,
    );
    const plain = `${right.a}=${right.b} ;x`;
    await store.set(ref, plain);
    const connection = await connectionWithSecret(config, 'riverton', store);
    expect(connection).toBe(`${userConnection};PWD={${plain}}`);
    expect(
      await connectionWithSecret(
        { ...config, credential: { account: ref.account, key: 'Password' } },
        'riverton',
        store,
      ),
    ).toBe(`${userConnection};Password={${plain}}`);
    // No reference, no keychain: the connection string as desk.json has it.
    expect(await connectionWithSecret({ ...config, credential: undefined }, 'riverton', store)).toBe(
      userConnection,
    );
    // What the worker sends back when a message quotes the connection or the secret.
    const redacted = redactSecrets(`connect failed for ${connection} with password ${plain}`, connection);
    for (const n of [plain, right.a, right.b]) expect(redacted).not.toContain(n);
  });
});

describe('a desk whose legacy account needs the keychain password (MariaDB)', () => {
  it('without a stored password the legacy server refuses the desk', () => {
    const r = run(desk, ['sync']);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('workbench: Could not connect to the legacy database: Access denied for user');
    expect(r.stderr).toContain('using password: NO');
    noStackTrace(r.stderr);
  });

  it('stores the password from stdin, records only the reference, and syncs and searches with it', async () => {
    const set = ok(desk, ['credentials', 'set', 'riverton', '--stdin'], { input: `${SECRET}\n` });
    expect(set).toContain(
      `Stored the password for bridge "riverton" (account "${user}") in the OS keychain.`,
    );
    expect(await store.get({ bridge: 'riverton', account: user })).toBe(SECRET);
    const config = readDeskConfig(join(desk, 'desk.json'));
    expect(config?.credential).toEqual({ account: user });
    expect(config?.connection).toBe(userConnection);

    expect(ok(desk, ['credentials', 'check', 'riverton'])).toContain(
      'is stored in the OS keychain and this desk uses it',
    );
    const sync = JSON.parse(ok(desk, ['sync', '--json'])) as {
      entities: Array<{ entity: string; loaded: number }>;
    };
    expect(sync.entities.find((e) => e.entity === 'licence')?.loaded).toBe(200);
    const found = JSON.parse(ok(desk, ['search', 'RV-0000001', '--json'])) as Array<{ licenceId: string }>;
    expect(found.map((r) => r.licenceId)).toContain('RV-0000001');
    const status = JSON.parse(ok(desk, ['status', '--json'])) as { licences: number; legacyEngine: string };
    expect(status).toMatchObject({ licences: 200, legacyEngine: 'mariadb' });
  });

  it('with a wrong stored password the sync fails plainly, and the right one makes it work again', () => {
    expect(ok(desk, ['credentials', 'set', 'riverton', '--stdin'], { input: WRONG_SECRET })).toContain(
      'Replaced the password',
    );
    const r = run(desk, ['sync']);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(
      `workbench: Could not connect to the legacy database: Access denied for user '${user}'@'127.0.0.1' (using password: YES)`,
    );
    noStackTrace(r.stderr);
    // The failure is on record (sync_state) before anything else overwrites it: look there now.
    const db = new Database(join(desk, 'cache.sqlite'), { readonly: true });
    const failed = db.prepare('SELECT last_error FROM sync_state WHERE last_error IS NOT NULL').all();
    db.close();
    expect(JSON.stringify(failed)).toContain('Access denied');
    expectNoSecretIn(desk);

    ok(desk, ['credentials', 'set', 'riverton', '--stdin'], { input: `${SECRET}\r\n` });
    ok(desk, ['sync']);
    ok(desk, ['status', '--json']);
  });

  it('refuses an empty password, another bridge, and a missing terminal, storing nothing', async () => {
    for (const [args, input, said] of [
      [['credentials', 'set', 'riverton', '--stdin'], '\n', 'The password is empty; nothing was stored.'],
      [
        ['credentials', 'set', 'elsewhere', '--stdin'],
        'x',
        'This desk uses bridge "riverton", not "elsewhere"',
      ],
      [['credentials', 'set', 'riverton'], 'x', 'There is no terminal to type the password in'],
    ] as const) {
      const r = run(desk, [...args], { input });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(said);
      noStackTrace(r.stderr);
    }
    expect(await store.get({ bridge: 'riverton', account: user })).toBe(SECRET);
  });

  it('a PostgreSQL desk passes the keychain secret through psqlODBC', () => {
    // The local server trusts 127.0.0.1, so it does not check the password: this shows that the
    // quoted secret leaves psqlODBC's connection string intact, and (below) leaves no trace in its logs.
    workbenchOk(pgDesk, [
      'demo',
      'create',
      '--engine',
      'postgres',
      '--size',
      '100',
      '--connection',
      connectionFor('postgres', pgDatabase),
    ]);
    ok(pgDesk, ['credentials', 'set', 'riverton', '--account', pgAccount, '--stdin'], { input: SECRET });
    expect(readDeskConfig(join(pgDesk, 'desk.json'))?.credential).toEqual({ account: pgAccount });
    expect(ok(pgDesk, ['sync'])).toContain('Refreshed');
    ok(pgDesk, ['search', 'RV-0000001']);
  });

  it('reads the password from a terminal without echoing it', async () => {
    workbenchOk(ttyDesk, ['connect', '--bridge', 'riverton', '--connection', userConnection]);
    const { status, transcript } = await typeInTerminal(
      [
        process.execPath,
        join(repoRoot, 'bin', 'workbench.cjs'),
        '--data-dir',
        ttyDesk,
        'credentials',
        'set',
        'riverton',
      ],
      [
        ['Password for bridge "riverton", account', SECRET],
        ['Once more, to be sure:', SECRET],
      ],
    );
    printed.push({ command: 'credentials set riverton (terminal)', out: transcript });
    expect(transcript).toContain('password for bridge "riverton"');
    expect(status).toBe(0);
    for (const n of needles) expect(transcript).not.toContain(n);
    expect(readDeskConfig(join(ttyDesk, 'desk.json'))?.credential).toEqual({ account: user });
    expect(ok(ttyDesk, ['sync'])).toContain('Refreshed');
  });
});

describe('the secret-leak test', () => {
  it('finds the secret in no file, cache row, audit entry or printed line, while the keychain keeps it', () => {
    expect(printed.length).toBeGreaterThanOrEqual(15);
    for (const { command, out } of printed)
      for (const n of needles) expect(out.includes(n), `"${command}" printed the secret`).toBe(false);
    for (const dir of [desk, pgDesk, ttyDesk]) expectNoSecretIn(dir);

    // The audit log shows each change of password, by account, without the password.
    const db = new Database(join(desk, 'cache.sqlite'), { readonly: true });
    const audited = db
      .prepare("SELECT action, subject, detail FROM audit_log WHERE action LIKE 'credential.%'")
      .all();
    db.close();
    expect(audited).toHaveLength(3);
    expect(audited[0]).toEqual({
      action: 'credential.set',
      subject: 'riverton',
      detail: JSON.stringify({ account: user, replaced: false }),
    });

    // The drivers' own logs (psqlODBC's CommLog writes /tmp/psqlodbc_*.log on this machine).
    for (const name of readdirSync(tmpdir())) {
      if (!/^(psqlodbc_|mylog_|maodbc).*\.log$/.test(name)) continue;
      const file = join(tmpdir(), name);
      if (statSync(file).mtimeMs < startedAt - 1000) continue;
      expectNoNeedle(readFileSync(file), file);
    }
  });

  it('the keychain still returns the secret', async () => {
    expect(await store.get({ bridge: 'riverton', account: user })).toBe(SECRET);
    expect(await store.get({ bridge: 'riverton', account: pgAccount })).toBe(SECRET);
  });
});

describe('without a keychain', () => {
  const nowhere = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
  it('says plainly that the OS keychain is not available and how to fix it, with no stack trace', () => {
    for (const [args, input] of [
      [['credentials', 'set', 'riverton', '--stdin'], SECRET],
      [['credentials', 'check', 'riverton'], ''],
      [['credentials', 'delete', 'riverton'], ''],
      [['sync'], ''],
    ] as const) {
      const r = run(desk, [...args], { input, env: nowhere });
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(
        'workbench: The OS keychain is not available, so this desk cannot keep or read the legacy database password.',
      );
      expect(r.stderr).toContain('On Linux, install gnome-keyring (or another Secret Service');
      expect(r.stderr).toContain('On Windows and macOS the keychain is built in.');
      expect(r.stderr).toContain('(The keychain said: Could not connect: No such file or directory.)');
      noStackTrace(r.stderr);
      for (const n of needles) expect(r.stdout + r.stderr).not.toContain(n);
    }
  });
});

/** Every file under a data directory, and every row of its cache, holds none of the secrets. */
function expectNoSecretIn(dir: string): void {
  const files = walk(dir);
  expect(files.map((f) => f.slice(dir.length + 1))).toEqual(
    expect.arrayContaining(['desk.json', 'cache.sqlite']),
  );
  for (const file of files) expectNoNeedle(readFileSync(file), file);
  const db = new Database(join(dir, 'cache.sqlite'), { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all() as string[];
    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'data_issue', 'sync_state']));
    for (const table of tables) {
      for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) {
        for (const value of row) {
          if (value === null) continue;
          const bytes = Buffer.isBuffer(value) ? value : Buffer.from(String(value), 'utf8');
          expectNoNeedle(bytes, `${dir} ${table}`);
        }
      }
    }
  } finally {
    db.close();
  }
}

/** As text and as bytes: the UTF-8 and UTF-16 forms of every secret and of its random parts. */
function expectNoNeedle(bytes: Buffer, where: string): void {
  const text = bytes.toString('utf8');
  for (const n of needles) {
    expect(text.includes(n), `${where} holds a secret (text)`).toBe(false);
    expect(bytes.indexOf(Buffer.from(n, 'utf8')), `${where} holds a secret (UTF-8 bytes)`).toBe(-1);
    expect(bytes.indexOf(Buffer.from(n, 'utf16le')), `${where} holds a secret (UTF-16 bytes)`).toBe(-1);
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/**
 * Runs a command on a real pseudo-terminal (util-linux `script`) and types each answer once its
 * prompt shows. Returns everything the terminal displayed: an echoed password would be in it.
 */
function typeInTerminal(
  command: string[],
  answers: Array<[prompt: string, answer: string]>,
): Promise<{ status: number | null; transcript: string }> {
  const quoted = command.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const child = spawn('script', ['-qfec', quoted, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let transcript = '';
  let next = 0;
  let searchFrom = 0;
  const onOutput = (chunk: Buffer) => {
    transcript += chunk.toString('utf8');
    const pending = answers[next];
    if (!pending) return;
    const at = transcript.indexOf(pending[0], searchFrom);
    if (at < 0) return;
    searchFrom = at + pending[0].length;
    next++;
    child.stdin.write(`${pending[1]}\r`);
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no answer from the terminal; it showed:\n${transcript}`));
    }, 60_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, transcript });
    });
  });
}
