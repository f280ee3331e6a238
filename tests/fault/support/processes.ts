// The real `workbench` command line, run asynchronously (the test's own proxy must keep forwarding
// while it runs, so spawnSync is out), and the processes it starts, found through /proc.
// startDesk runs the desk itself (src-main/host/cli/main.ts, no launcher in between) in a process group
// of its own, so a test can kill exactly the desk and know when its bridge worker has gone too.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../integration/support/workbench-cli.ts';

export interface CliRun {
  child: ChildProcess;
  /** Resolves when the command has ended. */
  result: Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/**
 * The desks of these tests take renewals again and again, of licences far from their expiry, to
 * exercise replay: they run without the city's fee rules (WORKBENCH_FEE_RULES=none: base amounts,
 * renewals any time), so Riverton's renewal window does not refuse a second renewal. Holds and
 * balances still block (renewableLicences avoids them); tests/unit/fee-rules.test.ts,
 * tests/integration/renewal-fees.test.ts and tests/e2e/renewal-queue.test.ts test the rules.
 */
const deskEnv = () => ({ ...process.env, WORKBENCH_FEE_RULES: process.env.WORKBENCH_FEE_RULES ?? 'none' });

export function startWorkbench(dataDir: string, args: string[]): CliRun {
  return collect(
    spawn(process.execPath, [join(repoRoot, 'bin', 'workbench.cjs'), '--data-dir', dataDir, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: deskEnv(),
    }),
  );
}

/**
 * The desk's own process (cli.ts under this Node 24, without bin/workbench.cjs, whose launcher
 * would be the process a kill hits), leading a process group of its own: its bridge worker joins
 * that group, so `groupAlive` tells when every process of the desk has ended.
 */
export function startDesk(dataDir: string, args: string[]): CliRun {
  return collect(
    spawn(
      process.execPath,
      [
        '--disable-warning=ExperimentalWarning',
        join(repoRoot, 'src-main', 'host', 'cli', 'main.ts'),
        '--data-dir',
        dataDir,
        ...args,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: deskEnv() },
    ),
  );
}

/** Gathers what a started command prints, for when it has ended (both starters above share this). */
function collect(child: ChildProcess): CliRun {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const result = new Promise<Awaited<CliRun['result']>>((resolve) =>
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })),
  );
  return { child, result };
}

/**
 * Whether any process of the group led by `pgid` (a startDesk child and its worker) still runs.
 * A zombie does not count: an orphaned worker that has exited waits for whoever reaps orphans here.
 */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return groupMembers(pgid).length > 0;
}

/** The live (not zombie) processes of a process group, from /proc. */
export function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid pgrp ...: split after the last ")".
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') members.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return members;
}

/** Waits until every process of the group led by `pgid` has ended. */
export async function waitForGroupExit(pgid: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (groupAlive(pgid)) {
    if (Date.now() > until) throw new Error(`process group ${pgid} still runs after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function runWorkbench(dataDir: string, args: string[]) {
  return startWorkbench(dataDir, args).result;
}

/** Every live process below `pid`, with its command line. */
export function descendants(pid: number): Array<{ pid: number; cmdline: string }> {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may hold spaces and parentheses, so split after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // gone meanwhile
    }
  }
  const below = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [child, parent] of parentOf) {
      if (below.has(parent) && !below.has(child)) {
        below.add(child);
        grew = true;
      }
    }
  }
  below.delete(pid);
  return [...below].flatMap((p) => {
    try {
      return [{ pid: p, cmdline: readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').join(' ') }];
    } catch {
      return [];
    }
  });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until `pid` has gone (a killed process is reaped by its parent soon after). */
export async function waitForExit(pid: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > until) throw new Error(`process ${pid} is still running after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
