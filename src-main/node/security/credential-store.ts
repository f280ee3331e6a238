// The one way to the legacy database passwords: the OS keychain (the Secret Service, e.g.
// gnome-keyring, on Linux; Credential Manager on Windows; Keychain on macOS) through keytar.
// Config files hold only a reference ({ bridge, account }). There is deliberately no other
// implementation and no file fallback: a secret never lands in a file the desk writes.
import { errorText, WorkbenchError } from '../../common/errors.ts';

/** Which secret: the bridge it is for and the legacy account it belongs to. */
export interface CredentialRef {
  bridge: string;
  account: string;
}

export interface CredentialStore {
  /** The stored secret, or null when there is none (a locked Secret Service also answers null). */
  get(ref: CredentialRef): Promise<string | null>;
  set(ref: CredentialRef, secret: string): Promise<void>;
  /** True when a secret was there and is now gone. */
  delete(ref: CredentialRef): Promise<boolean>;
}

/** The keychain's service name; each entry's account is `<bridge>/<account>`. */
export const KEYCHAIN_SERVICE = 'civic-workbench';

export function keychainAccount(ref: CredentialRef): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(ref.bridge))
    throw new WorkbenchError(
      'invalid_input',
      errorText('credentials.bad_bridge_name', { bridge: ref.bridge }),
    );
  if (ref.account.trim() === '')
    throw new WorkbenchError('invalid_input', errorText('credentials.empty_account', {}));
  return `${ref.bridge}/${ref.account}`;
}

const HOW_TO_FIX =
  'On Linux, install gnome-keyring (or another Secret Service, such as KeePassXC) and unlock it in ' +
  'your desktop session (logging in to the desktop unlocks it; in a session without one, ' +
  '"gnome-keyring-daemon --unlock" does). On Windows and macOS the keychain is built in. Then try again.';

/**
 * A keychain failure in plain words: what it means for the desk and how to fix it, with the
 * keychain's own message (which never holds the secret; `secret` is redacted from it anyway).
 */
export function keychainFailure(err: unknown, secret?: string): WorkbenchError {
  let said = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
  if (secret) said = said.split(secret).join('***');
  const detail = said ? ` (The keychain said: ${said.replace(/\.$/, '')}.)` : '';
  if (/\block/i.test(said)) {
    return new WorkbenchError(
      'not_configured',
      'The OS keychain is locked, so this desk cannot keep or read the legacy database password. ' +
        `Unlock it and try again: ${HOW_TO_FIX}${detail}`,
    );
  }
  return new WorkbenchError(
    'not_configured',
    `The OS keychain is not available, so this desk cannot keep or read the legacy database password. ${HOW_TO_FIX}${detail}`,
  );
}

type Keytar = Pick<typeof import('keytar'), 'getPassword' | 'setPassword' | 'deletePassword'>;

let keytarModule: Promise<Keytar> | undefined;

/** keytar is a native module: loaded on first use, so a desk without passwords never needs it. */
function loadKeytar(): Promise<Keytar> {
  keytarModule ??= import('keytar').then(
    (m) => ((m as { default?: Keytar }).default ?? m) as Keytar,
    (err: unknown) => {
      keytarModule = undefined;
      throw err;
    },
  );
  return keytarModule;
}

/** The CredentialStore of the desk: the OS keychain, through keytar. */
export function keytarCredentialStore(): CredentialStore {
  const withKeytar = async <T>(use: (k: Keytar) => Promise<T>, secret?: string): Promise<T> => {
    try {
      return await use(await loadKeytar());
    } catch (err) {
      throw keychainFailure(err, secret);
    }
  };
  return {
    get(ref) {
      const account = keychainAccount(ref);
      return withKeytar((k) => k.getPassword(KEYCHAIN_SERVICE, account));
    },
    async set(ref, secret) {
      const account = keychainAccount(ref);
      if (secret === '') throw new WorkbenchError('invalid_input', errorText('credentials.empty_secret', {}));
      await withKeytar((k) => k.setPassword(KEYCHAIN_SERVICE, account, secret), secret);
    },
    delete(ref) {
      const account = keychainAccount(ref);
      return withKeytar((k) => k.deletePassword(KEYCHAIN_SERVICE, account));
    },
  };
}
