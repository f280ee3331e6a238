// The desk's command line as the fault and e2e tests drive it while their proxies forward traffic
// (asynchronously, through startDesk): a command that must succeed, its JSON, and the arguments
// that put Riverton's demo city on a PostgreSQL server and connect more desks to it. One place, so
// every test fails with the same full account (exit, stdout, stderr) when a command goes wrong.
import { startDesk } from './processes.ts';

/** Runs a desk command to its end: what it printed, or an error with everything it said. */
export async function runDesk(dir: string, args: string[]): Promise<string> {
  const { status, signal, stdout, stderr } = await startDesk(dir, args).result;
  if (status !== 0)
    throw new Error(`workbench ${args.join(' ')} exited with ${status ?? signal}\n${stdout}\n${stderr}`);
  return stdout;
}

/** Runs a desk command with --json and parses what it printed. */
export async function runDeskJson<T>(dir: string, args: string[]): Promise<T> {
  const out = await runDesk(dir, [...args, '--json']);
  try {
    return JSON.parse(out) as T;
  } catch {
    throw new Error(`workbench ${args.join(' ')} --json did not print JSON:\n${out}`);
  }
}

/** `workbench demo create`: Riverton's demo city of `size` licences on the PostgreSQL at `connection`. */
export function postgresDemoArgs(connection: string, size: number, seed?: number): string[] {
  return [
    'demo',
    'create',
    '--engine',
    'postgres',
    '--size',
    String(size),
    ...(seed === undefined ? [] : ['--seed', String(seed)]),
    '--connection',
    connection,
  ];
}

/** `workbench connect`: one more desk on a Riverton that another desk created. */
export const connectRivertonArgs = (connection: string): string[] => [
  'connect',
  '--bridge',
  'riverton',
  '--connection',
  connection,
];

/**
 * Desks at one city: the first creates Riverton's demo city (`size`, `seed`) through its
 * connection, the others connect through theirs, and every desk syncs, one after the other.
 */
export async function demoOnDesks(
  desks: ReadonlyArray<{ dir: string; connection: string }>,
  size: number,
  seed: number,
): Promise<void> {
  const [first, ...others] = desks;
  if (!first) throw new Error('demoOnDesks needs at least one desk');
  await runDesk(first.dir, postgresDemoArgs(first.connection, size, seed));
  for (const desk of others) await runDesk(desk.dir, connectRivertonArgs(desk.connection));
  for (const desk of desks) await runDesk(desk.dir, ['sync']);
  // Payments are taken only in an open cash drawer session (issue 5): each desk's clerk opens one.
  for (const desk of desks) await runDesk(desk.dir, ['drawer', 'open', '--float', '0']);
}
