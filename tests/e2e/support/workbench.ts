// Drives the real `workbench` command line (bin/workbench.cjs → Node 24 → src-main/host/cli/main.ts)
// against a test-owned desk directory, and runs `workbench serve` as a child process.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..', '..');
const bin = join(repoRoot, 'bin', 'workbench.cjs');

/**
 * Runs one command to completion; throws with its output when it ends with another exit code than
 * `expectedStatus` (0; 4 for a sync that parks changes for a person).
 */
export function workbench(dataDir: string, args: string[], timeoutMs = 600_000, expectedStatus = 0): string {
  const r = spawnSync(process.execPath, [bin, '--data-dir', dataDir, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== expectedStatus) {
    throw new Error(
      `workbench ${args.join(' ')} exited with ${r.status ?? r.signal}\n${r.stdout}\n${r.stderr}${r.error ? `\n${r.error}` : ''}`,
    );
  }
  return r.stdout;
}

export function workbenchJson<T>(dataDir: string, args: string[]): T {
  const out = workbench(dataDir, [...args, '--json']);
  try {
    return JSON.parse(out) as T;
  } catch {
    throw new Error(`workbench ${args.join(' ')} --json did not print JSON:\n${out}`);
  }
}

export type Served = { url: string; stop: () => Promise<void>; output: () => string };

/**
 * Starts `workbench serve --port 0` in its own process group (the launcher hands over to a Node 24
 * child, so the whole group is stopped) and waits for the line with the URL and token.
 */
export async function serve(dataDir: string, timeoutMs = 60_000): Promise<Served> {
  const child: ChildProcess = spawn(process.execPath, [bin, '--data-dir', dataDir, 'serve', '--port', '0'], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    }
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`workbench serve printed no URL in time:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`workbench serve exited (${code ?? signal}) before printing its URL:\n${output}`));
    });
  }).catch(async (err) => {
    await stop();
    throw err;
  });
  return { url, stop, output: () => output };
}
