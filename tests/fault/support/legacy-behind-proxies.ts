// Riverton on a test-owned PostgreSQL cluster, reached by desks through test-owned TCP proxies:
// each proxy is a network link, cut, stalled and restored by the test. Shared by the fault tests
// and the e2e tests that take a desk through an outage. Everything a test runs while a proxy
// forwards is asynchronous: the proxies live in the test's event loop, and a spawnSync would stall
// every link for as long as it runs.
import { queryLegacy } from '../../integration/support/legacy-databases.ts';
import { demoOnDesks } from './desk-commands.ts';
import { createPgCluster, type PgCluster } from './pg-cluster.ts';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';

export interface LegacyBehindProxies {
  pg: PgCluster;
  /** The proxies, in the order they were asked for (one per desk, or one that all desks share). */
  links: TcpProxy[];
  /** The ODBC connection string straight to the server, past every link: what it really holds. */
  direct: string;
  /** The ODBC connection string a desk uses through this link. */
  connectionVia(link: TcpProxy): string;
  /** Asks the legacy database directly (not through any link). */
  query<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

const connectionOn = (port: number) =>
  `Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=${port};Uid=postgres;Database=riverton`;

/** A fresh cluster with `count` proxies in front of it; close() removes them all. */
export async function legacyBehindProxies(count: number): Promise<LegacyBehindProxies> {
  const pg = await createPgCluster();
  const links: TcpProxy[] = [];
  try {
    for (let i = 0; i < count; i++) links.push(await startTcpProxy(pg.port));
  } catch (err) {
    for (const link of links) await link.close();
    await pg.destroy();
    throw err;
  }
  const direct = connectionOn(pg.port);
  return {
    pg,
    links,
    direct,
    connectionVia: (link) => connectionOn(link.port),
    query: (sql) => queryLegacy(direct, sql),
    async close() {
      for (const link of links) {
        link.resume();
        await link.close();
      }
      await pg.destroy();
    },
  };
}

/**
 * Desks at one city behind one shared link (one cut takes them all offline): a fresh cluster and
 * proxy, Riverton's demo city (`size`, `seed`) created by the first desk, the others connected,
 * every desk synced.
 */
export async function demoBehindOneLink(
  dirs: string[],
  size: number,
  seed: number,
): Promise<{ legacy: LegacyBehindProxies; link: TcpProxy }> {
  const legacy = await legacyBehindProxies(1);
  const link = legacy.links[0]!;
  try {
    await demoOnDesks(
      dirs.map((dir) => ({ dir, connection: legacy.connectionVia(link) })),
      size,
      seed,
    );
  } catch (err) {
    await legacy.close();
    throw err;
  }
  return { legacy, link };
}
