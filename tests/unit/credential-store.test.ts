// The pure parts of credentials: the keychain's failures in plain words (the messages are the ones
// libsecret gives through keytar on this machine: no bus, a bus address pointing nowhere, no login
// keyring, a locked keyring), entry names, what --stdin turns into a secret, the desk's reference,
// the user a connection logs in as, and what the worker's redaction does to a secret.
// The keychain itself is exercised for real in tests/integration/credentials.test.ts.
import { describe, expect, it } from 'vitest';
import { isWorkbenchError } from '../../src-main/common/errors.ts';
import {
  formatConnectionString,
  parseConnectionString,
  withPart,
} from '../../src-main/node/bridge/connection-string.ts';
import { redactSecrets } from '../../src-main/node/bridge/odbc-errors.ts';
import { DeskConfig } from '../../src-main/node/desk/desk-config.ts';
import { secretFromInput } from '../../src-main/host/cli/credentials.ts';
import { connectionUser } from '../../src-main/node/security/connection-secret.ts';
import { keychainAccount, keychainFailure } from '../../src-main/node/security/credential-store.ts';

describe('keychain failures', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY'],
    ['Could not connect: No such file or directory'],
    ['The given address is empty'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”'],
    ['libsecret-1.so.0: cannot open shared object file: No such file or directory'],
  ])('"%s" means the keychain is not available, and says how to fix it', (said) => {
    const e = keychainFailure(new Error(said));
    expect(isWorkbenchError(e)).toBe(true);
    expect(e.code).toBe('not_configured');
    expect(e.message).toMatch(
      /^The OS keychain is not available, so this desk cannot keep or read the legacy database password\. /,
    );
    expect(e.message).toContain('install gnome-keyring (or another Secret Service');
    expect(e.message).toContain('unlock it in your desktop session');
    expect(e.message).toContain('On Windows and macOS the keychain is built in.');
    expect(e.message).toContain(`(The keychain said: ${said}.)`);
  });

  it('a locked keyring is called locked', () => {
    const e = keychainFailure(new Error('Cannot create an item in a locked collection'));
    expect(e.message).toMatch(/^The OS keychain is locked, so this desk cannot keep or read/);
    expect(e.message).toContain('Unlock it and try again');
  });

  it('never repeats the secret, even if the keychain did', () => {
    const e = keychainFailure(new Error('refused to store hunter2-xyz'), 'hunter2-xyz');
    expect(e.message).not.toContain('hunter2-xyz');
    expect(e.message).toContain('refused to store ***');
  });
});

describe('keychain entries', () => {
  it('are named <bridge>/<account> under the civic-workbench service', () => {
    expect(keychainAccount({ bridge: 'riverton', account: 'LICUSER' })).toBe('riverton/LICUSER');
  });

  it('refuse a bridge that is not a bridge name, and an empty account', () => {
    expect(() => keychainAccount({ bridge: 'a/b', account: 'x' })).toThrow(/not a bridge name/);
    expect(() => keychainAccount({ bridge: 'riverton', account: ' ' })).toThrow(/cannot be empty/);
  });
});

describe('the secret read with --stdin', () => {
  it('drops one trailing line break and keeps everything else', () => {
    expect(secretFromInput(Buffer.from('s3cr3t\n'))).toBe('s3cr3t');
    expect(secretFromInput('s3cr3t\r\n')).toBe('s3cr3t');
    expect(secretFromInput('  spaced out  ')).toBe('  spaced out  ');
    expect(secretFromInput(Buffer.from('pässwörd}{;=', 'utf8'))).toBe('pässwörd}{;=');
  });

  it('refuses an empty secret and one spread over lines', () => {
    expect(() => secretFromInput('')).toThrow('The password is empty; nothing was stored.');
    expect(() => secretFromInput('\n')).toThrow('The password is empty');
    expect(() => secretFromInput('one\ntwo\n')).toThrow(/line break/);
  });
});

describe("the desk's reference to its password", () => {
  const base = { version: 1, deskId: 'd', bridge: 'riverton', connection: 'Driver={MariaDB Unicode};User=u' };

  it('is an account and an optional keyword, and nothing else', () => {
    expect(DeskConfig.parse({ ...base, credential: { account: 'u' } }).credential).toEqual({ account: 'u' });
    expect(DeskConfig.parse({ ...base, credential: { account: 'u', key: 'Password' } }).credential?.key).toBe(
      'Password',
    );
    expect(DeskConfig.parse(base).credential).toBeUndefined();
    expect(DeskConfig.safeParse({ ...base, credential: { account: 'u', password: 'x' } }).success).toBe(
      false,
    );
    expect(DeskConfig.safeParse({ ...base, credential: { account: '' } }).success).toBe(false);
    expect(DeskConfig.safeParse({ ...base, credential: { account: 'u', key: 'PWD;X=1' } }).success).toBe(
      false,
    );
  });

  it("defaults its account to the connection's user", () => {
    expect(connectionUser('Driver={PostgreSQL Unicode};Server=h;Uid=clerk')).toBe('clerk');
    expect(connectionUser('Driver={MariaDB Unicode};Server=h;USER=maria')).toBe('maria');
    expect(connectionUser('Driver={X};User ID=sa')).toBe('sa');
    expect(connectionUser('Driver={SQLite3};Database=/tmp/x.db')).toBeUndefined();
  });
});

describe("the worker's redaction of a secret put in by the keychain", () => {
  const withSecret = (secret: string) =>
    formatConnectionString(
      withPart(parseConnectionString('Driver={MariaDB Unicode};Server=h;User=u'), 'PWD', secret),
    );

  it.each([['plainSecret1'], ['with space'], ['semi;colon=eq'], ['{braced']])(
    'removes %s from a message that quotes it or the connection string',
    (secret) => {
      const connection = withSecret(secret);
      const out = redactSecrets(`failed for ${connection}; the password was ${secret}.`, connection);
      expect(out).not.toContain(secret);
      expect(out).toContain('PWD=');
    },
  );

  // A password holding "}" is written "}}" inside braces; redaction parses the value the same way.
  it('removes a secret holding "}"', () => {
    const secret = 'ab}cd;efgh';
    const connection = withSecret(secret);
    const out = redactSecrets(`failed for ${connection}; the password was ${secret}.`, connection);
    expect(out).not.toContain('cd;efgh');
  });
});
