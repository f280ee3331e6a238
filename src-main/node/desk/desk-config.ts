// desk.json: which bridge and which legacy database this desk uses. It holds a connection string
// without its password: secrets live only in the OS keychain, so a config with one is refused.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { z } from 'zod';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import { hasSecret, parseConnectionString } from '../bridge/connection-string.ts';

export const DeskConfig = z.object({
  version: z.literal(1),
  deskId: z.string().min(1),
  /** A bridge name under bridges/, or a path to a bridge.yaml. */
  bridge: z.string().min(1),
  /** DSN-less ODBC connection string, without password. */
  connection: z.string().min(1),
  /**
   * Where the password is: only a reference to the OS keychain entry (bridge + account), never
   * the secret. `key` is the connection-string keyword the secret goes into (default PWD).
   */
  credential: z
    .strictObject({
      account: z.string().min(1),
      key: z
        .string()
        .regex(/^[A-Za-z][\w ]*$/, 'must be a connection-string keyword such as PWD')
        .optional(),
    })
    .optional(),
});
export type DeskConfig = z.infer<typeof DeskConfig>;

export function newDeskId(): string {
  const host =
    hostname()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 24) || 'desk';
  return `${host}-${randomBytes(3).toString('hex')}`;
}

export function assertNoSecret(connection: string): void {
  if (hasSecret(parseConnectionString(connection))) {
    throw new WorkbenchError('invalid_input', errorText('desk.password_in_connection', {}));
  }
}

export function readDeskConfig(file: string): DeskConfig | null {
  if (!existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new WorkbenchError(
      'not_configured',
      `The desk settings in ${file} cannot be read: ${(err as Error).message}`,
    );
  }
  const parsed = DeskConfig.safeParse(raw);
  if (!parsed.success) {
    throw new WorkbenchError(
      'not_configured',
      `The desk settings in ${file} are not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** Writes the config atomically (temp file + rename) so a crash never leaves half a file. */
export function writeDeskConfig(file: string, config: DeskConfig): void {
  assertNoSecret(config.connection);
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}
