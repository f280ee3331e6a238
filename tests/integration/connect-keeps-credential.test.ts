// Reconnecting a desk (a moved server, a new database name) keeps its keychain reference while the
// bridge and the account stay the same; a different account drops it, so no password is sent to
// the wrong login.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newDeskDir, workbenchOk } from './support/workbench-cli.ts';

const dir = newDeskDir('reconnect');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const config = () => JSON.parse(readFileSync(join(dir, 'desk.json'), 'utf8'));
/** `workbench connect` to the Riverton bridge, filling its template's server and user. */
const connect = (server: string, user: string) =>
  workbenchOk(dir, ['connect', '--bridge', 'riverton', '--set', `server=${server}`, '--set', `user=${user}`]);

describe('workbench connect and the keychain reference', () => {
  it('keeps it for the same bridge and account, drops it for another account', () => {
    connect('old.city.local', 'clerk');
    writeFileSync(join(dir, 'desk.json'), JSON.stringify({ ...config(), credential: { account: 'clerk' } }));
    connect('new.city.local', 'clerk');
    expect(config()).toMatchObject({ credential: { account: 'clerk' } });
    expect(config().connection).toContain('Server=new.city.local');
    connect('new.city.local', 'auditor');
    expect(config().credential).toBeUndefined();
  });
});
