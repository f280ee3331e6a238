// Runs the real `workbench` command line (bin/workbench.cjs → Node 24 → src-main/host/cli/main.ts)
// against a test-owned desk directory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..', '..');
const bin = join(repoRoot, 'bin', 'workbench.cjs');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one command. Its messages are in English (WB_LANG=en) whatever the machine's locale, as the
 * tests read them; `env` can ask for another language (WB_LANG=es).
 */
export function workbench(
  dataDir: string,
  args: string[],
  timeoutMs = 600_000,
  env: Record<string, string> = {},
): CliResult {
  const r = spawnSync(process.execPath, [bin, '--data-dir', dataDir, ...args], {
    env: { ...process.env, WB_LANG: 'en', ...env },
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a command that must succeed; on failure the error shows what the command printed. */
export function workbenchOk(dataDir: string, args: string[], timeoutMs?: number): string {
  const r = workbench(dataDir, args, timeoutMs);
  if (r.status !== 0)
    throw new Error(`workbench ${args.join(' ')} exited ${r.status}\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

/**
 * `workbench sync --json` that parks changes for a person: it must exit 4 (README, "Command
 * line"); its JSON is returned.
 */
export function syncParkingChanges<T = { push: Record<string, unknown> }>(dataDir: string): T {
  const r = workbench(dataDir, ['sync', '--json']);
  if (r.status !== 4)
    throw new Error(
      `workbench sync --json exited ${r.status}, not 4 (changes need a person)\n${r.stderr}\n${r.stdout}`,
    );
  return JSON.parse(r.stdout) as T;
}

export const newDeskDir = (label: string) => mkdtempSync(join(tmpdir(), `wb-${label}-`));

/** One licence `workbench search --json` finds. */
export interface SearchHit {
  licenceId: string;
  businessId: string;
  businessName: string;
  status: string;
  expiresOn: string | null;
}

/** `workbench search <text> --json` (with `--limit` when given): the licences found. */
export const searchLicences = (dataDir: string, text: string, limit?: number): SearchHit[] =>
  JSON.parse(
    workbenchOk(dataDir, ['search', text, '--json', ...(limit ? ['--limit', String(limit)] : [])]),
  ) as SearchHit[];

/** What a clerk types for a name: its first word of `minLength` letters or more, less its last two. */
export function partOfName(name: string, minLength: number): string {
  const word = name.split(' ').find((w) => w.length >= minLength) ?? name;
  return word.slice(0, Math.max(3, word.length - 2));
}
