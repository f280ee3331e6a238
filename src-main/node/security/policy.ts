// The IT policy file: which OS accounts have which role (clerk, inspector, supervisor, admin).
// IT deploys it machine-wide; a desk's data directory may hold its own (a training desk, tests).
// It holds no secret. Looked for, in order: $WORKBENCH_POLICY, <data dir>/policy.yaml, then the
// machine's: /etc/civic-workbench/policy.yaml, %ProgramData%\Civic Workbench\policy.yaml,
// /Library/Application Support/Civic Workbench/policy.yaml.
//
//   version: 1
//   default_role: clerk          # accounts not listed (leave out: unlisted accounts may do nothing)
//   accounts:
//     jsmith: supervisor
//     'CITYHALL\mlopez': clerk   # a domain prefix is optional: mlopez matches too
//
// Without any policy file every account is a clerk: the counter works, and nobody can do what
// needs a supervisor until IT says who is one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import { type Role, roleNames, roleRefusal, type ServiceAction } from '../../common/roles.ts';

const PolicyFile = z.strictObject({
  version: z.literal(1),
  default_role: z.enum(roleNames).optional(),
  accounts: z.record(z.string().min(1), z.enum(roleNames)).default({}),
});

export interface Policy {
  /** The file it came from, or null: no policy file, every account a clerk. */
  file: string | null;
  roleOf(account: string): Role | null;
}

export function policyCandidates(dataDir: string): string[] {
  const machine =
    process.platform === 'win32'
      ? join(process.env.ProgramData ?? 'C:\\ProgramData', 'Civic Workbench', 'policy.yaml')
      : process.platform === 'darwin'
        ? '/Library/Application Support/Civic Workbench/policy.yaml'
        : '/etc/civic-workbench/policy.yaml';
  return [process.env.WORKBENCH_POLICY, join(dataDir, 'policy.yaml'), machine].filter(
    (p): p is string => !!p,
  );
}

export function loadPolicy(dataDir: string): Policy {
  const file = policyCandidates(dataDir).find((p) => existsSync(p));
  if (!file) return { file: null, roleOf: () => 'clerk' };
  let parsed: z.infer<typeof PolicyFile>;
  try {
    parsed = PolicyFile.parse(parse(readFileSync(file, 'utf8')));
  } catch (err) {
    const why =
      err instanceof z.ZodError
        ? err.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')
        : (err as Error).message;
    // A broken policy grants nothing: better a refusal IT can fix than a clerk acting as admin.
    throw new WorkbenchError('not_configured', errorText('roles.policy_unreadable', { file, detail: why }));
  }
  const byAccount = new Map<string, Role>();
  for (const [account, role] of Object.entries(parsed.accounts)) byAccount.set(account.toLowerCase(), role);
  return {
    file,
    roleOf(account) {
      const full = account.toLowerCase();
      const bare = full.includes('\\') ? full.slice(full.lastIndexOf('\\') + 1) : full;
      const listed =
        byAccount.get(full) ??
        byAccount.get(bare) ??
        [...byAccount].find(([name]) => name.endsWith(`\\${bare}`))?.[1];
      return listed ?? parsed.default_role ?? null;
    },
  };
}

/** Refuses, in plain words, what the account's role does not allow. */
export function assertAllowed(policy: Policy, account: string, action: ServiceAction): Role {
  const role = policy.roleOf(account);
  if (!role) {
    throw new WorkbenchError('forbidden', errorText('roles.no_role', { account, file: String(policy.file) }));
  }
  const no = roleRefusal(role, action);
  if (no) throw new WorkbenchError('forbidden', no);
  return role;
}
