// The IT policy file: accounts to roles, found where IT puts it, and refusals in plain words.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refusal } from '../../src-main/common/roles.ts';
import { assertAllowed, loadPolicy } from '../../src-main/node/security/policy.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wb-policy-'));
  delete process.env.WORKBENCH_POLICY;
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  delete process.env.WORKBENCH_POLICY;
});
const write = (text: string, name = 'policy.yaml') => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('the roles policy file', () => {
  it('without a policy file every account is a clerk', () => {
    const policy = loadPolicy(dir);
    expect(policy.file).toBeNull();
    expect(policy.roleOf('anyone')).toBe('clerk');
  });

  it('maps accounts case-insensitively, with or without a domain, and falls back to the default role', () => {
    write(
      [
        'version: 1',
        'default_role: inspector',
        'accounts:',
        '  JSmith: supervisor',
        "  'CITYHALL\\mlopez': clerk",
      ].join('\n'),
    );
    const policy = loadPolicy(dir);
    expect(policy.file).toBe(join(dir, 'policy.yaml'));
    expect(policy.roleOf('jsmith')).toBe('supervisor');
    expect(policy.roleOf('CITYHALL\\JSMITH')).toBe('supervisor');
    expect(policy.roleOf('mlopez')).toBe('clerk');
    expect(policy.roleOf('CITYHALL\\mlopez')).toBe('clerk');
    expect(policy.roleOf('visitor')).toBe('inspector');
  });

  it('WORKBENCH_POLICY wins over the desk’s own file', () => {
    write('version: 1\naccounts: { ann: admin }\n');
    process.env.WORKBENCH_POLICY = write('version: 1\naccounts: { ann: clerk }\n', 'it-policy.yaml');
    expect(loadPolicy(dir).roleOf('ann')).toBe('clerk');
  });

  it('refuses with the role, what it takes, and where to ask; an unlisted account without a default has no role', () => {
    write('version: 1\naccounts: { ivan: inspector }\n');
    const policy = loadPolicy(dir);
    expect(() => assertAllowed(policy, 'ivan', 'payment.record')).toThrow(
      'Your role (inspector) does not allow you to take payments: that takes a clerk or supervisor or admin.',
    );
    expect(() => assertAllowed(policy, 'zoe', 'licence.renew')).toThrow(
      /Your account \(zoe\) has no role in the workbench policy file .*policy\.yaml\)\. Ask IT to add it\./,
    );
    expect(refusal('clerk', 'licence.renew')).toBeNull();
  });

  it('a broken policy grants nothing and says which file and field', () => {
    write('version: 1\naccounts: { ann: boss }\n');
    expect(() => loadPolicy(dir)).toThrow(
      /policy\.yaml could not be read \(accounts\.ann: .*\)\. IT must fix it/,
    );
  });
});
