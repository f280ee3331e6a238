// Riverton on a test-owned PostgreSQL cluster, reached by desks through test-owned TCP proxies
// (tests/fault/support): each proxy is one desk's network link, cut and restored by the test.
// Everything the test runs while a proxy forwards is asynchronous: the proxies live in the test's
// event loop, and a spawnSync would stall every desk's link for as long as it runs.
import { startWorkbench } from '../../fault/support/processes.ts';
import { createPgCluster, type PgCluster } from '../../fault/support/pg-cluster.ts';
import { startTcpProxy, type TcpProxy } from '../../fault/support/tcp-proxy.ts';
import { queryLegacy } from '../../integration/support/legacy-databases.ts';

export interface LegacyBehindProxies {
  pg: PgCluster;
  /** One proxy per desk, in the order asked for. */
  links: TcpProxy[];
  /** The ODBC connection string a desk uses through its link. */
  connectionVia(link: TcpProxy): string;
  /** Asks the legacy database directly (not through any link): what it really holds. */
  query<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

const connectionOn = (port: number) =>
  `Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=${port};Uid=postgres;Database=riverton`;

export async function legacyBehindProxies(desks: number): Promise<LegacyBehindProxies> {
  const pg = await createPgCluster();
  const links: TcpProxy[] = [];
  try {
    for (let i = 0; i < desks; i++) links.push(await startTcpProxy(pg.port));
  } catch (err) {
    await pg.destroy();
    throw err;
  }
  return {
    pg,
    links,
    connectionVia: (link) => connectionOn(link.port),
    query: (sql) => queryLegacy(connectionOn(pg.port), sql),
    async close() {
      for (const link of links) {
        link.resume();
        await link.close();
      }
      await pg.destroy();
    },
  };
}

/** The real command line, asynchronously; its output, or an error with everything it said. */
export async function workbenchAsync(dataDir: string, args: string[]): Promise<string> {
  const { status, signal, stdout, stderr } = await startWorkbench(dataDir, args).result;
  if (status !== 0)
    throw new Error(`workbench ${args.join(' ')} exited with ${status ?? signal}\n${stdout}\n${stderr}`);
  return stdout;
}

export async function workbenchJsonAsync<T>(dataDir: string, args: string[]): Promise<T> {
  const out = await workbenchAsync(dataDir, [...args, '--json']);
  try {
    return JSON.parse(out) as T;
  } catch {
    throw new Error(`workbench ${args.join(' ')} --json did not print JSON:\n${out}`);
  }
}

/** YYYY-MM-DD as Riverton's LICEXP (CYYMMDD: century digit 1 for the 2000s). */
export const cyymmdd = (iso: string): number =>
  Number(`${Number(iso.slice(0, 2)) - 19}${iso.slice(2).replaceAll('-', '')}`);
