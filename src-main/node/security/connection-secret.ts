// The connection string a desk hands to the bridge worker: desk.json's password-free string with
// the keychain's secret put in at the last moment. The result lives only in memory (and on the
// worker's IPC channel); the worker redacts it from every message it sends back.
import { errorText, WorkbenchError } from '../../common/errors.ts';
import {
  formatConnectionString,
  getPart,
  parseConnectionString,
  withPart,
} from '../bridge/connection-string.ts';
import type { DeskConfig } from '../desk/desk-config.ts';
import type { CredentialRef, CredentialStore } from './credential-store.ts';

/** The connection-string keyword the secret goes into unless the desk's reference names another. */
export const DEFAULT_SECRET_KEY = 'PWD';

/** The keywords ODBC drivers take the user name under, in the order they are looked for. */
const userKeys = ['Uid', 'User', 'UserName', 'User ID'];

/** The user name a connection string logs in as: the account a stored password is filed under. */
export function connectionUser(connection: string): string | undefined {
  const parts = parseConnectionString(connection);
  for (const key of userKeys) {
    const value = getPart(parts, key)?.trim();
    if (value) return value;
  }
  return undefined;
}

/** The keychain entry this desk's connection uses, or null when it needs no password. */
export function credentialRef(config: DeskConfig, bridgeName: string): CredentialRef | null {
  return config.credential ? { bridge: bridgeName, account: config.credential.account } : null;
}

export async function connectionWithSecret(
  config: DeskConfig,
  bridgeName: string,
  store: CredentialStore,
): Promise<string> {
  const ref = credentialRef(config, bridgeName);
  if (!ref) return config.connection;
  const secret = await store.get(ref);
  if (secret === null || secret === '') {
    throw new WorkbenchError(
      'not_configured',
      errorText('credentials.none_stored', { bridge: ref.bridge, account: ref.account }),
    );
  }
  const key = config.credential?.key ?? DEFAULT_SECRET_KEY;
  return formatConnectionString(withPart(parseConnectionString(config.connection), key, secret));
}
