// Roles are checked by the services, not only hidden in the UI: with the IT policy file making the
// person at the desk an inspector, the command line and the contract both refuse renewals,
// payments and conflict decisions in plain words, and nothing is recorded.
import { rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWorkbenchError } from '../../src-main/common/errors.ts';
import { openDesk } from '../../src-main/node/desk/open-desk.ts';
import { createHandlers } from '../../src-main/node/handlers/handlers.ts';
import { canonicalSnapshot } from './support/canonical-snapshot.ts';
import { newDeskDir, workbench, workbenchOk } from './support/workbench-cli.ts';

const dir = newDeskDir('roles');
const me = userInfo().username;
const policyAs = (role: string) =>
  writeFileSync(join(dir, 'policy.yaml'), `version: 1\naccounts:\n  ${JSON.stringify(me)}: ${role}\n`);
let licenceId = '';

beforeAll(() => {
  workbenchOk(dir, ['demo', 'create', '--engine', 'sqlite', '--size', '200', '--seed', '4']);
  workbenchOk(dir, ['sync']);
  licenceId = String(
    canonicalSnapshot(dir).licence!.find((l) => l.status === 'active' && String(l.expires_on) > '2027-01-01')!
      .id,
  );
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('roles from the IT policy file', () => {
  it('an inspector is refused renewals and payments at the command line; nothing is recorded', () => {
    policyAs('inspector');
    const renew = workbench(dir, ['renew', licenceId]);
    expect(renew.status).toBe(1);
    expect(renew.stderr).toContain(
      'workbench: Your role (inspector) does not allow you to renew licences: that takes a clerk or supervisor or admin.',
    );
    const pay = workbench(dir, ['pay', licenceId, '--amount', '1000', '--method', 'cash']);
    expect(pay.status).toBe(1);
    expect(pay.stderr).toContain('does not allow you to take payments');
    expect(JSON.parse(workbenchOk(dir, ['outbox', '--all', '--json']))).toEqual([]);
    expect(JSON.parse(workbenchOk(dir, ['status', '--json']))).toMatchObject({
      actor: me,
      role: 'inspector',
    });
  });

  it('the contract refuses too, with the forbidden code: a hidden button is not the only guard', async () => {
    policyAs('inspector');
    const desk = openDesk({ dataDir: dir });
    try {
      const handlers = createHandlers(desk);
      const refused = await handlers['payments.record']({
        licenceId,
        amountCents: 1000,
        method: 'cash',
      }).catch((e: unknown) => e);
      expect(isWorkbenchError(refused) && refused.code).toBe('forbidden');
      const conflict = await handlers['conflicts.resolve']({
        conflictId: 1,
        resolution: 'discard',
        reason: 'x',
      }).catch((e: unknown) => e);
      expect(isWorkbenchError(conflict) && conflict.code).toBe('forbidden');
    } finally {
      desk.close();
    }
  });

  it('a clerk may; an account the file does not list may not', () => {
    policyAs('clerk');
    workbenchOk(dir, ['drawer', 'open', '--float', '0']);
    expect(workbenchOk(dir, ['pay', licenceId, '--amount', '1000', '--method', 'cash'])).toMatch(
      /provisional receipt/,
    );
    writeFileSync(join(dir, 'policy.yaml'), 'version: 1\naccounts:\n  somebody-else: supervisor\n');
    const r = workbench(dir, ['renew', licenceId]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Your account \(.*\) has no role in the workbench policy file/);
    rmSync(join(dir, 'policy.yaml'));
  });
});
