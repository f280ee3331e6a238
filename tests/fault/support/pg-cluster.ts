// A test-owned PostgreSQL server: its own cluster in a temporary directory, on a free loopback
// port, that the fault tests stop, start and restart without touching the machine's shared server.
// initdb refuses to run as root, so the cluster belongs to the `postgres` OS account. Everything
// that runs while a test's proxy forwards traffic is asynchronous: the proxy lives in the test's
// own event loop, and a synchronous pg_ctl would stall it.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgCluster {
  readonly port: number;
  readonly dir: string;
  start(): Promise<void>;
  /** A fast shutdown: sessions are ended (57P01), as when IT restarts the server. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** Stops the server and removes its directory. */
  destroy(): Promise<void>;
  /** The server log, for a failing test's message. */
  log(): string;
}

function postgresBin(): string {
  const versions = readdirSync('/usr/lib/postgresql')
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('no PostgreSQL server under /usr/lib/postgresql');
  return join('/usr/lib/postgresql', versions[0]!, 'bin');
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export async function createPgCluster(): Promise<PgCluster> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'wb-fault-pg-'));
  const data = join(dir, 'data');
  const owner = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const group = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(dir, owner, group);
  const asPostgres = async (tool: string, args: string[]) => {
    await promisify(execFile)('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], {
      encoding: 'utf8',
      timeout: 60_000,
    });
  };
  await asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  // Loopback only, sockets in the cluster's own directory; durability is not what is tested.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const logFile = join(dir, 'log');
  const cluster: PgCluster = {
    port,
    dir,
    start: () => asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', logFile, '-w', 'start']),
    stop: () => asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    async restart() {
      await cluster.stop();
      await cluster.start();
    },
    async destroy() {
      await asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {}); // not running
      rmSync(dir, { recursive: true, force: true });
    },
    log: () => {
      try {
        return readFileSync(logFile, 'utf8');
      } catch {
        return '';
      }
    },
  };
  try {
    await cluster.start();
  } catch (err) {
    await cluster.destroy();
    throw err;
  }
  return cluster;
}
